import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../common/contract/backup';
import { AppError } from '../../../common/errors';
import { DATABASE_FILE, databasePath, openDatabase } from '../../../database/data-source';
import { restrictToOwner } from '../../../database/file-modes';
import { KeySlotFile, SLOT_FILE, writeFileAtomic } from '../../../database/keyslots';
import { MIGRATIONS } from '../../../database/migrations';
import { audit } from '../audit/audit';
import type { SessionState } from '../session';
import { checkDatabase, writeEncryptedDatabase } from './database-image';
import { fieldError, fileTimestamp, fsyncDir, fsyncFile } from './files';
import { decryptBackup } from './format/decrypt';
import { BackupFormatError } from './format/errors';
import type { BackupHeader } from './format/header';
import { logicalToImage, type Staged } from './logical-restore';
import { payloadVersion } from './logical-payload';
import { PAYLOAD_MAGIC, parsePayload } from './payload';
import { onePcOnly } from './one-pc';

/**
 * Restore: a backup becomes the register again, in the app (the head, with a safety copy of the
 * live register) or on a new PC (the first-run screen, into an empty data folder).
 */

/** Safety copies of replaced databases kept in the data folder. */
const KEEP_SAFETY_COPIES = 3;
export const SAFETY_FOLDER = 'safety-copies';

function formatError(err: BackupFormatError): AppError {
  return fieldError(err.reason === 'wrong-passphrase' ? 'passphrase' : 'file', err.key);
}

/**
 * The decrypted payload, piece by piece, with its header; format errors become the head's
 * messages. Every piece is authenticated before it is yielded; the last one proves the file
 * whole (a payload version 1 is only used once all of it has been read).
 */
export async function openBackup(
  file: string,
  passphrase: string,
): Promise<{ header: BackupHeader; version: 1 | 2; pieces: AsyncGenerator<Buffer> }> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a file');
  } catch {
    throw fieldError('file', 'backup.fileMissing');
  }
  let header: BackupHeader | undefined;
  const source = (async function* () {
    try {
      yield* decryptBackup(createReadStream(file), {
        passphrase,
        onHeader: (h) => {
          header = h;
          // Refused before any chunk is decrypted.
          if (h.metadata.schemaVersion > MIGRATIONS.length) {
            throw fieldError('file', 'backup.newerSchema');
          }
        },
      });
    } catch (err) {
      if (err instanceof BackupFormatError) throw formatError(err);
      if (err instanceof AppError) throw err;
      throw fieldError('file', 'backup.notABackup');
    }
  })();
  let first: Buffer = Buffer.alloc(0);
  while (first.length < PAYLOAD_MAGIC.length) {
    const next = await source.next();
    if (next.done) break;
    first = Buffer.concat([first, next.value]);
  }
  if (!header) throw fieldError('file', 'backup.notABackup');
  const version = payloadVersion(first);
  if (version === 'newer') throw fieldError('file', 'backup.newerFormat');
  if (version === null) throw fieldError('file', 'backup.payloadInvalid');
  const pieces = (async function* () {
    yield first;
    yield* source;
  })();
  return { header, version, pieces };
}

/** A fresh folder inside the data folder (same file system: the final renames are atomic). */
async function stagingFolder(dataDir: string): Promise<string> {
  return fs.mkdtemp(path.join(dataDir, '.restore-'));
}

interface Prepared {
  staging: string;
  backupCreatedAt: string;
}

/**
 * Builds the restored register beside the live one: the database re-encrypted with the master
 * key carried by the backup, checked, migrated, and the slot file. The live files are not
 * touched; on any failure the staging folder is removed.
 */
