import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../database/postgres';
import { APP_ROLE, C_LOCALE, type PostgresTestServer } from './settings';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresTestServer;
  }
}

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'test-postgres.sh');

/**
 * The PostgreSQL project's setup, once per run: the cluster (REGISTER_TEST_PG, as .ci/run starts
 * it; otherwise a throwaway one started here), a role with no more rights than the server's, and
 * a migrated template database that every test copies (CREATE DATABASE … TEMPLATE: ~0.1 s).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let clusterDir: string | undefined;
  let adminUrl = process.env.REGISTER_TEST_PG;
  if (!adminUrl) {
    clusterDir = mkdtempSync(path.join(os.tmpdir(), 'register-pg-'));
    adminUrl = execFileSync(SCRIPT, ['start', clusterDir], { encoding: 'utf8' }).trim();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const password = randomBytes(18).toString('hex');
  const template = `register_template_${process.pid}`;
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  const verb = exists.rowCount ? 'ALTER' : 'CREATE';
  await admin.query(
    `${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
  );
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  // C collation: text compares byte by byte, as on SQLite.
  await admin.query(`CREATE DATABASE ${template} OWNER ${APP_ROLE} TEMPLATE template0 ${C_LOCALE}`);
  const url = new URL(adminUrl);
  const server: PostgresTestServer = {
    adminUrl,
    host: url.hostname,
    port: Number(url.port || 5432),
    role: APP_ROLE,
    password,
    template,
  };
  const db = await openPostgres({
    host: server.host,
    port: server.port,
    database: template,
    username: APP_ROLE,
    password,
    poolSize: 2,
  });
  await db.destroy();
  project.provide('postgres', server);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    if (clusterDir) execFileSync(SCRIPT, ['stop', clusterDir]);
  };
}
