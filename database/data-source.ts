import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors';
import { hasTable } from './engine';
import { ENTITIES } from './entities';
import { restrictToOwner } from './file-modes';
import { MIGRATIONS } from './migrations';

export const DATABASE_FILE = 'register.db';

export interface OpenOptions {
  dataDir: string;
  /** The random 256-bit master key (unwrapped from a key slot). */
  key: Buffer;
  /** A fresh database is only made at setup; otherwise a missing file is an error. */
  create?: boolean;
  /** The Electron build of the native driver (see scripts/prepare-electron.mjs). */
  nativeBinding?: string;
  /**
   * Called when an existing database has migrations to apply, before the first of them runs,
   * with the names of those migrations: the pre-update backup of a new program version
   * (electron/api/release/safe-migration.ts). Not called for a new or an up-to-date database.
   */
  beforeMigrate?: (dataSource: DataSource, pending: string[]) => Promise<void>;
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** The raw driver connection under TypeORM's better-sqlite3 driver. */
export function rawConnection(dataSource: DataSource): Database.Database {
  // TypeORM types databaseConnection as `any`; for the better-sqlite3 driver it is this object.
  return (dataSource.driver as unknown as { databaseConnection: Database.Database })
    .databaseConnection;
}

/** Keys a raw connection and proves the key by reading the schema (a wrong key fails here). */
export function applyKey(
  db: { pragma(sql: string): unknown; prepare(sql: string): { get(): unknown } },
  key: Buffer,
): void {
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`hexkey = '${key.toString('hex')}'`);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  // Sorts and temporary indexes stay in memory: a temp file would hold plain pages (the driver
  // is built with TEMP_STORE=1, which lets this pragma decide).
  db.pragma('temp_store = MEMORY');
}

/**
 * Opens the encrypted register: keyed, WAL, synchronous=FULL, foreign keys on, migrated.
 * A database made by a newer program is refused; a wrong key or a foreign file is reported
 * and never written to.
 */
export async function openDatabase(options: OpenOptions): Promise<DataSource> {
  const file = databasePath(options.dataDir);
  if (!options.create && !existsSync(file)) {
    throw new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: DATABASE_FILE });
  }
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: file,
    driver: Database,
    nativeBinding: options.nativeBinding,
    fileMustExist: !options.create,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    enableWAL: true,
    prepareDatabase: (db: Parameters<typeof applyKey>[0]) => {
      try {
        applyKey(db, options.key);
      } catch {
        throw new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: DATABASE_FILE });
      }
      db.pragma('synchronous = FULL');
    },
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: DATABASE_FILE });
  }
  try {
    await migrate(dataSource, options.beforeMigrate);
    // The files SQLite has just made (or an older version left) are the owner's alone; the WAL
    // and shared-memory files it makes later take the database file's mode.
    restrictToOwner(options.dataDir);
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return dataSource;
}

/**
 * Brings an opened database (either engine) to this program's schema: a database made by a newer
 * program is refused, and `beforeMigrate` hears of the migrations about to run.
 */
export async function migrate(
  dataSource: DataSource,
  beforeMigrate?: OpenOptions['beforeMigrate'],
): Promise<void> {
  const applied = await appliedMigrations(dataSource);
  // A migration the program does not know means the database was written by a newer version.
  const known = new Set(MIGRATIONS.map((m) => m.name));
  if (applied.some((name) => !known.has(name))) throw new AppError('DATABASE_TOO_NEW');
  if (beforeMigrate && applied.length > 0) {
    const done = new Set(applied);
    const pending = MIGRATIONS.map((m) => m.name).filter((name) => !done.has(name));
    if (pending.length > 0) await beforeMigrate(dataSource, pending);
  }
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  if (ran.length > 0) await compactIfMostlyFree(dataSource);
}

/**
 * A migration that drops much (0015 empties the assessment history, 0018 drops an audit index)
 * leaves its pages free inside the file, where SQLite keeps them for later writes. When over a
 * tenth of the file is free, one VACUUM after the update gives them back, so the file and every
 * backup of it shrink (ten years: 1–2 s, once, after the pre-update backup took longer).
 */
export async function compactIfMostlyFree(dataSource: DataSource): Promise<boolean> {
  if (dataSource.options.type !== 'better-sqlite3') return false;
  const [{ freelist_count: free }] =
    await dataSource.query<{ freelist_count: number }[]>('PRAGMA freelist_count');
  const [{ page_count: pages }] =
    await dataSource.query<{ page_count: number }[]>('PRAGMA page_count');
  if (free * 10 < pages) return false;
  await dataSource.query('VACUUM');
  await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  return true;
}

/**
 * Runs only the migrations named (in the program's order): a logical dump is put back with the
 * migrations it was made with (electron/api/backup/move.ts), then migrated on from there like
 * any older register. A register may have had them in another order (branches merged in turn),
 * so they are a set, not a prefix.
 */
export async function migrateTo(dataSource: DataSource, names: string[]): Promise<void> {
  const all = dataSource.migrations;
  const wanted = new Set(names);
  if (all.filter((m) => wanted.has(m.name ?? m.constructor.name)).length !== wanted.size) {
    throw new AppError('DATABASE_TOO_NEW');
  }
  // TypeORM runs the list the source was built with; it is given the subset for this one run.
  Object.assign(dataSource, {
    migrations: all.filter((m) => wanted.has(m.name ?? m.constructor.name)),
  });
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    Object.assign(dataSource, { migrations: all });
  }
}

/** Names of the migrations a database has had ([] for a new one). */
async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  if (!(await hasTable(dataSource, 'migrations'))) return [];
  const rows = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
  return rows.map((row) => row.name);
}
