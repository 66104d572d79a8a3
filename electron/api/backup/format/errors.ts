/** Why a backup file is refused; each reason has its own message for the head. */
export const BACKUP_ERROR_REASONS = [
  'not-a-backup',
  'newer-format',
  'wrong-passphrase',
  'header-tampered',
  'chunk-tampered',
  'truncated',
  'trailing-data',
] as const;
export type BackupErrorReason = (typeof BACKUP_ERROR_REASONS)[number];

/** Message keys for the caller's catalog (Latvian and English text live there). */
export const BACKUP_ERROR_KEYS: Readonly<Record<BackupErrorReason, string>> = {
  'not-a-backup': 'backup.notABackup',
  'newer-format': 'backup.newerFormat',
  'wrong-passphrase': 'backup.wrongPassphrase',
  'header-tampered': 'backup.headerTampered',
  'chunk-tampered': 'backup.chunkTampered',
  truncated: 'backup.truncated',
  'trailing-data': 'backup.trailingData',
};

export class BackupFormatError extends Error {
  constructor(
    readonly reason: BackupErrorReason,
    /** For 'chunk-tampered': the 0-based index of the chunk that failed (absent if not one chunk). */
    readonly chunkIndex?: number,
    detail?: string,
  ) {
    super(
      `Backup ${reason}` +
        (chunkIndex === undefined ? '' : ` (chunk ${chunkIndex})`) +
        (detail ? `: ${detail}` : ''),
    );
    this.name = 'BackupFormatError';
  }

  get key(): string {
    return BACKUP_ERROR_KEYS[this.reason];
  }
}
