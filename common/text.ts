/**
 * Text helpers shared by the backend and the renderer: plain TypeScript, no Node built-ins.
 * Search ignores case and diacritics ("berzins" finds "Bērziņš"); lists sort the Latvian way
 * (č after c, š after s, ž after z), which a plain code-point sort gets wrong.
 */

/** Lower case, NFD, combining marks removed, inner whitespace collapsed. */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('lv', { sensitivity: 'base', numeric: true });

/** Latvian collation order, for Array.prototype.sort. */
export function compareLv(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The folded text stored in a person's `search_name`: "lastname firstname". */
export function personSearchName(firstName: string, lastName: string): string {
  return foldForSearch(`${lastName} ${firstName}`);
}
