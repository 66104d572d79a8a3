import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Method } from '../../common/contract';
import { rawConnection } from '../../database/data-source';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';

/**
 * `node dist-tools/tools/dbperf/plans.js DIR [--runs N]`: every paged list read as the head and
 * as a teacher on a data folder (the ten-year copy), with the SQL each call sends, its query plan
 * (EXPLAIN QUERY PLAN), its query count and time, and the file's size by table (dbstat).
 * Markdown on stdout, for docs/query-plans.md.
 */
const PASSWORD = 'demo-parole-2026';
const TODAY = new Date('2026-11-30T07:30:00Z');

/** The hot reads: each list screen's first page as it opens. */
export const READS: [string, Method, object][] = [
  ['vaditaja', 'assessment.later', {}],
  ['vaditaja', 'assessment.later', { schoolYear: 2020 }],
  ['vaditaja', 'planning.overview', { month: '2026-11' }],
  ['vaditaja', 'planning.list', {}],
  ['vaditaja', 'supervision.checks', {}],
  ['vaditaja', 'supervision.diary', {}],
  ['vaditaja', 'journals.entries', { from: '2026-11-01', to: '2026-11-30' }],
  ['vaditaja', 'journals.talks', { from: '2026-09-01', to: '2026-11-30' }],
  ['vaditaja', 'substitution.list', {}],
  ['vaditaja', 'applications.list', {}],
  ['vaditaja', 'children.list', {}],
  ['vaditaja', 'users.list', {}],
  ['vaditaja', 'audit.list', { from: '2026-11-01', to: '2026-11-30' }],
  ['vaditaja', 'privacy.retention', {}],
  ['skolotaja1', 'assessment.later', {}],
  ['skolotaja1', 'planning.list', {}],
];

interface Logged {
  sql: string;
  params: unknown[];
}

/** Records every query the DataSource sends until the returned function is called. */
export function recordQueries(db: DataSource): () => Logged[] {
  const logger = db.logger as { logQuery: (q: string, p?: unknown[]) => unknown };
  const original = logger.logQuery.bind(logger);
  const seen: Logged[] = [];
  logger.logQuery = (sql: string, params?: unknown[]) => {
    seen.push({ sql, params: params ?? [] });
    return original(sql, params);
  };
  return () => {
    logger.logQuery = original;
    return seen;
  };
}

function planOf(db: DataSource, q: Logged): string[] {
  const rows = rawConnection(db)
    .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
    .all(...q.params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d - 1)}${r.detail}`;
  });
}

export function sizeTable(db: DataSource): string {
  const raw = rawConnection(db);
  const rows = raw
    .prepare(
      'SELECT COALESCE(m.tbl_name, s.name) AS tbl, SUM(s.pgsize) AS bytes FROM dbstat s ' +
        'LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY tbl ORDER BY bytes DESC',
    )
    .all() as { tbl: string; bytes: number }[];
  const total = rows.reduce((s, r) => s + r.bytes, 0);
  const lines = [
    '| table (with its indexes) | rows | MiB | share |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const r of rows.filter((x) => x.bytes >= 512 * 1024)) {
    let n = '';
    try {
      n = String((raw.prepare(`SELECT COUNT(*) AS n FROM "${r.tbl}"`).get() as { n: number }).n);
    } catch {
      n = '';
    }
    lines.push(
      `| ${r.tbl} | ${n} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${((100 * r.bytes) / total).toFixed(0)} % |`,
    );
  }
  lines.push(`| **all** | | **${(total / 2 ** 20).toFixed(1)}** | |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2]);
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5);
  const router = new Router({ dataDir: dir, clock: new TestClock(TODAY) });
  const call = async (method: Method, input: object) => {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.result;
  };
  const out: string[] = [];
  let user = '';
  for (const [who, method, input] of READS) {
    if (who !== user) {
      if (user) await call('auth.logout', {});
      await call('auth.login', { username: who, password: PASSWORD });
      user = who;
    }
    const db = router.state.db;
    const stop = recordQueries(db);
    await call(method, input);
    const queries = stop();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await call(method, input);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push(
      `### ${method} ${JSON.stringify(input)} as ${who}: ${queries.length} queries, ` +
        `median ${times[Math.floor(times.length / 2)].toFixed(1)} ms`,
      '',
      '```',
    );
    for (const q of queries.filter(
      (x) => /^\s*SELECT/i.test(x.sql) && !/sqlite_master|pragma/i.test(x.sql),
    )) {
      out.push(q.sql.replace(/\s+/g, ' ').slice(0, 600));
      out.push(...planOf(db, q).map((l) => `  → ${l}`));
    }
    out.push('```', '');
  }
  out.push('## Size by table (dbstat)', '', sizeTable(router.state.db), '');
  out.push(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await call('auth.logout', {});
  console.log(out.join('\n'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
