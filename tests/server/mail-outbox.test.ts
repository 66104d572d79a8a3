import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxEmail } from '../../database/entities/mail';
import { ServerRouter, serverRegister } from '../../electron/api/server-router';
import { SERVER_KEY_FILE } from '../../electron/api/mail/server-key';
import { tempDir, TEST_SCRYPT } from '../integration/helpers';
import { SMTP_PASSWORD, smtpPeer, stopPeers } from '../integration/smtp-peer';
import { registerWithTeacher, serverFixture } from './fixture';

/** Server mode: one outbox worker per register (per database), not one per session. */

afterEach(stopPeers);

describe('server mode: the outbox', () => {
  it('is sent by the one worker of the register, and resumes at the next start without a login', async () => {
    const dataDir = tempDir();
    const f = await serverFixture({ dataDir });
    const { head, teacher } = await registerWithTeacher(f);
    const states = [head, teacher].map((pc) => f.router.stateOf(pc.token!)!);
    // Both sessions wake the same worker: the register's.
    expect(states[0].register.outbox).toBe(f.router.register.outbox);
    expect(states[1].register.outbox).toBe(f.router.register.outbox);

    const peer = await smtpPeer();
    await head.ok('mail.saveSettings', peer.settings());
    // No master key on a server: the password is wrapped with the key file of its own folder,
    // readable by its owner only; the database holds neither the password nor that key.
    const key = path.join(dataDir, SERVER_KEY_FILE);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const [row] = await f.db.query<{ w: string }[]>(
      'SELECT password_wrapped AS w FROM mail_settings',
    );
    expect(row.w).not.toContain(SMTP_PASSWORD);
    expect(row.w).not.toContain(readFileSync(key, 'utf8').trim());
    await head.ok('mail.testMessage', { to: 'ilze@example.lv' });
    await f.router.register.outbox.settle();
    expect(peer.received.map((r) => r.envelope.to)).toEqual([['ilze@example.lv']]);

    // The relay goes down: the next message waits in the outbox for a retry.
    await peer.stop();
    await head.ok('mail.testMessage', { to: 'anna@example.lv' });
    await f.router.register.outbox.settle();
    const outbox = () => f.db.getRepository(OutboxEmail).find({ order: { id: 'ASC' } });
    expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'queued']);

    // The server stops and starts again on the same database; the relay is back; nobody logs in.
    await f.router.dispose();
    await peer.start();
    f.clock.advance(120);
    const restarted = new ServerRouter(
      serverRegister({
        db: f.db,
        dataDir,
        clock: f.clock,
        testMode: true,
        scrypt: TEST_SCRYPT,
        maxIdleMinutes: 60,
      }),
    );
    await restarted.register.outbox.settle();
    await restarted.dispose();
    expect(peer.received.map((r) => r.envelope.to)).toEqual([
      ['ilze@example.lv'],
      ['anna@example.lv'],
    ]);
    expect([...peer.messageIds().values()]).toEqual([1, 1]);
    expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });
});
