import { expect, formDialog, snapshot, test } from './fixtures';
import { LoginPage, SetupPage } from './page-models/auth';
import { changeTemporaryPassword, PeoplePages } from './page-models/people';
import { importCsv, personalCode } from './page-models/people-data';

const HEAD = { fullName: 'Ilze Bērziņa', username: 'ilze', password: 'vadītājas-parole-1' };
const INSTITUTION = { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' };
const TEMP = 'pagaidu-parole-7';

test('the deputy registers groups, children, parents, applications and an import; a teacher sees her group only', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000); // one long story: setup, two logins, a 30-row import
  await page.goto(app.url);
  const setup = new SetupPage(page);
  await setup.fill(INSTITUTION, HEAD);
  await setup.submit();
  await page.getByLabel('Esmu atslēgu saglabājusi drošā vietā').check();
  await page.getByRole('button', { name: 'Apstiprināt' }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  // The head makes the deputy's and a teacher's accounts (the UI flow is in platform.spec).
  await app.api('users.create', {
    username: 'dace',
    fullName: 'Dace Liepiņa',
    role: 'deputy',
    temporaryPassword: TEMP,
  });
  await app.api('users.create', {
    username: 'anna',
    fullName: 'Anna Kalniņa',
    role: 'teacher',
    temporaryPassword: TEMP,
  });
  await page.getByRole('link', { name: 'Iestatījumi', exact: true }).click();
  await expect(page.getByLabel('Apmeklējuma ievades termiņš (hh:mm)')).toHaveValue('09:00');
  await snapshot(page, 'people-settings');
  await page.getByTestId('logout').click();

  const login = new LoginPage(page);
  await login.login('dace', TEMP);
  await changeTemporaryPassword(page, TEMP, 'daces-jauna-parole');
  const people = new PeoplePages(page);

  // A group, with the teacher assigned.
  await people.open('Grupas');
  await people.createGroup('3', 'Zīlītes');
  await expect(page.getByRole('cell', { name: '3. grupa «Zīlītes»', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Piesaistīt skolotāju' }).click();
  await formDialog(page).getByLabel('Skolotājs').click();
  await people.choose('Anna Kalniņa');
  await formDialog(page).getByRole('button', { name: 'Saglabāt' }).click();
  await expect(page.getByText(/Anna Kalniņa \(30\.11\.2026–bez beigu datuma\)/)).toBeVisible();
  await people.createGroup('4', 'Vāverītes');
  await snapshot(page, 'people-groups');

  // A child with a wrong check digit is refused next to the field, and nothing is saved.
  await people.open('Bērni');
  await page.getByTestId('add-child').click();
  await people.fillChild(
    { firstName: 'Jānis', lastName: 'Bērziņš', code: '120785-12348' },
    '3. grupa «Zīlītes»',
  );
  await formDialog(page).getByRole('button', { name: 'Saglabāt' }).click();
  await expect(page.getByText('Personas koda kontrolcipars nav pareizs.')).toBeVisible();
  await snapshot(page, 'people-child-invalid');
  expect(await app.api('children.list', { includeLeft: true })).toHaveLength(0);
  await formDialog(page).getByLabel('Personas kods').fill('12078512347');
  await formDialog(page).getByRole('button', { name: 'Saglabāt' }).click();

  // The child's record opens; the deputy adds a parent.
  const detail = page.getByTestId('child-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('child-code')).toHaveText('120785-*****');
  await page.getByTestId('add-guardian').click();
  const guardian = page.getByRole('dialog', { name: 'Vecāks vai likumiskais pārstāvis' });
  await guardian.getByLabel('Vārds', { exact: true }).fill('Ieva');
  await guardian.getByLabel('Uzvārds').fill('Bērziņa');
  await guardian.getByLabel('Mobilais tālrunis').fill('2612 345');
  await guardian.getByRole('button', { name: 'Saglabāt' }).click();
  await expect(
    guardian.getByText('Tālrunis: 8 cipari (Latvijā) vai starptautisks numurs ar + sākumā.'),
  ).toBeVisible();
  await guardian.getByLabel('Mobilais tālrunis').fill('2612 3456');
  await guardian.getByText('E-žurnāla lietošana un ziņas').click();
  await guardian.getByRole('button', { name: 'Saglabāt' }).click();
  await expect(guardian).toBeHidden();
  await expect(page.getByTestId('child-guardians')).toContainText('Ieva Bērziņa (māte), 26123456');
  await page.getByRole('button', { name: 'Parādīt kodu' }).click();
  await expect(page.getByTestId('child-code')).toHaveText('120785-12347');
  await snapshot(page, 'people-child-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // Search ignores diacritics.
  await page.getByTestId('child-search').fill('berzins');
  await expect(page.getByRole('cell', { name: 'Bērziņš', exact: true })).toBeVisible();
  await snapshot(page, 'people-children');

  // A parent's application: registered, then connected.
  await people.open('Iesniegumi');
  await page.getByTestId('add-application').click();
  const form = formDialog(page);
  await form.getByLabel('Vecāka vārds, uzvārds').fill('Ivars Bērziņš');
  await form.getByLabel('Mobilā tālruņa Nr.').fill('+371 2999 8888');
  await people.suggest(form.getByLabel('Bērns'), 'berz', /Jānis Bērziņš/);
  await form.getByRole('button', { name: 'Saglabāt' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /Ivars Bērziņš/ });
  await expect(row.getByTestId('application-status')).toHaveText('Saņemts');
  await expect(row).toContainText('07.12.2026');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('blank-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toBe('iesniegums-pielikums-nr1.pdf');
  await snapshot(page, 'people-applications');
  await row.getByRole('button', { name: 'Pieslēgt' }).click();
  await formDialog(page).getByLabel('Radniecība').click();
  await people.choose('tēvs');
  await formDialog(page).getByRole('button', { name: 'Pieslēgt' }).click();
  await expect(row.getByTestId('application-status')).toHaveText('Pieslēgts');

  // Import: 30 rows, 2 bad ones with their reasons; 28 children after confirming.
  await expect(formDialog(page)).toHaveCount(0);
  await people.open('Imports');
  await expect(page.getByRole('heading', { name: 'Bērnu un vecāku imports' })).toBeVisible();
  await page.getByTestId('import-file').setInputFiles({
    name: 'berni.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(importCsv(30, '4')),
  });
  await expect(page.getByTestId('import-summary')).toHaveText(
    'Rindas: 30, derīgas: 28, ar kļūdām: 2.',
  );
  await page.getByLabel('Rādīt tikai kļūdainās').check();
  await expect(
    page.getByText('Personas kods: Personas koda kontrolcipars nav pareizs.'),
  ).toBeVisible();
  await expect(page.getByText('Grupa: nav tādas grupas: “42”.')).toBeVisible();
  await snapshot(page, 'people-import-preview');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText('Importēti 28 bērni.')).toBeVisible();
  await people.open('Bērni');
  await page.getByTestId('group-filter').click();
  await people.choose('4. grupa «Vāverītes»');
  await expect(page.getByTestId('child-count')).toHaveText('Bērnu skaits: 28');

  // A parent has more than one child: Ieva is linked to a second child; the child is renamed.
  await page.getByTestId('add-child').click();
  await people.fillChild(
    { firstName: 'Līga', lastName: 'Bērziņa', code: personalCode(5, 3, 99) },
    '4. grupa «Vāverītes»',
  );
  await formDialog(page).getByRole('button', { name: 'Saglabāt' }).click();
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('child-guardians')).not.toContainText('Ieva Bērziņa');
  await people.linkGuardian('ieva', /Ieva Bērziņa/);
  await expect(page.getByTestId('child-guardians')).toContainText('Ieva Bērziņa (māte), 26123456');
  await snapshot(page, 'people-link-guardian');
  await people.renameChild('Līva');
  await expect(page.getByRole('dialog', { name: 'Līva Bērziņa' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.getByTestId('child-search').fill('liva');
  await expect(page.getByRole('cell', { name: 'Līva', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Līga', exact: true })).toHaveCount(0);
  await page.getByTestId('logout').click();

  // The teacher sees her own group only, with masked codes.
  await login.login('anna', TEMP);
  await changeTemporaryPassword(page, TEMP, 'annas-jauna-parole');
  await people.open('Grupas');
  await expect(page.getByRole('cell', { name: '3. grupa «Zīlītes»', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '4. grupa «Vāverītes»', exact: true })).toHaveCount(
    0,
  );
  await expect(page.getByTestId('add-group')).toHaveCount(0);
  await people.open('Bērni');
  await expect(page.getByTestId('child-count')).toHaveText('Bērnu skaits: 1');
  await expect(page.getByRole('cell', { name: '120785-*****', exact: true })).toBeVisible();
  await expect(page.getByText('120785-12347')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Imports' })).toHaveCount(0);
  await snapshot(page, 'people-teacher-children');
});
