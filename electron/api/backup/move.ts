import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../../common/errors';
import { engineOf } from '../../../database/engine';
import { ACCOUNT_TABLES } from '../../../database/logical/compare';
import { advanceSequences, insertRows, type Row } from '../../../database/logical/rows';
import { tableShapes, type TableShape } from '../../../database/logical/schema';
import { MIGRATIONS } from '../../../database/migrations';
import { fieldError } from './files';
import {
  PayloadError,
  type CredentialsRecord,
  type HeadRecord,
  type LogicalRecord,
} from './logical-payload';
import { credentialsFromSlots, type CredentialRow } from './move-accounts';

/**
 * Restores a logical dump (payload version 2) into a register of either engine: the target is
 * brought to the dump's migration level first (`prepare`), then every row goes in, tables in
 * the order the dump lists them (foreign-key order), in ONE transaction: a damaged file, a
 * wrong row or a lost connection leaves the target as it was before the rows. The caller
 * migrates the rest afterwards, as for any older register.
 */

export interface LoadOptions {
  /** Brings the empty target to the dump's migrations (or refuses); runs before the transaction. */
  prepare: (migrations: string[]) => Promise<void>;
  /** Where the accounts go: rows of the credential table (a server) or handed back (one PC). */
  accounts: 'credential-table' | 'returned';
  now: Date;
  onProgress?: (table: string, rows: number) => void;
}

export interface Loaded {
  head: HeadRecord;
  /** One PC's slot file and key, when the dump came from one PC. */
  credentials?: CredentialsRecord;
  /** A server's credential rows, when the dump came from a server and the target is one PC. */
  credentialRows: CredentialRow[];
  rows: Record<string, number>;
}

const invalid = () => fieldError('file', 'backup.payloadInvalid');

/** The dump's migrations, checked against this program's (an unknown one is refused). */
function levelOf(head: HeadRecord): string[] {
  if (!Array.isArray(head.migrations) || head.migrations.some((n) => typeof n !== 'string')) {
    throw invalid();
  }
  const known = new Set(MIGRATIONS.map((m) => m.name));
  if (head.migrations.some((name) => !known.has(name))) {
    throw fieldError('file', 'backup.newerSchema');
  }
  return head.migrations;
}

export async function loadLogical(
  db: DataSource,
  records: AsyncGenerator<LogicalRecord>,
  options: LoadOptions,
): Promise<Loaded> {
  try {
    const first = await records.next();
    if (first.done || first.value.kind !== 'head') throw invalid();
    const head = first.value;
    await options.prepare(levelOf(head));
    return await db.transaction(async (m) => {
      if (engineOf(db) === 'sqlite') await m.query('PRAGMA defer_foreign_keys = ON');
      const shapes = new Map((await tableShapes(m)).map((t) => [t.name, t]));
      const loaded: Loaded = { head, credentialRows: [], rows: {} };
      let table: TableShape | undefined;
      let columns: string[] = [];
      let ended = false;
      for await (const record of records) {
        if (ended) throw invalid();
        if (record.kind === 'credentials') loaded.credentials = record;
        else if (record.kind === 'table') {
          table = shapes.get(record.name);
          if (!table || !Array.isArray(record.columns)) throw invalid();
          columns = record.columns.map(([name]) => name);
          loaded.rows[table.name] = 0;
        } else if (record.kind === 'rows') {
          if (!table) throw invalid();
          await keepRows(m, table, columns, record.rows, loaded, options);
          loaded.rows[table.name] += record.rows.length;
          options.onProgress?.(table.name, loaded.rows[table.name]);
        } else if (record.kind === 'end') {
          const expected = record.rows ?? {};
          const names = new Set([...Object.keys(expected), ...Object.keys(loaded.rows)]);
          for (const name of names) {
            if ((expected[name] ?? 0) !== (loaded.rows[name] ?? 0)) throw invalid();
          }
          ended = true;
        } else throw invalid();
      }
      if (!ended) throw invalid();
      if (loaded.credentials && options.accounts === 'credential-table') {
        const { slots, masterKey } = loaded.credentials;
        const rows = credentialsFromSlots(slots, masterKey, options.now);
        const credential = shapes.get('credential');
        if (!credential) throw invalid();
        const names = Object.keys(rows[0] ?? {});
        await insertRows(
          m,
          credential,
          names,
          rows.map((r) => names.map((n) => r[n as keyof CredentialRow] ?? null)),
        );
      }
      await advanceSequences(m, [...shapes.values()]);
      return loaded;
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof PayloadError) throw invalid();
    // A row the target refuses (a constraint, a type): the file is not a register's dump.
    if (
      err instanceof Error &&
      /constraint|violates|SQLITE_|invalid input|out of range/i.test(err.message)
    ) {
      throw fieldError('file', 'backup.foreignKeysFailed');
    }
    throw err;
  }
}

/** Rows into their table; a server's account rows go to a PC as slots instead. */
async function keepRows(
  m: EntityManager,
  table: TableShape,
  columns: string[],
  rows: Row[],
  loaded: Loaded,
  options: LoadOptions,
): Promise<void> {
  if (options.accounts === 'returned' && ACCOUNT_TABLES.includes(table.name)) {
    if (table.name !== 'credential') return; // a server's failure counters stay on the server
    for (const row of rows) {
      loaded.credentialRows.push(
        Object.fromEntries(columns.map((c, i) => [c, row[i]])) as unknown as CredentialRow,
      );
    }
    return;
  }
  await insertRows(m, table, columns, rows);
}
