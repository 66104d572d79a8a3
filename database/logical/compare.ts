import { readRows, type Row, type Value } from './rows';
import { appliedMigrationNames, tableShapes, type Queryable, type TableShape } from './schema';

/**
 * The logical dump compare: a register of either engine read as its migration level and every
 * table's rows in primary-key order, each value in the dump's neutral form (rows.ts), and a
 * comparison of two such dumps that names the first table, row and column that differ. It reads
 * page by page on both sides at once, so ten years are compared without holding either.
 */

/** Tables that hold accounts in an engine's own form (key slots on one PC, hashes on a server). */
export const ACCOUNT_TABLES = ['credential', 'login_lockout'];

export interface DumpOptions {
  /** Tables left out (by default the account tables, which the logins themselves check). */
  skipTables?: string[];
  /** Rows left out, e.g. the audit record a restore adds to the register it restores. */
  skipRow?: (table: string, row: Record<string, Value>) => boolean;
}

export interface TableDump {
  table: TableShape;
  /** Pages of rows in key order; read once. */
  pages: AsyncGenerator<Row[]>;
}

/** One register as its migrations and its tables (shapes now, rows as they are read). */
export async function dumpRegister(
  db: Queryable,
  options: DumpOptions = {},
): Promise<{ migrations: string[]; tables: TableDump[] }> {
  const skip = new Set(options.skipTables ?? ACCOUNT_TABLES);
  const shapes = (await tableShapes(db)).filter((t) => !skip.has(t.name));
  const filter = options.skipRow;
  return {
    migrations: await appliedMigrationNames(db),
    tables: shapes.map((table) => ({
      table,
      pages: (async function* () {
        for await (const page of readRows(db, table)) {
          if (!filter) yield page;
          else yield page.filter((row) => !filter(table.name, asObject(table, row)));
        }
      })(),
    })),
  };
}

export function asObject(table: TableShape, row: Row): Record<string, Value> {
  return Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]]));
}

export interface Difference {
  table: string;
  /** The row's key (column = value), or '' for a difference of the schema or the level. */
  row: string;
  column: string;
  left: unknown;
  right: unknown;
}

export interface Comparison {
  /** Rows read per table (from the left register). */
  rows: Record<string, number>;
  difference: Difference | null;
}

/** Rows one at a time out of a table's pages. */
async function* rowsOf(pages: AsyncGenerator<Row[]>): AsyncGenerator<Row> {
  for await (const page of pages) yield* page;
}

const describeKey = (table: TableShape, row: Row) =>
  table.key
    .map((k) => `${k}=${JSON.stringify(row[table.columns.findIndex((c) => c.name === k)])}`)
    .join(', ');

/** Compares two registers (any engines) table by table, row by row; stops at the first difference. */
export async function compareRegisters(
  left: Queryable,
  right: Queryable,
  options: DumpOptions = {},
): Promise<Comparison> {
  const [a, b] = [await dumpRegister(left, options), await dumpRegister(right, options)];
  const rows: Record<string, number> = {};
  const differ = (d: Difference): Comparison => ({ rows, difference: d });
  // A set: two registers may have had the same migrations in another order.
  const level = (names: string[]) => [...names].sort().join();
  if (level(a.migrations) !== level(b.migrations)) {
    return differ({
      table: 'migrations',
      row: '',
      column: 'name',
      left: a.migrations.length,
      right: b.migrations.length,
    });
  }
  const names = (d: typeof a) => d.tables.map((t) => t.table.name).join();
  if (names(a) !== names(b)) {
    return differ({ table: '(tables)', row: '', column: '', left: names(a), right: names(b) });
  }
  for (let t = 0; t < a.tables.length; t++) {
    const [ta, tb] = [a.tables[t].table, b.tables[t].table];
    const shape = (s: TableShape) => s.columns.map((c) => `${c.name}:${c.type}`).join();
    if (shape(ta) !== shape(tb)) {
      return differ({
        table: ta.name,
        row: '',
        column: '(columns)',
        left: shape(ta),
        right: shape(tb),
      });
    }
    const [ia, ib] = [rowsOf(a.tables[t].pages), rowsOf(b.tables[t].pages)];
    let count = 0;
    for (;;) {
      const [ra, rb] = [await ia.next(), await ib.next()];
      if (ra.done || rb.done) {
        if (ra.done && rb.done) break;
        const extra = (ra.done ? rb.value : ra.value) as Row;
        return differ({
          table: ta.name,
          row: describeKey(ta, extra),
          column: '(row)',
          left: ra.done ? 'missing' : 'present',
          right: rb.done ? 'missing' : 'present',
        });
      }
      count++;
      const i = ra.value.findIndex((v, c) => v !== rb.value[c]);
      if (i >= 0) {
        return differ({
          table: ta.name,
          row: describeKey(ta, ra.value),
          column: ta.columns[i].name,
          left: ra.value[i],
          right: rb.value[i],
        });
      }
    }
    rows[ta.name] = count;
  }
  return { rows, difference: null };
}

/** "table child, row id=12, column name: "Anna" ≠ "Ana"" — for test failures and the tool. */
export function describeDifference(d: Difference | null): string {
  if (!d) return 'equal';
  const where = [`table ${d.table}`, d.row && `row ${d.row}`, d.column && `column ${d.column}`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${JSON.stringify(d.left)} ≠ ${JSON.stringify(d.right)}`;
}
