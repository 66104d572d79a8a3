import { SETUP, tempDir, testBackend } from './helpers';
import { GROUP } from './people-helpers';

/** Shared by the backup-*.test.ts files: a populated register and an export of it. */

export type Backend = ReturnType<typeof testBackend>;
export const PASSPHRASE = 'Rezerves-kopija-2026!';
export const TEACHER_PASSWORD = 'annas-parole-123';
export const HEAD_LOGIN = { username: 'ilze', password: SETUP.head.newPassword };

/** A register with staff (a teacher who has chosen her own password), a group, settings. */
export async function populated(marker = 'Kalniņa'): Promise<Backend> {
  const b = testBackend();
  await b.ok('auth.setup', SETUP);
  await b.ok('users.create', {
    username: 'anna',
    fullName: `Anna ${marker}`,
    role: 'teacher',
    temporaryPassword: 'pagaidu-parole-1',
  });
  await b.ok('users.create', {
    username: 'dace',
    fullName: 'Dace Liepiņa',
    role: 'deputy',
    temporaryPassword: 'pagaidu-parole-2',
  });
  await b.ok('groups.create', GROUP);
  await b.ok('backup.saveAuto', {
    enabled: false,
    folder: '/nav/tadas/mapes',
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
  });
  await b.ok('auth.logout', {});
  await b.ok('auth.login', { username: 'anna', password: 'pagaidu-parole-1' });
  await b.ok('auth.changePassword', {
    currentPassword: 'pagaidu-parole-1',
    newPassword: TEACHER_PASSWORD,
    newPasswordRepeat: TEACHER_PASSWORD,
  });
  await b.ok('auth.logout', {});
  await b.ok('auth.login', HEAD_LOGIN);
  return b;
}

export async function exportTo(b: Backend, folder = tempDir('backup-out-')): Promise<string> {
  const result = await b.ok('backup.export', {
    folder,
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
  });
  return result.file;
}
