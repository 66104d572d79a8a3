import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * docs/benchmarks.md is written by more than one tool: `npm run bench` owns the part before the
 * first `## ` heading and its own sections (OWN_HEADINGS); every other section (the server-mode
 * load test's `## Server mode…`, anything a person adds) is kept verbatim, in its place after
 * ours. A partial run (BENCH_ONLY) replaces only the sections it measured and keeps the rest.
 */

export interface Section {
  /** The whole heading line, `## …`. */
  heading: string;
  body: string;
}

interface Parsed {
  intro: string;
  sections: Section[];
}

function parse(text: string): Parsed {
  const lines = text.split('\n');
  const sections: Section[] = [];
  const intro: string[] = [];
  let current: { heading: string; body: string[] } | null = null;
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) {
      if (current) sections.push({ heading: current.heading, body: current.body.join('\n') });
      current = { heading: line, body: [] };
    } else if (current) current.body.push(line);
    else intro.push(line);
  }
  if (current) sections.push({ heading: current.heading, body: current.body.join('\n') });
  return { intro: intro.join('\n'), sections };
}

const render = (s: Section) => `${s.heading}\n${s.body.replace(/^\n+/, '\n').trimEnd()}`;

/**
 * Writes `intro` and the measured `sections` into `file`. `own` lists the headings this writer
 * owns, in the order they stand: a measured one replaces its old text, an owned one not
 * measured this time keeps its old text; sections of other writers follow verbatim.
 */
export function writeReport(
  file: string,
  intro: string,
  sections: Section[],
  own: readonly string[],
): void {
  const old = existsSync(file) ? parse(readFileSync(file, 'utf8')) : { intro: '', sections: [] };
  const isOwn = (heading: string) => own.some((h) => heading === h);
  const out: string[] = [intro.trimEnd()];
  for (const heading of own) {
    const section =
      sections.find((s) => s.heading === heading) ??
      old.sections.find((s) => s.heading === heading);
    if (section) out.push(render(section));
  }
  for (const section of old.sections) if (!isOwn(section.heading)) out.push(render(section));
  writeFileSync(file, `${out.join('\n\n')}\n`);
}
