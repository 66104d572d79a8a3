import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Generator } from '../../tools/seed/generator';

/**
 * The bench's two kindergartens, built once and kept between runs: ten school years (the budgets
 * of ARCHITECTURE and issue 12) and two years of the same shape, so that a screen's time on ten
 * years can be held against its time on two (cost must grow with the page, not with history).
 */
export const BENCH_ROOT = path.resolve('.bench-data');
export const BENCH_TODAY = '2026-11-30';
export const BENCH_PASSWORD = 'demo-parole-2026';
export type DatasetName = 'ten-years' | 'two-years';
export const DATASET_YEARS: Record<DatasetName, number> = { 'ten-years': 10, 'two-years': 2 };
const SHAPE = { groupsPerYear: 12, childrenPerGroup: 25 };
/**
 * Rebuild when the generator's shape or what it writes changes (v4: the slim audit events of
 * main, which change the file's size). A newer schema does not rebuild: opening the kept dataset
 * migrates it, as an update migrates a kindergarten's ten years.
 */
const stamp = (years: number) => JSON.stringify({ ...SHAPE, years, today: BENCH_TODAY, v: 4 });

export const datasetDir = (name: DatasetName) => path.join(BENCH_ROOT, name);

/** Builds one dataset unless its folder already holds one of this stamp; returns the folder. */
export async function ensureDataset(name: DatasetName): Promise<string> {
  const dir = datasetDir(name);
  const years = DATASET_YEARS[name];
  const stampFile = path.join(dir, 'dataset.json');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp(years)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  console.log(`Building the ${name} dataset in ${dir} (once; minutes)…`);
  await new Generator({
    dataDir: dir,
    today: BENCH_TODAY,
    years,
    ...SHAPE,
    attendance: 'all',
    log: (line) => console.log(`  [${name}] ${line}`),
  }).run();
  writeFileSync(stampFile, stamp(years));
  console.log(`${name} built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return dir;
}

/** Both datasets, built (or kept) one after the other. */
export async function ensureBenchData(): Promise<Record<DatasetName, string>> {
  return {
    'ten-years': await ensureDataset('ten-years'),
    'two-years': await ensureDataset('two-years'),
  };
}
