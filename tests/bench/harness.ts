import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** One line of the benchmark table: our code beside the same work done raw, in the same run. */
export interface BenchRow {
  operation: string;
  ours: { p50: number; p95: number };
  baseline: { p50: number; p95: number } | null;
  /** What the baseline is, in a few words. */
  baselineLabel: string;
  /** A budget from ARCHITECTURE, checked against the figures. */
  target?: string;
  met?: boolean;
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Runs `work` a few times to warm up, then `runs` times; milliseconds at p50 and p95. */
export async function measure(
  work: (i: number) => unknown,
  {
    warmup = 3,
    runs = 20,
    before,
  }: { warmup?: number; runs?: number; before?: () => Promise<unknown> } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await work(i);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(); // untimed preparation, e.g. logging out before a timed login
    const start = performance.now();
    await work(warmup + i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}

/** Tracks the backend's peak resident memory while the benchmark runs. */
export function watchPeakMemory(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

export function ratio(row: BenchRow): number | null {
  return row.baseline ? row.ours.p50 / row.baseline.p50 : null;
}

/** The table as Markdown: operation, ours p50/p95, baseline p50, ratio, target. */
export function table(rows: BenchRow[]): string {
  const lines = [
    '| operation | ours p50 (ms) | ours p95 (ms) | baseline | baseline p50 (ms) | ratio | target |',
    '| --- | ---: | ---: | --- | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const r = ratio(row);
    const target = row.target ? `${row.target} ${row.met ? '✓' : '✗'}` : '';
    lines.push(
      `| ${row.operation} | ${ms(row.ours.p50)} | ${ms(row.ours.p95)} | ${row.baselineLabel} | ${
        row.baseline ? ms(row.baseline.p50) : '–'
      } | ${r === null ? '–' : `${r.toFixed(2)}×`} | ${target} |`,
    );
  }
  return lines.join('\n');
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${
    process.version
  }, ${os.platform()} ${os.release()}`;
}
