import type Database from 'better-sqlite3-multiple-ciphers';
import type { EntityManager } from 'typeorm';
import { rawConnection } from './data-source';

/** Prepared statements per SQLite connection, the most recently used last. */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** As TypeORM's own cache: enough for every hot statement and a few lengths of an IN list. */
const CACHE_SIZE = 100;

function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(db);
  if (!cache) {
    cache = new Map<string, Database.Statement>();
    prepared.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (stmt) {
    cache.delete(sql);
  } else {
    stmt = db.prepare(sql);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, stmt);
  return stmt;
}

/**
 * `m.query` for the hottest statements (a mark's save, the month grid, every call's access
 * periods and audit row). On SQLite it runs the statement straight on the driver's one
 * connection — the same one a TypeORM transaction runs on — since TypeORM's query path
 * (subscriber events, a result wrapper, several awaits) costs as much as a small indexed read.
 * On PostgreSQL it is `m.query`. Rows for a statement that returns rows, else nothing.
 */
export async function hotQuery<T>(
  m: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<T[]> {
  if (m.dataSource.options.type !== 'better-sqlite3') return m.query<T[]>(sql, [...parameters]);
  const stmt = statement(rawConnection(m.dataSource), sql);
  // As TypeORM does: better-sqlite3 binds no booleans; and the statement is logged as any other.
  const values = parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
  m.dataSource.logger.logQuery(sql, values);
  if (stmt.reader) return stmt.all(...values) as T[];
  stmt.run(...values);
  return [];
}
