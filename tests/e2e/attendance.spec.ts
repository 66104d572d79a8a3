import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { AppLayout } from './page-models/layout';
import { AttendancePage, STAFF_PASSWORD, seedKindergarten } from './page-models/attendance';

const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
  ['Līga', 'Šmite', '2022-07-21'],
  ['Rūta', 'Žagare', '2022-10-09'],
];

// 08:30 in Riga on Monday 30 November 2026 (UTC+2).
test.use({ now: '2026-11-30T06:30:00Z' });
// Three logins and a seeded kindergarten: more than the default 90 s on a busy machine.
test.setTimeout(180_000);

test('teacher marks by keyboard and confirms on time, the nurse corrects, the sheet matches the grid', async ({
  page,
  app,
}) => {
  await seedKindergarten(app, CHILDREN);
  await page.goto(app.url);
  const login = new LoginPage(page);
  const attendance = new AttendancePage(page);
  const layout = new AppLayout(page);

  // The teacher: three absences with one keystroke each, then confirm — all from the keyboard.
  await login.login('anna', STAFF_PASSWORD);
  await attendance.openDay();
  await expect(page.getByText('Jāapstiprina līdz 09:00')).toBeVisible();
  await attendance.focusRow('Bērziņš');
  await page.keyboard.press('n'); // Bērziņš → N, focus moves to Ozoliņa
  await page.keyboard.press('ArrowDown'); // Ozoliņa stays present
  await page.keyboard.press('s'); // Šmite → NS
  await page.keyboard.press('c'); // Žagare → NC
  await expect(attendance.code('Bērziņš')).toHaveText('N');
  await expect(attendance.code('Ozoliņa')).toHaveText('klāt');
  await expect(attendance.code('Šmite')).toHaveText('NS');
  await expect(attendance.code('Žagare')).toHaveText('NC');
  await page.keyboard.press('Tab');
  await expect(attendance.confirmButton()).toBeFocused();
  await page.keyboard.press('Enter');
  // The test clock runs on in real time, so on a loaded machine the minute may have moved.
  await expect(attendance.confirmation()).toHaveText(
    /^Apstiprināja Anna Kalniņa 30\.11\.2026 08:3\d \(ievadīts laikus\)$/,
  );
  await expect(layout.toasts()).toHaveCount(0);
  await snapshot(page, 'attendance-day');
  await layout.logout();

  // The nurse: the doctor's note arrived, N → NS with a reason; the history shows both.
  await login.login('marta', STAFF_PASSWORD);
  await attendance.openNurseCheck();
  await expect(attendance.nurseGroup('Zīlītes').getByText('(ievadīts laikus)')).toBeVisible();
  const janis = attendance.absentee('Zīlītes', 'Bērziņš');
  await attendance.correct(janis, 'Jānis Bērziņš', 'NS', 'Atnesta ārsta zīme');
  await expect(janis.getByText('labots')).toBeVisible();
  await attendance.nurseConfirm();
  await expect(attendance.nurseChecked()).toContainText('Pārbaudi apstiprināja Mārta Ābele');
  await expect(layout.toasts()).toHaveCount(0);
  await snapshot(page, 'attendance-nurse');
  await attendance.openHistory(janis);
  const history = attendance.historyRows();
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Anna Kalniņa (skolotāja)');
  await expect(history.nth(0)).toContainText('klāt → N');
  await expect(history.nth(1)).toContainText('Mārta Ābele (māsa)');
  await expect(history.nth(1)).toContainText('N → NS');
  await expect(history.nth(1)).toContainText('Atnesta ārsta zīme');
  await snapshot(page, 'attendance-history');
  await page.keyboard.press('Escape');
  await layout.logout();

  // The month grid (teacher) and its XLSX: the totals are the same.
  await login.login('anna', STAFF_PASSWORD);
  await attendance.openMonth();
  await expect(attendance.monthTotal('Bērziņš', 'NS')).toHaveText('1');
  const totals = await attendance.gridTotals();
  // November 2026: 20 working days × 4 children, 3 absences.
  expect(totals).toEqual([77, 2, 1, 0]);
  await snapshot(page, 'attendance-month');
  const download = await attendance.exportXlsx();
  expect(download.suggestedFilename()).toMatch(/^apmeklejums-2026-11-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows.find((r) => r[0] === 'Kopā')?.slice(-4)).toEqual(totals);
  const gridRow = await attendance.rowTotals('Šmite');
  expect(rows.find((r) => r[0] === 'Līga Šmite')?.slice(-4)).toEqual(gridRow);
});
