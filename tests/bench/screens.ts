import type { Browser, Page } from '@playwright/test';
import { mayCall } from '../../common/permissions';
import type { Role } from '../../common/roles';
import { PRIVACY_NOTICE_VERSION } from '../../common/privacy-notice';
import { rawConnection } from '../../database/data-source';
import {
  clickToPainted,
  launchChromium,
  logIn,
  logOut,
  newPage,
  startWeb,
  type WebApp,
} from './browser';
import { BENCH_TODAY, type DatasetName } from './dataset';
import { interleaveTimed, ratio, type BenchRow, type Timing } from './harness';
import { openSession } from './session';

/**
 * Click → painted in Chromium (browser mode) on both datasets, ten years interleaved run by run
 * with two years: every list screen of issue 12 for each role whose menu has it, the assessment
 * sheet, the month switch in the grid, and the first login after the program starts.
 */

/** The list screens of issue 12 and the newer paged lists, by their menu path. */
const LISTS = [
  'journal-checks',
  'planning',
  'journals',
  'children',
  'users',
  'journals/talks',
  'diary',
  'applications',
  'substitution',
  'audit',
  'outbox',
];
const PEOPLE: { username: string; role: Role }[] = [
  { username: 'vaditaja', role: 'head' },
  { username: 'vietniece', role: 'deputy' },
  { username: 'skolotaja1', role: 'teacher' },
  { username: 'masa', role: 'nurse' },
];
const ROLE_LV: Record<Role, string> = {
  head: 'vadītāja',
  deputy: 'vietniece',
  teacher: 'skolotāja',
  speech: 'logopēde',
  nurse: 'māsa',
};

type Pair<T> = Record<DatasetName, T>;
const SIDES: DatasetName[] = ['ten-years', 'two-years'];

const screenTargets = (row: BenchRow) => [
  { label: '< 500 ms p95', met: row.ours.p95 < 500 },
  { label: '≤ 1.5× two years', met: ratio(row)! <= 1.5 },
];

function row(operation: string, [ten, two]: [Timing, Timing]): BenchRow {
  return {
    operation,
    ours: ten,
    baseline: two,
    baselineLabel: `the same on two years (${ten.runs} runs each)`,
  };
}

/**
 * Readies a dataset for the browser: every bench account has read the privacy notice (else
 * her first login opens it instead of her home), and a topic of this month in the first
 * teacher's group (the assessment sheet to open). Idempotent; migrates the dataset if needed.
 */
async function prepare(dataDir: string): Promise<number> {
  const s = openSession(dataDir);
  try {
    for (const { username } of PEOPLE) {
      const session = await s.login(username);
      if (session.privacyNoticePending) {
        await s.call('privacy.acknowledge', { version: PRIVACY_NOTICE_VERSION });
      }
      await s.call('auth.logout', {});
    }
    await s.login('skolotaja1');
    const [group] = await s.call('attendance.groups', { date: BENCH_TODAY });
    const topic = rawConnection(s.router.state.db)
      .prepare(
        'SELECT t.id FROM topic t JOIN plan p ON p.id = t.plan_id WHERE p.group_id = ? ' +
          'AND p.month = ? ORDER BY t.id LIMIT 1',
      )
      .get(group.id, BENCH_TODAY.slice(0, 7)) as { id: number } | undefined;
    if (!topic) throw new Error(`no topic this month in ${dataDir}`);
    return topic.id;
  } finally {
    await s.router.dispose();
  }
}

/** A link to `hash` put on the page (for screens reached from a list, not from the menu). */
async function linkTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((href) => {
    document.getElementById('bench-link')?.remove();
    const a = document.createElement('a');
    a.id = 'bench-link';
    a.href = href;
    a.textContent = 'bench';
    a.style.cssText = 'position:fixed;right:0;bottom:0;z-index:99999;background:#fff';
    document.body.appendChild(a);
  }, hash);
}

/** Opens a screen from the About screen (cheap, no list): click → painted. */
async function openScreen(page: Page, hash: string, fromMenu: boolean): Promise<number> {
  await clickToPainted(page, () => page.locator('a[href="#/about"]').first().click());
  if (!fromMenu) await linkTo(page, hash);
  const link = fromMenu ? page.locator(`nav a[href="${hash}"]`) : page.locator('#bench-link');
  return clickToPainted(page, () => link.click());
}

export interface BrowserParts {
  screens: boolean;
  month: boolean;
}

