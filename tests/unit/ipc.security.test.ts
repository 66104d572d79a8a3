import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../common/errors';
import { handleIpcCall, IPC_CHANNEL, type IpcRouter } from '../../electron/ipc';

/** A router that records what reached it. */
function fakeRouter(answer: CallResult = { ok: true, result: 'pong' }): IpcRouter & {
  calls: Array<[string, unknown]>;
} {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    call(method: string, input: unknown): Promise<CallResult> {
      calls.push([method, input]);
      return Promise.resolve(answer);
    },
  };
}

const TRUSTED = 'app://register/index.html#/login';

// Refusals are logged on purpose; keep them out of the test output.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('handleIpcCall: only our own page reaches the router', () => {
  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', 'file:///C:/Users/Public/evil.html'],
    ['a look-alike app host', 'app://register.evil/index.html'],
    ['credentials trick', 'app://register@evil/'],
    ['another app host', 'app://other/'],
    ['about:blank', 'about:blank'],
    ['a destroyed frame (no URL)', undefined],
  ])('refuses %s with FORBIDDEN and does not call the router', async (_label, frameUrl) => {
    const router = fakeRouter();
    const result = await handleIpcCall(router, frameUrl, 'auth.login', { user: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.message.length).toBeGreaterThan(0);
    }
    expect(router.calls).toEqual([]);
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it('forwards a trusted call unchanged and returns the router’s answer', async () => {
    const router = fakeRouter({ ok: true, result: { now: '2025-09-01' } });
    const input = { a: 1, nested: { b: [2, 3] } };
    const result = await handleIpcCall(router, TRUSTED, 'app.now', input);
    expect(result).toEqual({ ok: true, result: { now: '2025-09-01' } });
    expect(router.calls).toEqual([['app.now', input]]);
    expect(router.calls[0]?.[1]).toBe(input);
  });

  it('passes the router’s own errors through', async () => {
    const answer: CallResult = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'x' } };
    const result = await handleIpcCall(fakeRouter(answer), TRUSTED, 'users.list', {});
    expect(result).toEqual(answer);
  });

  it('answers INTERNAL instead of rejecting when the router throws', async () => {
    const router: IpcRouter = { call: () => Promise.reject(new Error('secret stack detail')) };
    const result = await handleIpcCall(router, TRUSTED, 'app.state', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('secret');
    }
  });

  it('words the refusal in the session’s language', async () => {
    const router = { ...fakeRouter(), state: { locale: 'en' as const } };
    const result = await handleIpcCall(router, 'https://evil.example/', 'app.state', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You are not allowed to do this.' },
    });
  });
});

describe('handleIpcCall: the method must be a string', () => {
  it.each([
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['an object', { toString: () => 'app.state' }],
    ['an array', ['app.state']],
  ])('refuses %s and does not call the router', async (_label, method) => {
    const router = fakeRouter();
    const result = await handleIpcCall(router, TRUSTED, method, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('BAD_REQUEST');
    expect(router.calls).toEqual([]);
  });
});

describe('preload: exposes call() on its one channel (and choosePath(), see file-dialogs) and nothing else', () => {
  const source = readFileSync(path.join(__dirname, '..', '..', 'electron', 'preload.ts'), 'utf8');

  it('invokes the channel ipc.ts handles', () => {
    expect(IPC_CHANNEL).toBe('register:call');
    expect(source).toContain(`ipcRenderer.invoke('${IPC_CHANNEL}', method, input)`);
  });

  it('exposes exactly one object, named register', () => {
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/exposeInMainWorld\('register', bridge[ )]/);
  });

  it('imports nothing but electron at run time (a sandboxed preload cannot)', () => {
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map(
      (m) => m[1],
    );
    expect(valueImports).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('never hands ipcRenderer itself to the page', () => {
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(source).not.toMatch(/\.(send|sendSync|on|once)\(/);
  });
});
