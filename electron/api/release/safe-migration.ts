import { hkdfSync, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import type { DataSource } from 'typeorm';
import { AppError } from '../../../common/errors';
import { safeText } from '../safe-log';
import {
  applyKey,
  databasePath,
  openDatabase,
  type OpenOptions,
} from '../../../database/data-source';
import { KeySlotFile, type ScryptParams } from '../../../database/keyslots';
import { MIGRATIONS } from '../../../database/migrations';
import { checkDatabase, snapshotDatabase, writeEncryptedDatabase } from '../backup/database-image';
import { unwrapPassphrase } from '../backup/auto-settings';
import { programVersion } from '../backup/export';
import { decryptBackup, verifyBackup } from '../backup/format/decrypt';
import { DEFAULT_BACKUP_SCRYPT, encryptBackup } from '../backup/format/encrypt';
import { parsePayload, payloadHead } from '../backup/payload';
import type { Clock } from '../clock';

/**
 * Safe migration across program versions. When a new version first opens a database that needs
 * its migrations, an encrypted backup in the backup format is written into the data folder and
 * read back before the first migration runs; if a migration fails, that backup is put back, so the
 * register stays exactly as the previous version left it, and the user is told why.
 *
 * The backup is made from the pieces of the backup domain (snapshot, payload, format) rather than
 * its exportBackup: that reads the institution through the current entities, which may already
 * expect columns the old schema does not have yet.
 */

export const PRE_UPDATE_FOLDER = 'pre-update-backups';
/** Each is a whole encrypted register; older ones go. */
const KEEP = 3;

export interface SafeOpenOptions extends Omit<OpenOptions, 'beforeMigrate' | 'create'> {
  clock: Clock;
  /** The backend's KDF parameters: tests pass cheap ones, production gets the backup default. */
  scrypt: ScryptParams;
}

/**
 * The passphrase of a pre-update backup: the automatic-backup passphrase when the head has set
 * one (so that she can also restore the file by hand from the backup screen), otherwise one
 * derived from the master key (the file is then exactly as secret as the database itself).
 */
async function passphraseFor(db: DataSource, key: Buffer): Promise<string> {
  try {
    const rows = await db.query<{ p: string | null }[]>(
      'SELECT passphrase_wrapped AS p FROM backup_settings WHERE id = 1',
    );
    if (rows[0]?.p) return unwrapPassphrase(key, rows[0].p);
  } catch {
    // An old schema without the table, or a passphrase that does not unwrap: use the derived one.
  }
  const derived = hkdfSync('sha256', key, Buffer.alloc(0), 'kindergarten-register/pre-update', 32);
  return Buffer.from(derived).toString('base64url');
}

function backupScrypt(scrypt: ScryptParams): ScryptParams {
  return scrypt.N >= DEFAULT_BACKUP_SCRYPT.N ? DEFAULT_BACKUP_SCRYPT : scrypt;
}

function stamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
}

interface Taken {
  file: string;
  passphrase: string;
}

