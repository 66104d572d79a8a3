import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { expect, snapshot, test } from './fixtures';
import { seedKindergarten } from './page-models/attendance';
import { OverviewPage } from './page-models/overview';
import { LoginPage } from './page-models/auth';

// Monday 6 September 2027: the head prints, reads a chart's table and archives a year.
test.use({ now: '2027-09-06T08:00:00Z', viewport: { width: 1366, height: 768 } });
test.setTimeout(180_000); // the seed's accounts cost a full key derivation each

async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** A PrimeVue select by keyboard: arrows move through the options, Enter takes one. */
async function chooseByKeys(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await page.keyboard.press('ArrowDown');
  // Its own list (another select's may still be closing after a reload of the screen).
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  for (let i = 0; i < 20; i++) {
    const id = await box.getAttribute('aria-activedescendant');
    if (id && (await page.locator(`[id="${id}"]`).innerText()).trim() === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(box).toHaveText(option);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
}

test('the head prints a journal, reads a chart as a table, drills into the report and archives a group-year by keyboard alone', async ({
  page,
  app,
}) => {
  await seedKindergarten(app, [['Elza', 'Ozoliņa', '2022-03-14']]);
  await page.goto(app.url);
  await new LoginPage(page).loginByKeyboard('ilze', 'vadītājas-parole-1');
  const o = new OverviewPage(page);
  const go = async (menu: string) => {
    await page.getByRole('link', { name: menu }).focus();
    await page.keyboard.press('Enter');
  };

  // The journal prints: the diary of the past school year.
  await go('Žurnālu izdrukas');
  await chooseByKeys(page, 'Žurnāls', 'Vadītāja vietnieka dienasgrāmata');
  const typeDate = async (label: string, value: string) => {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
    await page.keyboard.press('Escape');
  };
  const printByKeys = async () => {
    await page.getByTestId('pr-print').focus();
    await page.keyboard.press('Enter');
  };
  // September to September is over a year: refused beside the field, nothing printed.
  await typeDate('No', '01.09.2026');
  await printByKeys();
  await expect(page.getByRole('alert').filter({ hasText: 'garāks par vienu gadu' })).toBeVisible();
  await typeDate('Līdz', '31.08.2027');
  const printed = page.waitForEvent('download');
  await printByKeys();
  const diary = await printed;
  await snapshot(page, 'overview-prints');
  expect(diary.suggestedFilename()).toBe('dienasgramata-2026-09-01-2027-08-31.pdf');
  const text = await pdfText(await diary.path());
  expect(text).toContain('Vadītāja vietnieka dienasgrāmata');
  expect(text).toContain('01.09.2026–31.08.2027');

  // A chart's table: Enter shows it; the table scrolls by keys, so it takes the focus.
  await go('Diagrammas');
  await o.chart('attendance').getByRole('button', { name: 'Rādīt tabulu' }).focus();
  await page.keyboard.press('Enter');
  const table = o.chartTable('attendance');
  await expect(table.getByRole('row', { name: /gada septembris/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(o.chart('attendance').locator('.chart-table')).toBeFocused();

  // The report of the past year: a missing count opens its days, a day opens the group's day.
  await go('Uzraudzība');
  await expect(o.report()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await chooseByKeys(page, 'Mācību gads', '2026./2027.');
  await page.locator('[data-testid^="sv-attendance-"][data-testid$="-missing"]').first().focus();
  await page.keyboard.press('Enter');
  await o.items().getByRole('link').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/attendance\?group=\d+&date=2026-09-01/);

  // The archive of «Zīlītes» for 2026/2027, started and downloaded by keys.
  await go('Gada arhīvs');
  await chooseByKeys(page, 'Mācību gads', '2026./2027.');
  await chooseByKeys(page, 'Grupa', '3. «Zīlītes»');
  await page.getByTestId('ar-start').focus();
  await page.keyboard.press('Enter');
  const file = page.getByTestId('ar-file-0');
  await expect(file).toBeVisible({ timeout: 60_000 });
  const archived = page.waitForEvent('download');
  await file.focus();
  await page.keyboard.press('Enter');
  expect((await archived).suggestedFilename()).toBe('arhivs-2026-2027-3Zīlītes.pdf');
});
