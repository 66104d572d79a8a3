import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Generator } from '../seed/generator';

/**
 * `node dist-tools/tools/dbperf/two-years.js [DIR]`: the bench's kindergarten with two school
 * years instead of ten (same groups, children, today and scope), to set beside the ten-year copy.
 */
async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? '.bench-data/two-years');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const shape = { years: 2, groupsPerYear: 12, childrenPerGroup: 25, today: '2026-11-30' };
  const started = Date.now();
  await new Generator({ dataDir: dir, ...shape, attendance: 'all', log: console.log }).run();
  writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify({ ...shape, v: 3 }));
  console.log(`${dir} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
