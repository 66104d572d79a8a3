import { describe, expect, it } from 'vitest';
import { lockoutFailures, SETUP, testBackend } from './helpers';

describe('first run and login', () => {
  it('starts in setup, creates the institution and logs the head in', async () => {
    const b = testBackend();
    expect((await b.ok('app.state', {})).phase).toBe('setup');
    const { recoveryKey, session } = await b.ok('auth.setup', SETUP);
    expect(recoveryKey).toMatch(/^([A-Z2-9]{4}-){12}[A-Z2-9]{4}$/);
    expect(session).toMatchObject({
      role: 'head',
      fullName: 'Ilze Bērziņa',
      recoveryKeyPending: true,
    });
    expect((await b.ok('app.state', {})).phase).toBe('unlocked');
    await expect(b.fail('auth.setup', SETUP)).resolves.toMatchObject({ code: 'SETUP_DONE' });
  });

  it('refuses bad setup input field by field and writes nothing', async () => {
    const b = testBackend();
    const error = await b.fail('auth.setup', {
      institution: { name: '  ', regNo: '123', address: 'x'.repeat(301) },
      head: {
        fullName: 'Ilze',
        username: 'Ilze Bērziņa',
        newPassword: 'short',
        newPasswordRepeat: 'other',
      },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toMatchObject({
      'institution.name': 'Obligāti aizpildāms lauks.',
      'institution.regNo': 'Reģistrācijas numurs ir 11 cipari.',
      'institution.address': 'Ne vairāk kā 300 rakstzīmes.',
      'head.newPassword': 'Jābūt vismaz 10 rakstzīmēm.',
    });
    expect((await b.ok('app.state', {})).phase).toBe('setup');
  });

  it('logs in with the right password only, with one message for unknown user and wrong password', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    expect((await b.ok('app.state', {})).phase).toBe('locked');
    const wrong = await b.fail('auth.login', { username: 'ilze', password: 'nepareiza-parole' });
    const unknown = await b.fail('auth.login', {
      username: 'nav-tads',
      password: 'nepareiza-parole',
    });
    expect(wrong).toEqual(unknown);
    expect(wrong.message).toBe('Nepareizs lietotājvārds vai parole.');
    const session = await b.ok('auth.login', {
      username: 'ILZE ',
      password: SETUP.head.newPassword,
    });
    expect(session.username).toBe('ilze');
  });

  it('locks a name after five failures with a growing delay that survives a restart', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    for (let i = 0; i < 4; i++) {
      expect(
        (await b.fail('auth.login', { username: 'ilze', password: 'nepareiza-parole' })).code,
      ).toBe('BAD_CREDENTIALS');
    }
    const fifth = await b.fail('auth.login', { username: 'ilze', password: 'nepareiza-parole' });
    expect(fifth).toMatchObject({
      code: 'LOCKED',
      message: 'Konts īslaicīgi bloķēts. Mēģiniet vēlreiz pēc 30 s.',
    });
    // Even the right password is refused while locked, and a new process still knows it.
    const again = testBackend({ dataDir: b.dataDir, start: b.clock.now().toISOString() });
    expect(
      (await again.fail('auth.login', { username: 'ilze', password: SETUP.head.newPassword })).code,
    ).toBe('LOCKED');
    again.clock.advance(31);
    expect(
      (await again.fail('auth.login', { username: 'ilze', password: 'vēl-nepareiza' })).message,
    ).toContain('60 s');
    again.clock.advance(61);
    await again.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    expect(await lockoutFailures(b, 'ilze')).toBe(0);
  });

  it('records logins, failures and lockouts in the audit log', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    for (let i = 0; i < 5; i++) {
      await b.fail('auth.login', { username: 'ilze', password: 'nepareiza-parole' });
    }
    b.clock.advance(31);
    await b.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    const rows = await b.router.state.db.query<{ action: string }[]>(
      'SELECT action FROM audit_event ORDER BY id',
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.login.fail')).toHaveLength(5);
    expect(actions).toContain('auth.login.lockout');
    expect(actions.slice(-1)).toEqual(['auth.login.success']);
  });

  it('forces a temporary password to be changed before anything else', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('users.create', {
      username: 'anna',
      fullName: 'Anna Kalniņa',
      role: 'teacher',
      temporaryPassword: 'pagaidu-parole-1',
    });
    await b.ok('auth.logout', {});
    const session = await b.ok('auth.login', { username: 'anna', password: 'pagaidu-parole-1' });
    expect(session.mustChangePassword).toBe(true);
    expect((await b.fail('users.list', {})).code).toBe('FORBIDDEN');
    const samename = await b.fail('auth.changePassword', {
      currentPassword: 'pagaidu-parole-1',
      newPassword: 'anna',
      newPasswordRepeat: 'anna',
    });
    expect(samename.fields?.newPassword).toBeDefined();
    const changed = await b.ok('auth.changePassword', {
      currentPassword: 'pagaidu-parole-1',
      newPassword: 'annas-jauna-parole',
      newPasswordRepeat: 'annas-jauna-parole',
    });
    expect(changed.mustChangePassword).toBe(false);
    await b.ok('auth.logout', {});
    expect(
      (await b.fail('auth.login', { username: 'anna', password: 'pagaidu-parole-1' })).code,
    ).toBe('BAD_CREDENTIALS');
    await b.ok('auth.login', { username: 'anna', password: 'annas-jauna-parole' });
  });

  it('lets the head in with the recovery key and a new password', async () => {
    const b = testBackend();
    const { recoveryKey } = await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    const bad = await b.fail('auth.recover', {
      recoveryKey: 'AAAA-BBBB',
      username: 'ilze',
      newPassword: 'jauna-parole-22',
      newPasswordRepeat: 'jauna-parole-22',
    });
    expect(bad.message).toBe('Nepareiza atjaunošanas atslēga vai lietotājvārds.');
    await b.ok('auth.recover', {
      recoveryKey: recoveryKey.toLowerCase(),
      username: 'ilze',
      newPassword: 'jauna-parole-22',
      newPasswordRepeat: 'jauna-parole-22',
    });
    await b.ok('auth.logout', {});
    await b.ok('auth.login', { username: 'ilze', password: 'jauna-parole-22' });
  });

  it('logs out after the idle time and forgets the key', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    b.clock.advance(9 * 60);
    await b.ok('session.ping', {});
    b.clock.advance(9 * 60);
    expect((await b.ok('app.state', {})).phase).toBe('unlocked');
    b.clock.advance(61);
    expect((await b.fail('users.list', {})).code).toBe('SESSION_EXPIRED');
    expect((await b.ok('app.state', {})).phase).toBe('locked');
    expect(b.router.state.isOpen()).toBe(false);
  });
});
