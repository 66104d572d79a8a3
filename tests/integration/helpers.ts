import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import type { Input, Method, Output } from '../../common/contract';
import type { ApiErrorBody } from '../../common/errors';

/** Cheap scrypt for tests that are not about the key derivation itself. */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

const folders: string[] = [];
const routers: Router[] = [];
afterEach(async () => {
  for (const router of routers.splice(0)) await router.dispose();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'register-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** A backend on a fresh data folder with a test clock; `ok` unwraps results, `fail` errors. */
export function testBackend(options: { dataDir?: string; start?: string } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const clock = new TestClock(new Date(options.start ?? '2026-11-30T07:00:00Z'));
  const router = new Router({ dataDir, clock, testMode: true, scrypt: TEST_SCRYPT });
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

export const SETUP = {
  institution: { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' },
  head: {
    fullName: 'Ilze Bērziņa',
    username: 'ilze',
    newPassword: 'vadītāja-parole-1',
    newPasswordRepeat: 'vadītāja-parole-1',
  },
};
