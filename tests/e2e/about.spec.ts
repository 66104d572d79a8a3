import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../../database/migrations';
import { LoginPage } from './page-models/auth';
import { expect, snapshot, test } from './fixtures';

const VERSION = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const HEAD = { fullName: 'Ilze Bērziņa', username: 'ilze', password: 'vadītājas-parole-1' };
const TEACHER_PASSWORD = 'annas-parole-123';

// Browser mode's simulated feed offers 99.1.0 (a loopback address, as only tests may use).
test.use({ webArgs: ['--offer-update', '99.1.0'], viewport: { width: 1366, height: 768 } });
// Logins run scrypt at full strength in browser mode.
test.describe.configure({ timeout: 240_000 });

test('About: every role sees the version, schema, data folder and update state; the head chooses the install', async ({
  page,
  app,
}) => {
  await app.api('auth.setup', {
    institution: { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' },
    head: {
      fullName: HEAD.fullName,
      username: HEAD.username,
      newPassword: HEAD.password,
      newPasswordRepeat: HEAD.password,
    },
  });
  await app.api('auth.confirmRecoveryKey');
  await app.api('users.create', {
    username: 'anna',
    fullName: 'Anna Kalniņa',
    role: 'teacher',
    temporaryPassword: 'pagaidu-parole-1',
  });
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'anna', password: 'pagaidu-parole-1' });
  await app.api('auth.changePassword', {
    currentPassword: 'pagaidu-parole-1',
    newPassword: TEACHER_PASSWORD,
    newPasswordRepeat: TEACHER_PASSWORD,
  });
  await app.api('auth.logout');

  // A teacher: the facts, and that the head installs; no controls, no notice.
  await page.goto(app.url);
  await new LoginPage(page).login('anna', TEACHER_PASSWORD);
  await page.getByRole('link', { name: 'Par programmu' }).click();
  await expect(page.getByRole('heading', { name: 'Par programmu' })).toBeVisible();
  await expect(page.getByTestId('about-version')).toHaveText(VERSION);
  await expect(page.getByTestId('about-schema')).toHaveText(String(MIGRATIONS.length));
  await expect(page.getByTestId('about-data-dir')).toHaveText(app.dataDir);
  await expect(page.getByTestId('about-update')).toContainText(
    'Versija 99.1.0 ir lejupielādēta un gatava uzstādīšanai.',
  );
  await expect(page.getByText('Jaunās versijas uzstāda vadītāja.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Uzstādīt tagad' })).toHaveCount(0);
  await page.getByTestId('logout').click();

  // The head is told on her home screen and chooses on the About screen.
  await new LoginPage(page).login(HEAD.username, HEAD.password);
  const notice = page.getByTestId('update-ready');
  await expect(notice).toContainText('Ir gatava jauna programmas versija 99.1.0.');
  await notice.getByRole('link', { name: 'Izvēlēties, kad uzstādīt' }).click();
  await expect(page.getByRole('button', { name: 'Uzstādīt tagad' })).toBeVisible();
  await snapshot(page, 'about-head-1366x768');
  await page.getByRole('button', { name: 'Uzstādīt nākamajā palaišanas reizē' }).click();
  await expect(page.getByTestId('update-next-start')).toHaveText(
    'Versija 99.1.0 tiks uzstādīta, kad programmu aizvērs.',
  );
  await page.getByRole('link', { name: 'Sākums' }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('update-ready')).toHaveCount(0);

  // The same facts open this run's log.
  const firstLine = readFileSync(path.join(app.dataDir, 'logs', 'register.log'), 'utf8').split(
    '\n',
  )[0];
  expect(firstLine).toContain(
    `Bērnudārza e-žurnāls ${VERSION} | database schema ${MIGRATIONS.length} | data folder ${app.dataDir} | updates idle (http://127.0.0.1/simulated-update-feed/)`,
  );
});
