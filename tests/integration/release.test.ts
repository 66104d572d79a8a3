import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Method, Output } from '../../common/contract';
import { MIGRATIONS } from '../../database/migrations';
import { TestClock } from '../../electron/api/clock';
import { AuditEvent } from '../../database/entities';
import {
  INSTALL_DELAY_MS,
  Updates,
  type Timers,
  type UpdaterPort,
} from '../../electron/api/release/updates';
import { Router } from '../../electron/api/router';
import { SETUP, TEMPORARY_PASSWORD, TEST_SCRYPT, tempDir, testBackend } from './helpers';

/** The About screen and the head's update controls, through the router as the UI calls them. */

const VERSION = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const HEAD = { username: SETUP.head.username, password: SETUP.head.newPassword };
const WINDOW = 'c0ffee00-1111-4222-8333-444455556666';

class OfferingUpdater implements UpdaterPort {
  installedNow = 0;
  installOnQuit = false;
  setFeed(): void {}
  async check() {
    return { version: '99.0.0' };
  }
  async download(): Promise<void> {}
  setInstallOnQuit(install: boolean): void {
    this.installOnQuit = install;
  }
  quitAndInstall(): void {
    this.installedNow++;
  }
}

/** setTimeout jobs run when the test says; no daily timer is needed here. */
class StepTimers implements Timers {
  jobs: (() => void)[] = [];
  setInterval(): unknown {
    return 0;
  }
  clearInterval(): void {}
  setTimeout(fn: () => void): unknown {
    this.jobs.push(fn);
    return 0;
  }
  runAll(): void {
    for (const job of this.jobs.splice(0)) job();
  }
}

const routers: Router[] = [];
afterEach(async () => {
  for (const router of routers.splice(0)) await router.dispose();
});

/** A backend whose program has an updater that offers 99.0.0. */
function backendWithUpdates() {
  const port = new OfferingUpdater();
  const timers = new StepTimers();
  const dataDir = tempDir();
  const holder: { router?: Router } = {};
  const updates = new Updates({
    port,
    installed: VERSION,
    feedUrl: 'https://updates.pii-zilite.lv/register/',
    isDirty: () => holder.router?.state.dirty.any() ?? false,
    timers,
    log: () => undefined,
  });
  const router = new Router({
    dataDir,
    clock: new TestClock(new Date('2026-11-30T07:00:00Z')),
    testMode: true,
    scrypt: TEST_SCRYPT,
    release: { updates, logFile: path.join(dataDir, 'logs', 'register.log') },
  });
  holder.router = router;
  routers.push(router);
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.result as Output<M>;
  };
  return { port, timers, router, dataDir, call };
}

describe('About', () => {
  it('shows every role the version, the schema, the data folder and the update state', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('users.create', {
      username: 'anna',
      fullName: 'Anna Kalniņa',
      role: 'teacher',
      temporaryPassword: TEMPORARY_PASSWORD,
    });
    const expected = {
      programVersion: VERSION,
      schemaVersion: MIGRATIONS.length,
      dataDir: b.dataDir,
      logFile: null,
      update: { phase: 'off', installed: VERSION, available: null },
    };
    expect(await b.ok('app.about', {})).toMatchObject(expected);
    await b.ok('auth.logout', {});
    await b.ok('auth.login', { username: 'anna', password: TEMPORARY_PASSWORD });
    await b.ok('auth.changePassword', {
      currentPassword: TEMPORARY_PASSWORD,
      newPassword: 'annas-parole-123',
      newPasswordRepeat: 'annas-parole-123',
    });
    expect(await b.ok('app.about', {})).toMatchObject(expected);
    // Only the head hears of updates.
    expect((await b.fail('update.status', {})).code).toBe('FORBIDDEN');
    expect((await b.fail('update.install', { when: 'now' })).code).toBe('FORBIDDEN');
    await b.ok('auth.logout', {});
    expect((await b.fail('app.about', {})).code).toBe('UNAUTHENTICATED');
  });

  it('has nothing to install without an updater, and says so in Latvian', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    expect(await b.fail('update.install', { when: 'now' })).toMatchObject({
      code: 'CONFLICT',
      message: 'Nav lejupielādētas jaunas versijas, ko uzstādīt.',
    });
    expect(await b.fail('session.setDirty', { windowId: 'x', dirty: true })).toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe("the head's update controls", () => {
  it('install "now" waits while a window has unsaved input, then installs', async () => {
    const { port, timers, router, call } = backendWithUpdates();
    await call('auth.setup', SETUP);
    expect((await call('update.check', {})).phase).toBe('ready');
    expect(await call('update.status', {})).toMatchObject({ available: '99.0.0', install: null });

    await call('session.setDirty', { windowId: WINDOW, dirty: true });
    expect(await call('update.install', { when: 'now' })).toMatchObject({ install: 'waiting' });
    timers.runAll();
    expect(port.installedNow).toBe(0);
    expect(port.installOnQuit).toBe(true);

    await call('session.setDirty', { windowId: WINDOW, dirty: false });
    expect(timers.jobs).toHaveLength(1); // the install, after INSTALL_DELAY_MS
    expect(INSTALL_DELAY_MS).toBeGreaterThan(0);
    timers.runAll();
    expect(port.installedNow).toBe(1);

    const events = await router.state.db
      .getRepository(AuditEvent)
      .findBy({ action: 'release.update.install' });
    expect(events.map((e) => JSON.parse(e.after ?? 'null') as unknown)).toEqual([
      { version: '99.0.0', when: 'now' },
    ]);
  });

  it('forgets the unsaved input of a session that ended', async () => {
    const { port, timers, call } = backendWithUpdates();
    await call('auth.setup', SETUP);
    await call('update.check', {});
    await call('session.setDirty', { windowId: WINDOW, dirty: true });
    await call('auth.logout', {}); // the idle logout ends the session the same way
    await call('auth.login', HEAD);
    await call('update.install', { when: 'now' });
    timers.runAll();
    expect(port.installedNow).toBe(1);
  });

  it('install "next start" leaves the program running', async () => {
    const { port, timers, call } = backendWithUpdates();
    await call('auth.setup', SETUP);
    await call('update.check', {});
    expect(await call('update.install', { when: 'next-start' })).toMatchObject({
      install: 'next-start',
    });
    timers.runAll();
    expect([port.installOnQuit, port.installedNow]).toEqual([true, 0]);
    const about = await call('app.about', {});
    expect(about.update).toMatchObject({ phase: 'ready', install: 'next-start' });
    expect(about.logFile).toMatch(/register\.log$/);
  });
});
