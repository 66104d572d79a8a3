import type { EntityManager } from 'typeorm';
import { engineOf, type Engine } from '../engine';
import { quoteName, type Queryable, type TableShape, type ValueType } from './schema';

/**
 * Rows of a logical dump: read page by page in primary-key order (never a whole table at once)
 * and written back in batches, with every value in one neutral form whichever engine it came
 * from: integers and reals as numbers, text as strings, booleans as true/false, dates as
 * YYYY-MM-DD, timestamps as ISO 8601 UTC with Z, blobs as base64, null as null.
 */

export type Value = number | string | boolean | null;
export type Row = Value[];

/** Rows per page when reading. */
const PAGE = 2000;
/** Bound parameters per INSERT: far below SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMETERS = 8000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A value as the dump writes it. */
export function neutral(raw: unknown, type: ValueType): Value {
  if (raw === null || raw === undefined) return null;
  // What the drivers give: numbers, bigints, strings, booleans, Dates and Buffers.
  const value = raw as number | bigint | string | boolean | Date | Buffer;
  switch (type) {
    case 'integer': {
      const n = typeof value === 'bigint' ? Number(value) : Number(value);
      if (!Number.isSafeInteger(n)) throw new RangeError(`integer out of range: ${String(value)}`);
      return n;
    }
    case 'real':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
    case 'date':
      // node-postgres reads a DATE as a local midnight.
      return value instanceof Date
        ? `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
        : String(value);
    case 'timestamp':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : String(value);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** A dumped value as the target engine binds it (better-sqlite3 binds no booleans). */
function bindable(value: Value, type: ValueType, engine: Engine): unknown {
  if (value === null) return null;
  if (type === 'boolean') return engine === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
  if (type === 'blob') return Buffer.from(String(value), 'base64');
  return value;
}

/** A table's rows in key order, page by page (keyset paging: each page starts after the last). */
export async function* readRows(db: Queryable, table: TableShape): AsyncGenerator<Row[]> {
  const columns = table.columns.map((c) => quoteName(c.name)).join(', ');
  const key = table.key.map(quoteName);
  const order = key.join(', ');
  const keyAt = table.key.map((k) => table.columns.findIndex((c) => c.name === k));
  let after: Value[] | null = null;
  for (;;) {
    const where: string = after
      ? key.length === 1
        ? `WHERE ${key[0]} > ?`
        : `WHERE (${order}) > (${key.map(() => '?').join(', ')})`
      : '';
    const raw: Record<string, unknown>[] = await db.query<Record<string, unknown>[]>(
      `SELECT ${columns} FROM ${quoteName(table.name)} ${where} ORDER BY ${order} LIMIT ${PAGE}`,
      after ?? [],
    );
    if (raw.length === 0) return;
    const rows = raw.map((r) => table.columns.map((c) => neutral(r[c.name], c.type)));
    yield rows;
    if (raw.length < PAGE) return;
    const last: Record<string, unknown> = raw[raw.length - 1];
    after = keyAt.map((i) => last[table.columns[i].name] as Value);
  }
}

/**
 * Writes dumped rows (columns as `columns` names them, a subset or reordering of the table's)
 * into the target table, several rows per INSERT.
 */
export async function insertRows(
  m: EntityManager,
  table: TableShape,
  columns: string[],
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const engine = engineOf(m.connection);
  const types = columns.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new RangeError(`${table.name}.${name}: no such column`);
    return column.type;
  });
  const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = `INSERT INTO ${quoteName(table.name)} (${columns.map(quoteName).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let at = 0; at < rows.length; at += perInsert) {
    const batch = rows.slice(at, at + perInsert);
    const params: unknown[] = [];
    for (const row of batch) {
      if (row.length !== columns.length) throw new RangeError(`${table.name}: row width`);
      row.forEach((v, i) => params.push(bindable(v, types[i], engine)));
    }
    await m.query(head + batch.map(() => tuple).join(', '), params);
  }
}

/** PostgreSQL: each table's id sequence continues after the largest id restored. */
export async function advanceSequences(m: EntityManager, tables: TableShape[]): Promise<void> {
  if (engineOf(m.connection) !== 'postgres') return; // SQLite's AUTOINCREMENT follows by itself
  for (const table of tables) {
    if (table.key.length !== 1 || table.key[0] !== 'id') continue;
    const name = quoteName(table.name);
    await m.query(
      `SELECT setval(seq, COALESCE((SELECT MAX(id) FROM ${name}), 0) + 1, false)
         FROM (SELECT pg_get_serial_sequence(?, 'id') AS seq) s WHERE seq IS NOT NULL`,
      [name],
    );
  }
}
