import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** One line of the benchmark table: our code beside the same work done raw, in the same run. */
export interface BenchRow {
  operation: string;
  ours: { p50: number; p95: number };
  baseline: { p50: number; p95: number } | null;
  /** What the baseline is, in a few words. */
  baselineLabel: string;
  /** Budgets (ARCHITECTURE, issue 12), each checked against this row's own figures. */
  targets?: Target[];
}

/** One budget: what it says, and whether this row's figures keep it. */
export interface Target {
  label: string;
  met: boolean;
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

/**
 * Runs `a` and `b` alternately, run by run (A, B, A, B…), after the same warm-up of each, so
 * that whatever else the machine does at a moment falls on both: a ratio of two separate blocks
 * swung 1.6–4.3× between runs on the shared machine (issue 12). `before` runs untimed ahead of
 * every run of either side.
 */
export async function interleave(
  a: (i: number) => unknown,
  b: (i: number) => unknown,
  {
    warmup = 3,
    runs = 20,
    before,
  }: { warmup?: number; runs?: number; before?: (side: 'a' | 'b') => Promise<unknown> } = {},
): Promise<[Timing, Timing]> {
  const times: [number[], number[]] = [[], []];
  const sides = [a, b] as const;
  for (let i = 0; i < warmup + runs; i++) {
    // Which side goes first alternates too, so neither always runs right after the other.
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const s of order) {
      await before?.(s === 0 ? 'a' : 'b');
      const start = performance.now();
      await sides[s](i);
      if (i >= warmup) times[s].push(performance.now() - start);
    }
  }
  return [timing(times[0]), timing(times[1])];
}

/**
 * As `interleave`, for work that times itself (a click → painted measured inside the page):
 * each side returns its own milliseconds.
 */
export async function interleaveTimed(
  a: (i: number) => Promise<number>,
  b: (i: number) => Promise<number>,
  { warmup = 1, runs = 8 }: { warmup?: number; runs?: number } = {},
): Promise<[Timing, Timing]> {
  const times: [number[], number[]] = [[], []];
  const sides = [a, b] as const;
  for (let i = 0; i < warmup + runs; i++) {
    for (const s of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const ms = await sides[s](i);
      if (i >= warmup) times[s].push(ms);
    }
  }
  return [timing(times[0]), timing(times[1])];
}

/** p50 and p95 of measured milliseconds. */
export function timing(times: number[]): Timing {
  const sorted = [...times].sort((x, y) => x - y);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: sorted.length };
}

export function ratio(row: BenchRow): number | null {
  return row.baseline ? row.ours.p50 / row.baseline.p50 : null;
}

/** The one-, five- and fifteen-minute load averages, as `uptime` prints them. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}

/**
 * The table as Markdown: operation, ours p50/p95, baseline p50/p95, ratio of the p50s, and
 * each target with ✓ (holds) or ✗ (does not). The first three columns stay where
 * tests/bench/server-report.ts reads them.
 */
export function table(rows: BenchRow[]): string {
  const lines = [
    '| operation | ours p50 (ms) | ours p95 (ms) | baseline | baseline p50 (ms) | baseline p95 (ms) | ratio | targets |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const r = ratio(row);
    const targets = (row.targets ?? []).map((t) => `${t.label} ${t.met ? '✓' : '✗'}`).join('; ');
    lines.push(
      `| ${row.operation} | ${ms(row.ours.p50)} | ${ms(row.ours.p95)} | ${row.baselineLabel} | ${
        row.baseline ? ms(row.baseline.p50) : '–'
      } | ${row.baseline ? ms(row.baseline.p95) : '–'} | ${r === null ? '–' : `${r.toFixed(2)}×`} | ${targets} |`,
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
