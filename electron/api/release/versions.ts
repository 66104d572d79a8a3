/**
 * Version numbers and feed addresses, the two things an update is judged by before anything is
 * downloaded. Pure, tested in tests/unit/release-updates.test.ts.
 */

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

type Parsed = { core: [number, number, number]; pre: string[] };

function parse(version: string): Parsed | null {
  const m = SEMVER.exec(version.trim());
  if (!m) return null;
  return {
    core: [Number(m[1]), Number(m[2]), Number(m[3])],
    pre: m[4] ? m[4].split('.') : [],
  };
}

function comparePre(a: string[], b: string[]): number {
  // A release is newer than any of its pre-releases (1.2.0-beta.1 < 1.2.0).
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    const na = /^\d+$/.test(a[i]) ? Number(a[i]) : null;
    const nb = /^\d+$/.test(b[i]) ? Number(b[i]) : null;
    if (na !== null && nb !== null) {
      if (na !== nb) return na < nb ? -1 : 1;
    } else if (na !== null || nb !== null) {
      return na !== null ? -1 : 1; // numbers sort before words
    } else if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

/**
 * Semantic-version order: negative when a is older than b, 0 when equal, positive when newer.
 * A version that is not semver is older than everything: such an update is never taken.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  for (let i = 0; i < 3; i++) {
    if (pa.core[i] !== pb.core[i]) return pa.core[i] < pb.core[i] ? -1 : 1;
  }
  return comparePre(pa.pre, pb.pre);
}

/** True only when `offered` is a valid version strictly newer than `installed`. */
export function isNewer(offered: string, installed: string): boolean {
  return parse(offered) !== null && compareVersions(offered, installed) > 0;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type FeedVerdict =
  { ok: true; url: string } | { ok: false; reason: 'unset' | 'insecure' | 'invalid' };

/**
 * Where updates may come from: HTTPS only, so that nobody on the kindergarten's network can
 * offer a program of their own. Plain HTTP is accepted for a loopback address only (tests and a
 * developer's own feed). A `.invalid` host is the placeholder of electron-builder.yml: not set.
 */
export function checkFeedUrl(url: string | null | undefined): FeedVerdict {
  if (!url || !url.trim()) return { ok: false, reason: 'unset' };
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (parsed.username || parsed.password) return { ok: false, reason: 'invalid' };
  if (parsed.hostname.endsWith('.invalid')) return { ok: false, reason: 'unset' };
  if (parsed.protocol === 'https:') return { ok: true, url: parsed.href };
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) {
    return { ok: true, url: parsed.href };
  }
  return { ok: false, reason: parsed.protocol === 'http:' ? 'insecure' : 'invalid' };
}

/**
 * The feed address in app-update.yml, which electron-builder writes into the package from
 * `publish` (a flat YAML file: `url: https://…`). null when it has none.
 */
export function feedUrlOf(appUpdateYml: string): string | null {
  const match = /^url:[ \t]*(['"]?)([^'"\s]+)\1[ \t]*$/m.exec(appUpdateYml);
  return match ? match[2] : null;
}
