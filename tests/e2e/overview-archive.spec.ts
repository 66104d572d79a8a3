import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { MONTH_NAMES } from '../../common/dates';
import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { seedKindergarten } from './page-models/attendance';
import { OverviewPage } from './page-models/overview';

// Monday 6 September 2027: the school year 2026/2027 is over and goes to the archive.
test.use({ now: '2027-09-06T08:00:00Z', viewport: { width: 1366, height: 768 } });
test.setTimeout(180_000); // the seed's accounts cost a full key derivation each

test("the head makes a group's year-end archive: one PDF with its contents and every month", async ({
  page,
  app,
}) => {
  await seedKindergarten(app, [
    ['Elza', 'Ozoliņa', '2022-03-14'],
    ['Jānis', 'Bērziņš', '2022-05-02'],
  ]);
  await page.goto(app.url);
  await new LoginPage(page).login('ilze', 'vadītājas-parole-1');
  const o = new OverviewPage(page);
  await o.openArchive();
  await o.choose('Mācību gads', '2026./2027.');
  await o.choose('Grupa', '3. «Zīlītes»');
  await o.startArchive();
  // The progress names the part being made.
  await expect(o.archivePart()).toContainText('Zīlītes: ');
  await snapshot(page, 'overview-archive-progress');
  const download = await o.downloadArchive(0);
  await snapshot(page, 'overview-archive-done');
  expect(download.suggestedFilename()).toBe('arhivs-2026-2027-3Zīlītes.pdf');

  const parser = new PDFParse({ data: readFileSync(await download.path()) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  expect(text).toContain('Saturs');
  expect(text).toContain('3. grupa «Zīlītes»');
  expect(text).toContain('2026./2027. mācību gads');
  const months = MONTH_NAMES.lv.map((name, i) => `${i >= 8 ? 2026 : 2027}. gada ${name}`);
  for (const month of months) expect(text).toContain(month);
  // Each month appears in the table of contents and on its sheet.
  for (const month of months) expect(text.split(month).length - 1).toBeGreaterThanOrEqual(2);
});
