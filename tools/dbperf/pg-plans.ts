import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Method } from '../../common/contract';
import { applyKey, databasePath } from '../../database/data-source';
import { KeySlotFile, unwrapKey } from '../../database/keyslots';
import { openPostgres } from '../../database/postgres';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { READS, recordQueries } from './plans';

/**
 * `node dist-tools/tools/dbperf/pg-plans.js DIR POSTGRES_URL`: the hot reads' plans on
 * PostgreSQL. The tables they read are copied from the data folder (the ten-year copy) into a
 * new, migrated database `dbperf_plans` of the cluster at the superuser's URL, analysed, and
 * each query the read sends (captured on SQLite through the program) is EXPLAINed there.
 */
const TABLES = [
  'institution',
  'user',
  'group',
  'group_teacher',
  'child',
  'enrolment',
  'plan',
  'topic',
  'topic_area',
  'assessment',
  'assessment_history',
  'journal_check',
];
const HOT = new Set<Method>([
  'assessment.later',
  'planning.list',
  'planning.overview',
  'supervision.checks',
]);

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2]);
  const url = new URL(process.argv[3]);
  const admin = await openPostgres({
    host: url.hostname,
    port: Number(url.port),
    database: url.pathname.slice(1) || 'postgres',
    username: url.username,
    password: url.password,
  }).catch(() => null);
  // The admin pool is only for CREATE DATABASE (openPostgres migrated it too: harmless).
  await admin?.query('DROP DATABASE IF EXISTS dbperf_plans');
  await admin?.query('CREATE DATABASE dbperf_plans');
  await admin?.destroy();
  const pg = await openPostgres({
    host: url.hostname,
    port: Number(url.port),
    database: 'dbperf_plans',
    username: url.username,
    password: url.password,
  });
  const slots = await KeySlotFile.load(dir);
  const key = await unwrapKey(slots.userSlot('vaditaja')!, 'demo-parole-2026');
  const lite = new Database(databasePath(dir), { readonly: true });
  applyKey(lite, key!);
  const runner = pg.createQueryRunner();
  await runner.connect();
  await runner.query('SET session_replication_role = replica');
  for (const table of TABLES) {
    const columns = (await runner.query(
      'SELECT column_name AS name, data_type AS type FROM information_schema.columns ' +
        "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
      [table],
    )) as { name: string; type: string }[];
    await runner.query(`DELETE FROM "${table}"`);
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const rows = lite.prepare(`SELECT ${names} FROM "${table}"`).raw().all() as unknown[][];
    const width = columns.length;
    const batch = Math.floor(30_000 / width);
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch);
      const values = part.map(() => `(${Array(width).fill('?').join(', ')})`).join(', ');
      const params = part.flatMap((row) =>
        row.map((v, j) => (columns[j].type === 'boolean' && v !== null ? Boolean(v) : v)),
      );
      await runner.query(`INSERT INTO "${table}" (${names}) VALUES ${values}`, params);
    }
    console.error(`${table}: ${rows.length} rows`);
  }
  await runner.query('ANALYZE');
  await runner.release();

  // The queries, as the program sends them, captured on the SQLite copy.
  const router = new Router({
    dataDir: dir,
    clock: new TestClock(new Date('2026-11-30T07:30:00Z')),
  });
  const out: string[] = [];
  let user = '';
  for (const [who, method, input] of READS.filter(([, m]) => HOT.has(m))) {
    if (who !== user) {
      await router.call('auth.login', { username: who, password: 'demo-parole-2026' });
      user = who;
    }
    const stop = recordQueries(router.state.db);
    await router.call(method, input);
    out.push(`### ${method} ${JSON.stringify(input)} as ${who}`, '', '```');
    for (const q of stop().filter(
      (x) => /^\s*SELECT/i.test(x.sql) && /\b(plan|assessment|journal_check)\b/.test(x.sql),
    )) {
      out.push(q.sql.replace(/\s+/g, ' ').slice(0, 300));
      const plan = await pg.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${q.sql}`, q.params);
      out.push(...plan.map((r) => `  ${r['QUERY PLAN']}`));
    }
    out.push('```', '');
  }
  await router.dispose();
  await pg.destroy();
  console.log(out.join('\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
