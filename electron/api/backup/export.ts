import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { ExportResult } from '../../../common/contract/backup';
import { AppError } from '../../../common/errors';
import { Institution } from '../../../database/entities';
import type { ScryptParams } from '../../../database/kdf';
import { KeySlotFile, type SlotFileData } from '../../../database/keyslots';
import { MIGRATIONS } from '../../../database/migrations';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { safeText } from '../safe-log';
import type { SessionState } from '../session';
import { snapshotDatabase } from './database-image';
import { fieldError, fileTimestamp, fsyncDir, fsyncFile } from './files';
import { verifyBackup } from './format/decrypt';
import { DEFAULT_BACKUP_SCRYPT, encryptBackup } from './format/encrypt';
import { encodeLogical } from './logical-payload';
import { payloadHead } from './payload';
import { onePcOnly } from './one-pc';
import { startSnapshotThread } from './snapshot-thread';

/** Export: the open register, verified, into one backup file on a stick or a share. */

export const BACKUP_EXTENSION = '.kgbak';
const PIECE = 1024 * 1024;

let programVersionCache: string | undefined;
/** The version in package.json (the app root, also inside app.asar), found from this file. */
export function programVersion(): string {
  if (programVersionCache) return programVersionCache;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kindergarten-register' && pkg.version) {
        return (programVersionCache = pkg.version);
      }
    }
    dir = path.dirname(dir);
  }
  return (programVersionCache = '0.0.0');
}

/**
 * The backup KDF follows the backend's `scrypt` option (the same one the key slots use): tests
 * pass cheap parameters there; production leaves it unset and gets N = 2^17.
 */
export function backupScrypt(state: SessionState): ScryptParams {
  const { N, r, p } = state.scrypt;
  return N >= DEFAULT_BACKUP_SCRYPT.N ? DEFAULT_BACKUP_SCRYPT : { N, r, p };
}

/** "PII «Zīlīte»" → "PII-Zīlīte": letters and digits of any script, no path characters. */
export function fileSafeName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return safe || 'register';
}

export async function checkFolder(folder: string, field: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch {
    throw fieldError(field, 'backup.folderMissing');
  }
  if (!stat.isDirectory()) throw fieldError(field, 'backup.folderMissing');
  try {
    await fs.access(folder, fs.constants.W_OK);
  } catch {
    throw fieldError(field, 'backup.folderNotWritable');
  }
}

function writeErrorKey(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    ? 'backup.folderNotWritable'
    : 'backup.writeFailed';
}

export interface ExportOptions {
  folder: string;
  passphrase: string;
  /** Marks the file name so that rotation only ever deletes automatic backups. */
  auto?: boolean;
  /**
   * Runs the part that fixes what the backup holds (the snapshot's pin, the slot file) alone,
   * when the export runs beside the session's calls (the automatic backup after login).
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Called with the fraction (0..1) of the snapshot compressed and encrypted so far. */
  onProgress?: (fraction: number) => void;
  /** Tests: runs after the snapshot's moment is pinned, before its pages are read. */
  afterPin?: () => Promise<void>;
  /** Tests: runs after the snapshot is written under its temporary name, before verifying. */
  beforeVerify?: (tmpFile: string) => Promise<void> | void;
}

/**
 * Exports the open register into `folder`: an in-memory snapshot (never a plain file), streamed
 * through the backup format into a temporary file with a non-final name, fsynced, read back and
 * verified, and only then renamed to its final name. Any failure removes the temporary file.
 * `format: 'logical'` writes payload version 2 (a logical dump) instead of the SQLite image.
 */
