import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..');
// Inside the project, so that the bundle finds the packages it leaves out.
const BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'register-e2e', 'several-years.js');

/** What the several-year dataset's lists must count, counted in SQL from its tables. */
export interface SeveralYearsCounts {
  checks: number;
  allChecks: number;
  later: number;
  groups: number;
}

/**
 * Makes the several-year kindergarten (tests/e2e/datasets/several-years.ts) in dataDir. The seed
 * generator runs in a node child process from an esbuild bundle: Playwright's own loader cannot
 * compile the TypeORM entities' decorators.
 */
export async function severalYears(dataDir: string): Promise<SeveralYearsCounts> {
  await build({
    entryPoints: [path.join(__dirname, 'datasets', 'several-years.ts')],
    bundle: true,
    platform: 'node',
    packages: 'external',
    format: 'cjs',
    target: 'node20',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    outfile: BUNDLE,
    logLevel: 'warning',
  });
  const { stdout } = await promisify(execFile)(process.execPath, [BUNDLE, dataDir], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as SeveralYearsCounts;
}
