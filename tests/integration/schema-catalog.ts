import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { engineOf } from '../../database/engine';

/**
 * What a migrated database holds, read from the engine's own catalog (SQLite's PRAGMAs,
 * PostgreSQL's information_schema and pg_index) into one shape the drift test compares with the
 * entities, so that one comparison serves both engines.
 */

export interface CatalogColumn {
  name: string;
  type: string;
  nullable: boolean;
  /** The default as the engine evaluates it ("none" without one). */
  default: string;
  primary: boolean;
  increment: boolean;
}

export interface CatalogIndex {
  name: string;
  columns: string[];
  unique: boolean;
  partial: boolean;
  /** A CREATE INDEX, a UNIQUE constraint, or the primary key. */
  origin: 'index' | 'unique' | 'primary';
}

export interface Catalog {
  tables(): Promise<string[]>;
  columns(table: string): Promise<CatalogColumn[]>;
  indexes(table: string): Promise<CatalogIndex[]>;
  /** An entity's default, evaluated by the engine as the column's type. */
  entityDefault(column: ColumnMetadata): Promise<string>;
}

export function catalogOf(db: DataSource): Catalog {
  return engineOf(db) === 'postgres' ? postgresCatalog(db) : sqliteCatalog(db);
}

function sqliteCatalog(db: DataSource): Catalog {
  /** A default as the value SQLite makes of it, so `false`, `0` and `(0)` compare equal. */
  const evaluate = async (expression: string | undefined | null): Promise<string> => {
    if (expression === undefined || expression === null) return 'none';
    const [row] = await db.query<{ v: unknown; t: string }[]>(
      `SELECT (${expression}) AS v, typeof((${expression})) AS t`,
    );
    return `${row.t} ${JSON.stringify(row.v)}`;
  };
  const columnsOf = async (index: string) =>
    (await db.query<{ name: string }[]>(`PRAGMA index_info("${index}")`)).map((c) => c.name);
  return {
    async tables() {
      const rows = await db.query<{ name: string }[]>(
        "SELECT name FROM sqlite_master WHERE type = 'table'",
      );
      return rows.map((t) => t.name).filter((name) => name !== 'sqlite_sequence');
    },
    async columns(table) {
      const rows = await db.query<
        { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]
      >(`PRAGMA table_info("${table}")`);
      const [{ sql }] = await db.query<{ sql: string }[]>(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
        [table],
      );
      const out: CatalogColumn[] = [];
      for (const c of rows) {
        out.push({
          name: c.name,
          type: c.type.toLowerCase(),
          nullable: c.notnull === 0 && c.pk === 0,
          default: await evaluate(c.dflt_value),
          primary: c.pk > 0,
          increment: new RegExp(`"?${c.name}"?\\s+integer\\s+PRIMARY KEY AUTOINCREMENT`, 'i').test(
            sql,
          ),
        });
      }
      return out;
    },
    async indexes(table) {
      const rows = await db.query<
        { name: string; unique: number; origin: 'c' | 'u' | 'pk'; partial: number }[]
      >(`PRAGMA index_list("${table}")`);
      const origin = { c: 'index', u: 'unique', pk: 'primary' } as const;
      const out: CatalogIndex[] = [];
      for (const i of rows) {
        out.push({
          name: i.name,
          columns: await columnsOf(i.name),
          unique: i.unique === 1,
          partial: i.partial === 1,
          origin: origin[i.origin],
        });
      }
      return out;
    },
    entityDefault: (column) => evaluate(db.driver.normalizeDefault(column)),
  };
}

function postgresCatalog(db: DataSource): Catalog {
  /** Evaluated as the column's type and shown as text, so `'x'::text` and `'x'` compare equal. */
  const evaluate = async (expression: string | undefined | null, type: string) => {
    if (expression === undefined || expression === null) return 'none';
    const [row] = await db.query<{ v: string }[]>(`SELECT ((${expression})::${type})::text AS v`);
    return `${type} ${JSON.stringify(row.v)}`;
  };
  return {
    async tables() {
      const rows = await db.query<{ name: string }[]>(
        'SELECT table_name AS name FROM information_schema.tables ' +
          "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
      );
      return rows.map((t) => t.name);
    },
    async columns(table) {
      const rows = await db.query<
        { name: string; type: string; nullable: string; dflt: string | null; pk: boolean }[]
      >(
        'SELECT c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable, ' +
          'c.column_default AS dflt, EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ' +
          'ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indisprimary ' +
          'AND i.indrelid = quote_ident(c.table_name)::regclass AND a.attname = c.column_name) AS pk ' +
          'FROM information_schema.columns c ' +
          'WHERE c.table_schema = current_schema() AND c.table_name = ? ORDER BY c.ordinal_position',
        [table],
      );
      const out: CatalogColumn[] = [];
      for (const c of rows) {
        // A serial column's default draws from its sequence: never evaluate it.
        const increment = c.dflt?.startsWith('nextval(') ?? false;
        out.push({
          name: c.name,
          type: c.type,
          nullable: c.nullable === 'YES',
          default: increment ? 'none' : await evaluate(c.dflt, c.type),
          primary: c.pk,
          increment,
        });
      }
      return out;
    },
    async indexes(table) {
      const rows = await db.query<
        { name: string; columns: string[]; unique: boolean; partial: boolean; origin: string }[]
      >(
        'SELECT ic.relname AS name, ix.indisunique AS "unique", ix.indpred IS NOT NULL AS partial, ' +
          "CASE WHEN ix.indisprimary THEN 'primary' WHEN con.contype = 'u' THEN 'unique' " +
          "ELSE 'index' END AS origin, ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) " +
          'WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = ix.indrelid ' +
          'AND a.attnum = k.attnum ORDER BY k.ord) AS columns ' +
          'FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid ' +
          "LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.contype IN ('u', 'p') " +
          'WHERE ix.indrelid = quote_ident(?)::regclass ORDER BY ic.relname',
        [table],
      );
      return rows.map((i) => ({ ...i, origin: i.origin as CatalogIndex['origin'] }));
    },
    entityDefault: (column) =>
      evaluate(db.driver.normalizeDefault(column), db.driver.normalizeType(column).toLowerCase()),
  };
}
