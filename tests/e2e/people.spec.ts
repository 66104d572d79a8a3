import { expect, snapshot, test } from './fixtures';
import { LoginPage, RecoveryKeyPage, SetupPage } from './page-models/auth';
import { AppLayout } from './page-models/layout';
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
  await new RecoveryKeyPage(page).confirm();
  const layout = new AppLayout(page);
  const people = new PeoplePages(page);
  await expect(layout.welcome()).toBeVisible();
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
  await people.openSettings();
  await expect(people.deadlineField()).toHaveValue('09:00');
  await snapshot(page, 'people-settings');
  await layout.logout();

  const login = new LoginPage(page);
  await login.login('dace', TEMP);
  await changeTemporaryPassword(page, TEMP, 'daces-jauna-parole');

  // A group, with the teacher assigned.
  await people.open('Grupas');
  await people.createGroup('3', 'Zīlītes');
  await expect(people.cell('3. grupa «Zīlītes»', { exact: true })).toBeVisible();
  await people.assignTeacher('Anna Kalniņa');
  await expect(page.getByText(/Anna Kalniņa \(30\.11\.2026–bez beigu datuma\)/)).toBeVisible();
  await people.createGroup('4', 'Vāverītes');
  await snapshot(page, 'people-groups');

  // A child with a wrong check digit is refused next to the field, and nothing is saved.
  await people.open('Bērni');
  await people.startChild();
  await people.fillChild(
    { firstName: 'Jānis', lastName: 'Bērziņš', code: '120785-12348' },
    '3. grupa «Zīlītes»',
  );
  await people.save();
  await expect(page.getByText('Personas koda kontrolcipars nav pareizs.')).toBeVisible();
  await snapshot(page, 'people-child-invalid');
  expect((await app.api('children.list', { includeLeft: true })).rows).toHaveLength(0);
  await people.field('Personas kods').fill('12078512347');
  await people.save();

  // The child's record opens; the deputy adds a parent.
  const detail = people.childDetail();
  await expect(detail).toBeVisible();
  await expect(people.childCode()).toHaveText('120785-*****');
  const guardian = await people.fillGuardian({
    firstName: 'Ieva',
    lastName: 'Bērziņa',
    phone: '2612 345',
  });
  await people.saveGuardian();
  await expect(
    guardian.getByText('Tālrunis: 8 cipari (Latvijā) vai starptautisks numurs ar + sākumā.'),
  ).toBeVisible();
  await people.retypeGuardianPhone('2612 3456');
  await guardian.getByText('E-žurnāla lietošana un ziņas').click();
  await people.saveGuardian();
  await expect(guardian).toBeHidden();
  await expect(people.childGuardians()).toContainText('Ieva Bērziņa (māte), 26123456');
  await people.showCode();
  await expect(people.childCode()).toHaveText('120785-12347');
  await snapshot(page, 'people-child-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // Search ignores diacritics.
  await people.searchChildren('berzins');
  await expect(people.cell('Bērziņš', { exact: true })).toBeVisible();
  await snapshot(page, 'people-children');

  // A parent's application: registered, then connected.
  await people.open('Iesniegumi');
  const form = await people.fillApplication({
    parent: 'Ivars Bērziņš',
    phone: '+371 2999 8888',
    search: 'berz',
    child: /Jānis Bērziņš/,
  });
  await people.save();
  await expect(form).toBeHidden();
  await expect(people.applicationStatus('Ivars Bērziņš')).toHaveText('Saņemts');
  await expect(people.application('Ivars Bērziņš')).toContainText('07.12.2026');
  const download = await people.downloadBlankForm();
  expect(download.suggestedFilename()).toBe('iesniegums-pielikums-nr1.pdf');
  await snapshot(page, 'people-applications');
  await people.connect('Ivars Bērziņš', 'tēvs');
  await expect(people.applicationStatus('Ivars Bērziņš')).toHaveText('Pieslēgts');

  // Import: 30 rows, 2 bad ones with their reasons; 28 children after confirming.
  await expect(people.dialog()).toHaveCount(0);
  await people.open('Imports');
  await expect(people.importHeading()).toBeVisible();
  await people.chooseImportFile('berni.csv', importCsv(30, '4'));
  await expect(people.importSummary()).toHaveText('Rindas: 30, derīgas: 28, ar kļūdām: 2.');
  await people.showImportErrorsOnly();
  await expect(
    page.getByText('Personas kods: Personas koda kontrolcipars nav pareizs.'),
  ).toBeVisible();
  await expect(page.getByText('Grupa: nav tādas grupas: “42”.')).toBeVisible();
  await snapshot(page, 'people-import-preview');
  await people.confirmImport();
  await expect(page.getByText('Importēti 28 bērni.')).toBeVisible();
  await people.open('Bērni');
  await people.filterGroup('4. grupa «Vāverītes»');
  await expect(people.childCount()).toHaveText('Bērnu skaits: 28');

  // A parent has more than one child: Ieva is linked to a second child; the child is renamed.
  await people.startChild();
  await people.fillChild(
    { firstName: 'Līga', lastName: 'Bērziņa', code: personalCode(5, 3, 99) },
    '4. grupa «Vāverītes»',
  );
  await people.save();
  await expect(detail).toBeVisible();
  await expect(people.childGuardians()).not.toContainText('Ieva Bērziņa');
  await people.linkGuardian('ieva', /Ieva Bērziņa/);
  await expect(people.childGuardians()).toContainText('Ieva Bērziņa (māte), 26123456');
  await snapshot(page, 'people-link-guardian');
  await people.renameChild('Līva');
  await expect(people.dialogNamed('Līva Bērziņa')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await people.searchChildren('liva');
  await expect(people.cell('Līva', { exact: true })).toBeVisible();
  await expect(people.cell('Līga', { exact: true })).toHaveCount(0);
  await layout.logout();

  // The teacher sees her own group only, with masked codes.
  await login.login('anna', TEMP);
  await changeTemporaryPassword(page, TEMP, 'annas-jauna-parole');
  await people.open('Grupas');
  await expect(people.cell('3. grupa «Zīlītes»', { exact: true })).toBeVisible();
  await expect(people.cell('4. grupa «Vāverītes»', { exact: true })).toHaveCount(0);
  await expect(people.addGroupButton()).toHaveCount(0);
  await people.open('Bērni');
  await expect(people.childCount()).toHaveText('Bērnu skaits: 1');
  await expect(people.cell('120785-*****', { exact: true })).toBeVisible();
  await expect(page.getByText('120785-12347')).toHaveCount(0);
  await expect(layout.link('Imports')).toHaveCount(0);
  await snapshot(page, 'people-teacher-children');
});
