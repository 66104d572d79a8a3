import { cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Method } from '../../common/contract';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';

/**
 * `node dist-tools/tools/dbperf/login.js RUNS DIR...`: the first login after a start, as the
 * head, then the calls her home makes, on a fresh copy of each data folder per run (the first
 * open of a folder is what a morning's start does). The folders are taken in turn, run by run.
 */
const PASSWORD = 'demo-parole-2026';
const TODAY = new Date('2026-11-30T07:30:00Z');
const HOME: [Method, object][] = [
  ['app.now', {}],
  ['overview.home', {}],
  ['mail.unread', {}],
  ['backup.status', {}],
];

async function once(source: string): Promise<Record<string, number>> {
  const dir = path.join(os.tmpdir(), `dbperf-login-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  const router = new Router({ dataDir: dir, clock: new TestClock(TODAY) });
  const call = async (method: Method, input: object) => {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  };
  const times: Record<string, number> = {};
  let start = performance.now();
  await call('auth.login', { username: 'vaditaja', password: PASSWORD });
  times['auth.login'] = performance.now() - start;
  const homeStart = performance.now();
  for (const [method, input] of HOME) {
    start = performance.now();
    await call(method, input);
    times[method] = performance.now() - start;
  }
  times.home = performance.now() - homeStart;
  times.total = times['auth.login'] + times.home;
  await router.call('auth.logout', {});
  rmSync(dir, { recursive: true, force: true });
  return times;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const dirs = process.argv.slice(3).map((d) => path.resolve(d));
  const all = new Map<string, Record<string, number>[]>(dirs.map((d) => [d, []]));
  for (let i = 0; i < runs; i++) {
    for (const dir of dirs) all.get(dir)!.push(await once(dir));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [dir, rows] of all) {
    console.log(`\n${path.basename(dir)} (${rows.length} runs, median ms)`);
    for (const key of Object.keys(rows[0])) {
      const xs = rows.map((r) => r[key]);
      console.log(
        `  ${key.padEnd(14)} ${median(xs).toFixed(0).padStart(6)}   [${xs.map((x) => x.toFixed(0)).join(' ')}]`,
      );
    }
  }
  console.log(
    `\nload average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
