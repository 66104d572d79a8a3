import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import type { Input, Method, Output } from '../../common/contract';
import type { ApiErrorBody } from '../../common/errors';
import { KeySlotFile } from '../../database/keyslots';
import { TEST_ENGINE } from '../postgres/databases';
import { forgetDatabases, ServerTestClient } from '../postgres/server-client';

/** Cheap scrypt for tests that are not about the key derivation itself. */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

const folders: string[] = [];
const routers: (Router | ServerTestClient)[] = [];
afterEach(async () => {
  for (const router of routers.splice(0)) await router.dispose();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  forgetDatabases();
});

export function tempDir(prefix = 'register-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/**
 * A backend on a fresh data folder with a test clock; `ok` unwraps results, `fail` errors. In the
 * postgres project (vitest.config.ts) it is one client of server mode on a fresh PostgreSQL
 * database instead; a second backend on the same folder opens the same database.
 */
export function testBackend(
  options: { dataDir?: string; start?: string; folderPicker?: boolean } = {},
) {
  const dataDir = options.dataDir ?? tempDir();
  const clock = new TestClock(new Date(options.start ?? '2026-11-30T07:00:00Z'));
  const router =
    TEST_ENGINE === 'postgres'
      ? new ServerTestClient(dataDir, clock, TEST_SCRYPT)
      : new Router({
          dataDir,
          clock,
          testMode: true,
          scrypt: TEST_SCRYPT,
          folderPicker: options.folderPicker,
        });
  routers.push(router);
  return {
    dataDir,
    clock,
    router,
    async ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const result = await router.call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.result as Output<M>;
    },
    async fail<M extends Method>(
      method: M,
      input: Input<M> | Record<string, unknown>,
    ): Promise<ApiErrorBody> {
      const result = await router.call(method, input);
      if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
      return result.error;
    },
  };
}

/**
 * The backend a generated kindergarten (tools/seed) is built through: one PC's Router on the
 * folder (undefined), or in the postgres project a server's client on the folder's database.
 */
export function seedRouter(dataDir: string) {
  if (TEST_ENGINE === 'sqlite') return undefined;
  return (clock: TestClock) => new ServerTestClient(dataDir, clock, TEST_SCRYPT);
}

export const SETUP = {
  institution: { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' },
  head: {
    fullName: 'Ilze Bērziņa',
    username: 'ilze',
    newPassword: 'vadītāja-parole-1',
    newPasswordRepeat: 'vadītāja-parole-1',
  },
};

/** The password staff set at their first login in tests (their temporary one is below). */
export const STAFF_PASSWORD = 'darbinieka-parole-1';
export const TEMPORARY_PASSWORD = 'pagaidu-parole-1';

/**
 * Switches the logged-in user of a test backend: the head with her setup password, staff with
 * their temporary password the first time (changing it) and STAFF_PASSWORD after that.
 */
export function staffLogin(b: ReturnType<typeof testBackend>) {
  const changed = new Set<string>();
  return async function as(username: string): Promise<void> {
    // After a clock jump the session may have expired already; either way it ends here.
    await b.router.call('auth.logout', {});
    if (username === SETUP.head.username) {
      await b.ok('auth.login', { username, password: SETUP.head.newPassword });
      return;
    }
    if (!changed.has(username)) {
      await b.ok('auth.login', { username, password: TEMPORARY_PASSWORD });
      await b.ok('auth.changePassword', {
        currentPassword: TEMPORARY_PASSWORD,
        newPassword: STAFF_PASSWORD,
        newPasswordRepeat: STAFF_PASSWORD,
      });
      changed.add(username);
      return;
    }
    await b.ok('auth.login', { username, password: STAFF_PASSWORD });
  };
}

type Backend = ReturnType<typeof testBackend>;

/**
 * Failed logins counted for a user name, where the engine keeps them: the key-slot file on one
 * PC, the login_lockout table on a server.
 */
export async function lockoutFailures(b: Backend, username: string): Promise<number> {
  if (TEST_ENGINE === 'sqlite') {
    const slots = await KeySlotFile.load(b.dataDir);
    return slots.lockout(await slots.lockoutKey(username)).failures;
  }
  const rows = await (b.router as ServerTestClient).database.query<{ failures: number }[]>(
    'SELECT failures FROM login_lockout WHERE name = ?',
    [`user:${username}`],
  );
  return rows[0]?.failures ?? 0;
}

/** Whether a user name can log in with some password (a key slot, or a stored hash). */
export async function hasPassword(b: Backend, username: string): Promise<boolean> {
  if (TEST_ENGINE === 'sqlite') {
    return (await KeySlotFile.load(b.dataDir)).userSlot(username) !== undefined;
  }
  const rows = await (b.router as ServerTestClient).database.query<unknown[]>(
    'SELECT 1 FROM credential c JOIN "user" u ON u.id = c.user_id WHERE u.username = ?',
    [username],
  );
  return rows.length > 0;
}
