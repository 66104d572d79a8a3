import path from 'node:path';
import type { Router } from '../../electron/api/router';
import { firstLoginOfDay } from '../../tests/bench/first-call';
import { printLoad, printMedians } from './print';

/**
 * `node dist-tools/tools/dbperf/first-call.js RUNS DATA [BASE_DIST]`: the first login of the day
 * as the head with the daily backup due, then the calls her home makes (tests/bench/first-call.ts),
 * through a baseline build (BASE_DIST: a checkout compiled with `tsc -p tsconfig.tools.json
 * --outDir`) and through this build, run by run in turn (the order swapped every run), each run
 * on a fresh copy of DATA. `max stall` is the longest the main thread was held at once from the
 * login's answer to the backup's end: what a call arriving then would have waited at worst.
 */
async function main(): Promise<void> {
  const [runsArg, data, baseDist] = process.argv.slice(2);
  const sides: [string, typeof Router | undefined][] = [['ours', undefined]];
  if (baseDist) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const base = require(path.resolve(baseDist, 'electron/api/router.js')) as {
      Router: typeof Router;
    };
    sides.unshift(['baseline', base.Router]);
  }
  const all = new Map<string, Record<string, number>[]>(sides.map(([name]) => [name, []]));
  for (let i = 0; i < Number(runsArg); i++) {
    for (const [name, RouterOf] of i % 2 ? [...sides].reverse() : sides) {
      all.get(name)!.push(await firstLoginOfDay(path.resolve(data), true, RouterOf));
    }
  }
  for (const [name, rows] of all) printMedians(`${name} on ${path.basename(data)}`, rows);
  printLoad();
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
