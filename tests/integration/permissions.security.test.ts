import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../common/contract';
import { PERMISSIONS, mayCall } from '../../common/permissions';
import { ROLES, type Role } from '../../common/roles';
import { SETUP, testBackend } from './helpers';

/** Calls that end the session; after them the walk logs in again. */
const ENDS_SESSION = new Set<Method>(['auth.logout', 'auth.login', 'auth.recover']);

describe('the permission table', () => {
  it('names every method of the contract and nothing else', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(contract).sort());
  });

  it('is what the router enforces: every method × every role', { timeout: 180_000 }, async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    const passwords: Record<Role, { username: string; password: string }> = {
      head: { username: SETUP.head.username, password: SETUP.head.newPassword },
    } as Record<Role, { username: string; password: string }>;
    for (const role of ROLES.filter((r) => r !== 'head')) {
      const username = `user-${role}`;
      await b.ok('users.create', {
        username,
        fullName: `Lietotājs ${role}`,
        role,
        temporaryPassword: 'pagaidu-parole-1',
      });
      passwords[role] = { username, password: 'pastāvīgā-parole-1' };
    }
    for (const role of ROLES.filter((r) => r !== 'head')) {
      await b.ok('auth.login', { username: `user-${role}`, password: 'pagaidu-parole-1' });
      await b.ok('auth.changePassword', {
        currentPassword: 'pagaidu-parole-1',
        newPassword: 'pastāvīgā-parole-1',
        newPasswordRepeat: 'pastāvīgā-parole-1',
      });
    }

    const methods = Object.keys(contract) as Method[];
    for (const role of ROLES) {
      for (const method of methods) {
        if (ENDS_SESSION.has(method) || PERMISSIONS[method] === 'public') continue;
        if (b.router.state.user?.username !== passwords[role].username) {
          await b.ok('auth.login', passwords[role]);
        }
        // An empty input: a permitted call is refused for its input (or runs); a forbidden one
        // never gets that far.
        const result = await b.router.call(method, {});
        const forbidden = !result.ok && result.error.code === 'FORBIDDEN';
        expect({ role, method, forbidden }).toEqual({
          role,
          method,
          forbidden: !mayCall(method, role),
        });
      }
    }
  });

  it('refuses every non-public method without a login', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    for (const method of Object.keys(contract) as Method[]) {
      if (PERMISSIONS[method] === 'public') continue;
      const result = await b.router.call(method, {});
      expect({ method, code: result.ok ? 'ok' : result.error.code }).toEqual({
        method,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('refuses the test-only clock calls outside test mode', async () => {
    const { Router } = await import('../../electron/api/router');
    const { tempDir } = await import('./helpers');
    const router = new Router({ dataDir: tempDir() });
    const result = await router.call('test.advanceClock', { seconds: 60 });
    expect(result).toMatchObject({ ok: false, error: { code: 'TEST_ONLY' } });
    await router.dispose();
  });
});
