import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  INSTALL_DELAY_MS,
  Updates,
  type Timers,
  type UpdaterPort,
} from '../../electron/api/release/updates';
import {
  checkFeedUrl,
  compareVersions,
  feedUrlOf,
  isNewer,
} from '../../electron/api/release/versions';

const FEED = 'https://updates.pii-zilite.lv/register/';

/** An updater that answers what the test says and records what it was asked to do. */
class FakeUpdater implements UpdaterPort {
  offer: string | null = null;
  checkFails: Error | null = null;
  downloadFails: Error | null = null;
  feeds: string[] = [];
  checks = 0;
  downloads = 0;
  installOnQuit: boolean | null = null;
  installedNow = 0;

  setFeed(url: string): void {
    this.feeds.push(url);
  }
  async check(): Promise<{ version: string } | null> {
    this.checks++;
    if (this.checkFails) throw this.checkFails;
    return this.offer === null ? null : { version: this.offer };
  }
  async download(onProgress: (percent: number) => void): Promise<void> {
    this.downloads++;
    onProgress(42.4);
    if (this.downloadFails) throw this.downloadFails;
    onProgress(100);
  }
  setInstallOnQuit(install: boolean): void {
    this.installOnQuit = install;
  }
  quitAndInstall(): void {
    this.installedNow++;
  }
}

/** Timers the test moves by hand. */
class ManualTimers implements Timers {
  private at = 0;
  private jobs: { at: number; every: number | null; fn: () => void; id: number }[] = [];
  private next = 1;

