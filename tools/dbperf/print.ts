import { loadAverage } from '../../tests/bench/harness';

/** Each measured step's median over the runs, then every run's value, one line a step. */
export function printMedians(title: string, rows: Record<string, number>[]): void {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n${title} (${rows.length} runs, median ms [each run])`);
  for (const key of Object.keys(rows[0])) {
    const xs = rows.map((r) => r[key]);
    console.log(
      `  ${key.padEnd(14)} ${median(xs).toFixed(0).padStart(6)}   [${xs.map((x) => x.toFixed(0)).join(' ')}]`,
    );
  }
}

/** The machine's load average, printed beside every figure (these machines are shared). */
export function printLoad(): void {
  console.log(`\nload average: ${loadAverage()}`);
}
