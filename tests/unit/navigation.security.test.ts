import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  isAppUrl,
  isTrustedSender,
  mimeType,
  resolveAppPath,
} from '../../electron/security';

describe('isAppUrl: the only place the window may navigate to', () => {
  it.each([
    'app://register/',
    'app://register/index.html',
    'app://register/index.html#/attendance/2025-09-01',
    'app://register/assets/index-3f2a1b.js?v=1',
    'app://register/children/12',
    'app://register',
  ])('allows %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['another app host', 'app://other/index.html'],
    ['a longer host', 'app://register.evil/index.html'],
    ['a host that only starts like ours', 'app://registerx/'],
    ['credentials before another host', 'app://register@evil/'],
    ['credentials before our host', 'app://user:pw@register/'],
    ['a port', 'app://register:8080/'],
    ['an upper-case host Chromium would never send', 'app://REGISTER/'],
    ['file://', 'file:///C:/Windows/System32/calc.exe'],
    ['file:// with our name', 'file://register/index.html'],
    ['http', 'http://register/'],
    ['https', 'https://example.com/'],
    ['loopback http (browser mode is not the desktop window)', 'http://127.0.0.1:5199/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:app://register/0f1e2d'],
    ['about:blank', 'about:blank'],
    ['our URL in the query of another', 'https://evil.example/?u=app://register/'],
    ['a relative path', '/index.html'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('APP_ORIGIN and the start page are app://register', () => {
    expect(APP_ORIGIN).toBe('app://register');
    expect(APP_INDEX_URL).toBe('app://register/index.html');
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
  });
});

describe('isTrustedSender: which frames may call the router', () => {
  it('trusts a frame showing our page', () => {
    expect(isTrustedSender('app://register/index.html')).toBe(true);
    expect(isTrustedSender('app://register/index.html#/login')).toBe(true);
  });

  it('refuses a frame without a URL (destroyed or navigated away)', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'file:///C:/Users/Public/page.html',
    'about:blank',
    'app://register.evil/',
    'app://register@evil/',
    'http://127.0.0.1:5199/',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });
});

describe('resolveAppPath: the app:// protocol serves only the built UI', () => {
  const root = path.resolve('/opt/register/dist/renderer');
  const inRoot = (...parts: string[]): string => path.join(root, ...parts);

  it('maps the start page and assets to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://register/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://register/assets/index-3f2a1b.js')).toBe(
      inRoot('assets', 'index-3f2a1b.js'),
    );
    expect(resolveAppPath(root, 'app://register/assets/font%20name.woff2?x=1#y')).toBe(
      inRoot('assets', 'font name.woff2'),
    );
  });

  it('answers index.html for the root and for client-side routes', () => {
    expect(resolveAppPath(root, 'app://register/')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://register')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://register/attendance/2025-09-01')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://register/assets/')).toBe(inRoot('index.html'));
  });

  it('accepts a relative renderer folder and resolves it', () => {
    expect(resolveAppPath('dist/renderer', 'app://register/index.html')).toBe(
      path.resolve('dist/renderer', 'index.html'),
    );
  });

  it.each([
    ['encoded dots and slash', 'app://register/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['upper-case encoding', 'app://register/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.txt'],
    ['encoded backslash', 'app://register/..%5c..%5cWindows%5cwin.ini'],
    ['encoded slash after dots', 'app://register/assets/..%2f..%2f..%2fsecret.json'],
    ['a lone encoded dot-dot segment', 'app://register/assets/%2e%2e%5csecret.js'],
    ['a NUL byte', 'app://register/a%00.js'],
    ['a Windows drive', 'app://register/C:%5cWindows%5cwin.ini'],
    ['an NTFS stream', 'app://register/index.html::$DATA'],
    ['malformed encoding', 'app://register/%E0%A4%A.js'],
    ['another host', 'app://other/index.html'],
    ['a look-alike host', 'app://register.evil/index.html'],
    ['file://', 'file:///etc/passwd'],
    ['http', 'http://register/index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('folds literal and encoded dot segments the way the browser does, staying inside', () => {
    // The URL parser resolves these before we see them; what remains must be under the root.
    for (const url of [
      'app://register/../../etc/passwd.txt',
      'app://register/assets/%2e%2e/%2e%2e/%2e%2e/secret.js',
      'app://register/./assets/../index.html',
      // Decoded once only: %252e becomes the literal name "%2e", not a dot segment.
      'app://register/%252e%252e%252f%252e%252e%252fsecret.js',
    ]) {
      const file = resolveAppPath(root, url);
      expect(file === null || !path.relative(root, file).startsWith('..')).toBe(true);
    }
    expect(resolveAppPath(root, 'app://register/../../etc/passwd.txt')).toBe(
      inRoot('etc', 'passwd.txt'),
    );
  });

  it('never answers a path outside the renderer folder, whatever the input', () => {
    const tricks = ['..', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '..%2f', '..%5c', '%2f', '%5c', '.'];
    for (const a of tricks) {
      for (const b of tricks) {
        const file = resolveAppPath(root, `app://register/assets/${a}/${b}/x.js`);
        if (file !== null) {
          const relative = path.relative(root, file);
          expect(relative.startsWith('..') || path.isAbsolute(relative)).toBe(false);
        }
      }
    }
  });
});

describe('mimeType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-3f2a1b.js', 'text/javascript; charset=utf-8'],
    ['assets/index.CSS', 'text/css; charset=utf-8'],
    ['assets/primeicons.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/data.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });
});
