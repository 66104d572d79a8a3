import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { AttendancePage, STAFF_PASSWORD, seedKindergarten } from './page-models/attendance';
import { JournalsPage } from './page-models/journals';
import { AppLayout } from './page-models/layout';
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
  const layout = new AppLayout(page);

  // The deputy: Liene substitutes for Anna in «Zīlītes», today only.
  await login.login('dace', STAFF_PASSWORD);
  await substitution.open();
  await substitution.startNew();
  await snapshot(page, 'substitution-dialog');
  await substitution.cancel();
  await substitution.assignToday('3. grupa «Zīlītes»', 'Liene Egle');
  const row = substitution.row('Liene Egle');
  await expect(row).toContainText('Anna Kalniņa');
  await expect(row).toContainText('30.11.2026–30.11.2026');
  await expect(row).toContainText('Notiek');
  await snapshot(page, 'substitution-list');
  await layout.logout();

  // The substitute: the group is hers today; she confirms the day's attendance.
  await login.login('liene', STAFF_PASSWORD);
  await expect(
    page.getByText('Šodien jūs aizvietojat kolēģi: Anna Kalniņa (3. grupa «Zīlītes»).'),
  ).toBeVisible();
  await attendance.openDay();
  await attendance.focusRow('Bērziņš');
  await page.keyboard.press('s');
  await expect(attendance.code('Bērziņš')).toHaveText('NS');
  await attendance.confirmDay();
  // The test clock runs on in real time, so on a loaded machine the minute may have moved.
  await expect(attendance.confirmation()).toHaveText(
    /^Apstiprināja Liene Egle \(aizvieto kolēģi: Anna Kalniņa\) 30\.11\.2026 08:\d\d \(ievadīts laikus\)$/,
  );
  await attendance.openHistory('Bērziņš');
  await expect(attendance.historyRows()).toHaveCount(1);
  await expect(attendance.historyRows().first()).toContainText(
    'Liene Egle (aizvieto kolēģi: Anna Kalniņa)',
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
  await expect(journals.entry('Skaņas «r»')).toContainText(
    'Liene Egle (aizvieto kolēģi: Anna Kalniņa)',
  );
  await snapshot(page, 'substitution-journal');
  await layout.logout();

  // The next day the substitution has ended by itself: no group for Liene.
  await app.advanceClock(24 * 3600);
  await page.reload();
  await login.login('liene', STAFF_PASSWORD);
  await expect(layout.welcome()).toBeVisible();
  await expect(page.getByText(/Šodien jūs aizvietojat/)).toHaveCount(0);
  await attendance.openDay();
  await expect(page.getByText('Šajā datumā jums nav grupu.')).toBeVisible();
  await layout.logout();

  // Anna is back: her home screen names what was entered for her group while she was away.
  await login.login('anna', STAFF_PASSWORD);
  await expect(substitution.notice()).toContainText(
    'Kamēr jūs nebijāt (30.11.2026–30.11.2026), Liene Egle jūsu grupā veica ierakstus: 3.',
  );
  await snapshot(page, 'substitution-notice');
  await substitution.openNoticeEntries();
  const entries = substitution.entryRows();
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('Apmeklējuma atzīmes');
  await expect(entries.nth(0)).toContainText('Liene Egle (aizvieto kolēģi: Anna Kalniņa)');
  await expect(entries.nth(1)).toContainText('Apmeklējums apstiprināts');
  await expect(entries.nth(2)).toContainText('Individuālā darba ieraksts');
  await snapshot(page, 'substitution-entries');
});
