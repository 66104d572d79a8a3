import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../common/errors';
import { Backend } from '../../electron/client/backend';
import { RemoteRouter } from '../../electron/client/remote-router';
import { Router } from '../../electron/api/router';
import { createRegisterServer } from '../../electron/server/https-server';
import { SETUP, TEST_SCRYPT, tempDir } from '../integration/helpers';
import { serverFixture } from './fixture';
import { selfSigned } from './tls';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** The real HTTPS server over a server-mode router; counts the calls that reach the router. */
async function httpsServer(host = '127.0.0.1') {
  const f = await serverFixture();
  const tls = selfSigned();
  const seen: { method: string; token: string }[] = [];
  const call = f.router.call.bind(f.router);
  f.router.call = async (client, method, input) => {
    const answer = await call(client, method, input);
    seen.push({ method, token: answer.token });
    return answer;
  };
  const server = createRegisterServer({
    router: f.router,
    certificate: tls.certificate,
    key: tls.key,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = `https://${host}:${(server.address() as AddressInfo).port}`;
  return { ...f, tls, address, seen };
}

const WRONG = 'AB:'.repeat(31) + 'AB';

describe('server mode over HTTPS', () => {
  it('answers a PC that pins its certificate; the token never leaves the main process', async () => {
    const s = await httpsServer();
    const remote = new RemoteRouter({ address: s.address, fingerprint: s.tls.fingerprint });
    const results: CallResult[] = [];
    results.push(await remote.call('app.state', {}));
    expect(results[0]).toMatchObject({ ok: true, result: { phase: 'setup', server: s.address } });
    results.push(await remote.call('auth.setup', SETUP));
    results.push(await remote.call('app.state', {}));
    expect(results[2]).toMatchObject({ ok: true, result: { phase: 'unlocked' } });
    expect(s.seen.map((c) => c.method)).toEqual(['app.state', 'auth.setup', 'app.state']);
    // What the renderer receives never holds the session token.
    for (const { token } of s.seen) expect(JSON.stringify(results)).not.toContain(token);
    await remote.dispose();
    expect(s.seen.map((c) => c.method).slice(-1)).toEqual(['auth.logout']);
  });

  it('refuses a server whose certificate has another fingerprint, and sends it nothing', async () => {
    const s = await httpsServer();
    const remote = new RemoteRouter({ address: s.address, fingerprint: WRONG });
    const result = await remote.call('auth.login', { username: 'ilze', password: 'x'.repeat(12) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CERTIFICATE_MISMATCH',
        message:
          `Serveris ${s.address} uzrādīja sertifikātu ar nospiedumu ${s.tls.fingerprint}, bet ` +
          `šim datoram norādīts ${WRONG}. Savienojums netika izveidots, un nekas netika nosūtīts. ` +
          'Pārbaudiet adresi un nospiedumu pie bērnudārza IT speciālista.',
      },
    });
    expect(s.seen).toEqual([]);
  });

  it('refuses plain HTTP on its port, from this machine and from another address', async () => {
    // The machine's own network address: a call to it comes from it, not from loopback.
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
    expect(lan, 'a network interface besides loopback').toBeDefined();
    for (const host of ['127.0.0.1', lan!]) {
      const s = await httpsServer(host);
      const sources: string[] = [];
      const call = s.router.call.bind(s.router);
      s.router.call = (client, method, input) => {
        sources.push(client.address);
        return call(client, method, input);
      };
      const response = await fetch(`${s.address.replace('https:', 'http:')}/api/auth.login`, {
        method: 'POST',
        headers: { authorization: 'Bearer 0123456789abcdef' },
        body: JSON.stringify({ username: 'ilze', password: SETUP.head.newPassword }),
      });
      expect(response.status, host).toBe(400);
      expect(await response.text()).toContain(
        'Šis serveris pieņem tikai šifrētus HTTPS savienojumus.',
      );
      expect(sources).toEqual([]);
      // The same way over HTTPS is answered, and the server sees where the call came from.
      const remote = new RemoteRouter({ address: s.address, fingerprint: s.tls.fingerprint });
      expect(await remote.call('app.state', {})).toMatchObject({ ok: true });
      expect(sources).toEqual([host]);
    }
  });

  it('lets a new PC choose the server at first run and remembers no secret', async () => {
    const s = await httpsServer();
    const dataDir = tempDir();
    const backend = new Backend(dataDir, () => new Router({ dataDir, scrypt: TEST_SCRYPT }));
    const badFormat = await backend.call('client.connect', {
      address: s.address,
      fingerprint: 'AB:CD',
    });
    expect(badFormat).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          fingerprint:
            'Nospiedums ir 64 heksadecimālie cipari (SHA-256), var būt atdalīti ar kolu.',
        },
      },
    });
    const wrong = await backend.call('client.connect', { address: s.address, fingerprint: WRONG });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_MISMATCH' } });
    expect(readdirSync(dataDir)).toEqual([]);
    const plain = s.tls.fingerprint.replace(/:/g, '').toLowerCase();
    const chosen = await backend.call('client.connect', {
      address: `${s.address}/`,
      fingerprint: plain,
    });
    expect(chosen).toMatchObject({ ok: true, result: { phase: 'setup', server: s.address } });
    expect(backend.local).toBeUndefined();
    await backend.call('auth.setup', SETUP);
    const saved = readFileSync(path.join(dataDir, 'server.json'), 'utf8');
    expect(JSON.parse(saved)).toEqual({
      format: 'kindergarten-register-server',
      version: 1,
      address: s.address,
      fingerprint: s.tls.fingerprint,
    });
    expect(readdirSync(dataDir)).toEqual(['server.json']);
    for (const { token } of s.seen) expect(saved).not.toContain(token);
    // A second start of the program goes to the server at once.
    const again = new Backend(dataDir, () => {
      throw new Error('no local register on a PC that works with a server');
    });
    expect(await again.call('app.state', {})).toMatchObject({
      ok: true,
      result: { phase: 'locked' },
    });
    expect(
      await backend.call('client.connect', { address: s.address, fingerprint: plain }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await backend.dispose();
    await again.dispose();
  });
});
