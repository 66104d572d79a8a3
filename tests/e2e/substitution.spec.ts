import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { AttendancePage, STAFF_PASSWORD, seedKindergarten } from './page-models/attendance';
import { JournalsPage } from './page-models/journals';
import { SubstitutionPage } from './page-models/substitution';

// 08:15 in Riga on Monday 30 November 2026 (UTC+2): Anna is ill today.
test.use({ now: '2026-11-30T06:15:00Z' });
test.setTimeout(180_000);

test('the deputy assigns a substitute for today; her entries read "aizvieto"; the next day the group is gone; Anna sees what was entered', async ({
  page,
  app,
}) => {
  await seedKindergarten(app, [
    ['Elza', 'Ozoliņa', '2022-03-14'],
    ['Jānis', 'Bērziņš', '2022-05-02'],
  ]);
  // A second teacher, with her own password already set.
  await app.api('auth.login', { username: 'ilze', password: 'vadītājas-parole-1' });
  await app.api('users.create', {
    username: 'liene',
    fullName: 'Liene Egle',
    role: 'teacher',
    temporaryPassword: 'pagaidu-parole-1',
  });
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'liene', password: 'pagaidu-parole-1' });
  await app.api('auth.changePassword', {
    currentPassword: 'pagaidu-parole-1',
    newPassword: STAFF_PASSWORD,
    newPasswordRepeat: STAFF_PASSWORD,
  });
  await app.api('auth.logout');

  await page.goto(app.url);
  const login = new LoginPage(page);
  const substitution = new SubstitutionPage(page);
  const attendance = new AttendancePage(page);

  // The deputy: Liene substitutes for Anna in «Zīlītes», today only.
  await login.login('dace', STAFF_PASSWORD);
  await substitution.open();
  await page.getByTestId('add-substitution').click();
  await snapshot(page, 'substitution-dialog');
  await page.getByRole('button', { name: 'Atcelt' }).click();
  await substitution.assignToday('3. grupa «Zīlītes»', 'Liene Egle');
  const row = substitution.row('Liene Egle');
  await expect(row).toContainText('Anna Kalniņa');
  await expect(row).toContainText('30.11.2026–30.11.2026');
  await expect(row).toContainText('Notiek');
  await snapshot(page, 'substitution-list');
  await page.getByTestId('logout').click();

  // The substitute: the group is hers today; she confirms the day's attendance.
  await login.login('liene', STAFF_PASSWORD);
  await expect(
    page.getByText('Šodien jūs aizvietojat Anna Kalniņa grupā 3. grupa «Zīlītes».'),
  ).toBeVisible();
  await attendance.openDay();
  await attendance.row('Bērziņš').focus();
  await page.keyboard.press('s');
  await expect(attendance.row('Bērziņš').getByTestId('code')).toHaveText('NS');
  await page.getByTestId('confirm-day').click();
  // The test clock runs on in real time, so on a loaded machine the minute may have moved.
  await expect(page.getByTestId('confirmation')).toHaveText(
    /^Apstiprināja Liene Egle \(aizvieto Anna Kalniņa\) 30\.11\.2026 08:\d\d \(ievadīts laikus\)$/,
  );
  await attendance.row('Bērziņš').getByRole('button', { name: 'Vēsture' }).click();
  const history = page.getByTestId('history');
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history.locator('tbody tr').first()).toContainText(
    'Liene Egle (aizvieto Anna Kalniņa)',
  );
  await snapshot(page, 'substitution-history');
  await page.keyboard.press('Escape');
  // …and writes an individual work entry about a child of the colleague's group.
  const journals = new JournalsPage(page);
  await journals.open();
  await journals.addEntry({
    child: 'Elza Ozoliņa',
    kind: 'Individuālais darbs',
    content: 'Skaņas «r» vingrinājumi ar spoguli.',
  });
  await expect(
    page.getByTestId('entries').getByRole('row').filter({ hasText: 'Skaņas «r»' }),
  ).toContainText('Liene Egle (aizvieto Anna Kalniņa)');
  await snapshot(page, 'substitution-journal');
  await page.getByTestId('logout').click();

  // The next day the substitution has ended by itself: no group for Liene.
  await app.advanceClock(24 * 3600);
  await page.reload();
  await login.login('liene', STAFF_PASSWORD);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByText(/Šodien jūs aizvietojat/)).toHaveCount(0);
  await attendance.openDay();
  await expect(page.getByText('Šajā datumā jums nav grupu.')).toBeVisible();
  await page.getByTestId('logout').click();

  // Anna is back: her home screen names what was entered for her group while she was away.
  await login.login('anna', STAFF_PASSWORD);
  const notice = page.getByTestId('substitution-notice');
  await expect(notice).toContainText(
    'Kamēr jūs nebijāt (30.11.2026–30.11.2026), Liene Egle jūsu grupā veica ierakstus: 3.',
  );
  await snapshot(page, 'substitution-notice');
  await notice.getByRole('link', { name: 'Skatīt ierakstus' }).click();
  const entries = page.getByTestId('substitution-entries');
  await expect(entries.locator('tbody tr')).toHaveCount(3);
  await expect(entries.locator('tbody tr').nth(0)).toContainText('Apmeklējuma atzīmes');
  await expect(entries.locator('tbody tr').nth(0)).toContainText(
    'Liene Egle (aizvieto Anna Kalniņa)',
  );
  await expect(entries.locator('tbody tr').nth(1)).toContainText('Apmeklējums apstiprināts');
  await expect(entries.locator('tbody tr').nth(2)).toContainText('Individuālā darba ieraksts');
  await snapshot(page, 'substitution-entries');
});