  setInterval(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.jobs.push({ at: this.at + ms, every: ms, fn, id });
    return id;
  }
  clearInterval(handle: unknown): void {
    this.jobs = this.jobs.filter((job) => job.id !== handle);
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.jobs.push({ at: this.at + ms, every: null, fn, id });
    return id;
  }
  /** Runs every job due within `ms`, in time order. */
  advance(ms: number): void {
    const end = this.at + ms;
    for (;;) {
      const due = this.jobs.filter((j) => j.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.at = due.at;
      if (due.every === null) this.jobs = this.jobs.filter((j) => j !== due);
      else due.at += due.every;
      due.fn();
    }
    this.at = end;
  }
}

function setup(options: { feed?: string | null; installed?: string } = {}) {
  const port = new FakeUpdater();
  const timers = new ManualTimers();
  const log: string[] = [];
  const dirty = { value: false };
  const updates = new Updates({
    port,
    installed: options.installed ?? '1.4.0',
    feedUrl: options.feed === undefined ? FEED : options.feed,
    isDirty: () => dirty.value,
    now: () => new Date('2026-11-30T07:00:00Z'),
    timers,
    log: (line) => log.push(line),
  });
  return { port, timers, log, dirty, updates };
}

/** A downloaded update waiting for the head. */
async function ready() {
  const t = setup();
  t.port.offer = '1.5.0';
  await t.updates.check();
  expect(t.updates.status().phase).toBe('ready');
  return t;
}

describe('Updates: checking and downloading', () => {
  it('finds a newer version, downloads it in the background and waits for the head', async () => {
    const { port, updates, log } = setup();
    port.offer = '1.5.0';
    expect(updates.status().phase).toBe('idle');
    expect(port.feeds).toEqual([FEED]);
    expect(port.installOnQuit).toBe(false); // nothing installs before the head chooses
    const status = await updates.check();
    expect(status).toMatchObject({
      phase: 'ready',
      installed: '1.4.0',
      available: '1.5.0',
      progress: 100,
      failure: null,
      install: null,
      checkedAt: '2026-11-30T07:00:00.000Z',
    });
    expect(port.downloads).toBe(1);
    expect(port.installedNow).toBe(0);
    expect(log).toContain('Update 1.5.0 downloaded; waiting for the head.');
    // Once ready, a later check neither asks the feed again nor downloads twice.
    await updates.check();
    expect([port.checks, port.downloads]).toEqual([1, 1]);
  });

  it('reports no update when the feed offers none', async () => {
    const { port, updates } = setup();
    expect(await updates.check()).toMatchObject({ phase: 'current', available: null });
    expect(port.downloads).toBe(0);
  });

  it.each([
    ['the installed version', '1.4.0'],
    ['an older version', '1.3.9'],
    ['a pre-release of the installed version', '1.4.0-beta.2'],
    ['something that is not a version', 'latest'],
  ])('ignores %s (%s)', async (_what, offer) => {
    const { port, updates } = setup();
    port.offer = offer;
    expect(await updates.check()).toMatchObject({ phase: 'current', available: null });
    expect(port.downloads).toBe(0);
  });

  it('reports a failed download, keeps nothing half-done and tries again next time', async () => {
    const { port, updates, log } = setup();
    port.offer = '1.5.0';
    port.downloadFails = new Error('ECONNRESET');
    expect(await updates.check()).toMatchObject({
      phase: 'failed',
      failure: 'download',
      available: null,
      progress: null,
    });
    expect(log).toContain('Update download failed: ECONNRESET');
    port.downloadFails = null;
    expect(await updates.check()).toMatchObject({ phase: 'ready', available: '1.5.0' });
  });

  it('reports an unreachable feed quietly and checks again the next day', async () => {
    const { port, updates, timers, log } = setup();
    port.checkFails = new Error('getaddrinfo ENOTFOUND updates.pii-zilite.lv');
    updates.start();
    expect(await updates.check()).toMatchObject({ phase: 'failed', failure: 'offline' });
    expect(port.checks).toBe(1);
    expect(log[0]).toMatch(/^Update check failed: getaddrinfo ENOTFOUND/);
    port.checkFails = null;
    port.offer = '1.5.0';
    timers.advance(DAY_MS - 1);
    expect(port.checks).toBe(1);
    timers.advance(1);
    expect(port.checks).toBe(2);
    expect(await updates.check()).toMatchObject({ phase: 'ready', available: '1.5.0' });
  });

  it('checks at start and once a day after', async () => {
    const { port, updates, timers } = setup();
    updates.start();
    updates.start(); // a second start adds no second timer
    await updates.check();
    expect(port.checks).toBe(1);
    for (let day = 1; day <= 3; day++) {
      timers.advance(DAY_MS);
      await updates.check(); // joins the check the timer started
    }
    expect(port.checks).toBe(4);
    updates.stop();
    timers.advance(3 * DAY_MS);
    expect(port.checks).toBe(4);
  });
});

describe('Updates: the feed address', () => {
  it.each([
    ['http://updates.pii-zilite.lv/register/', 'refused'],
    ['ftp://updates.pii-zilite.lv/register/', 'refused'],
    ['file:///C:/updates/', 'refused'],
    ['http://localhost.pii-zilite.lv/', 'refused'],
    ['https://user:secret@updates.pii-zilite.lv/', 'refused'],
    ['not a url', 'refused'],
    ['https://updates.example.invalid/bernudarza-e-zurnals/', 'unset'],
    [null, 'unset'],
  ])('refuses %s (%s) and never asks it', async (feed, phase) => {
    const { port, updates, timers } = setup({ feed });
    port.offer = '9.0.0';
    expect(updates.status().phase).toBe(phase);
    updates.start();
    timers.advance(2 * DAY_MS);
    expect(await updates.check()).toMatchObject({ phase });
    expect([port.feeds, port.checks, port.downloads]).toEqual([[], 0, 0]);
    expect(updates.install('now')).toBe(false);
  });

  it.each([
    ['https://updates.pii-zilite.lv/register/'],
    ['http://localhost:8765/feed/'],
    ['http://127.0.0.1:8765/feed/'],
    ['http://[::1]:8765/feed/'],
  ])('accepts %s', (feed) => {
    const { port, updates } = setup({ feed });
    expect(updates.status().phase).toBe('idle');
    expect(port.feeds).toEqual([new URL(feed).href]);
  });

  it('reads the address electron-builder wrote into app-update.yml', () => {
    const yml =
      'provider: generic\nurl: https://updates.pii-zilite.lv/r/\nupdaterCacheDirName: x\n';
    expect(feedUrlOf(yml)).toBe('https://updates.pii-zilite.lv/r/');
    expect(feedUrlOf("url: 'http://127.0.0.1:9/'\n")).toBe('http://127.0.0.1:9/');
    expect(feedUrlOf('provider: github\n')).toBeNull();
    expect(checkFeedUrl('  ')).toEqual({ ok: false, reason: 'unset' });
  });
});

describe('Updates: installing', () => {
  it('installs at the next start when the head chooses so, and not before', async () => {
    const { port, updates, timers } = await ready();
    expect(updates.install('next-start')).toBe(true);
    timers.advance(DAY_MS);
    expect(port.installOnQuit).toBe(true);
    expect(port.installedNow).toBe(0);
    expect(updates.status().install).toBe('next-start');
  });

  it('installs now (after the head sees the answer) when nobody has unsaved input', async () => {
    const { port, updates, timers } = await ready();
    expect(updates.install('now')).toBe(true);
    timers.advance(INSTALL_DELAY_MS - 1);
    expect(port.installedNow).toBe(0);
    timers.advance(1);
    expect(port.installedNow).toBe(1);
  });

  it('defers "now" while a window has unsaved input, and installs once none has', async () => {
    const { port, updates, timers, dirty, log } = await ready();
    dirty.value = true;
    expect(updates.install('now')).toBe(true);
    expect(updates.status().install).toBe('waiting');
    // Quitting anyway (the staff close the program) installs: nobody types in a closed program.
    expect(port.installOnQuit).toBe(true);
    timers.advance(DAY_MS);
    updates.dirtyChanged(); // another window changes, this one is still dirty
    timers.advance(DAY_MS);
    expect(port.installedNow).toBe(0);
    expect(log).toContain('Update install deferred: a window has unsaved input.');
    dirty.value = false;
    updates.dirtyChanged();
    timers.advance(INSTALL_DELAY_MS);
    expect(port.installedNow).toBe(1);
  });

  it('waits again if someone starts typing in the moment before the install', async () => {
    const { port, updates, timers, dirty } = await ready();
    updates.install('now');
    dirty.value = true;
    timers.advance(INSTALL_DELAY_MS);
    expect(port.installedNow).toBe(0);
    dirty.value = false;
    updates.dirtyChanged();
    timers.advance(INSTALL_DELAY_MS);
    expect(port.installedNow).toBe(1);
  });

  it('has nothing to install before a version is downloaded', async () => {
    const { port, updates } = setup();
    expect(updates.install('now')).toBe(false);
    await updates.check();
    expect(updates.install('next-start')).toBe(false);
    expect(port.installOnQuit).toBe(false);
  });

  it('is off without an updater (browser mode, a development start)', async () => {
    const updates = new Updates({
      port: null,
      installed: '1.4.0',
      feedUrl: FEED,
      isDirty: () => false,
    });
    updates.start();
    expect(await updates.check()).toMatchObject({ phase: 'off', installed: '1.4.0' });
    expect(updates.describe()).toBe('updates off (no updater in this build)');
  });
});

describe('version order', () => {
  it('orders versions the semver way', () => {
    const sorted = [
      '0.9.9',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i < sorted.length - 1; i++) {
      expect(
        compareVersions(sorted[i], sorted[i + 1]),
        `${sorted[i]} < ${sorted[i + 1]}`,
      ).toBeLessThan(0);
      expect(compareVersions(sorted[i + 1], sorted[i])).toBeGreaterThan(0);
    }
    expect(compareVersions('v1.2.3', '1.2.3+build.7')).toBe(0);
    expect(isNewer('1.10.0', '1.9.0')).toBe(true);
    expect(isNewer('1.9.0', '1.10.0')).toBe(false);
    expect(isNewer('garbage', '0.0.1')).toBe(false);
  });
});