/** Writes, fsyncs and verifies the backup before anything is migrated. */
async function takeBackup(db: DataSource, options: SafeOpenOptions, from: number): Promise<Taken> {
  const folder = path.join(options.dataDir, PRE_UPDATE_FOLDER);
  await fs.mkdir(folder, { recursive: true });
  const now = options.clock.now();
  // The time first, so that the names sort oldest first (prune).
  const name = `pre-update_${stamp(now)}_schema-${from}-to-${MIGRATIONS.length}.kgbak`;
  const file = path.join(folder, name);
  const tmp = `${file}.${randomBytes(4).toString('hex')}.partial`;
  const passphrase = await passphraseFor(db, options.key);
  const image = snapshotDatabase(db);
  const head = payloadHead(await fs.readFile(KeySlotFile.pathIn(options.dataDir)), options.key);
  const metadata = {
    programVersion: programVersion(),
    schemaVersion: from,
    createdAt: now.toISOString(),
    originalSize: head.length + image.length,
  };
  try {
    const source = encryptBackup([head, image], {
      passphrase,
      scrypt: backupScrypt(options.scrypt),
      metadata,
    });
    // The stream closes the file when it finishes; a second handle makes it durable.
    await pipeline(source, (await fs.open(tmp, 'wx', 0o600)).createWriteStream());
    const written = await fs.open(tmp, 'r+');
    try {
      await written.sync();
    } finally {
      await written.close();
    }
    const check = await verifyBackup(createReadStream(tmp), passphrase);
    if (check.plaintextBytes !== metadata.originalSize) throw new Error('size');
    await fs.rename(tmp, file);
    await syncFolder(folder);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await prune(folder);
  return { file, passphrase };
}

/** Makes a rename durable (not possible on Windows, where the rename already is). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

async function prune(folder: string): Promise<void> {
  const names = (await fs.readdir(folder)).filter((n) => n.endsWith('.kgbak')).sort();
  for (const name of names.slice(0, -KEEP)) await fs.rm(path.join(folder, name), { force: true });
}

/**
 * Puts the pre-update backup back in place of the live database: decrypted and authenticated in
 * full, written re-encrypted beside the live file, checked, then renamed over it. The key slot
 * file is left alone: nothing in an update changes it, and it holds today's lockout counters.
 */
export async function restorePreUpdateBackup(
  taken: Taken,
  dataDir: string,
  nativeBinding?: string,
): Promise<void> {
  const parts: Buffer[] = [];
  for await (const part of decryptBackup(createReadStream(taken.file), {
    passphrase: taken.passphrase,
  })) {
    parts.push(part);
  }
  const payload = parsePayload(Buffer.concat(parts));
  if (!payload) throw new Error('The pre-update backup holds no register.');
  const staging = await fs.mkdtemp(path.join(dataDir, '.pre-update-restore-'));
  try {
    const staged = databasePath(staging);
    writeEncryptedDatabase(payload.image, staged, payload.masterKey, nativeBinding);
    sameSequences(payload.image, staged, payload.masterKey, nativeBinding);
    const problem = checkDatabase(staged, payload.masterKey, nativeBinding);
    if (problem) throw new Error(`The pre-update backup failed its ${problem} check.`);
    const live = databasePath(dataDir);
    for (const suffix of ['-wal', '-shm', '-journal']) await fs.rm(live + suffix, { force: true });
    await fs.rename(staged, live);
    await syncFolder(dataDir);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Left when a restore failed; deleting it (after repairing the data folder) allows a new try. */
const STUCK_FILE = 'RESTORE-FAILED.json';
const stuckMarker = (dataDir: string) => path.join(dataDir, PRE_UPDATE_FOLDER, STUCK_FILE);

async function readStuck(dataDir: string): Promise<{ file: string } | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(stuckMarker(dataDir), 'utf8')) as {
      file?: unknown;
    };
    return { file: typeof parsed.file === 'string' ? parsed.file : stuckMarker(dataDir) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { file: stuckMarker(dataDir) };
  }
}

/**
 * writeEncryptedDatabase copies each table with INSERT … SELECT, after which SQLite keeps a
 * sqlite_sequence row (seq 0) even for an empty AUTOINCREMENT table: the same meaning, but not
 * the same rows. The restored file gets the image's rows, so it is the register exactly as it was.
 */
function sameSequences(image: Buffer, file: string, key: Buffer, nativeBinding?: string): void {
  const copy = Buffer.from(image);
  copy[18] = 1; // the WAL flag: an in-memory database opens in rollback mode
  copy[19] = 1;
  const source = new Database(copy, { nativeBinding });
  const target = new Database(file, { fileMustExist: true, nativeBinding });
  try {
    const hasSequences = (db: Database.Database) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
    applyKey(target, key);
    if (!hasSequences(source) || !hasSequences(target)) return;
    const rows = source.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY rowid').all();
    const insert = target.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (@name, @seq)');
    target.transaction(() => {
      target.exec('DELETE FROM sqlite_sequence');
      for (const row of rows) insert.run(row);
    })();
  } finally {
    source.close();
    target.close();
  }
}

/**
 * Opens the register for use (the login path): as openDatabase, with the pre-update backup
 * before pending migrations and its restore when one of them fails. The refusal names the
 * failing step in the user's language (MIGRATION_FAILED); the details go to the log.
 */
export async function openWithSafeMigration(options: SafeOpenOptions): Promise<DataSource> {
  const stuck = await readStuck(options.dataDir);
  if (stuck) throw new AppError('MIGRATION_FAILED', 'release.migrationRestoreFailed', stuck);
  const made: { backup?: Taken; from?: number } = {};
  try {
    return await openDatabase({
      ...options,
      beforeMigrate: async (db, pending) => {
        made.from = MIGRATIONS.length - pending.length;
        made.backup = await takeBackup(db, options, made.from);
        console.info(
          `Database schema ${made.from} → ${MIGRATIONS.length} (${pending.join(', ')}); ` +
            `pre-update backup ${path.basename(made.backup.file)}`,
        );
      },
    });
  } catch (err) {
    const backup = made.backup;
    if (!backup) throw err; // nothing was migrated: openDatabase's own refusal stands
    const reason = err instanceof Error ? err.message : String(err);
    console.error(`Migration to schema ${MIGRATIONS.length} failed: ${reason}`);
    try {
      await restorePreUpdateBackup(backup, options.dataDir, options.nativeBinding);
    } catch (restoreErr) {
      console.error('Restoring the pre-update backup failed:', safeText(restoreErr));
      // From now on nothing opens the half-migrated database (a later attempt would back it up
      // and in time prune the good backup): a person has to look at it.
      const stuckAt = { file: backup.file };
      await fs
        .writeFile(stuckMarker(options.dataDir), JSON.stringify(stuckAt))
        .catch(() => undefined);
      throw new AppError('MIGRATION_FAILED', 'release.migrationRestoreFailed', stuckAt);
    }
    console.info(`Restored ${path.basename(backup.file)}: the database is at schema ${made.from}.`);
    throw new AppError('MIGRATION_FAILED', 'release.migrationFailed', {
      version: programVersion(),
      reason: reason.slice(0, 300),
      file: path.basename(backup.file),
    });
  }
}
