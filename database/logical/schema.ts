import type { Engine } from '../engine';

/**
 * The register's tables as either engine describes them, in engine-neutral terms: what a logical
 * dump (electron/api/backup/logical-payload.ts) writes and what a restore on the other engine
 * reads back. Both engines are made by the same migration list, so the names agree; the types
 * are mapped to the few the dump knows.
 */

/** The value types of a logical dump; docs/backup-format.md says how each is written. */
export type ValueType = 'integer' | 'real' | 'text' | 'boolean' | 'date' | 'timestamp' | 'blob';

export interface TableShape {
  name: string;
  /** Columns in the table's own order, each with its neutral type. */
  columns: { name: string; type: ValueType }[];
  /** The primary key's columns: rows are dumped and compared in this order. */
  key: string[];
}

/** TypeORM's bookkeeping: the migration level travels in the dump's head instead. */
const NOT_DATA = new Set(['migrations', 'typeorm_metadata']);

/**
 * What the dump reads through: a DataSource, a transaction's EntityManager (a server's dump
 * reads one snapshot), or a plain SQLite connection wrapped by `sqliteQueryable`.
 */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}
type Query = Queryable;

/** The engine behind a DataSource, an EntityManager or a wrapped connection. */
export function engineOfQueryable(db: Queryable): Engine {
  const holder = db as { connection?: { options: { type: string } }; options?: { type: string } };
  const type = holder.connection?.options.type ?? holder.options?.type;
  return type === 'postgres' ? 'postgres' : 'sqlite';
}

/** A raw better-sqlite3 connection (an image opened in memory) as a Queryable. */
export function sqliteQueryable(connection: {
  prepare(sql: string): {
    reader: boolean;
    all(...p: unknown[]): unknown[];
    run(...p: unknown[]): unknown;
  };
}): Queryable {
  return Object.assign(
    {
      query: async <T>(sql: string, parameters: unknown[] = []): Promise<T> => {
        const statement = connection.prepare(sql);
        return (
          statement.reader ? statement.all(...parameters) : (statement.run(...parameters), [])
        ) as T;
      },
    },
    { options: { type: 'better-sqlite3' } },
  );
}

export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteType(declared: string): ValueType {
  const t = declared.toLowerCase();
  if (t.includes('int')) return 'integer';
  if (t.includes('bool')) return 'boolean';
  if (t.includes('blob')) return 'blob';
  if (/real|floa|doub|numeric|decimal/.test(t)) return 'real';
  if (t === 'date') return 'date';
  if (t.includes('timestamp') || t === 'datetime') return 'timestamp';
  return 'text';
}

function postgresType(dataType: string): ValueType {
  if (/^(integer|bigint|smallint)$/.test(dataType)) return 'integer';
  if (dataType === 'boolean') return 'boolean';
  if (dataType === 'bytea') return 'blob';
  if (/^(real|double precision|numeric)$/.test(dataType)) return 'real';
  if (dataType === 'date') return 'date';
  if (dataType.startsWith('timestamp')) return 'timestamp';
  return 'text';
}

async function sqliteTables(db: Query): Promise<{ tables: TableShape[]; refs: Edge[] }> {
  const names = await db.query<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  const tables: TableShape[] = [];
  const refs: Edge[] = [];
  for (const { name } of names) {
    if (NOT_DATA.has(name)) continue;
    const info = await db.query<{ name: string; type: string; pk: number }[]>(
      `PRAGMA table_info(${quoteName(name)})`,
    );
    const key = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    tables.push({
      name,
      columns: info.map((c) => ({ name: c.name, type: sqliteType(c.type) })),
      key: key.length > 0 ? key : info.map((c) => c.name),
    });
    const fks = await db.query<{ table: string }[]>(`PRAGMA foreign_key_list(${quoteName(name)})`);
    for (const fk of fks) refs.push({ from: name, to: fk.table });
  }
  return { tables, refs };
}

async function postgresTables(db: Query): Promise<{ tables: TableShape[]; refs: Edge[] }> {
  const columns = await db.query<{ table: string; column: string; type: string }[]>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const keys = await db.query<{ table: string; column: string }[]>(
    `SELECT cl.relname AS "table", a.attname AS "column"
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
       JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
      WHERE k.contype = 'p' AND n.nspname = current_schema()
      ORDER BY cl.relname, u.ord`,
  );
  const fks = await db.query<{ from: string; to: string }[]>(
    `SELECT cl.relname AS "from", rf.relname AS "to"
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_class rf ON rf.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const byName = new Map<string, TableShape>();
  for (const c of columns) {
    if (NOT_DATA.has(c.table)) continue;
    let table = byName.get(c.table);
    if (!table) byName.set(c.table, (table = { name: c.table, columns: [], key: [] }));
    table.columns.push({ name: c.column, type: postgresType(c.type) });
  }
  for (const k of keys) byName.get(k.table)?.key.push(k.column);
  for (const table of byName.values()) {
    if (table.key.length === 0) table.key = table.columns.map((c) => c.name);
  }
  const tables = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { tables, refs: fks.filter((f) => byName.has(f.from) && byName.has(f.to)) };
}

interface Edge {
  from: string;
  to: string;
}

/**
 * Every data table, referenced tables before the tables that reference them (a table's own
 * rows that reference each other go in key order), ties broken by name so that both engines
 * list the same order.
 */
function foreignKeyOrder(tables: TableShape[], refs: Edge[]): TableShape[] {
  const needs = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { from, to } of refs) if (from !== to) needs.get(from)?.add(to);
  const done = new Set<string>();
  const ordered: TableShape[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) => !done.has(t.name) && [...needs.get(t.name)!].every((n) => done.has(n)),
    );
    // A cycle between tables: no such schema today; take the rest by name rather than loop.
    const pick = next ?? tables.find((t) => !done.has(t.name))!;
    done.add(pick.name);
    ordered.push(pick);
  }
  return ordered;
}

/** The register's data tables in foreign-key order, with their neutral column types. */
export async function tableShapes(db: Queryable): Promise<TableShape[]> {
  const engine: Engine = engineOfQueryable(db);
  const { tables, refs } =
    engine === 'postgres' ? await postgresTables(db) : await sqliteTables(db);
  return foreignKeyOrder(tables, refs);
}

/** Names of the migrations the database has had, in the order they ran ([] for a new one). */
export async function appliedMigrationNames(db: Queryable): Promise<string[]> {
  const exists =
    engineOfQueryable(db) === 'postgres'
      ? "SELECT 1 AS x FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'migrations'"
      : "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'migrations'";
  if ((await db.query<unknown[]>(exists)).length === 0) return [];
  const rows = await db.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id');
  return rows.map((r) => r.name);
}
