import Database from 'better-sqlite3-multiple-ciphers';
import type { DataSource } from 'typeorm';
import type { ExportResult } from '../../../common/contract/backup';
import { AppError } from '../../../common/errors';
import { migrate, migrateTo } from '../../../database/data-source';
import { DEFAULT_SCRYPT, type ScryptParams } from '../../../database/kdf';
import type { SlotFileData } from '../../../database/keyslots';
import { appliedMigrationNames } from '../../../database/logical/schema';
import { sqliteQueryable } from '../../../database/logical/schema';
import { audit } from '../audit/audit';
import { checkFolder, collect, fileSafeName, writeBackup } from './export';
import { fieldError } from './files';
import { decodeLogical, encodeLogical, type LogicalRecord } from './logical-payload';
import { loadLogical, type Loaded } from './move';
import { parsePayload } from './payload';
import { openBackup } from './restore';

/**
 * Server mode's own backups in the program's format (beside the PostgreSQL dumps of
 * docs/operations.md): always payload version 2, the logical dump, read in one REPEATABLE READ
 * snapshot while the server goes on serving. And the restore of any backup (a PC's image or a
 * logical dump) into the server's database: `npm run server -- --config F --restore FILE`.
 */

export interface ServerExportOptions {
  folder: string;
  passphrase: string;
  now: Date;
  scrypt?: ScryptParams;
}

export async function exportServerBackup(
  db: DataSource,
  options: ServerExportOptions,
): Promise<ExportResult> {
  await checkFolder(options.folder, 'folder');
  const runner = db.createQueryRunner();
  let pieces: Buffer[];
  let name: string;
  try {
    await runner.startTransaction('REPEATABLE READ');
    const [row] = await runner.manager.query<{ name: string }[]>(
      'SELECT name FROM institution WHERE id = 1',
    );
    name = fileSafeName(row?.name ?? 'register');
    // The credential rows are in the dump as rows: no separate credentials record.
    pieces = await collect(encodeLogical(runner.manager));
    await runner.commitTransaction();
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw err;
  } finally {
    await runner.release();
  }
  return writeBackup(pieces, {
    folder: options.folder,
    passphrase: options.passphrase,
    name,
    now: options.now,
    scrypt: options.scrypt ?? DEFAULT_SCRYPT,
  });
}

/** A PC's image (payload version 1) read as the records of a logical dump, in memory. */
async function* imageRecords(pieces: AsyncGenerator<Buffer>): AsyncGenerator<LogicalRecord> {
  const parts: Buffer[] = [];
  for await (const part of pieces) parts.push(part);
  const payload = parsePayload(Buffer.concat(parts));
  if (!payload) throw fieldError('file', 'backup.payloadInvalid');
  const image = Buffer.from(payload.image);
  image[18] = 1; // an in-memory database cannot use WAL (database-image.ts)
  image[19] = 1;
  const memory = new Database(image);
  try {
    memory.pragma('temp_store = MEMORY');
    const check = memory.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok') {
      throw fieldError('file', 'backup.integrityFailed');
    }
    const credentials = {
      slots: JSON.parse(payload.slots.toString('utf8')) as SlotFileData,
      masterKey: payload.masterKey.toString('base64'),
    };
    yield* decodeLogical(encodeLogical(sqliteQueryable(memory), credentials));
  } finally {
    memory.close();
  }
}

export interface ServerRestoreResult {
  backupCreatedAt: string;
  rows: Loaded['rows'];
  /** Accounts that came as key slots: each logs in with her old password (move-accounts.ts). */
  accounts: number;
}

/**
 * Restores a backup into the server's database, which must hold no register yet (a new, empty
 * database, or one left at the dump's level by an interrupted restore: the rows go in one
 * transaction, so running it again is the way to resume). The database is brought to the
 * dump's migration level, filled, then migrated to this program's level.
 */
export async function restoreOnServer(
  db: DataSource,
  file: string,
  passphrase: string,
  now: Date,
): Promise<ServerRestoreResult> {
  const { header, version, pieces } = await openBackup(file, passphrase);
  const records = version === 1 ? imageRecords(pieces) : decodeLogical(pieces);
  const loaded = await loadLogical(db, records, {
    accounts: 'credential-table',
    now,
    prepare: async (migrations) => {
      const applied = await appliedMigrationNames(db);
      const wanted = new Set(migrations);
      if (applied.some((name) => !wanted.has(name))) {
        throw fieldError('file', 'backup.serverNotEmpty');
      }
      if (applied.length > 0) {
        const [row] = await db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM "user"');
        if (Number(row?.n ?? 0) > 0) throw fieldError('file', 'backup.serverNotEmpty');
      }
      await migrateTo(db, migrations);
    },
  });
  try {
    await migrate(db);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fieldError('file', 'backup.integrityFailed');
  }
  await db.transaction((m) =>
    audit(m, now, {
      action: 'backup.file.restore',
      actorId: null,
      entity: 'backup',
      after: {
        backupCreatedAt: header.metadata.createdAt,
        schemaVersion: header.metadata.schemaVersion,
        restoredBy: null,
      },
    }),
  );
  return {
    backupCreatedAt: header.metadata.createdAt,
    rows: loaded.rows,
    accounts: loaded.credentials?.slots.slots.length ?? 0,
  };
}
