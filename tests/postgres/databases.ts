import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, inject } from 'vitest';
import type { Engine } from '../../database/engine';
import { openPostgres, type PostgresOptions } from '../../database/postgres';
import { C_LOCALE } from './settings';

/** The engine integration tests run on: the vitest project sets it (vitest.config.ts). */
export const TEST_ENGINE: Engine =
  process.env.REGISTER_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let admin: Promise<Client> | undefined;
const made: string[] = [];
/** Databases a whole test file shares (a generated kindergarten built once in beforeAll). */
const madeForFile: string[] = [];
const pools: DataSource[] = [];

function adminClient(): Promise<Client> {
  admin ??= (async () => {
    const client = new Client({ connectionString: inject('postgres').adminUrl });
    await client.connect();
    return client;
  })();
  return admin;
}

afterEach(async () => {
  for (const pool of pools.splice(0)) if (pool.isInitialized) await pool.destroy();
  if (made.length === 0) return;
  const client = await adminClient();
  for (const name of made.splice(0)) {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});
afterAll(async () => {
  if (madeForFile.length > 0) {
    const client = await adminClient();
    for (const name of madeForFile.splice(0)) {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  if (admin) await (await admin).end();
  admin = undefined;
});

/** Runs SQL as the cluster's superuser (roles for the tests of the server's start). */
export async function adminQuery(sql: string): Promise<void> {
  await (await adminClient()).query(sql);
}

/**
 * A database of its own for one test, dropped after it (or after the file, `lifetime: 'file'`):
 * a copy of the migrated template, or an empty one (`migrated: false`) for tests of the
 * migrations themselves.
 */
export async function freshPostgres(
  migrated = true,
  lifetime: 'test' | 'file' = 'test',
): Promise<PostgresOptions> {
  const server = inject('postgres');
  const name = `register_t_${randomBytes(6).toString('hex')}`;
  const client = await adminClient();
  const template = migrated
    ? `TEMPLATE ${server.template} STRATEGY FILE_COPY`
    : `TEMPLATE template0 ${C_LOCALE}`;
  await client.query(`CREATE DATABASE ${name} OWNER ${server.role} ${template}`);
  (lifetime === 'file' ? madeForFile : made).push(name);
  return {
    host: server.host,
    port: server.port,
    database: name,
    username: server.role,
    password: server.password,
    poolSize: 4,
  };
}

/** An opened, migrated pool on a fresh database, destroyed after the test. */
export async function freshPostgresPool(migrated = true): Promise<DataSource> {
  const db = await openPostgres(await freshPostgres(migrated));
  pools.push(db);
  return db;
}