async function prepareRestore(
  state: SessionState,
  file: string,
  passphrase: string,
  restoredBy: string | null,
): Promise<Prepared> {
  const { header, version, pieces } = await openBackup(file, passphrase);
  let staged: Staged;
  if (version === 1) {
    const parts: Buffer[] = [];
    for await (const part of pieces) parts.push(part);
    const payload = parsePayload(Buffer.concat(parts));
    if (!payload) throw fieldError('file', 'backup.payloadInvalid');
    staged = {
      ...payload,
      writeSlots: (dir) => writeFileAtomic(path.join(dir, SLOT_FILE), payload.slots),
    };
  } else {
    staged = await logicalToImage(pieces, state.clock.now(), state.nativeBinding);
  }
  const staging = await stagingFolder(state.dataDir);
  try {
    const stagedDb = databasePath(staging);
    try {
      writeEncryptedDatabase(staged.image, stagedDb, staged.masterKey, state.nativeBinding);
    } catch (err) {
      if ((err as Error).message === 'integrity') {
        throw fieldError('file', 'backup.integrityFailed');
      }
      throw fieldError('file', 'backup.payloadInvalid');
    }
    const problem = checkDatabase(stagedDb, staged.masterKey, state.nativeBinding);
    if (problem === 'integrity') throw fieldError('file', 'backup.integrityFailed');
    if (problem === 'foreignKeys') throw fieldError('file', 'backup.foreignKeysFailed');
    await staged.writeSlots(staging);
    // Also refuses slots whose scrypt parameters are out of bounds (database/kdf.ts).
    await KeySlotFile.load(staging).catch(() => {
      throw fieldError('file', 'backup.payloadInvalid');
    });
    // openDatabase refuses a newer database and migrates an older one (each migration ends
    // with foreign_key_check); the restore is recorded in the restored register's own log.
    let restored;
    try {
      restored = await openDatabase({
        dataDir: staging,
        key: staged.masterKey,
        nativeBinding: state.nativeBinding,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'DATABASE_TOO_NEW') {
        throw fieldError('file', 'backup.newerSchema');
      }
      throw fieldError('file', 'backup.integrityFailed');
    }
    try {
      await restored.transaction((m) =>
        audit(m, state.clock.now(), {
          action: 'backup.file.restore',
          actorId: null,
          entity: 'backup',
          after: {
            backupCreatedAt: header.metadata.createdAt,
            schemaVersion: header.metadata.schemaVersion,
            restoredBy,
          },
        }),
      );
    } finally {
      await restored.destroy();
    }
    // No second full check here: the migrations each end with foreign_key_check, and a third
    // integrity_check of a 35 MB register costs more than a second (bench: tests/bench/backup.ts).
    return { staging, backupCreatedAt: header.metadata.createdAt };
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Renames the staged database and slot file into the data folder (each rename is atomic). */
async function swapIn(dataDir: string, staging: string): Promise<void> {
  const live = databasePath(dataDir);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    await fs.rm(live + suffix, { force: true });
  }
  await fs.rename(databasePath(staging), live);
  await fs.rename(path.join(staging, SLOT_FILE), KeySlotFile.pathIn(dataDir));
  await fsyncDir(dataDir);
  await fs.rm(staging, { recursive: true, force: true });
}

/** Keeps the newest few safety copies; older ones go (each is a whole encrypted register). */
async function pruneSafetyCopies(root: string): Promise<void> {
  const names = (await fs.readdir(root).catch(() => [] as string[])).sort().reverse();
  for (const name of names.slice(KEEP_SAFETY_COPIES)) {
    await fs.rm(path.join(root, name), { recursive: true, force: true });
  }
}

/**
 * In-app restore by the head. The live register is copied (encrypted, VACUUM INTO with its own
 * key) into data/safety-copies/<time>/ with its slot file while still open; then the session is
 * closed and the restored files are renamed over the live ones. Everyone logs in again.
 */
export async function restoreInApp(
  state: SessionState,
  file: string,
  passphrase: string,
): Promise<RestoreResult> {
  onePcOnly(state);
  const username = state.user?.username ?? null;
  const prepared = await prepareRestore(state, file, passphrase, username);
  let safety: string;
  try {
    const root = path.join(state.dataDir, SAFETY_FOLDER);
    await fs.mkdir(root, { recursive: true });
    safety = path.join(root, `before-restore_${fileTimestamp(state.clock.now())}`);
    await fs.mkdir(safety);
    await state.db.query('VACUUM INTO ?', [databasePath(safety)]);
    await fs.copyFile(KeySlotFile.pathIn(state.dataDir), path.join(safety, SLOT_FILE));
    await fsyncFile(databasePath(safety));
    await fsyncFile(path.join(safety, SLOT_FILE));
    restrictToOwner(root, 'contents too');
    await pruneSafetyCopies(root);
  } catch (err) {
    await fs.rm(prepared.staging, { recursive: true, force: true });
    if (err instanceof AppError) throw err;
    throw fieldError('file', 'backup.writeFailed');
  }
  await state.close();
  try {
    await swapIn(state.dataDir, prepared.staging);
  } catch (err) {
    // Put the copy of the previous register back, so the two files always belong together.
    await fs.copyFile(databasePath(safety), databasePath(state.dataDir)).catch(() => undefined);
    await fs
      .copyFile(path.join(safety, SLOT_FILE), KeySlotFile.pathIn(state.dataDir))
      .catch(() => undefined);
    await fs.rm(prepared.staging, { recursive: true, force: true });
    throw err;
  }
  return { backupCreatedAt: prepared.backupCreatedAt, safetyCopy: safety };
}

/** Restore on a new PC, from the first-run screen: only into an empty data folder. */
export async function restoreAtSetup(
  state: SessionState,
  file: string,
  passphrase: string,
): Promise<RestoreResult> {
  const { phase } = await state.phase();
  if (phase !== 'setup') throw new AppError('SETUP_DONE', 'backup.notSetup');
  const prepared = await prepareRestore(state, file, passphrase, null);
  try {
    await swapIn(state.dataDir, prepared.staging);
  } catch (err) {
    for (const name of [DATABASE_FILE, SLOT_FILE]) {
      await fs.rm(path.join(state.dataDir, name), { force: true });
    }
    await fs.rm(prepared.staging, { recursive: true, force: true });
    throw err;
  }
  return { backupCreatedAt: prepared.backupCreatedAt };
}
