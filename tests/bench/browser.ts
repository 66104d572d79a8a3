import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BENCH_PASSWORD, BENCH_TODAY } from './dataset';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/**
 * Browser mode for the bench: the built program (`npm run build`) serving one dataset on
 * loopback, and Chromium pages instrumented to time a click until the screen is painted.
 */

/** Nothing on the network and no change in the page for this long: the screen is done. */
const QUIET_MS = 200;

export interface WebApp {
  url: string;
  stop: () => Promise<void>;
}

/** Starts `web-cli` on a dataset with its clock on the dataset's today; resolves with its URL. */
export async function startWeb(dataDir: string): Promise<WebApp> {
  const server: ChildProcess = spawn(
    process.execPath,
    [
      path.join('dist', 'electron', 'web-cli.js'),
      ...['--data-dir', dataDir, '--port', '0', '--test', '--now', `${BENCH_TODAY}T07:00:00Z`],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`web-cli exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: async () => {
      if (server.exitCode === null) server.kill();
      await exited;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

interface Probe {
  inflight: number;
  click: number;
  /** The last change to the DOM. */
  mutated: number;
  /** The last change to the DOM or the network. */
  last: number;
  paintAt: number;
}

/**
 * In the page, before its scripts: the time of the last click, the calls in flight (the API
 * goes through fetch), the time of the last change to the DOM or the network, and the frame
 * painted after the last DOM change (requestAnimationFrame, then a task: the paint has run).
 */
function instrument(): void {
  const probe: Probe = { inflight: 0, click: 0, mutated: 0, last: 0, paintAt: 0 };
  (window as unknown as { __bench: Probe }).__bench = probe;
  const paint = () =>
    requestAnimationFrame(() => setTimeout(() => (probe.paintAt = performance.now())));
  const fetch = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof window.fetch>) => {
    probe.inflight++;
    probe.last = performance.now();
    try {
      return await fetch(...args);
    } finally {
      probe.inflight--;
      probe.last = performance.now();
    }
  };
  document.addEventListener('click', () => (probe.click = probe.last = performance.now()), {
    capture: true,
  });
  new MutationObserver(() => {
    probe.last = probe.mutated = performance.now();
    paint();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({
    locale: 'lv-LV',
    timezoneId: 'Europe/Riga',
    viewport: { width: 1366, height: 768 },
  });
  await page.addInitScript(instrument);
  await page.goto(url);
  return page;
}

/** Waits until the page is quiet; the click → painted time of the last click, in ms. */
export async function painted(page: Page): Promise<number> {
  await page.waitForFunction(
    (quiet) => {
      const p = (window as unknown as { __bench: Probe }).__bench;
      return (
        p.click > 0 &&
        p.inflight === 0 &&
        performance.now() - p.last > quiet &&
        p.paintAt >= p.mutated &&
        document.querySelector('main[aria-busy="true"]') === null
      );
    },
    QUIET_MS,
    { polling: 50, timeout: 120_000 },
  );
  return page.evaluate(() => {
    const p = (window as unknown as { __bench: Probe }).__bench;
    return Math.max(0, p.paintAt - p.click);
  });
}

/** Clicks (through Playwright, as a person) and times it until the screen is painted. */
export async function clickToPainted(page: Page, click: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const p = (window as unknown as { __bench: Probe }).__bench;
    p.click = 0;
    p.paintAt = 0;
    p.mutated = 0; // a click that changes nothing measures 0, rather than waiting forever
  });
  await click();
  return painted(page);
}

/** Logs in on the login screen; returns click → home painted. */
export async function logIn(page: Page, username: string): Promise<number> {
  await page.getByLabel('Lietotājvārds').fill(username);
  await page.getByLabel('Parole', { exact: true }).fill(BENCH_PASSWORD);
  const ms = await clickToPainted(page, () =>
    page.getByRole('button', { name: 'Pieslēgties' }).click(),
  );
  await page.locator('nav a').first().waitFor();
  return ms;
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByLabel('Lietotājvārds').waitFor();
}