/** Both datasets served at once, a page on each; the list screens and the month switch. */
export async function benchInBrowser(
  dirs: Pair<string>,
  parts: BrowserParts,
  runs: number,
): Promise<{ screens: BenchRow[]; month: BenchRow[] }> {
  const topics: Pair<number> = {
    'ten-years': await prepare(dirs['ten-years']),
    'two-years': await prepare(dirs['two-years']),
  };
  const apps: WebApp[] = [];
  let browser: Browser | null = null;
  try {
    const pages = {} as Pair<Page>;
    browser = await launchChromium();
    for (const side of SIDES) {
      const app = await startWeb(dirs[side]);
      apps.push(app);
      pages[side] = await newPage(browser, app.url);
    }
    const both = (work: (page: Page, side: DatasetName) => Promise<unknown>) =>
      Promise.all(SIDES.map((side) => work(pages[side], side)));
    const screens: BenchRow[] = [];
    if (parts.screens) {
      for (const { username, role } of PEOPLE) {
        await both((page) => logIn(page, username));
        const menu = await pages['ten-years']
          .locator('nav a')
          .evaluateAll((links) =>
            links.map((a) => [a.getAttribute('href') ?? '', a.textContent?.trim() ?? '']),
          );
        const found = LISTS.flatMap((p) => menu.filter(([href]) => href === `#/${p}`));
        for (const [href, label] of found) {
          screens.push(
            row(
              `${label} (${ROLE_LV[role]})`,
              await interleaveTimed(
                () => openScreen(pages['ten-years'], href, true),
                () => openScreen(pages['two-years'], href, true),
                { warmup: 1, runs },
              ),
            ),
          );
        }
        if (mayCall('assessment.sheet', role)) {
          const sheet = (side: DatasetName) => `#/planning/topic/${topics[side]}`;
          screens.push(
            row(
              `assessment sheet of a topic (${ROLE_LV[role]})`,
              await interleaveTimed(
                () => openScreen(pages['ten-years'], sheet('ten-years'), false),
                () => openScreen(pages['two-years'], sheet('two-years'), false),
                { warmup: 1, runs },
              ),
            ),
          );
        }
        await both((page) => logOut(page));
      }
    }
    const month: BenchRow[] = [];
    if (parts.month) {
      await both(async (page) => {
        await logIn(page, 'masa');
        await page.locator('nav a[href="#/attendance/month"]').click();
        await page.getByTestId('month-grid').waitFor();
      });
      // Twelve months back, then forward again: each switch a month the grid has not shown.
      const switchMonth = (side: DatasetName) => (i: number) =>
        clickToPainted(pages[side], () =>
          pages[side].getByTestId(i % 24 < 12 ? 'prev-month' : 'next-month').click(),
        );
      const timed = await interleaveTimed(switchMonth('ten-years'), switchMonth('two-years'), {
        warmup: 2,
        runs: Math.max(20, runs * 2),
      });
      const r = row('switching months in the grid (māsa)', timed);
      month.push({
        ...r,
        targets: [
          { label: '< 50 ms p95', met: r.ours.p95 < 50 },
          { label: '≤ 1.5× two years', met: ratio(r)! <= 1.5 },
        ],
      });
      await both((page) => logOut(page));
    }
    return { screens: screens.map((r) => ({ ...r, targets: screenTargets(r) })), month };
  } finally {
    await browser?.close();
    for (const app of apps) await app.stop();
  }
}

/**
 * The first login after the program starts, as the head (her home screen is the heaviest):
 * each run a new server process and a new page, ten years and two years in turn.
 */
export async function benchFirstLogin(dirs: Pair<string>, runs: number): Promise<BenchRow> {
  for (const side of SIDES) await prepare(dirs[side]);
  const browser = await launchChromium();
  try {
    const once = (side: DatasetName) => async () => {
      const app = await startWeb(dirs[side]);
      try {
        const page = await newPage(browser, app.url);
        await page.getByLabel('Lietotājvārds').waitFor();
        const ms = await logIn(page, 'vaditaja');
        await page.close();
        return ms;
      } finally {
        await app.stop();
      }
    };
    const r = row(
      'first login after start, click → home painted (vadītāja)',
      await interleaveTimed(once('ten-years'), once('two-years'), { warmup: 1, runs }),
    );
    return { ...r, targets: [{ label: '≤ 1.5× two years', met: ratio(r)! <= 1.5 }] };
  } finally {
    await browser.close();
  }
}