export async function exportBackup(
  state: SessionState,
  options: ExportOptions & { format?: 'image' | 'logical' },
): Promise<ExportResult> {
  await checkFolder(options.folder, 'folder');
  const now = state.clock.now();
  const exclusive = options.exclusive ?? (<T>(work: () => Promise<T>) => work());
  const write = (institution: Institution, pieces: Buffer[]) =>
    writeBackup(pieces, {
      ...options,
      name: fileSafeName(institution.name),
      now,
      scrypt: backupScrypt(state),
    });
  // Calls run one at a time (Router), so between two of them the slot file and the database
  // agree; a background export reads both there.
  const slotFile = () => fs.readFile(KeySlotFile.pathIn(state.dataDir));
  const institutionOf = (db: DataSource) =>
    db.getRepository(Institution).findOneByOrFail({ id: 1 });
  if (options.format === 'logical') {
    const { institution, pieces } = await exclusive(async () => {
      const db = state.db;
      const credentials = {
        slots: JSON.parse((await slotFile()).toString('utf8')) as SlotFileData,
        masterKey: state.masterKey.toString('base64'),
      };
      return {
        institution: await institutionOf(db),
        pieces: await collect(encodeLogical(db, credentials)),
      };
    });
    return write(institution, pieces);
  }
  // The image is read on a worker thread: the exclusive part is only its pin (the start of its
  // read transaction) and the slot file, so calls go on while the pages are read.
  const snapshot = startSnapshotThread(state.dataDir, state.masterKey, state.nativeBinding);
  try {
    // A worker that cannot open the file (a build without worker support for the driver) must
    // not cost the backup: the image is then read on this thread, as before, between calls.
    const onThread = await snapshot.ready.then(
      () => true,
      (err: unknown) => {
        console.error('Backup snapshot on the main thread:', safeText(err));
        return false;
      },
    );
    const pinned = await exclusive(async () => {
      if (onThread) await snapshot.pin();
      return {
        institution: await institutionOf(state.db),
        slots: await slotFile(),
        image: onThread ? undefined : snapshotDatabase(state.db),
      };
    });
    await options.afterPin?.();
    const image = pinned.image ?? (await snapshot.image());
    const pieces = [payloadHead(pinned.slots, state.masterKey)];
    for (let at = 0; at < image.length; at += PIECE) pieces.push(image.subarray(at, at + PIECE));
    return await write(pinned.institution, pieces);
  } finally {
    await snapshot.stop();
  }
}

/** A generator's pieces kept (about a megabyte each): the header states their total size. */
export async function collect(source: AsyncGenerator<Buffer>): Promise<Buffer[]> {
  const pieces: Buffer[] = [];
  for await (const piece of source) pieces.push(piece);
  return pieces;
}

/** Encrypts `pieces` into `<name>_<time>.kgbak` in the folder, verified before it is named. */
export async function writeBackup(
  pieces: Buffer[],
  options: ExportOptions & { name: string; now: Date; scrypt: ScryptParams },
): Promise<ExportResult> {
  const { now } = options;
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const base = `${options.name}_${options.auto ? 'auto_' : ''}${fileTimestamp(now)}`;
  let finalName = `${base}${BACKUP_EXTENSION}`;
  for (let n = 2; existsSync(path.join(options.folder, finalName)); n++) {
    finalName = `${base}-${n}${BACKUP_EXTENSION}`;
  }
  const finalFile = path.join(options.folder, finalName);
  const tmpFile = path.join(
    options.folder,
    `.${finalName}.${randomBytes(4).toString('hex')}.partial`,
  );

  const source = function* (): Generator<Buffer> {
    yield* pieces;
  };
  const encryptOptions = {
    passphrase: options.passphrase,
    scrypt: options.scrypt,
    metadata: {
      programVersion: programVersion(),
      schemaVersion: MIGRATIONS.length,
      createdAt: now.toISOString(),
      originalSize: total,
    },
    onProgress: (bytes: number) => options.onProgress?.(bytes / total),
  };
  try {
    try {
      const handle = await fs.open(tmpFile, 'wx', 0o600);
      try {
        await pipeline(encryptBackup(source(), encryptOptions), handle.createWriteStream());
      } finally {
        await handle.close().catch(() => undefined);
      }
      await fsyncFile(tmpFile);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw fieldError('folder', writeErrorKey(err));
    }
    await options.beforeVerify?.(tmpFile);
    try {
      const result = await verifyBackup(createReadStream(tmpFile), options.passphrase);
      if (result.plaintextBytes !== total) throw new Error('size');
    } catch {
      throw fieldError('folder', 'backup.verifyFailed');
    }
    try {
      await fs.rename(tmpFile, finalFile);
      await fsyncDir(options.folder);
    } catch (err) {
      throw fieldError('folder', writeErrorKey(err));
    }
  } catch (err) {
    await fs.rm(tmpFile, { force: true }).catch(() => undefined);
    throw err;
  }
  const bytes = (await fs.stat(finalFile)).size;
  return { file: finalFile, bytes, createdAt: now.toISOString() };
}

/** The head's export from the backup screen (automatic backups record their own event). */
export async function exportOnRequest(
  ctx: Context,
  input: ParsedInput<'backup.export'>,
): Promise<ExportResult> {
  onePcOnly(ctx.state);
  const result = await exportBackup(ctx.state, {
    folder: input.folder,
    passphrase: input.passphrase,
  });
  // No transaction can hold a file on a stick: the record follows the rename of the verified
  // file, so a failed export is never logged as made.
  await audit(ctx.db.manager, ctx.now(), {
    action: 'backup.file.export',
    actorId: ctx.user.id,
    entity: 'backup',
    after: { file: result.file, bytes: result.bytes },
  });
  return result;
}
