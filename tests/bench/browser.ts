import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { BENCH_PASSWORD, BENCH_TODAY } from './dataset';
import { measure, type BenchRow, type Timing } from './harness';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function percentiles(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), runs: sorted.length };
}

/**
 * Click → painted for switching months in the month grid, in Chromium against browser mode on
 * the ten-year data (the built app: `npm run build` first). The screen marks the moment the new
 * grid is painted (performance.measure 'month-switch'); the click is marked here. Beside it, the
 * grid's API call over the same loopback HTTP, without a browser.
 */
export async function benchMonthSwitch(dataDir: string): Promise<BenchRow> {
  const server = spawn(
    process.execPath,
    [
      path.join('dist', 'electron', 'web-cli.js'),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--test',
      '--now',
      `${BENCH_TODAY}T07:00:00Z`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`web-cli exited with ${code}: ${out}`)));
    });
    const browser = await chromium.launch({
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({
        locale: 'lv-LV',
        timezoneId: 'Europe/Riga',
        viewport: { width: 1280, height: 800 },
      });
      await page.goto(url);
      await page.getByLabel('Lietotājvārds').fill('masa');
      await page.getByLabel('Parole', { exact: true }).fill(BENCH_PASSWORD);
      await page.getByRole('button', { name: 'Pieslēgties' }).click();
      await page.getByRole('link', { name: 'Mēneša apmeklējums' }).click();
      await page.getByTestId('month-grid').waitFor();
      await page.evaluate(() => {
        document.addEventListener('click', () => performance.mark('month-switch:click'), {
          capture: true,
        });
      });
      const times: number[] = [];
      for (let i = 0; i < 24; i++) {
        await page.evaluate(() => {
          performance.clearMarks();
          performance.clearMeasures();
        });
        await page.getByTestId(i < 12 ? 'prev-month' : 'next-month').click();
        await page.waitForFunction(() => performance.getEntriesByName('month-switch').length > 0);
        const ms = await page.evaluate(() => {
          const painted = performance.getEntriesByName('month-switch')[0];
          const click = performance.getEntriesByName('month-switch:click')[0];
          return painted.startTime + painted.duration - click.startTime;
        });
        if (i >= 2) times.push(ms); // two warm-up switches
      }
      // The same month's data over the same HTTP bridge, without the browser.
      const origin = new URL(url).origin;
      const token = new URL(url).hash.replace('#token=', '');
      const post = async (method: string, input: unknown) => {
        const response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-register-token': token },
          body: JSON.stringify(input),
        });
        return (await response.json()) as { ok: boolean; result: unknown };
      };
      await post('auth.login', { username: 'masa', password: BENCH_PASSWORD });
      const groups = (await post('attendance.groups', { date: BENCH_TODAY })).result as {
        id: number;
      }[];
      const call = await measure((i) =>
        post('attendance.month', {
          groupId: groups[0].id,
          month: `2026-${String(1 + (i % 11)).padStart(2, '0')}`,
        }),
      );
      return {
        operation: 'switching months in the grid, click → painted (Chromium)',
        ours: percentiles(times),
        baseline: call,
        baselineLabel: 'the grid call over loopback HTTP',
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
