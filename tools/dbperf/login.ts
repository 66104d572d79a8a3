import { cpSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Method } from '../../common/contract';
import { KeySlotFile, unwrapKey } from '../../database/keyslots';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { printLoad, printMedians } from './print';

/**
 * `node dist-tools/tools/dbperf/login.js RUNS DIR...`: the first login after a start, as the
 * head, then the calls her home makes, on a fresh copy of each data folder per run (the first
 * open of a folder is what a morning's start does). The folders are taken in turn, run by run.
 * `unwrap` is the key slot's scrypt alone, the floor of any login. With DBPERF_BACKUP=1 the
 * daily backup is switched on in the copy first, so that it falls due at the timed login.
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
  if (process.env.DBPERF_BACKUP) await switchBackupOn(dir);
  const router = new Router({ dataDir: dir, clock: new TestClock(TODAY) });
  const call = async (method: Method, input: object): Promise<unknown> => {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.result;
  };
  const times: Record<string, number> = {};
  let start = performance.now();
  const slots = await KeySlotFile.load(dir);
  await unwrapKey(slots.userSlot('vaditaja')!, PASSWORD);
  times.unwrap = performance.now() - start;
  start = performance.now();
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
  if (process.env.DBPERF_BACKUP) {
    // The backup ran behind the login; wait for it to finish before the folder goes.
    start = performance.now();
    const running = async () => ((await call('backup.status', {})) as { running: boolean }).running;
    while (await running()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    times['backup after'] = performance.now() - start;
  }
  await router.call('auth.logout', {});
  rmSync(dir, { recursive: true, force: true });
  return times;
}

/** Switches the daily backup on in a copy, as the head does once in the settings. */
async function switchBackupOn(dir: string): Promise<void> {
  // The day before: a backup made then is not today's, so the timed login finds one due.
  const router = new Router({
    dataDir: dir,
    clock: new TestClock(new Date(TODAY.getTime() - 86_400_000)),
  });
  const folder = path.join(dir, 'backups');
  mkdirSync(folder);
  const passphrase = 'rezerves-parole-2026';
  for (const [method, input] of [
    ['auth.login', { username: 'vaditaja', password: PASSWORD }],
    ['backup.saveAuto', { enabled: true, folder, passphrase, passphraseRepeat: passphrase }],
    ['auth.logout', {}],
  ] as [Method, object][]) {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  }
  await router.dispose();
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const dirs = process.argv.slice(3).map((d) => path.resolve(d));
  const all = new Map<string, Record<string, number>[]>(dirs.map((d) => [d, []]));
  for (let i = 0; i < runs; i++) {
    for (const dir of dirs) all.get(dir)!.push(await once(dir));
  }
  for (const [dir, rows] of all) printMedians(path.basename(dir), rows);
  printLoad();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
