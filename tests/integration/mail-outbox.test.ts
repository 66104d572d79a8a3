import { afterEach, describe, expect, it } from 'vitest';
import { OutboxEmail } from '../../database/entities/mail';
import { journalsFixture } from './journals-fixtures';
import { smtpPeer, stopPeers, type SmtpPeer } from './smtp-peer';

/** The outbox against a real SMTP server on 127.0.0.1: delivery, refusal, retries. */

afterEach(stopPeers);

const LETTER = {
  subject: 'Ziemassvētku pasākums — ā č ē ģ ī ķ ļ ņ š ū ž',
  body: 'Mīļie vecāki!\nPiektdien plkst. 10:00 grupā «Zīlītes» būs Ziemassvētku rīts. Ņemiet līdzi čības.',
};

/** The journals' kindergarten with the head's SMTP settings pointing at `peer`. */
async function world(peer: SmtpPeer) {
  const f = await journalsFixture();
  await f.as('ilze');
  await f.b.ok('mail.saveSettings', peer.settings());
  const outbox = () =>
    f.b.router.state.db.getRepository(OutboxEmail).find({ order: { id: 'ASC' } });
  return { ...f, outbox, settle: () => f.b.router.outbox.settle() };
}

describe('the outbox', () => {
  it('delivers a Latvian subject and body intact, from the kindergarten, text beside HTML', async () => {
    const peer = await smtpPeer();
    const f = await world(peer);
    await f.as('anna');
    const queued = await f.b.ok('mail.sendToParents', {
      target: { kind: 'child', childId: f.elza },
      ...LETTER,
    });
    // Elza's father has no e-mail: he is counted, not sent to.
    expect(queued).toEqual({ queued: 1, unreachable: 1 });
    const [row] = await f.outbox();
    expect(row).toMatchObject({ status: 'queued', toAddress: 'inese.ozolina@example.lv' });
    await f.settle();

    expect(peer.received).toHaveLength(1);
    const [{ mail, envelope, raw }] = peer.received;
    expect(envelope).toEqual({ from: 'pasts@zilite.example.lv', to: ['inese.ozolina@example.lv'] });
    expect(mail.subject).toBe(LETTER.subject);
    expect(mail.text).toContain(LETTER.body);
    expect(mail.text).toContain('Anna Kalniņa\nPII «Zīlīte»');
    expect(mail.html).toContain('Ziemassvētku rīts');
    expect(mail.from?.value).toEqual([
      { name: 'PII «Zīlīte»', address: 'pasts@zilite.example.lv' },
    ]);
    expect(mail.to).toMatchObject({ value: [{ name: 'Inese Ozoliņa' }] });
    // Headers travel as MIME encoded words; the raw message is 7-bit clean.
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    expect([...raw].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(mail.messageId).toBe(row.messageId);

    const [sent] = await f.outbox();
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.serverReply).toMatch(/^250/);
    expect(sent.sentAt).not.toBeNull();
    const page = await f.b.ok('mail.outbox', { page: 1 });
    expect(page.rows[0]).toMatchObject({ status: 'sent', canResend: false, kind: 'parents' });
  });

  it('marks a 550 answer failed with the reason, retries nothing, and resends by hand', async () => {
    const peer = await smtpPeer();
    peer.refuse.set('inese.ozolina@example.lv', { code: 550, text: '5.1.1 Mailbox unavailable' });
    const f = await world(peer);
    await f.as('anna');
    await f.b.ok('mail.sendToParents', { target: { kind: 'child', childId: f.elza }, ...LETTER });
    await f.settle();
    const [row] = await f.outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toContain('550 5.1.1 Mailbox unavailable');
    // No retry, long after the first retry would have been due.
    f.b.clock.advance(9 * 60);
    await f.settle();
    expect((await f.outbox())[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(peer.received).toHaveLength(0);

    const shown = (await f.b.ok('mail.outbox', { page: 1, status: 'failed' })).rows[0];
    expect(shown).toMatchObject({
      canResend: true,
      lastError: expect.stringContaining('550') as unknown,
    });
    // The failure is a line on the sender's home and on the head's, not on a colleague's.
    const unsent = async (who: string) => {
      await f.as(who);
      return (await f.b.ok('overview.home', {})).items.filter((i) => i.kind === 'mail');
    };
    expect(await unsent('anna')).toMatchObject([{ count: 1, overdue: true, due: '2026-12-10' }]);
    expect(await unsent('ilze')).toMatchObject([{ count: 1 }]);
    expect(await unsent('ieva')).toEqual([]);
    // Someone else's e-mail: not hers to resend or even see.
    expect(await f.b.fail('mail.resend', { id: row.id })).toMatchObject({ code: 'NOT_FOUND' });
    await f.as('anna');
    peer.refuse.clear();
    await f.b.ok('mail.resend', { id: row.id });
    await f.settle();
    expect((await f.outbox())[0]).toMatchObject({ status: 'sent' });
    expect(await unsent('anna')).toEqual([]);
    await f.as('anna');
    expect(peer.messageIds().get(row.messageId)).toBe(1);
    expect(await f.b.fail('mail.resend', { id: row.id })).toMatchObject({
      code: 'CONFLICT',
      message: 'Vēlreiz var nosūtīt tikai neizdevušos vai neskaidras sūtīšanas vēstuli.',
    });
  });

  it('retries with backoff while the server is down and delivers once it is back', async () => {
    const peer = await smtpPeer();
    const f = await world(peer);
    await peer.stop();
    await f.as('anna');
    await f.b.ok('mail.sendToParents', { target: { kind: 'child', childId: f.elza }, ...LETTER });
    await f.settle();
    let [row] = await f.outbox();
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toContain('ECONNREFUSED');
    const firstWait = Date.parse(row.nextAttemptAt!) - f.b.clock.now().getTime();
    expect(firstWait).toBeGreaterThan(55_000);
    expect(firstWait).toBeLessThanOrEqual(60_000);

    // Not yet due: nothing happens.
    await f.settle();
    expect((await f.outbox())[0].attempts).toBe(1);
    f.b.clock.advance(61);
    await f.settle();
    [row] = await f.outbox();
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    expect(Date.parse(row.nextAttemptAt!) - f.b.clock.now().getTime()).toBeGreaterThan(115_000);

    await peer.start(); // the same port
    f.b.clock.advance(121);
    await f.settle();
    [row] = await f.outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(peer.messageIds().get(row.messageId)).toBe(1);
  });

  it('refuses settings that cannot connect or log in, saving nothing', async () => {
    const peer = await smtpPeer();
    const f = await journalsFixture();
    await f.as('ilze');
    const wrong = await f.b.fail('mail.saveSettings', peer.settings('nepareiza-parole'));
    expect(wrong).toMatchObject({
      code: 'VALIDATION',
      fields: { password: `Serveris 127.0.0.1:${peer.port} nepieņēma lietotājvārdu vai paroli.` },
    });
    const port = peer.port;
    await peer.stop();
    const down = await f.b.fail('mail.saveSettings', { ...peer.settings(), port });
    expect(down.fields).toEqual({
      host: `Neizdevās savienoties ar 127.0.0.1:${port}: serveris atteica savienojumu.`,
    });
    const bad = await f.b.fail('mail.saveSettings', {
      ...peer.settings(),
      fromName: 'PII\r\nBcc: visi@example.lv',
      fromAddress: 'pasts@zilite',
      port: 70000,
    });
    expect(bad.fields).toEqual({
      fromName: 'Šajā laukā nedrīkst būt rindas pārnesumi vai vadības rakstzīmes.',
      fromAddress: 'Nederīga e-pasta adrese (piemēram, vards@epasts.lv).',
      port: 'Portam jābūt skaitlim no 1 līdz 65535.',
    });
    expect(await f.b.ok('mail.settings', {})).toMatchObject({ configured: false });
  });

  it('sends the head a test message and shows how it went', async () => {
    const peer = await smtpPeer();
    const f = await world(peer);
    const row = await f.b.ok('mail.testMessage', { to: 'ilze@zilite.example.lv' });
    expect(row).toMatchObject({ kind: 'test', status: 'queued' });
    await f.settle();
    expect(await f.b.ok('mail.outboxRow', { id: row.id })).toMatchObject({ status: 'sent' });
    expect(peer.received[0].mail.subject).toBe('Bērnudārza e-žurnāla pārbaudes vēstule');
    expect(peer.received[0].mail.text).toContain('ā č ē ģ ī ķ ļ ņ š ū ž');
    const settings = await f.b.ok('mail.settings', {});
    expect(settings).toMatchObject({ configured: true, passwordSet: true, username: 'pii-zilite' });
    expect(JSON.stringify(settings)).not.toContain('Slepena');
  });
});
