import { ChangePasswordPage, LoginPage, RecoveryKeyPage, SetupPage } from './page-models/auth';
import { expect, snapshot, test } from './fixtures';
import { AppLayout } from './page-models/layout';
import { seedGroup } from './page-models/planning';
import { UsersPage } from './page-models/users';

const HEAD = { fullName: 'Ilze Bērziņa', username: 'ilze', password: 'vadītājas-parole-1' };
const INSTITUTION = { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' };

test('first run, recovery key, lockout, forced password change and idle logout', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const setup = new SetupPage(page);
  const recovery = new RecoveryKeyPage(page);
  const layout = new AppLayout(page);
  const users = new UsersPage(page);
  await snapshot(page, 'first-run');

  // A bad field is refused next to it, and nothing is created.
  await setup.tryRegNo('123');
  await expect(page.getByText('Reģistrācijas numurs ir 11 cipari.')).toBeVisible();

  await setup.fill(INSTITUTION, HEAD);
  await setup.submit();
  await expect(recovery.heading()).toBeVisible();
  await expect(recovery.key()).toHaveText(/^([A-Z2-9]{4}-){12}[A-Z2-9]{4}$/);
  await snapshot(page, 'recovery-key');
  await recovery.confirm();
  await expect(layout.welcome()).toHaveText('Labdien, Ilze Bērziņa!');
  await expect(layout.userRole()).toHaveText('Vadītāja');
  await snapshot(page, 'home');
  await layout.logout();

  // Five wrong passwords lock the name; after the delay (test clock) the right one works.
  const login = new LoginPage(page);
  await expect(login.heading()).toBeVisible();
  await snapshot(page, 'login');
  for (let i = 1; i <= 4; i++) {
    await login.login('ilze', `nepareiza-parole-${i}`);
    await expect(login.formError()).toHaveText('Nepareizs lietotājvārds vai parole.');
  }
  await login.login('ilze', 'nepareiza-parole-5');
  await expect(login.formError()).toHaveText('Konts īslaicīgi bloķēts. Mēģiniet vēlreiz pēc 30 s.');
  await login.login('ilze', HEAD.password);
  await expect(login.formError()).toContainText('Konts īslaicīgi bloķēts');
  await app.advanceClock(31);
  await login.login('ilze', HEAD.password);
  await expect(layout.welcome()).toBeVisible();

  // The head creates a teacher with a temporary password.
  await users.open();
  const dialog = await users.fillNew({
    fullName: 'Anna Kalniņa',
    username: 'anna',
    password: 'anna',
  });
  await users.save();
  await expect(dialog.getByText('Jābūt vismaz 10 rakstzīmēm.')).toBeVisible();
  await users.retypePassword('pagaidu-parole-7');
  await users.save();
  await expect(dialog).toBeHidden();
  await expect(users.cell('Anna Kalniņa', { exact: true })).toBeVisible();
  await expect(page.getByText('Jāmaina pagaidu parole')).toBeVisible();
  await snapshot(page, 'users');
  await layout.logout();

  // The teacher must change the temporary password before anything else.
  const change = new ChangePasswordPage(page);
  await login.login('anna', 'pagaidu-parole-7');
  await expect(change.forced()).toBeVisible();
  await change.fill('pagaidu-parole-7', 'annas-jauna-parole');
  await snapshot(page, 'change-password');
  await change.submit();
  await expect(layout.welcome()).toHaveText('Labdien, Anna Kalniņa!');
  await expect(layout.link('Lietotāji')).toHaveCount(0);

  // Eleven idle minutes later the backend closes the register and the UI says why.
  await app.advanceClock(11 * 60);
  await expect(login.idleNotice()).toBeVisible();
  await expect(login.heading()).toBeVisible();
  expect(await app.api('app.state')).toMatchObject({ phase: 'locked' });
});

test('the language can be switched to English on the login screen', async ({ page, app }) => {
  await page.goto(app.url);
  const login = new LoginPage(page);
  const setup = new SetupPage(page);
  await login.switchLanguage('English');
  await expect(setup.heading('Setting up the institution')).toBeVisible();
  await login.switchLanguage('Latviešu');
  await expect(setup.heading()).toBeVisible();
});

test('a dialog keeps what is typed while it is still opening', async ({ page, app }) => {
  await seedGroup(app, []);
  await page.goto(app.url);
  await new LoginPage(page).login('ilze', HEAD.password);
  const users = new UsersPage(page);
  await users.open();
  // She types at once, a key every 50 ms, while the dialog's opening animation still runs; its
  // end used to move the focus to the close button, where the next space closed the dialog.
  await users.startNew();
  const name = users.newUserName();
  await name.pressSequentially('Jānis Ozols-Bērziņš', { delay: 50 });
  await expect(name).toHaveValue('Jānis Ozols-Bērziņš');
  await expect(name).toBeFocused();
});
