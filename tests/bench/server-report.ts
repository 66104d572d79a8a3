import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Every call of one method in the run: its latencies (ms) and its refusals by code. */
export class MethodStats {
  readonly times: number[] = [];
  readonly errors = new Map<string, number>();

  record(ms: number, errorCode?: string): void {
    this.times.push(ms);
    if (errorCode) this.errors.set(errorCode, (this.errors.get(errorCode) ?? 0) + 1);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }

  percentile(p: number): number {
    const sorted = [...this.times].sort((a, b) => a - b);
    if (sorted.length === 0) return NaN;
    return sorted[
      Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))
    ];
  }
}

export const HEADING = '## Server mode: 40 sessions for 60 s';

/** The single-PC table's rows for the same calls, by their operation names in `npm run bench`. */
const SINGLE_PC: Record<string, string[]> = {
  'auth.login': ['unlock (key slot + open)'],
  'attendance.day': ["a group's day", "a group's day list"],
  'attendance.save': ['saving one mark'],
  'attendance.month': ["a group's month grid"],
};

export interface SinglePc {
  /** "Measured … on …" of the single-PC run, when the file says. */
  measured?: string;
  figures: Map<string, { p50: string; p95: string; operation: string }>;
}

/** The rest of docs/benchmarks.md (without this section): `npm run bench`'s figures. */
export function readSinglePc(file: string): SinglePc {
  const figures: SinglePc['figures'] = new Map();
  if (!existsSync(file)) return { figures };
  const rest = withoutSection(readFileSync(file, 'utf8'));
  const measured = /^Measured (.+?)\.$/m.exec(rest)?.[1];
  for (const [method, names] of Object.entries(SINGLE_PC)) {
    for (const line of rest.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length > 4 && names.includes(cells[1])) {
        figures.set(method, { operation: cells[1], p50: cells[2], p95: cells[3] });
        break;
      }
    }
  }
  return { measured, figures };
}

function withoutSection(text: string): string {
  const start = text.indexOf(`\n${HEADING}\n`);
  if (start < 0) return text;
  const next = text.slice(start + HEADING.length + 2).search(/^#{1,2} /m);
  return (
    text.slice(0, start + 1).trimEnd() +
    (next < 0 ? '\n' : `\n\n${text.slice(start + HEADING.length + 2 + next)}`)
  );
}

/** Appends the section to docs/benchmarks.md, or replaces it there; the rest stays as it is. */
export function writeSection(file: string, section: string): void {
  const rest = existsSync(file) ? withoutSection(readFileSync(file, 'utf8')).trimEnd() : '';
  writeFileSync(file, `${rest ? `${rest}\n\n` : ''}${section.trimEnd()}\n`);
}

const ms = (n: number) =>
  Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);

/** Per method: calls, p50, p95, max, errors, and the single-PC p50 / p95 beside. */
export function table(stats: Map<string, MethodStats>, single: SinglePc): string {
  const lines = [
    '| call | calls | p50 (ms) | p95 (ms) | max (ms) | errors | single PC p50 / p95 (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [method, s] of stats) {
    const pc = single.figures.get(method);
    const errors = s.errorCount
      ? `${s.errorCount} (${[...s.errors].map(([code, n]) => `${code} ×${n}`).join(', ')})`
      : '0';
    lines.push(
      `| ${method} | ${s.times.length} | ${ms(s.percentile(50))} | ${ms(s.percentile(95))} | ${ms(
        Math.max(...s.times),
      )} | ${errors} | ${pc ? `${pc.p50} / ${pc.p95} («${pc.operation}»)` : '–'} |`,
    );
  }
  return lines.join('\n');
}
