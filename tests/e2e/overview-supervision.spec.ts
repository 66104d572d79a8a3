import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { expect, snapshot, test } from './fixtures';
import { AttendancePage } from './page-models/attendance';
import { LoginPage } from './page-models/auth';
import { AppLayout } from './page-models/layout';
import { OverviewPage, seedHistory } from './page-models/overview';

// Wednesday 4 November 2026, 12:00 in Riga: 21 October was never confirmed, today not by 09:00.
test.use({ now: '2026-11-04T10:00:00Z', viewport: { width: 1366, height: 768 } });
test.setTimeout(180_000); // the seed's accounts cost a full key derivation each

test("the head drills from supervision into an unconfirmed day and lands on that group's day", async ({
  page,
  app,
}) => {
  const { groupId } = await seedHistory(app, '2026-11-04', '2026-10-21');
  await page.goto(app.url);
  await new LoginPage(page).login('ilze', 'vadītājas-parole-1');
  const o = new OverviewPage(page);
  // Her home sums up what is overdue in the kindergarten, and her own checks of the year.
  await expect(o.dueItem('Apmeklējums līdz termiņam: Zīlītes — nokavēti: 2')).toBeVisible();
  await expect(o.dueItem('Jūsu žurnālu pārbaudes šajā mācību gadā: 0 no 2')).toContainText(
    'Termiņš 28.02.2027',
  );
  await snapshot(page, 'overview-home-head');

  // The report of the school year: the group's line counts the days; «nav izdarīts» opens them.
  await o.openSupervision();
  await expect(o.report()).toContainText('Apmeklējums līdz termiņam');
  await expect(o.report()).toContainText('Anna Kalniņa');
  await o.count('attendance', groupId, 'missing').click();
  await expect(o.items()).toContainText('Apmeklējums līdz termiņam: Zīlītes — Nav izdarīts');
  await expect(o.items()).toContainText('04.11.2026 09:00');
  await snapshot(page, 'overview-supervision');
  await o.items().getByRole('link', { name: '21.10.2026' }).click();

  // Landed on «Zīlītes», Wednesday 21 October, with nothing confirmed.
  await expect(page).toHaveURL(new RegExp(`#/attendance\\?group=${groupId}&date=2026-10-21`));
  await expect(o.dayGroup()).toContainText('Zīlītes');
  await expect(o.dayDate()).toHaveValue('21.10.2026');
  await expect(new AttendancePage(page).confirmation()).toHaveCount(0);

  // A period that ends before it starts is refused beside the field.
  await new AppLayout(page).open('Uzraudzība');
  await expect(o.report()).toContainText('Zīlītes');
  await o.date('Līdz', '01.08.2026');
  await o.show();
  await expect(o.fieldError()).toHaveText('Perioda beigas nevar būt pirms tā sākuma.');
  await o.date('Līdz', '31.08.2027');
  await o.show();
  await expect(o.fieldError()).toHaveCount(0);
  const pdf = new PDFParse({ data: readFileSync(await (await o.exportPdf()).path()) });
  const text = (await pdf.getText()).text;
  await pdf.destroy();
  expect(text).toContain('Uzraudzības pārskats');
  expect(text).toContain('21.10.2026 09:00');

  // The charts, each with its table one click away.
  await o.openCharts();
  for (const id of ['attendance', 'absences', 'on-time', 'overdue']) {
    await expect(o.chart(id).locator('canvas')).toBeVisible();
  }
  await snapshot(page, 'overview-charts');
  await o.toggleTable('on-time');
  await expect(o.chartTable('on-time').getByRole('row', { name: /Zīlītes/ })).toContainText('%');
  await o.toggleTable('overdue');
  await expect(
    o.chartTable('overdue').getByRole('row', { name: '2026. gada oktobris' }),
  ).toContainText(/\d/);
  await snapshot(page, 'overview-charts-tables');
  // "Drukāt" prints that card alone: the page's print sees only it.
  await o.stubPrint();
  await o.printChart('attendance');
  await expect(o.printed()).toHaveAttribute('data-printed', 'chart-attendance');
});
