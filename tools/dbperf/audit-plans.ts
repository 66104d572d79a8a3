import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { DataSource } from 'typeorm';
import type { Method } from '../../common/contract';
import { applyKey, databasePath, rawConnection } from '../../database/data-source';
import { KeySlotFile, unwrapKey } from '../../database/keyslots';
import { openPostgres } from '../../database/postgres';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { recordQueries } from './plans';

/**
 * `node dist-tools/tools/dbperf/audit-plans.js DIR [POSTGRES_URL]`: every read of the audit
 * (the viewer with each filter, a child's data on request, the substitutions' entry counts)
 * as the program sends it on a data folder (the ten-year copy), with its SQLite plan, and with
 * POSTGRES_URL its PostgreSQL plan on a migrated database `dbperf_audit` holding the same audit
 * rows (ANALYZEd); then the audit's tables and indexes by size (dbstat). Markdown on stdout.
 */
const TEN_YEARS = { from: '2016-09-01', to: '2026-11-30' };
const CALLS: [Method, object][] = [
  ['audit.list', { from: '2026-11-01', to: '2026-11-30' }],
  ['audit.list', { ...TEN_YEARS, groupId: 120 }],
  ['audit.list', { ...TEN_YEARS, userId: 5 }],
  ['audit.list', { ...TEN_YEARS, childId: 901 }],
  ['audit.list', { from: '2026-11-01', to: '2026-11-30', action: 'attendance.day.confirm' }],
  ['audit.list', { ...TEN_YEARS, domain: 'assessment', offset: 500 }],
  ['privacy.childExport', { childId: 901 }],
  ['substitution.list', {}],
];
const AUDIT_TABLES: [string, string[]][] = [
  [
    'audit_event',
    ['id', 'at', 'actor_id', 'on_behalf_of_id', 'action', 'entity', 'entity_id', 'group_id'],
  ],
  ['audit_event_child', ['event_id', 'child_id']],
];

/** A migrated PostgreSQL database with the folder's audit rows (no other table: FKs off). */
async function postgresCopy(dir: string, url: URL): Promise<DataSource> {
  const connect = (database: string) =>
    openPostgres({
      host: url.hostname,
      port: Number(url.port),
      database,
      username: url.username,
      password: url.password,
    });
  const admin = await connect(url.pathname.slice(1) || 'postgres');
  await admin.query('DROP DATABASE IF EXISTS dbperf_audit WITH (FORCE)');
  await admin.query('CREATE DATABASE dbperf_audit');
  await admin.destroy();
  const pg = await connect('dbperf_audit');
  const slots = await KeySlotFile.load(dir);
  const key = await unwrapKey(slots.userSlot('vaditaja')!, 'demo-parole-2026');
  const lite = new Database(databasePath(dir), { readonly: true });
  applyKey(lite, key!);
  const runner = pg.createQueryRunner();
  await runner.connect();
  await runner.query('SET session_replication_role = replica');
  for (const [table, columns] of AUDIT_TABLES) {
    const rows = lite
      .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
      .raw()
      .all();
    const batch = Math.floor(30_000 / columns.length);
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch);
      const values = part.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
      await runner.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`,
        part.flat(),
      );
    }
  }
  await runner.query('SET session_replication_role = origin');
  await runner.query('ANALYZE');
  await runner.release();
  lite.close();
  return pg;
}

function sizes(db: DataSource): string[] {
  const rows = rawConnection(db)
    .prepare(
      'SELECT d.name, SUM(d.pgsize) AS bytes FROM dbstat d JOIN sqlite_master m ON m.name = d.name ' +
        "WHERE m.tbl_name LIKE 'audit%' GROUP BY d.name ORDER BY bytes DESC",
    )
    .all() as { name: string; bytes: number }[];
  return rows.map((r) => `| ${r.name} | ${(r.bytes / 2 ** 20).toFixed(2)} |`);
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2]);
  const pg = process.argv[3] ? await postgresCopy(dir, new URL(process.argv[3])) : null;
  const router = new Router({
    dataDir: dir,
    clock: new TestClock(new Date('2026-11-30T07:30:00Z')),
  });
  const login = await router.call('auth.login', {
    username: 'vaditaja',
    password: 'demo-parole-2026',
  });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const out: string[] = [];
  for (const [method, input] of CALLS) {
    const stop = recordQueries(router.state.db);
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    out.push(`### ${method} ${JSON.stringify(input)}`, '', '```');
    const seen = new Set<string>();
    for (const q of stop().filter((x) => /^\s*SELECT/i.test(x.sql) && /audit_event/.test(x.sql))) {
      const sql = q.sql.replace(/\s+/g, ' ');
      if (seen.has(sql)) continue;
      seen.add(sql);
      out.push(sql.length > 240 ? `${sql.slice(0, 240)} …` : sql);
      const plan = rawConnection(router.state.db)
        .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
        .all(...q.params) as { detail: string }[];
      out.push(...plan.map((r) => `  SQLite → ${r.detail}`));
      if (pg) {
        const rows = await pg.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${q.sql}`, q.params);
        out.push(...rows.map((r) => `  PostgreSQL → ${r['QUERY PLAN'].trim().slice(0, 200)}`));
      }
    }
    out.push('```', '');
  }
  out.push('| audit table or index | MiB |', '| --- | ---: |', ...sizes(router.state.db), '');
  out.push(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await router.dispose();
  await pg?.destroy();
  console.log(out.join('\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
