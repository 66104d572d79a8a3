import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { AppLayout } from './page-models/layout';
import { STAFF_PASSWORD, SupervisionPage, seedSupervision } from './page-models/supervision';

// Thursday 10 December 2026, 10:00 in Riga; «Ziema» started on Monday 7 December.
test.use({ now: '2026-12-10T08:00:00Z' });

test('the deputy keeps her diary and checks the journal of a topic that started', async ({
  page,
  app,
}) => {
  await seedSupervision(app);
  await page.goto(app.url);
  await new LoginPage(page).login('dace', STAFF_PASSWORD);
  const s = new SupervisionPage(page);

  // The diary: today's entry is on time, yesterday's is flagged late.
  await s.openDiary();
  await expect(s.diaryHeading()).toBeVisible();
  await expect(page.getByText('Šajā mēnesī ierakstu nav.')).toBeVisible();
  await s.diaryEntry({
    date: '10.12.2026',
    kind: 'Informatīvā sanāksme',
    participants: 'Grupu skolotājas',
    content: 'Ziemassvētku pasākuma plāns un pienākumu sadale.',
  });
  await snapshot(page, 'supervision-diary-dialog');
  // The calendar speaks Latvian too, to a screen reader as well.
  const date = s.dateField('Datums');
  await date.focus();
  await expect(s.previousMonthButton()).toBeVisible();
  await expect(s.calendar()).toContainText('decembris');
  await date.press('Escape');
  await expect(s.calendar()).toBeHidden();
  await s.saveDiary();
  await expect(s.diaryTable()).toContainText('Ziemassvētku pasākuma plāns un pienākumu sadale.');

  // A future day is refused next to the field; yesterday is accepted and late.
  await s.diaryEntry({
    date: '11.12.2026',
    kind: 'Rotaļnodarbības vērojums',
    participants: '«Zīlītes», Anna Kalniņa',
    content: 'Rotaļnodarbība “Sniegpārslas”: bērni skaita un salīdzina.',
  });
  await s.saveDiary();
  await expect(page.getByText('Datums nevar būt nākotnē.')).toBeVisible();
  await s.date('Datums', '09.12.2026');
  await s.saveDiary();
  await expect(s.dialog()).toBeHidden();
  const late = s.diaryRow('Sniegpārslas');
  await expect(late).toContainText('09.12.2026');
  await expect(late).toContainText('Ievadīts novēloti');
  await expect(s.diaryRow('Ziemassvētku').getByText('Ievadīts novēloti')).toHaveCount(0);
  await snapshot(page, 'supervision-diary');

  // The journal checks: «Ziema» started without a check.
  await s.openChecks();
  await expect(s.uncheckedHeading()).toBeVisible();
  const unchecked = s.unchecked();
  await expect(unchecked).toContainText('Zīlītes');
  await expect(unchecked).toContainText('Ziema');
  await expect(unchecked).toContainText('07.12.2026');
  await snapshot(page, 'supervision-checks-deputy');
  await s.checkTopic('Zīlītes', 'Ziema');

  // The form opens with the group and topic chosen; a correction date before the check is refused.
  await expect(s.select('Grupa')).toHaveText('Zīlītes');
  await expect(s.select('Temats')).toContainText('Ziema');
  await s.fillCheck({
    findings: 'Plāns iesniegts laikus; apmeklējums ievadīts katru dienu.',
    recommendations: 'Papildināt sadarbību ar vecākiem.',
    correction: '09.12.2026',
  });
  await s.saveCheck();
  await expect(page.getByText('Labojumu termiņš nevar būt pirms pārbaudes datuma.')).toBeVisible();
  await snapshot(page, 'supervision-check-dialog');
  await s.date('Labot līdz', '18.12.2026');
  await s.saveCheck();
  await expect(s.dialog()).toBeHidden();

  // The topic leaves the list; the check is in the table.
  await expect(s.uncheckedEmpty()).toHaveText('Visi sāktie temati ir pārbaudīti.');
  const checks = s.checks();
  await expect(checks).toContainText('Papildināt sadarbību ar vecākiem.');
  await expect(checks).toContainText('18.12.2026');
  await expect(checks).toContainText('Dace Vītola');
  await snapshot(page, 'supervision-checks-deputy-done');
});

test('the head records her check and sees it counted; the teacher reads it', async ({
  page,
  app,
}) => {
  await seedSupervision(app);
  await page.goto(app.url);
  await new LoginPage(page).login('ilze', 'vadītājas-parole-1');
  const s = new SupervisionPage(page);

  // The diary is hers to read only.
  await s.openDiary();
  await expect(page.getByText('Jūs varat ierakstus skatīt, bet ne labot.')).toBeVisible();
  await expect(s.addEntryButton()).toHaveCount(0);

  await s.openChecks();
  const count = s.headCount();
  await expect(count).toContainText('Šajā mācību gadā: 0 no 2 pārbaudēm');
  await expect(count).toContainText('01.09.2026–31.08.2027');
  await s.startCheck();
  // Empty form: the required fields say so.
  await s.saveCheck();
  await expect(page.getByText('Obligāti aizpildāms lauks.').first()).toBeVisible();
  await s.choose('Grupa', 'Zīlītes');
  await s.choose('Temats', /Ziema \(07\.12\.2026–18\.12\.2026\)/);
  await s.fillCheck({
    findings: 'Vērtējumi par iepriekšējo tematu ievadīti laikus.',
    recommendations: 'Individuālo sarunu ierakstos norādīt sarunas tēmu.',
    correction: '22.12.2026',
  });
  await snapshot(page, 'supervision-check-dialog-head');
  await s.saveCheck();
  await expect(s.dialog()).toBeHidden();
  await expect(count).toContainText('Šajā mācību gadā: 1 no 2 pārbaudēm');
  await expect(s.checks()).toContainText('Ilze Bērziņa');
  await snapshot(page, 'supervision-checks-head');

  // The group's teacher reads what to correct, and cannot add a check.
  await new AppLayout(page).logout();
  await new LoginPage(page).login('anna', STAFF_PASSWORD);
  await expect(s.diaryLink()).toHaveCount(0);
  await s.openChecks();
  await expect(s.checks()).toContainText('Individuālo sarunu ierakstos norādīt sarunas tēmu.');
  await expect(s.addCheckButton()).toHaveCount(0);
  await snapshot(page, 'supervision-checks-teacher');
});
