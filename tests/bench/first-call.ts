import { cpSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Method } from '../../common/contract';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { BENCH_PASSWORD, BENCH_TODAY } from './dataset';
import { interleaveTimed, type BenchRow } from './harness';

/**
 * The first login of the day with the daily backup due: the calls the head's home makes right
 * after it, while the backup runs in the background (issue 12: no call waits for it). Beside
 * them the same calls after a login with no backup due, run by run in turn, each run on a fresh
 * copy of the data (the first open of a folder, as a morning's start).
 */
const HOME: [Method, object][] = [
  ['app.now', {}],
  ['overview.home', {}],
  ['mail.unread', {}],
  ['backup.status', {}],
];
const TODAY = new Date(`${BENCH_TODAY}T07:30:00Z`);

async function call(router: Router, method: Method, input: object): Promise<unknown> {
  const result = await router.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.result;
}

/** Switches the daily backup on the day before, as the head does once in the settings. */
async function switchBackupOn(RouterOf: typeof Router, dir: string): Promise<void> {
  const router = new RouterOf({
    dataDir: dir,
    clock: new TestClock(new Date(TODAY.getTime() - 86_400_000)),
  });
  const folder = path.join(dir, 'backups');
  mkdirSync(folder);
  const passphrase = 'rezerves-parole-2026';
  await call(router, 'auth.login', { username: 'vaditaja', password: BENCH_PASSWORD });
  await call(router, 'backup.saveAuto', {
    enabled: true,
    folder,
    passphrase,
    passphraseRepeat: passphrase,
  });
  await call(router, 'auth.logout', {});
  await router.dispose();
}

/**
 * One morning on a copy of `source` (through `RouterOf`, so a tool can pass another build's):
 * each home call's milliseconds, `home` their sum, `max stall` the longest the main thread was
 * held at once meanwhile, and with `backupDue` the backup's own time until it was recorded.
 */
export async function firstLoginOfDay(
  source: string,
  backupDue: boolean,
  RouterOf: typeof Router = Router,
): Promise<Record<string, number>> {
  const dir = path.join(os.tmpdir(), `bench-first-call-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  try {
    if (backupDue) await switchBackupOn(RouterOf, dir);
    const router = new RouterOf({ dataDir: dir, clock: new TestClock(TODAY) });
    const times: Record<string, number> = {};
    let start = performance.now();
    await call(router, 'auth.login', { username: 'vaditaja', password: BENCH_PASSWORD });
    times['auth.login'] = performance.now() - start;
    const after = performance.now();
    let last = after;
    let stall = 0;
    const ticks = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last);
      last = now;
    }, 2);
    for (const [method, input] of HOME) {
      start = performance.now();
      await call(router, method, input);
      times[method] = performance.now() - start;
    }
    times.home = performance.now() - after;
    while (((await call(router, 'backup.status', {})) as { running: unknown }).running) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (backupDue) times.backup = performance.now() - after;
    clearInterval(ticks);
    times['max stall'] = stall;
    await call(router, 'auth.logout', {});
    await router.dispose();
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench row: the home's calls with the backup due beside the same with none due. */
export async function benchFirstCall(dataDir: string, runs: number): Promise<BenchRow> {
  const side = (due: boolean) => async () => (await firstLoginOfDay(dataDir, due)).home;
  const [ours, baseline] = await interleaveTimed(side(true), side(false), { warmup: 1, runs });
  const row: BenchRow = {
    operation:
      'home calls right after the first login of the day, daily backup due (vadītāja, service layer)',
    ours,
    baseline,
    baselineLabel: `the same calls after a login with no backup due (${ours.runs} runs each)`,
  };
  // The calls take a few milliseconds either way: a ratio of two small numbers swings, so the
  // budget is what a waiting call would show (the snapshot alone took 0.3–1.2 s in the call).
  return {
    ...row,
    targets: [{ label: '≤ no backup due + 50 ms p95', met: ours.p95 <= baseline.p95 + 50 }],
  };
}
