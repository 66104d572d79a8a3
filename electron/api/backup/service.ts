import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MIGRATIONS } from '../../../database/migrations';
import type {
  AutoBackupSettings,
  ExportResult,
  RestoreResult,
} from '../../../common/contract/backup';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { DATABASE_FILE, databasePath, openDatabase } from '../../../database/data-source';
import { Institution } from '../../../database/entities';
import { BackupSettings } from '../../../database/entities/backup';
import { KeySlotFile, SLOT_FILE, writeFileAtomic } from '../../../database/keyslots';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import type { SessionState } from '../session';
import { checkDatabase, snapshotDatabase, writeEncryptedDatabase } from './database-image';
import type { ScryptParams } from '../../../database/kdf';
import { decryptBackup, verifyBackup } from './format/decrypt';
import { DEFAULT_BACKUP_SCRYPT, encryptBackup } from './format/encrypt';
import { BackupFormatError } from './format/errors';
import type { BackupHeader } from './format/header';
import { parsePayload, payloadHead } from './payload';

export const BACKUP_EXTENSION = '.kgbak';
/** Rotation of automatic backups: the newest of each of the last 7 days and 12 months. */
export const KEEP_DAILY = 7;
export const KEEP_MONTHLY = 12;
/** Safety copies of replaced databases kept in the data folder. */
const KEEP_SAFETY_COPIES = 3;
export const SAFETY_FOLDER = 'safety-copies';
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

const fieldError = (field: string, key: string): AppError =>
  new AppError('VALIDATION', key, {}, { [field]: key });

// ───────────────────────────── export ─────────────────────────────

/** "PII «Zīlīte»" → "PII-Zīlīte": letters and digits of any script, no path characters. */
export function fileSafeName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return safe || 'register';
}

/** "2026-11-30_09-30-15" in Riga time: the date and time the head sees on the wall clock. */
export function fileTimestamp(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Riga',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${rigaDate(instant)}_${get('hour')}-${get('minute')}-${get('second')}`;
}

async function checkFolder(folder: string, field: string): Promise<void> {
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

async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (handle) {
    await handle.sync().catch(() => undefined); // not on Windows; the rename is durable there
    await handle.close();
  }
}

export interface ExportOptions {
  folder: string;
  passphrase: string;
  /** Marks the file name so that rotation only ever deletes automatic backups. */
  auto?: boolean;
  /** Called with the fraction (0..1) of the snapshot compressed and encrypted so far. */
  onProgress?: (fraction: number) => void;
  /** Tests: runs after the snapshot is written under its temporary name, before verifying. */
  beforeVerify?: (tmpFile: string) => Promise<void> | void;
}

/**
 * Exports the open register into `folder`: an in-memory snapshot (never a plain file), streamed
 * through the backup format into a temporary file with a non-final name, fsynced, read back and
 * verified, and only then renamed to its final name. Any failure removes the temporary file.
 */
