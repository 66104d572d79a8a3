import { ANONYMISED_TEXT } from '../../../common/contract/privacy';

/**
 * Finding a child's name in free text, for anonymising. Latvian names decline (Paula → Paulas,
 * Paulai; Jansone → Jansones; Jānis → Jāņa), so a name is matched by its stem — the name
 * without its ending (-s, -š, -is, -us, -a, -e …), the stem's last consonant also in its
 * softened form (n/ņ, l/ļ, s/š …) — followed by an ending of up to three letters.
 */
export interface PersonName {
  first: string;
  last: string;
}

const SOFT: Record<string, string> = {
  n: 'nņ',
  l: 'lļ',
  s: 'sš',
  z: 'zž',
  k: 'kc',
  g: 'gģdz',
  t: 'tš',
  d: 'dž',
  c: 'cč',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The declinable form of one name as a pattern (no word boundaries). */
function word(name: string): string {
  const trimmed = name.trim();
  const ending = /(is|us|[sšaeiou])$/iu.exec(trimmed);
  const stem = ending ? trimmed.slice(0, ending.index) : trimmed;
  if ([...stem].length < 3) return escape(trimmed);
  const last = stem.slice(-1).toLowerCase();
  const soft = SOFT[last] ? `[${SOFT[last]}]` : escape(stem.slice(-1));
  return `${escape(stem.slice(0, -1))}${soft}\\p{L}{0,3}`;
}

const bounded = (pattern: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Patterns for the full names (either order); with `alone`, also each first and last name by
 * itself — for text that is about these children, where a first name alone names them.
 */
export function namePatterns(people: readonly PersonName[], alone: boolean): RegExp[] {
  const out: RegExp[] = [];
  for (const p of people) {
    const first = word(p.first);
    const last = word(p.last);
    out.push(bounded(`${first}\\s+${last}`), bounded(`${last}\\s+${first}`));
    if (alone) out.push(bounded(first), bounded(last));
  }
  return out;
}

export function replaceNames(text: string, patterns: readonly RegExp[]): string {
  return patterns.reduce((out, pattern) => out.replace(pattern, ANONYMISED_TEXT), text);
}

/** Whether any of the names is in the text (to find the rows worth rewriting). */
export function mentions(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => {
    pattern.lastIndex = 0;
    const found = pattern.test(text);
    pattern.lastIndex = 0;
    return found;
  });
}
