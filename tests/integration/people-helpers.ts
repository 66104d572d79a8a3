import type { Role } from '../../common/roles';
import { SETUP, testBackend } from './helpers';

export type Backend = ReturnType<typeof testBackend>;

export const PASSWORD = 'jauna-parole-123';

/** The head's register with one user per role (each has changed the temporary password). */
export async function registerWithStaff() {
  const b = testBackend();
  await b.ok('auth.setup', SETUP);
  const ids: Record<Role, number> = { head: 0, deputy: 0, teacher: 0, speech: 0, nurse: 0 };
  ids.head = (await b.ok('app.state', {})).session!.userId;
  const names: Record<Exclude<Role, 'head'>, string> = {
    deputy: 'Dace Liepiņa',
    teacher: 'Anna Kalniņa',
    speech: 'Laura Ozola',
    nurse: 'Māra Zariņa',
  };
  for (const role of ['deputy', 'teacher', 'speech', 'nurse'] as const) {
    const user = await b.ok('users.create', {
      username: role,
      fullName: names[role],
      role,
      temporaryPassword: 'pagaidu-parole-1',
    });
    ids[role] = user.id;
  }
  const second = await b.ok('users.create', {
    username: 'teacher2',
    fullName: 'Baiba Vītola',
    role: 'teacher',
    temporaryPassword: 'pagaidu-parole-1',
  });
  for (const username of ['deputy', 'teacher', 'speech', 'nurse', 'teacher2']) {
    await b.ok('auth.logout', {});
    await b.ok('auth.login', { username, password: 'pagaidu-parole-1' });
    await b.ok('auth.changePassword', {
      currentPassword: 'pagaidu-parole-1',
      newPassword: PASSWORD,
      newPasswordRepeat: PASSWORD,
    });
  }
  await b.ok('auth.logout', {});
  const as = async (role: Role | 'teacher2') => {
    await b.router.call('auth.logout', {}); // refused when nobody is logged in: fine
    if (role === 'head') {
      await b.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    } else await b.ok('auth.login', { username: role, password: PASSWORD });
  };
  return { b, ids: { ...ids, teacher2: second.id }, as };
}

export const GROUP = {
  number: 3,
  name: 'Zīlītes',
  ageFromMonths: 36,
  ageToMonths: 48,
  capacity: 24,
  schoolYear: 2026,
  activeFrom: '2026-09-01',
  activeTo: '2027-08-31',
};
