import { expect, formDialog, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
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
  await page.getByRole('link', { name: 'Dienasgrāmata' }).click();
  await expect(
    page.getByRole('heading', { name: 'Vadītāja vietnieka dienasgrāmata' }),
  ).toBeVisible();
  await expect(page.getByText('Šajā mēnesī ierakstu nav.')).toBeVisible();
  await s.diaryEntry({
    date: '10.12.2026',
    kind: 'Informatīvā sanāksme',
    participants: 'Grupu skolotājas',
    content: 'Ziemassvētku pasākuma plāns un pienākumu sadale.',
  });
  await snapshot(page, 'supervision-diary-dialog');
  // The calendar speaks Latvian too, to a screen reader as well.
  const date = page.getByLabel('Datums', { exact: true });
  await date.focus();
  const calendar = page.getByRole('dialog', { name: 'Izvēlēties datumu' });
  await expect(calendar.getByRole('button', { name: 'Iepriekšējais mēnesis' })).toBeVisible();
  await expect(calendar).toContainText('decembris');
  await date.press('Escape');
  await expect(calendar).toBeHidden();
  await page.getByTestId('diary-save').click();
  const table = page.getByTestId('diary-table');
  await expect(table).toContainText('Ziemassvētku pasākuma plāns un pienākumu sadale.');

  // A future day is refused next to the field; yesterday is accepted and late.
  await s.diaryEntry({
    date: '11.12.2026',
    kind: 'Rotaļnodarbības vērojums',
    participants: '«Zīlītes», Anna Kalniņa',
    content: 'Rotaļnodarbība “Sniegpārslas”: bērni skaita un salīdzina.',
  });
  await page.getByTestId('diary-save').click();
  await expect(page.getByText('Datums nevar būt nākotnē.')).toBeVisible();
  await s.date('Datums', '09.12.2026');
  await page.getByTestId('diary-save').click();
  await expect(formDialog(page)).toBeHidden();
  const late = table.getByRole('row').filter({ hasText: 'Sniegpārslas' });
  await expect(late).toContainText('09.12.2026');
  await expect(late).toContainText('Ievadīts novēloti');
  await expect(
    table.getByRole('row').filter({ hasText: 'Ziemassvētku' }).getByText('Ievadīts novēloti'),
  ).toHaveCount(0);
  await snapshot(page, 'supervision-diary');

  // The journal checks: «Ziema» started without a check.
  await page.getByRole('link', { name: 'Žurnālu pārbaudes' }).click();
  await expect(page.getByRole('heading', { name: 'Temati bez pārbaudes' })).toBeVisible();
  const unchecked = page.getByTestId('unchecked');
  await expect(unchecked).toContainText('Zīlītes');
  await expect(unchecked).toContainText('Ziema');
  await expect(unchecked).toContainText('07.12.2026');
  await snapshot(page, 'supervision-checks-deputy');
  await unchecked.getByRole('button', { name: 'Ierakstīt pārbaudi: Zīlītes, Ziema' }).click();

  // The form opens with the group and topic chosen; a correction date before the check is refused.
  await expect(page.getByRole('combobox', { name: 'Grupa' })).toHaveText('Zīlītes');
  await expect(page.getByRole('combobox', { name: 'Temats' })).toContainText('Ziema');
  await s.fillCheck({
    findings: 'Plāns iesniegts laikus; apmeklējums ievadīts katru dienu.',
    recommendations: 'Papildināt sadarbību ar vecākiem.',
    correction: '09.12.2026',
  });
  await page.getByTestId('check-save').click();
  await expect(page.getByText('Labojumu termiņš nevar būt pirms pārbaudes datuma.')).toBeVisible();
  await snapshot(page, 'supervision-check-dialog');
  await s.date('Labot līdz', '18.12.2026');
  await page.getByTestId('check-save').click();
  await expect(formDialog(page)).toBeHidden();

  // The topic leaves the list; the check is in the table.
  await expect(page.getByTestId('unchecked-empty')).toHaveText('Visi sāktie temati ir pārbaudīti.');
  const checks = page.getByTestId('checks');
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
  await page.getByRole('link', { name: 'Dienasgrāmata' }).click();
  await expect(page.getByText('Jūs varat ierakstus skatīt, bet ne labot.')).toBeVisible();
  await expect(page.getByTestId('add-entry')).toHaveCount(0);

  await page.getByRole('link', { name: 'Žurnālu pārbaudes' }).click();
  const count = page.getByTestId('head-count');
  await expect(count).toContainText('Šajā mācību gadā: 0 no 2 pārbaudēm');
  await expect(count).toContainText('01.09.2026–31.08.2027');
  await page.getByTestId('add-check').click();
  await expect(page.getByRole('dialog', { name: 'Jauna žurnāla pārbaude' })).toBeVisible();
  // Empty form: the required fields say so.
  await page.getByTestId('check-save').click();
  await expect(page.getByText('Obligāti aizpildāms lauks.').first()).toBeVisible();
  await s.choose('Grupa', 'Zīlītes');
  await s.choose('Temats', /Ziema \(07\.12\.2026–18\.12\.2026\)/);
  await s.fillCheck({
    findings: 'Vērtējumi par iepriekšējo tematu ievadīti laikus.',
    recommendations: 'Individuālo sarunu ierakstos norādīt sarunas tēmu.',
    correction: '22.12.2026',
  });
  await snapshot(page, 'supervision-check-dialog-head');
  await page.getByTestId('check-save').click();
  await expect(formDialog(page)).toBeHidden();
  await expect(count).toContainText('Šajā mācību gadā: 1 no 2 pārbaudēm');
  await expect(page.getByTestId('checks')).toContainText('Ilze Bērziņa');
  await snapshot(page, 'supervision-checks-head');

  // The group's teacher reads what to correct, and cannot add a check.
  await page.getByTestId('logout').click();
  await new LoginPage(page).login('anna', STAFF_PASSWORD);
  await expect(page.getByRole('link', { name: 'Dienasgrāmata' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Žurnālu pārbaudes' }).click();
  await expect(page.getByTestId('checks')).toContainText(
    'Individuālo sarunu ierakstos norādīt sarunas tēmu.',
  );
  await expect(page.getByTestId('add-check')).toHaveCount(0);
  await snapshot(page, 'supervision-checks-teacher');
});
