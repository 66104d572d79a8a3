import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The two engines the register runs on: the encrypted SQLite file of one PC (better-sqlite3) and
 * PostgreSQL in server mode. Code that must differ by engine asks here rather than reading
 * TypeORM's option names itself.
 */
export type Engine = 'sqlite' | 'postgres';

export function engineOf(db: DataSource | QueryRunner): Engine {
  const source = 'connection' in db ? db.connection : db;
  return source.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/** True when a table exists (the migrations table before the first migration, for one). */
export async function hasTable(db: DataSource, table: string): Promise<boolean> {
  const runner = db.createQueryRunner();
  try {
    return await runner.hasTable(table);
  } finally {
    await runner.release();
  }
}
