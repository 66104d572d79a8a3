import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginPage, SetupPage } from './page-models/auth';
import { BackupPage, RestoreSetupPage } from './page-models/backup';
import { AppLayout } from './page-models/layout';
import { UsersPage } from './page-models/users';
import { expect, snapshot, test, type RunningApp } from './fixtures';

const HEAD = { fullName: 'Ilze Bērziņa', username: 'ilze', password: 'vadītājas-parole-1' };
const INSTITUTION = { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' };
const PASSPHRASE = 'Rezerves-kopija-2026!';
const TEACHER_PASSWORD = 'annas-parole-123';

/** A register with the head and a teacher who has chosen her own password; the head logged out. */
async function register(app: RunningApp): Promise<void> {
  await app.api('auth.setup', {
    institution: INSTITUTION,
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
}

// Every login, key slot and backup runs scrypt at full strength (N = 2^17) in browser mode.
test.describe.configure({ timeout: 240_000 });

const folders: string[] = [];
function usbStick(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'register-usb-'));
  folders.push(dir);
  return dir;
}
test.afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('the head exports, changes a record, restores and sees the old data again', async ({
  page,
  app,
}) => {
  await register(app);
  const usb = usbStick();
  await page.goto(app.url);
  const login = new LoginPage(page);
  const layout = new AppLayout(page);
  const users = new UsersPage(page);
  await login.login(HEAD.username, HEAD.password);
  await expect(layout.welcome()).toBeVisible();

  const backup = new BackupPage(page);
  await backup.open();
  // Refused before any work: mistyped repeat, too short.
  await backup.export(usb, PASSPHRASE, PASSPHRASE + 'x');
  await expect(page.getByText('Paroles nesakrīt.')).toBeVisible();
  await backup.export(usb, 'īsa-parole');
  await expect(page.getByText('Jābūt vismaz 12 rakstzīmēm.').first()).toBeVisible();
  await backup.export(path.join(usb, 'nav'), PASSPHRASE);
  await expect(page.getByText('Šāda mape nav atrasta.')).toBeVisible();
  expect(readdirSync(usb)).toEqual([]);

  // The folder is chosen, not typed: browser mode's picker stands in for the system dialog.
  await page.setViewportSize({ width: 1366, height: 768 });
  const picker = await backup.browseExportFolder();
  await picker.open(path.dirname(usb));
  await snapshot(page, 'backup-folder-picker');
  await picker.entry(path.basename(usb)).click();
  await picker.chooseFolder();
  await expect(backup.exportFolder()).toHaveValue(usb);
  await backup.export(null, PASSPHRASE);
  await expect(backup.exported()).toContainText('Rezerves kopija izveidota un pārbaudīta');
  const files = readdirSync(usb);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^PII-Zīlīte_2026-11-30_09-\d\d-\d\d\.kgbak$/);
  await snapshot(page, 'backup');

  // A change after the backup: a new colleague.
  await users.open();
  await users.add({ fullName: 'Jānis Ozols', username: 'janis', password: 'pagaidu-parole-7' });
  await expect(users.cell('Jānis Ozols').first()).toBeVisible();

  // A wrong passphrase is refused next to its field; nothing changes.
  await backup.open();
  await backup.restore(path.join(usb, files[0]), 'nepareiza-parole');
  await backup.confirmRestore();
  await expect(page.getByText('Nepareiza rezerves kopijas parole.')).toBeVisible();

  await backup.restore(path.join(usb, files[0]), PASSPHRASE);
  await snapshot(page, 'backup-restore-confirm');
  await backup.confirmRestore();
  await expect(login.heading()).toBeVisible();
  await expect(page.getByText(/Dati atjaunoti no rezerves kopijas \(30\.11\.2026/)).toBeVisible();
  await expect(login.idleNotice()).toBeHidden();
  await snapshot(page, 'backup-restored-login');

  await login.login(HEAD.username, HEAD.password);
  await users.open();
  await expect(users.cell('Anna Kalniņa').first()).toBeVisible();
  await expect(users.cell('Jānis Ozols')).toHaveCount(0);
});

test('on a new PC the register is restored from the first-run screen; the teacher logs in', async ({
  page,
  app,
}) => {
  await register(app);
  const usb = usbStick();
  await app.api('auth.login', { username: HEAD.username, password: HEAD.password });
  const { file } = await app.api('backup.export', {
    folder: usb,
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
  });
  await app.api('auth.logout');
  // The old PC is gone: its data folder is emptied (moved away), as on a new PC.
  const old = usbStick();
  for (const name of readdirSync(app.dataDir)) {
    renameSync(path.join(app.dataDir, name), path.join(old, name));
  }

  await page.goto(app.url);
  const setup = new SetupPage(page);
  await expect(setup.heading()).toBeVisible();
  await setup.chooseRestore();
  const restore = new RestoreSetupPage(page);
  await snapshot(page, 'backup-first-run-restore');
  await restore.restore(path.join(usb, 'nav.kgbak'), PASSPHRASE);
  await expect(page.getByText('Šāds fails nav atrasts.')).toBeVisible();
  await restore.chooseBackup(usb, path.basename(file));
  await snapshot(page, 'backup-first-run-restore-chosen');
  await restore.restore(null, PASSPHRASE);
  const login = new LoginPage(page);
  await expect(login.heading()).toBeVisible();
  await login.login('anna', TEACHER_PASSWORD);
  await expect(new AppLayout(page).welcome()).toHaveText('Labdien, Anna Kalniņa!');
});

test('a failed automatic backup is shown to the head at her next login', async ({ page, app }) => {
  await register(app);
  const usb = usbStick();
  await app.api('auth.login', { username: HEAD.username, password: HEAD.password });
  await app.api('backup.saveAuto', {
    enabled: true,
    folder: path.join(usb, 'izņemta'),
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
  });
  await app.api('auth.logout');
  await app.advanceClock(24 * 3600);
  await page.goto(app.url);
  await new LoginPage(page).login(HEAD.username, HEAD.password);
  const backup = new BackupPage(page);
  await expect(backup.failure()).toContainText('Automātiskā rezerves kopija 01.12.2026');
  await expect(backup.failure()).toContainText('Šāda mape nav atrasta.');
  await snapshot(page, 'backup-failure-home');
  await backup.openSettingsFromFailure();
  await expect(backup.autoStatus()).toContainText('Pēdējā neveiksmīgā: 01.12.2026');
  await snapshot(page, 'backup-settings');
});
