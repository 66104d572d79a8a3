import { PAGE_SIZES } from '../../common/contract/paging';
import { severalYears, type SeveralYearsCounts } from './datasets';
import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';

/**
 * Lists bounded by what a person looks at (issue 12): on three school years of generated data,
 * the deputy's journal checks and planning screens hold one page of rows in the DOM, and the
 * pager's total is what the tables hold for this school year (or month), not all history.
 */
let counts: SeveralYearsCounts;
test.use({
  now: '2026-11-30T10:00:00Z',
  // A function-valued option is given as a fixture that hands it over.
  // eslint-disable-next-line no-empty-pattern
  prepare: async ({}, use) => {
    await use(async (dataDir) => {
      counts = await severalYears(dataDir);
    });
  },
});
/** The generated accounts' password (tools/seed/api.ts, which Playwright's loader cannot load). */
const PASSWORD = 'demo-parole-2026';
// Making the dataset takes ~12 s of CPU; more on a machine shared with other jobs.
test.describe.configure({ timeout: 180_000 });

const PAGE = PAGE_SIZES[0];

test('the journal checks and planning screens show one page and count the year in the database', async ({
  page,
  app,
}) => {
  // More checks this year than a page, and older years' checks the list must leave out.
  expect(counts.checks).toBeGreaterThan(PAGE);
  expect(counts.allChecks).toBeGreaterThan(counts.checks);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Rendering errors; a refused request before the login (401) is the program's own business.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      errors.push(m.text());
    }
  });
  await page.goto(app.url);
  await new LoginPage(page).login('vietniece', PASSWORD);

  await page.getByRole('link', { name: 'Žurnālu pārbaudes' }).click();
  const checks = page.getByTestId('checks').locator('tbody tr');
  await expect(page.getByTestId('checks-total')).toHaveAttribute(
    'data-total',
    String(counts.checks),
  );
  await expect(checks).toHaveCount(PAGE);
  await expect(page.getByTestId('checks-year')).toContainText('2026./2027.');
  await expect(page.getByTestId('checks-total')).toHaveText(`Rāda 1–${PAGE} no ${counts.checks}`);
  await snapshot(page, 'lists-checks-paged');
  // The next page is another page of rows, never more than one page at a time.
  const firstRow = await checks.first().textContent();
  await page
    .getByTestId('checks-pager')
    .getByRole('button', { name: /next|nākam/i })
    .click();
  await expect(page.getByTestId('checks-total')).toContainText(`Rāda ${PAGE + 1}–`);
  await expect(checks.first()).not.toHaveText(firstRow ?? '');
  expect(await checks.count()).toBeLessThanOrEqual(PAGE);

  await page.getByRole('link', { name: 'Plānošana' }).click();
  await expect(page.getByTestId('plan-overview-total')).toHaveAttribute(
    'data-total',
    String(counts.groups),
  );
  await expect(page.getByTestId('plan-overview').locator('tbody tr')).toHaveCount(
    Math.min(counts.groups, PAGE),
  );
  await expect(page.getByTestId('later-total')).toHaveAttribute('data-total', String(counts.later));
  if (counts.later > 0) {
    await expect(page.getByTestId('later-list').locator('tbody tr')).toHaveCount(
      Math.min(counts.later, PAGE),
    );
  }
  await expect(page.getByTestId('later-year')).toContainText('2026./2027.');
  await snapshot(page, 'lists-planning-paged');
  expect(errors).toEqual([]);
});
