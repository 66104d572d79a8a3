import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Method } from '../../common/contract';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { printLoad } from './print';

/**
 * `node dist-tools/tools/dbperf/interleave.js RUNS BASE_DIST BASE_DATA OURS_DATA METHOD [JSON]`:
 * one call as the head, through a baseline build of the program (BASE_DIST: main compiled with
 * `tsc -p tsconfig.tools.json --outDir`) on its data folder and through this build on its own,
 * run by run in turn (the order swapped every run), so that the machine's load falls on both.
 */
type Call = (method: Method, input: object) => Promise<unknown>;

async function open(RouterClass: typeof Router, dataDir: string): Promise<Call> {
  const router = new RouterClass({
    dataDir: path.resolve(dataDir),
    clock: new TestClock(new Date('2026-11-30T07:30:00Z')),
  });
  const call: Call = async (method, input) => {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.result;
  };
  await call('auth.login', { username: 'vaditaja', password: 'demo-parole-2026' });
  return call;
}

async function main(): Promise<void> {
  const [runsArg, baseDist, baseData, oursData, method, json] = process.argv.slice(2);
  const input = JSON.parse(json ?? '{}') as object;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const base = require(path.resolve(baseDist, 'electron/api/router.js')) as {
    Router: typeof Router;
  };
  const sides: [string, Call][] = [
    ['baseline', await open(base.Router, baseData)],
    ['ours', await open(Router, oursData)],
  ];
  const times = new Map<string, number[]>(sides.map(([name]) => [name, []]));
  for (const [, call] of sides) for (let i = 0; i < 3; i++) await call(method as Method, input);
  for (let i = 0; i < Number(runsArg); i++) {
    for (const [name, call] of i % 2 ? [...sides].reverse() : sides) {
      const start = performance.now();
      await call(method as Method, input);
      times.get(name)!.push(performance.now() - start);
    }
  }
  const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
  for (const [name, xs] of times) {
    xs.sort((a, b) => a - b);
    console.log(
      `${method} ${json ?? '{}'} ${name}: p50 ${at(xs, 0.5).toFixed(2)} ms, p95 ${at(xs, 0.95).toFixed(2)} ms (${xs.length} runs)`,
    );
  }
  printLoad();
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
