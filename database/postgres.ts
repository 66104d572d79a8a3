import 'reflect-metadata';
import { DataSource, type ReplicationMode } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { migrate } from './data-source';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { numberPlaceholders } from './sql-placeholders';

/** Where server mode keeps the register: one PostgreSQL database, reached as one role. */
export interface PostgresOptions {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  /** Connections in the pool: calls of different sessions run on different connections. */
  poolSize?: number;
  /** Milliseconds to wait for a connection before the call fails (PostgreSQL unreachable). */
  connectTimeoutMs?: number;
}

/** Runs every query of the program with PostgreSQL's numbered placeholders (sql-placeholders.ts). */
class PortableQueryRunner extends PostgresQueryRunner {
  override query(query: string, parameters?: unknown[], structured = false): Promise<never> {
    return super.query(numberPlaceholders(query), parameters, structured) as Promise<never>;
  }
}

/** Any number: several servers migrating one database at once wait for each other. */
const MIGRATION_LOCK = 72_401_017;

/** The register's pool on PostgreSQL (not yet migrated: see openPostgres). */
export function postgresDataSource(options: PostgresOptions): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    host: options.host,
    port: options.port,
    database: options.database,
    username: options.username,
    password: options.password,
    applicationName: 'kindergarten-register',
    // Two at least: the migrations run beside the connection that holds their lock.
    poolSize: Math.max(2, options.poolSize ?? 10),
    connectTimeoutMS: options.connectTimeoutMs ?? 10_000,
    // COUNT(*) is bigint on PostgreSQL; as a number it reads as on SQLite.
    parseInt8: true,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
  });
  const driver = dataSource.driver as PostgresDriver;
  driver.createQueryRunner = (mode: ReplicationMode) => new PortableQueryRunner(driver, mode);
  return dataSource;
}

/**
 * Connects the pool and brings the database to this program's schema. `check` runs first, on
 * the connected pool, before anything is written (server mode refuses a too mighty role there).
 */
export async function openPostgres(
  options: PostgresOptions,
  check?: (dataSource: DataSource) => Promise<void>,
): Promise<DataSource> {
  const dataSource = postgresDataSource(options);
  await dataSource.initialize();
  try {
    await check?.(dataSource);
    const lock = dataSource.createQueryRunner();
    await lock.query('SELECT pg_advisory_lock(?)', [MIGRATION_LOCK]);
    try {
      await migrate(dataSource);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(?)', [MIGRATION_LOCK]);
      await lock.release();
    }
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return dataSource;
}