export async function exportBackup(
  state: SessionState,
  options: ExportOptions,
): Promise<ExportResult> {
  await checkFolder(options.folder, 'folder');
  const db = state.db;
  const now = state.clock.now();
  const institution = await db.getRepository(Institution).findOneByOrFail({ id: 1 });
  // Calls run one at a time (Router), so the slot file and the database agree.
  const slots = await fs.readFile(KeySlotFile.pathIn(state.dataDir));
  const image = snapshotDatabase(db);
  const head = payloadHead(slots, state.masterKey);
  const total = head.length + image.length;

  const base = `${fileSafeName(institution.name)}_${options.auto ? 'auto_' : ''}${fileTimestamp(now)}`;
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
    yield head;
    for (let at = 0; at < image.length; at += PIECE) yield image.subarray(at, at + PIECE);
  };
  const encryptOptions = {
    passphrase: options.passphrase,
    scrypt: backupScrypt(state),
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

// ───────────────────────────── restore ─────────────────────────────

function formatError(err: BackupFormatError): AppError {
  return fieldError(err.reason === 'wrong-passphrase' ? 'passphrase' : 'file', err.key);
}

/** Reads and authenticates the whole backup into memory; nothing is used before its end. */
async function readBackup(
  file: string,
  passphrase: string,
): Promise<{ header: BackupHeader; data: Buffer }> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a file');
  } catch {
    throw fieldError('file', 'backup.fileMissing');
  }
  let header: BackupHeader | undefined;
  const parts: Buffer[] = [];
  try {
    for await (const part of decryptBackup(createReadStream(file), {
      passphrase,
      onHeader: (h) => {
        header = h;
        // Refused before any chunk is decrypted.
        if (h.metadata.schemaVersion > MIGRATIONS.length) {
          throw fieldError('file', 'backup.newerSchema');
        }
      },
    })) {
      parts.push(part);
    }
  } catch (err) {
    if (err instanceof BackupFormatError) throw formatError(err);
    if (err instanceof AppError) throw err;
    throw fieldError('file', 'backup.notABackup');
  }
  if (!header) throw fieldError('file', 'backup.notABackup');
  return { header, data: Buffer.concat(parts) };
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
  const { header, data } = await readBackup(file, passphrase);
  const payload = parsePayload(data);
  if (!payload) throw fieldError('file', 'backup.payloadInvalid');
  const staging = await stagingFolder(state.dataDir);
  try {
    const stagedDb = databasePath(staging);
    try {
      writeEncryptedDatabase(payload.image, stagedDb, payload.masterKey, state.nativeBinding);
    } catch (err) {
      if ((err as Error).message === 'integrity') {
        throw fieldError('file', 'backup.integrityFailed');
      }
      throw fieldError('file', 'backup.payloadInvalid');
    }
    const problem = checkDatabase(stagedDb, payload.masterKey, state.nativeBinding);
    if (problem === 'integrity') throw fieldError('file', 'backup.integrityFailed');
    if (problem === 'foreignKeys') throw fieldError('file', 'backup.foreignKeysFailed');
    await writeFileAtomic(path.join(staging, SLOT_FILE), payload.slots);
    await KeySlotFile.load(staging).catch(() => {
      throw fieldError('file', 'backup.payloadInvalid');
    });
    // openDatabase refuses a newer database and migrates an older one (each migration ends
    // with foreign_key_check); the restore is recorded in the restored register's own log.
    let restored;
    try {
      restored = await openDatabase({
        dataDir: staging,
        key: payload.masterKey,
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
          action: 'backup.restore',
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
    await pruneSafetyCopies(root);
  } catch (err) {
    await fs.rm(prepared.staging, { recursive: true, force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', 'backup.writeFailed', {}, { file: 'backup.writeFailed' });
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

// ───────────────────────── automatic backups ─────────────────────────

/** A key for the stored passphrase, derived from (and only as secret as) the master key. */
function settingsKey(masterKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kindergarten-register/backup-passphrase', 32),
  );
}

export function wrapPassphrase(masterKey: Buffer, passphrase: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', settingsKey(masterKey), nonce);
  const sealed = Buffer.concat([cipher.update(passphrase, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64');
}

export function unwrapPassphrase(masterKey: Buffer, wrapped: string): string {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', settingsKey(masterKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

export async function loadSettings(state: SessionState): Promise<BackupSettings> {
  const repo = state.db.getRepository(BackupSettings);
  return (
    (await repo.findOneBy({ id: 1 })) ??
    repo.create({
      id: 1,
      enabled: false,
      folder: '',
      passphraseWrapped: null,
      lastSuccessAt: null,
      lastSuccessFile: null,
      lastFailureAt: null,
      lastFailureKey: null,
    })
  );
}

export function settingsView(state: SessionState, s: BackupSettings): AutoBackupSettings {
  return {
    enabled: s.enabled,
    folder: s.folder,
    passphraseSet: s.passphraseWrapped !== null,
    lastSuccessAt: s.lastSuccessAt,
    lastSuccessFile: s.lastSuccessFile,
    lastFailureAt: s.lastFailureAt,
    lastFailure: s.lastFailureKey ? message(state.locale, s.lastFailureKey) : null,
  };
}

/** Automatic backups in `folder` made by this program, parsed from their names. */
export function rotationVictims(names: string[]): string[] {
  const auto = /_auto_(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})(?:-\d+)?\.kgbak$/;
  const files = names
    .map((name) => ({ name, m: auto.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null)
    .map(({ name, m }) => ({
      name,
      day: `${m[1]}-${m[2]}-${m[3]}`,
      month: `${m[1]}-${m[2]}`,
      at: m.slice(1, 7).join(''),
    }))
    // Newest first.
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const f of files) {
    if (!days.has(f.day) && days.size < KEEP_DAILY) {
      days.add(f.day);
      keep.add(f.name);
    }
    if (!months.has(f.month) && months.size < KEEP_MONTHLY) {
      months.add(f.month);
      keep.add(f.name);
    }
  }
  return files.filter((f) => !keep.has(f.name)).map((f) => f.name);
}

async function rotate(folder: string): Promise<void> {
  const names = await fs.readdir(folder);
  for (const name of rotationVictims(names)) {
    await fs.rm(path.join(folder, name), { force: true });
  }
}

/**
 * One automatic backup if enabled and none succeeded today (Riga date). Never throws: the
 * outcome is recorded in backup_settings and shown in the settings and on the head's home.
 */
export async function autoBackupIfDue(
  state: SessionState,
  reason: 'login' | 'exit',
): Promise<void> {
  try {
    if (!state.isOpen()) return;
    const settings = await loadSettings(state);
    if (!settings.enabled || !settings.folder) return;
    const today = rigaDate(state.clock.now());
    if (settings.lastSuccessAt && rigaDate(new Date(settings.lastSuccessAt)) === today) return;
    let failureKey: string | null = null;
    let file: string | null = null;
    try {
      if (!settings.passphraseWrapped) throw fieldError('folder', 'backup.passphraseNeeded');
      const passphrase = unwrapPassphrase(state.masterKey, settings.passphraseWrapped);
      file = (await exportBackup(state, { folder: settings.folder, passphrase, auto: true })).file;
      await rotate(settings.folder).catch(() => undefined);
    } catch (err) {
      failureKey = err instanceof AppError ? err.key : 'backup.writeFailed';
    }
    const at = state.clock.now().toISOString();
    await state.db.transaction(async (m) => {
      const row = await loadSettings(state);
      if (failureKey) {
        row.lastFailureAt = at;
        row.lastFailureKey = failureKey;
      } else {
        row.lastSuccessAt = at;
        row.lastSuccessFile = file;
      }
      await m.save(row);
      await audit(m, state.clock.now(), {
        action: failureKey ? 'backup.auto.failed' : 'backup.auto',
        actorId: state.user?.id ?? null,
        entity: 'backup',
        after: failureKey ? { reason, failure: failureKey } : { reason, file },
      });
    });
  } catch (err) {
    // The login (or the exit) must go on whatever happens here.
    console.error('Automatic backup could not run:', err);
  }
}
