import path from 'node:path';
import { interleave, loadAverage, type Timing } from '../../tests/bench/harness';
import { openSession } from '../../tests/bench/session';
import { teacherPaths } from '../../tests/bench/teacher-paths';

/**
 * `node dist-tools/tools/dbperf/marksave.js DATA_DIR [time|count|profile] [RUNS]`: the bench's
 * two teacher rows (tests/bench/teacher-paths.ts: the month grid and saving one mark, each beside
 * the same work on the raw driver, interleaved) on a COPY of a dataset, without the rest of the
 * bench. `count` prints the SQL statements of one save and one grid; `profile` runs only our
 * side (for node --cpu-prof).
 */
async function main(): Promise<void> {
  const [dir, mode = 'time', runsArg] = process.argv.slice(2);
  const runs = Number(runsArg ?? 400);
  const session = openSession(path.resolve(dir));
  const paths = await teacherPaths(session);

  if (mode === 'count') {
    const logger = session.router.state.db.logger;
    const seen: string[] = [];
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      seen.push(query);
      original(query, parameters, runner);
    };
    for (const [name, work] of [
      ['save', paths.saveOne],
      ['grid', paths.grid],
    ] as const) {
      await work();
      seen.length = 0;
      await work();
      console.log(`${name}: ${seen.length} statements`);
      for (const q of seen) console.log(`  ${q.slice(0, 150)}`);
    }
  } else if (mode === 'profile') {
    for (let i = 0; i < runs; i++) {
      await paths.saveOne();
      await paths.grid();
    }
  } else {
    const show = (name: string, [ours, base]: [Timing, Timing]) =>
      console.log(
        `${name}: ours p50 ${ours.p50.toFixed(3)} p95 ${ours.p95.toFixed(3)} ms; raw p50 ` +
          `${base.p50.toFixed(3)} p95 ${base.p95.toFixed(3)} ms; ratio ${(ours.p50 / base.p50).toFixed(2)}×`,
      );
    show('grid', await interleave(paths.grid, paths.gridByHand, { warmup: 200, runs }));
    show('save', await interleave(paths.saveOne, paths.saveByHand, { warmup: 20, runs }));
    console.log(`load average: ${loadAverage()}`);
  }
  paths.cleanUp();
  await session.router.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
