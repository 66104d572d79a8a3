import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebServer, MAX_BODY_BYTES, TOKEN_HEADER } from '../../electron/web-server';
import { SETUP, tempDir, testBackend } from './helpers';

const TOKEN = 'the-per-run-token';
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function start(): Promise<string> {
  return (await startWith()).base;
}

async function startWith() {
  const backend = testBackend();
  const { router } = backend;
  const staticDir = tempDir('register-static-');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>UI</title>');
  const server = createWebServer({ router, staticDir, token: TOKEN });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, port, backend };
}

/** A raw request, so that the Host header is the test's and not the client's own. */
function raw(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET' },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    for (const [name, value] of Object.entries(options.headers ?? {})) req.setHeader(name, value);
    req.on('error', reject);
    req.end(options.body);
  });
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

  it('answers 400, not 500, to a malformed percent-encoding in the path', async () => {
    const { base, port } = await startWith();
    for (const bad of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const response = await raw(port, { path: bad });
      expect(response.status, bad).toBe(400);
      expect(response.body).toBe('Nederīgs pieprasījums.');
    }
    const api = await raw(port, {
      path: '/api/%',
      method: 'POST',
      headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // The server still answers after them.
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('answers 403 to a Host or Origin that is not its own loopback address and port', async () => {
    const { port, backend } = await startWith();
    const setup = JSON.stringify(SETUP);
    const json = { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' };
    const refused: Record<string, string>[] = [
      { host: 'evil.example' }, // DNS rebinding: a foreign name resolved to 127.0.0.1
      { host: `evil.example:${port}` },
      { host: `localhost:${port + 1}` },
      { host: `127.0.0.1:${port + 1}` },
      { host: `127.0.0.1:${port}`, origin: 'http://evil.example' },
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port + 1}` },
      { host: `127.0.0.1:${port}`, origin: 'null' },
    ];
    for (const headers of refused) {
      const api = await raw(port, {
        path: '/api/auth.setup',
        method: 'POST',
        headers: { ...json, ...headers },
        body: setup,
      });
      expect(api.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(api.body)).toMatchObject({
        error: { code: 'FORBIDDEN', message: 'Jums nav tiesību veikt šo darbību.' },
      });
      const page = await raw(port, { path: '/', headers });
      expect(page.status, JSON.stringify(headers)).toBe(403);
      expect(page.body).not.toContain('<title>');
    }
    // Nothing was set up by the refused calls; its own origin is served.
    expect(await backend.ok('app.state', {})).toMatchObject({ phase: 'setup' });
    const own = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` };
    const ok = await raw(port, {
      path: '/api/app.state',
      method: 'POST',
      headers: { ...json, ...own },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect((await raw(port, { path: '/', headers: { host: own.host } })).status).toBe(200);
  });
});
