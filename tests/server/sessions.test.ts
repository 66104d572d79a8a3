import { describe, expect, it } from 'vitest';
import { SETUP } from '../integration/helpers';
import { registerWithTeacher, serverFixture, SETTINGS } from './fixture';

describe('server mode: many sessions on one register', () => {
  it('runs two sessions at once, each one call after another', async () => {
    const f = await serverFixture();
    const { head, teacher } = await registerWithTeacher(f);
    // Another connection holds the institution's row: the head's save must wait for it.
    const holder = await f.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM institution WHERE id = 1 FOR UPDATE');
    let saved = false;
    let headNext = false;
    const save = head.ok('settings.update', { ...SETTINGS, name: 'PII «Zīle»' }).then((s) => {
      saved = true;
      return s;
    });
    const next = head.ok('app.now', {}).then(() => (headNext = true));
    // Meanwhile the teacher, on her own session, is answered at once.
    expect((await teacher.ok('app.state', {})).session?.username).toBe('anna');
    expect(await teacher.ok('app.now', {})).toHaveProperty('today', '2026-11-30');
    expect({ saved, headNext }).toEqual({ saved: false, headNext: false });
    await holder.query('COMMIT');
    expect((await save).name).toBe('PII «Zīle»');
    await next;
    expect(headNext).toBe(true);
  });

  it('gives each login a new token, bound to the address that logged in', async () => {
    const f = await serverFixture();
    const { head } = await registerWithTeacher(f);
    await head.ok('auth.logout', {});
    const before = head.token;
    await head.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    expect(head.token).not.toBe(before);
    expect(head.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token before the login carries no session.
    const stale = f.pc('10.0.0.5');
    stale.token = before;
    expect((await stale.call('users.list', {})) as unknown).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    // The same token from another PC: refused, and the session is closed for safety.
    const thief = f.pc('10.0.0.66');
    thief.token = head.token;
    expect(await thief.call('users.list', {})).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message:
          'Sesija ir piesaistīta citam datoram. Drošības dēļ tā ir slēgta; pieslēdzieties vēlreiz.',
      },
    });
    expect(thief.token).not.toBe(head.token);
    expect((await head.call('users.list', {})) as unknown).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const actions = await f.db.query<{ action: string }[]>(
      'SELECT action FROM audit_event ORDER BY id DESC LIMIT 1',
    );
    expect(actions[0].action).toBe('auth.session.move');
  });

  it('ends a session at logout and after the idle time; forgets idle anonymous ones', async () => {
    const f = await serverFixture({ maxIdleMinutes: 30 });
    const { head, teacher } = await registerWithTeacher(f);
    await teacher.ok('auth.logout', {});
    expect((await teacher.call('users.list', {})) as unknown).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    f.clock.advance(9 * 60);
    await head.ok('session.ping', {});
    f.clock.advance(9 * 60);
    expect((await head.ok('app.state', {})).phase).toBe('unlocked');
    f.clock.advance(61);
    expect(await head.call('users.list', {})).toMatchObject({
      ok: false,
      error: {
        code: 'SESSION_EXPIRED',
        message: 'Žurnāls tika aizvērts neaktivitātes dēļ. Pieslēdzieties vēlreiz.',
      },
    });
    expect((await head.ok('app.state', {})).phase).toBe('locked');
    const sessions = f.router.size;
    expect(sessions).toBeGreaterThanOrEqual(2);
    f.clock.advance(31 * 60);
    await f.router.sweep();
    expect(f.router.size).toBe(0);
  });

  it('counts failed logins per client address as well as per name', async () => {
    const f = await serverFixture();
    await registerWithTeacher(f);
    const guesser = f.pc('10.0.0.99');
    const names = ['ilze', 'anna', 'dace', 'maija'];
    for (const username of names) {
      const refused = await guesser.call('auth.login', { username, password: 'minējums-123' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    }
    expect(
      await guesser.call('auth.login', { username: 'zane', password: 'minējums-123' }),
    ).toEqual({
      ok: false,
      error: { code: 'LOCKED', message: 'Konts īslaicīgi bloķēts. Mēģiniet vēlreiz pēc 30 s.' },
    });
    // That address is locked even for a right password; another PC is not.
    expect(
      await guesser.call('auth.login', { username: 'ilze', password: SETUP.head.newPassword }),
    ).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await f.pc('10.0.0.5').ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    const failed = await f.db.query<{ after: string }[]>(
      "SELECT after FROM audit_event WHERE action = 'auth.login.fail' ORDER BY id",
    );
    expect(failed.map((r) => JSON.parse(r.after) as unknown)).toEqual(
      Array(5).fill({ address: '10.0.0.99' }),
    );
  });

  it('answers a clear error when PostgreSQL drops the connection mid-call, keeps nothing, recovers', async () => {
    const f = await serverFixture();
    const { head } = await registerWithTeacher(f);
    const holder = await f.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM institution WHERE id = 1 FOR UPDATE');
    const save = head.call('settings.update', { ...SETTINGS, name: 'PII «Zīle»' });
    // The save waits for the row; its connection is then cut, as by a restarting server.
    let cut = 0;
    while (cut === 0) {
      const killed = await holder.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity ' +
          "WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
      );
      cut = killed.rowCount ?? 0;
    }
    expect(await save).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message:
          'Serveris nevar sazināties ar datubāzi. Izmaiņas netika saglabātas; mēģiniet vēlreiz pēc brīža.',
      },
    });
    await holder.query('COMMIT');
    expect((await head.ok('settings.get', {})).name).toBe(SETTINGS.name);
    expect((await head.ok('settings.update', { ...SETTINGS, name: 'PII «Zīle»' })).name).toBe(
      'PII «Zīle»',
    );
  });

  it('lets the head give a locked-out teacher a temporary password, as on one PC', async () => {
    const f = await serverFixture();
    const { head, teacher } = await registerWithTeacher(f);
    await teacher.ok('auth.logout', {});
    for (let i = 0; i < 5; i++) {
      await teacher.call('auth.login', { username: 'anna', password: 'aizmirsta-parole' });
    }
    expect(
      await teacher.call('auth.login', { username: 'anna', password: 'annas-parole-12' }),
    ).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const anna = (await head.ok('users.list', {})).rows.find((u) => u.username === 'anna')!;
    await head.ok('users.resetPassword', {
      userId: anna.id,
      temporaryPassword: 'pagaidu-parole-2',
    });
    const left = await f.db.query<{ name: string }[]>(
      'SELECT name FROM login_lockout ORDER BY name',
    );
    // The name's count is cleared; her PC's address runs out its 30 s on its own.
    expect(left.map((r) => r.name)).toEqual(['address:10.0.0.17']);
    // The old password is wrong now: one more failure from that address doubles its delay.
    f.clock.advance(31);
    expect(
      await teacher.call('auth.login', { username: 'anna', password: 'annas-parole-12' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: 'Konts īslaicīgi bloķēts. Mēģiniet vēlreiz pēc 60 s.' },
    });
    f.clock.advance(61);
    const session = await teacher.ok('auth.login', {
      username: 'anna',
      password: 'pagaidu-parole-2',
    });
    expect(session.mustChangePassword).toBe(true);
  });

  it('counts a name typed at login without keeping it in clear', async () => {
    const f = await serverFixture();
    const { teacher } = await registerWithTeacher(f);
    await teacher.ok('auth.logout', {});
    // People type their password into the username field.
    await teacher.call('auth.login', { username: 'annas-parole-12', password: 'x' });
    await teacher.call('auth.login', { username: 'anna', password: 'aizmirsta-parole' });
    const names = (await f.db.query<{ name: string }[]>('SELECT name FROM login_lockout')).map(
      (r) => r.name,
    );
    expect(names.filter((n) => n.startsWith('user:'))).toHaveLength(2);
    expect(names.join(' ')).not.toMatch(/anna|parole/);
  });
});
