import path from 'node:path';

/**
 * Pure allow-lists for the Electron glue. Nothing here imports 'electron', so every rule can be
 * tested under plain Node (tests/unit/navigation.security.test.ts).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'register';
/** The renderer's only origin: the app:// protocol served by main.ts, never file://. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://register/… . Parsed, not prefix-matched, so that look-alikes such as
 * app://register.evil/, app://register@evil/ or app://register:1/ are refused.
 */
export function isAppUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST && // host includes the port, so app://register:1/ fails here
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * An IPC message is answered only when it comes from a frame showing our own page. A frame that
 * navigated away or was destroyed has no URL (undefined) and is refused.
 */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/**
 * Maps app://register/<path> to a file under rendererDir for the protocol handler, or null to
 * answer 404. Paths without an extension are client-side routes and get index.html; a missing
 * asset stays missing (the handler answers 404) rather than turning into HTML.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const parsed = parse(requestUrl);
  if (!parsed) return null;
  let decoded: string;
  try {
    // The URL parser already folds literal and %2e%2e segments; decoding once more catches
    // encoded separators (%2f, %5c) that would become ../ only after decoding.
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[/\\]+/).filter((s) => s !== '');
  // ':' would let a segment name a Windows drive or an NTFS alternate data stream.
  if (segments.some((s) => s === '.' || s === '..' || s.includes(':'))) return null;

  const root = path.resolve(rendererDir);
  const last = segments[segments.length - 1];
  const isAsset = last !== undefined && path.extname(last) !== '';
  const file = isAsset ? path.join(root, ...segments) : path.join(root, 'index.html');
  // Belt and braces: whatever the segments were, the result must stay inside the root.
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** Content-Type for a served file; unknown types are opaque bytes (with nosniff, never run). */
export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
