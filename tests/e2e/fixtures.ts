import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Input, Method, Output } from '../../common/contract';
import type { CallResult } from '../../common/errors';

export const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

/** A method's input, which may be left out where the method takes none. */
type ApiArgs<M extends Method> =
  Record<never, never> extends Input<M> ? [input?: Input<M>] : [input: Input<M>];

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Calls the backend directly, as the UI would; typed by the method's name. */
  api<M extends Method>(method: M, ...args: ApiArgs<M>): Promise<Output<M>>;
  advanceClock(seconds: number): Promise<void>;
}

/** Starts browser mode on a fresh data folder with a test clock; prints the URL line. */
export async function startApp(
  now: string,
  webArgs: string[],
): Promise<{ app: RunningApp; child: ChildProcess }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'register-e2e-'));
  const child = spawn(
    process.execPath,
    [
      path.join('dist', 'electron', 'web-cli.js'),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--test',
      '--now',
      now,
      ...webArgs,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`web-cli exited with ${code}: ${out}`)));
  });
  const origin = new URL(url).origin;
  const token = new URL(url).hash.replace('#token=', '');
  const api = async <M extends Method>(method: M, ...args: ApiArgs<M>): Promise<Output<M>> => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-register-token': token },
      body: JSON.stringify(args[0] ?? {}),
    });
    const body = (await response.json()) as CallResult;
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.result as Output<M>;
  };
  return {
    child,
    app: {
      url,
      dataDir,
      api,
      advanceClock: async (seconds) => void (await api('test.advanceClock', { seconds })),
    },
  };
}

/** Accepts the privacy notice (issue 16) whenever it shows: for pages the fixture does not make. */
export async function acceptNoticeWhenShown(page: Page): Promise<void> {
  await page.addLocatorHandler(page.getByTestId('privacy-accept'), (button) => button.click());
}

export const test = base.extend<{
  now: string;
  webArgs: string[];
  app: RunningApp;
  acceptPrivacyNotice: boolean;
}>({
  /**
   * Every user meets the privacy notice at her first login (issue 16). Specs about something
   * else accept it whenever it shows; tests/e2e/audit.spec.ts reads and accepts it itself.
   */
  acceptPrivacyNotice: [true, { option: true }],
  // E2E_THROTTLE=6 runs the page on a CPU six times slower, to shake out timing races.
  page: async ({ page, acceptPrivacyNotice }, use) => {
    const rate = Number(process.env.E2E_THROTTLE ?? 0);
    if (rate > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    }
    if (acceptPrivacyNotice) await acceptNoticeWhenShown(page);
    await use(page);
  },
  now: ['2026-11-30T07:30:00Z', { option: true }],
  /** More options for browser mode, e.g. ['--offer-update', '9.9.9']. */
  webArgs: [[], { option: true }],
  app: async ({ now, webArgs }, use) => {
    const { app, child } = await startApp(now, webArgs);
    await use(app);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(app.dataDir, { recursive: true, force: true });
  },
});

/**
 * The open form dialog. A date picker's calendar is a role="dialog" too, so the bare role
 * matches two elements while a calendar is open or still closing.
 */
export function formDialog(page: Page): Locator {
  return page.getByRole('dialog').and(page.locator('[data-pc-name="dialog"]'));
}

/** Saves a screenshot into tests/artifacts for a person to look at. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({
    path: path.join(ARTIFACTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

export { expect };
