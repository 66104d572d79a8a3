import { expect, snapshot, test } from './fixtures';
import { AttendancePage } from './page-models/attendance';
import { LoginPage } from './page-models/auth';
import { AppLayout } from './page-models/layout';
import { OverviewPage, STAFF_PASSWORD, seedHistory } from './page-models/overview';

// Wednesday 4 November 2026, 08:30 in Riga; «Zīlītes» never confirmed Wednesday 21 October.
test.use({ now: '2026-11-04T06:30:00Z', viewport: { width: 1366, height: 768 } });
test.setTimeout(180_000); // the seed's accounts cost a full key derivation each

test("a teacher at 08:30 sees today's attendance on her home screen, confirms it, and it is gone", async ({
  page,
  app,
}) => {
  await seedHistory(app, '2026-11-04', '2026-10-21');
  await page.goto(app.url);
  await new LoginPage(page).login('anna', STAFF_PASSWORD);
  const o = new OverviewPage(page);
  const today = o.dueItem('Apstiprināt apmeklējumu: Zīlītes, 04.11.2026');
  await expect(today).toContainText('Termiņš 04.11.2026 09:00');
  await expect(today).toContainText(/vēl (2\d|30) min/);
  const missed = o.dueItem('Apstiprināt apmeklējumu: Zīlītes, 21.10.2026');
  await expect(missed).toContainText('Nokavēts');
  // Soonest first: the missed day above this morning's.
  await expect(o.dueList().getByRole('listitem').first()).toContainText('21.10.2026');
  await snapshot(page, 'overview-home-teacher');

  // By keyboard: the line is a link; Enter opens the group's day.
  await today.getByRole('link').focus();
  await page.keyboard.press('Enter');
  const day = new AttendancePage(page);
  await expect(day.confirmButton()).toBeVisible();
  await day.confirmDay();
  await expect(day.confirmation()).toContainText('Anna Kalniņa');

  const layout = new AppLayout(page);
  await layout.open('Sākums');
  await expect(missed).toBeVisible();
  await expect(today).toHaveCount(0);

  // Every other role sees her own list (the head's is in the supervision spec).
  const login = new LoginPage(page);
  await layout.logout();
  await login.login('marta', STAFF_PASSWORD);
  await expect(o.dueItem('Pārbaudīt dienas apmeklējumu: 04.11.2026 (grupas: 1)')).toBeVisible();
  await expect(o.dueList().getByRole('listitem')).toHaveCount(1);
  await snapshot(page, 'overview-home-nurse');
  await layout.logout();
  await login.login('dace', STAFF_PASSWORD);
  // November's topic started on Sunday: its check is due on Friday 6 November.
  await expect(o.dueItem('Pārbaudīt žurnālu: Zīlītes, temats «Temats 2026-11»')).toContainText(
    'Termiņš 06.11.2026',
  );
  await expect(o.dueItem('Dienasgrāmata')).toBeVisible();
  await snapshot(page, 'overview-home-deputy');
});
