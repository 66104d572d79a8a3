import { LoginPage, SetupPage } from './page-models/auth';
import { expect, formDialog, snapshot, test } from './fixtures';
import { seedGroup } from './page-models/planning';

const HEAD = { fullName: 'Ilze Bērziņa', username: 'ilze', password: 'vadītājas-parole-1' };
const INSTITUTION = { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' };

test('first run, recovery key, lockout, forced password change and idle logout', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const setup = new SetupPage(page);
  await snapshot(page, 'first-run');

  // A bad field is refused next to it, and nothing is created.
  await page.getByLabel('Reģistrācijas numurs').fill('123');
  await page.getByRole('button', { name: 'Tālāk' }).click();
  await expect(page.getByText('Reģistrācijas numurs ir 11 cipari.')).toBeVisible();

  await setup.fill(INSTITUTION, HEAD);
  await setup.submit();
  await expect(page.getByRole('heading', { name: 'Atjaunošanas atslēga' })).toBeVisible();
  await expect(page.getByTestId('recovery-key')).toHaveText(/^([A-Z2-9]{4}-){12}[A-Z2-9]{4}$/);
  await snapshot(page, 'recovery-key');
  await page.getByLabel('Esmu atslēgu saglabājusi drošā vietā').check();
  await page.getByRole('button', { name: 'Apstiprināt' }).click();
  await expect(page.getByTestId('welcome')).toHaveText('Labdien, Ilze Bērziņa!');
  await expect(page.getByTestId('user-role')).toHaveText('Vadītāja');
  await snapshot(page, 'home');
  await page.getByTestId('logout').click();

  // Five wrong passwords lock the name; after the delay (test clock) the right one works.
  const login = new LoginPage(page);
  await expect(page.getByRole('heading', { name: 'Pieslēgties' })).toBeVisible();
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
  await expect(page.getByTestId('welcome')).toBeVisible();

  // The head creates a teacher with a temporary password.
  await page.getByRole('link', { name: 'Lietotāji' }).click();
  await page.getByTestId('add-user').click();
  const dialog = formDialog(page);
  await dialog.getByLabel('Vārds, uzvārds').fill('Anna Kalniņa');
  await dialog.getByLabel('Lietotājvārds').fill('anna');
  await dialog.getByLabel('Pagaidu parole').fill('anna');
  await dialog.getByRole('button', { name: 'Saglabāt' }).click();
  await expect(dialog.getByText('Jābūt vismaz 10 rakstzīmēm.')).toBeVisible();
  await dialog.getByLabel('Pagaidu parole').fill('pagaidu-parole-7');
  await dialog.getByRole('button', { name: 'Saglabāt' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Anna Kalniņa', exact: true })).toBeVisible();
  await expect(page.getByText('Jāmaina pagaidu parole')).toBeVisible();
  await snapshot(page, 'users');
  await page.getByTestId('logout').click();

  // The teacher must change the temporary password before anything else.
  await login.login('anna', 'pagaidu-parole-7');
  await expect(page.getByTestId('forced')).toBeVisible();
  await page.getByLabel('Pašreizējā parole').fill('pagaidu-parole-7');
  await page.getByLabel('Jaunā parole', { exact: true }).fill('annas-jauna-parole');
  await page.getByLabel('Jaunā parole atkārtoti').fill('annas-jauna-parole');
  await snapshot(page, 'change-password');
  await page.getByRole('button', { name: 'Mainīt paroli' }).click();
  await expect(page.getByTestId('welcome')).toHaveText('Labdien, Anna Kalniņa!');
  await expect(page.getByRole('link', { name: 'Lietotāji' })).toHaveCount(0);

  // Eleven idle minutes later the backend closes the register and the UI says why.
  await app.advanceClock(11 * 60);
  await expect(page.getByTestId('idle-notice')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pieslēgties' })).toBeVisible();
  expect(await app.api('app.state')).toMatchObject({ phase: 'locked' });
});

test('the language can be switched to English on the login screen', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Setting up the institution' })).toBeVisible();
  await page.getByText('Latviešu').click();
  await expect(page.getByRole('heading', { name: 'Iestādes izveide' })).toBeVisible();
});

test('a dialog keeps what is typed while it is still opening', async ({ page, app }) => {
  await seedGroup(app, []);
  await page.goto(app.url);
  await new LoginPage(page).login('ilze', HEAD.password);
  await page.getByRole('link', { name: 'Lietotāji' }).click();
  // She types at once, a key every 50 ms, while the dialog's opening animation still runs; its
  // end used to move the focus to the close button, where the next space closed the dialog.
  await page.getByTestId('add-user').click();
  const name = page.getByRole('dialog', { name: 'Jauns lietotājs' }).getByLabel('Vārds, uzvārds');
  await name.pressSequentially('Jānis Ozols-Bērziņš', { delay: 50 });
  await expect(name).toHaveValue('Jānis Ozols-Bērziņš');
  await expect(name).toBeFocused();
});
