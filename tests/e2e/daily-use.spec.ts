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

// 08:30 in Riga on Monday 30 November 2026; the day list and the grid as on a staff-room PC.
test.use({
  now: '2026-11-30T06:30:00Z',
  viewport: { width: 1366, height: 768 },
  webArgs: ['--cheap-keys'],
});

test('a mouse-only teacher marks three absences and confirms; unsaved grid edits survive leaving', async ({
  page,
  app,
}) => {
  await seedKindergarten(app, CHILDREN);
  await page.goto(app.url);
  const attendance = new AttendancePage(page);
  const layout = new AppLayout(page);
  await new LoginPage(page).login('anna', STAFF_PASSWORD);

  // The day list by mouse: a code per child, each spelled out on its button, then confirm.
  await layout.open('Grupas žurnāls');
  await expect(attendance.row('Bērziņš').getByTestId('pick-NS')).toHaveAccessibleName(
    'NS — slimības dēļ (ārsta zīme)',
  );
  await attendance.pick('Bērziņš', 'N');
  await attendance.pick('Šmite', 'NS');
  await attendance.pick('Žagare', 'NC');
  await expect(attendance.code('Bērziņš')).toHaveText('N');
  await expect(attendance.code('Ozoliņa')).toHaveText('klāt');
  await expect(attendance.code('Šmite')).toHaveText('NS');
  await expect(attendance.code('Žagare')).toHaveText('NC');
  await expect(attendance.row('Šmite').getByTestId('pick-NS')).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await snapshot(page, 'daily-use-day-list');
  await attendance.confirmButton().click();
  await expect(attendance.confirmation()).toHaveText(
    /^Apstiprināja Anna Kalniņa 30\.11\.2026 08:\d\d \(ievadīts laikus\)$/,
  );
  // Saved one by one as clicked: the month grid shows them after a fresh load.
  await attendance.openMonth();
  await expect(attendance.monthTotal('Bērziņš', 'N')).toHaveText('1');
  await expect(attendance.monthTotal('Žagare', 'NC')).toHaveText('1');

  // An unsaved edit in the grid, then the menu: asked first, and Cancel keeps the edit.
  const cell = attendance.monthRow('Ozoliņa').locator('td[data-date="2026-11-27"]');
  await cell.click();
  await page.keyboard.press('s');
  await expect(cell).toHaveText('NS');
  await expect(page.getByText('Nesaglabātas izmaiņas: 1')).toBeVisible();
  await layout.open('Grupas žurnāls');
  const leave = page.getByTestId('leave-dialog');
  await expect(leave).toBeVisible();
  await expect(leave).toContainText('Ja aiziesiet, tās zudīs.');
  await snapshot(page, 'daily-use-leave-prompt');
  await leave.getByRole('button', { name: 'Atcelt' }).click();
  await expect(leave).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Mēneša apmeklējums' })).toBeVisible();
  await expect(cell).toHaveText('NS');
  // The month arrows ask too; Cancel keeps November and the edit.
  await page.getByTestId('prev-month').click();
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Atcelt' }).click();
  await expect(page.getByRole('combobox', { name: 'Mēnesis' })).toHaveValue('11.2026');
  await expect(cell).toHaveText('NS');
  // Saved, the same way out no longer asks.
  await page.getByTestId('save-month').click();
  await expect(page.getByText('Nesaglabātas izmaiņas: 1')).toBeHidden();
  await expect(attendance.monthTotal('Ozoliņa', 'NS')).toHaveText('1');
  await snapshot(page, 'daily-use-month-grid');
  await layout.open('Grupas žurnāls');
  await expect(page.getByRole('heading', { name: 'Grupas žurnāls' })).toBeVisible();
  await expect(leave).toBeHidden();

  // An edit left unsaved when the idle logout comes is given back after the same user's login.
  await attendance.openMonth();
  const other = attendance.monthRow('Šmite').locator('td[data-date="2026-11-26"]');
  await other.click();
  await page.keyboard.press('c');
  await expect(other).toHaveText('NC');
  await app.advanceClock(11 * 60);
  const login = new LoginPage(page);
  await expect(login.idleNotice()).toBeVisible();
  await login.login('anna', STAFF_PASSWORD);
  await attendance.openMonth();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(other).toHaveText('NC');
  await expect(page.getByText('Nesaglabātas izmaiņas: 1')).toBeVisible();
});
