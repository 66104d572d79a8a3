import { z } from 'zod';
import { method, type Permissions } from './define';

/** A backup passphrase protects the whole register on a USB stick: longer than a password. */
export const BACKUP_PASSPHRASE_MIN = 12;
export const PATH_MAX = 1000;

/**
 * A full path on the PC where the backend runs (browser mode and the desktop app alike): POSIX
 * '/…', Windows 'C:\…' or a UNC share '\\server\…'. Relative paths would depend on the
 * backend's working folder, so they are refused.
 */
export const pathSchema = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(PATH_MAX, 'v.tooLong')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'backup.pathAbsolute');

const passphrase = z.string().min(BACKUP_PASSPHRASE_MIN, 'v.tooShort').max(200, 'v.tooLong');

/** A new passphrase typed twice; refused before any work starts when the two differ. */
const typedTwice = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, passphrase, passphraseRepeat: z.string().max(200, 'v.tooLong') })
    .strict()
    .refine((v) => v.passphrase === v.passphraseRepeat, {
      path: ['passphraseRepeat'],
      message: 'backup.passphraseMismatch',
    });

export const exportSchema = typedTwice({ folder: pathSchema });

/** Restoring asks for the passphrase once: a wrong one is simply refused. */
export const restoreSchema = z
  .object({ file: pathSchema, passphrase: z.string().min(1, 'v.required').max(200, 'v.tooLong') })
  .strict();

/**
 * Automatic backups. The passphrase is set once: left empty it keeps the stored one; typed, it
 * must be typed twice and be long enough.
 */
export const autoSettingsSchema = z
  .object({
    enabled: z.boolean(),
    folder: z.string().trim().max(PATH_MAX, 'v.tooLong'),
    passphrase: z.string().max(200, 'v.tooLong'),
    passphraseRepeat: z.string().max(200, 'v.tooLong'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.enabled || v.folder !== '') {
      const folder = pathSchema.safeParse(v.folder);
      if (!folder.success) {
        ctx.addIssue({ code: 'custom', path: ['folder'], message: folder.error.issues[0].message });
      }
    }
    if (v.passphrase !== '' && v.passphrase.length < BACKUP_PASSPHRASE_MIN) {
      ctx.addIssue({
        code: 'too_small',
        type: 'string',
        minimum: BACKUP_PASSPHRASE_MIN,
        inclusive: true,
        path: ['passphrase'],
        message: 'v.tooShort',
      });
    }
    if (v.passphrase !== v.passphraseRepeat) {
      ctx.addIssue({
        code: 'custom',
        path: ['passphraseRepeat'],
        message: 'backup.passphraseMismatch',
      });
    }
  });

/**
 * Browser mode's folder picker (a page cannot open the PC's own dialog): the folders and backup
 * files in one folder on the PC where the backend runs. The desktop build opens the system's
 * Open dialog instead (electron/file-dialogs.ts) and refuses these calls.
 */
export const browseSchema = z
  .object({
    /** The folder to list; the user's home folder when left out. */
    path: pathSchema.optional(),
    /** Also list backup files (*.kgbak), for restoring. */
    backups: z.boolean().default(false),
  })
  .strict();

export interface FolderListing {
  /** The folder listed, as a full path. */
  path: string;
  /** Its parent, or null at a root. */
  parent: string | null;
  /** Names of the folders in it, sorted. */
  folders: string[];
  /** Names of the backup files in it (when asked for), sorted. */
  backups: string[];
  /** Where to start over: '/' and the home folder, or the drives on Windows. */
  roots: string[];
  /** Set when the folder holds more entries than are listed. */
  truncated: boolean;
}

export interface ExportResult {
  /** Full path of the verified backup file. */
  file: string;
  bytes: number;
  /** UTC instant the snapshot was taken. */
  createdAt: string;
}

export interface RestoreResult {
  /** When the restored backup was made (UTC instant). */
  backupCreatedAt: string;
  /** Folder holding the replaced database and key slots (in-app restore only). */
  safetyCopy?: string;
}

export interface AutoBackupSettings {
  enabled: boolean;
  folder: string;
  passphraseSet: boolean;
  lastSuccessAt: string | null;
  lastSuccessFile: string | null;
  lastFailureAt: string | null;
  /** The failure in the session's language. */
  lastFailure: string | null;
}

export interface BackupStatus {
  /** Set when the last automatic backup failed and none has succeeded since. */
  failure: { at: string; message: string } | null;
}

export const backupContract = {
  /** Snapshot, compress, encrypt, write to the folder under a temporary name, verify, rename. */
  'backup.export': method<ExportResult>()(exportSchema),
  /** Replaces the register with a backup; the session is closed and everyone logs in again. */
  'backup.restore': method<RestoreResult>()(restoreSchema),
  /** The same on a new PC, from the first-run screen (phase 'setup' only). */
  'backup.restoreSetup': method<RestoreResult>()(restoreSchema),
  'backup.getAuto': method<AutoBackupSettings>()(z.object({}).strict()),
  'backup.saveAuto': method<AutoBackupSettings>()(autoSettingsSchema),
  /** For the head's home screen: a failed automatic backup. */
  'backup.status': method<BackupStatus>()(z.object({}).strict()),
  /** Browser mode: list a folder for the backup folder or file picker. */
  'backup.browse': method<FolderListing>()(browseSchema),
  /** The same on the first-run screen of a new PC (phase 'setup' only). */
  'backup.browseSetup': method<FolderListing>()(browseSchema),
};

export const backupPermissions: Permissions<typeof backupContract> = {
  'backup.export': ['head'],
  'backup.restore': ['head'],
  'backup.restoreSetup': 'public',
  'backup.getAuto': ['head'],
  'backup.saveAuto': ['head'],
  'backup.status': ['head'],
  'backup.browse': ['head'],
  'backup.browseSetup': 'public',
};
