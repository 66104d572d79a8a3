import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebServer, MAX_BODY_BYTES, TOKEN_HEADER } from '../../electron/web-server';
import { tempDir, testBackend } from './helpers';

const TOKEN = 'the-per-run-token';
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function start(): Promise<string> {
  const { router } = testBackend();
  const staticDir = tempDir('register-static-');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>UI</title>');
  const server = createWebServer({ router, staticDir, token: TOKEN });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, body: string, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
    body,
  });

describe('the browser-mode HTTP bridge', () => {
  it('answers 401 to any /api/ request without the right token, before anything else', async () => {
    const base = await start();
    for (const [method, token] of [
      ['app.state', undefined],
      ['no.such.method', undefined],
      ['app.state', 'wrong-token'],
      ['app.state', `${TOKEN}x`],
    ] as const) {
      const response = await post(`${base}/api/${method}`, '{bad json', token);
      expect(response.status).toBe(401);
    }
    const big = await post(`${base}/api/app.state`, 'x'.repeat(MAX_BODY_BYTES + 10));
    expect(big.status).toBe(401);
  });

  it('refuses malformed JSON, unknown methods, oversized bodies and GET', async () => {
    const base = await start();
    const malformed = await post(`${base}/api/app.state`, '{"a":', TOKEN);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      'BAD_REQUEST',
    );
    const unknown = await post(`${base}/api/users.dropEverything`, '{}', TOKEN);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'UNKNOWN_METHOD', message: 'Nezināma darbība: users.dropEverything.' },
    });
    const big = await post(`${base}/api/app.state`, 'x'.repeat(MAX_BODY_BYTES + 10), TOKEN);
    expect(big.status).toBe(413);
    const get = await fetch(`${base}/api/app.state`, { headers: { [TOKEN_HEADER]: TOKEN } });
    expect(get.status).toBe(400);
  });

  it('validates input and answers in the contract shape', async () => {
    const base = await start();
    const ok = await post(`${base}/api/app.state`, '{}', TOKEN);
    expect(await ok.json()).toMatchObject({ ok: true, result: { phase: 'setup' } });
    const invalid = await post(`${base}/api/auth.login`, '{"username": 5}', TOKEN);
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      error: { code: 'VALIDATION', fields: { password: 'Obligāti aizpildāms lauks.' } },
    });
  });

  it('serves the UI with a strict CSP and never a file outside it', async () => {
    const base = await start();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});
