import { describe, expect, it } from 'vitest';
import { Message, MessageRecipient } from '../../database/entities/mail';
import { Substitution } from '../../database/entities/substitution';
import { planningFixture } from './planning-fixtures';

/** Staff mail (the rules' 4): lists, read state, reply, search, removal from one's own view. */

async function world() {
  const f = await planningFixture();
  const db = () => f.b.router.state.db;
  return { ...f, db };
}

describe('staff mail', () => {
  it('takes a teacher’s message to the deputy, who sees it unread, reads and replies', async () => {
    const f = await world();
    await f.as('anna');
    const sent = await f.b.ok('mail.send', {
      userIds: [f.users.dace],
      subject: 'Ekskursija uz Rīgas zoodārzu',
      body: 'Lūdzu apstiprināt ekskursiju 18. decembrī.\nAutobuss — 9:30.',
    });
    expect(sent).toMatchObject({
      received: false,
      to: ['Dace Vītola'],
      recipients: [{ id: f.users.dace, name: 'Dace Vītola', readAt: null }],
    });
    expect((await f.b.ok('mail.sent', { page: 1 })).rows.map((r) => r.id)).toEqual([sent.id]);

    await f.as('dace');
    expect(await f.b.ok('mail.unread', {})).toEqual({ count: 1 });
    const inbox = await f.b.ok('mail.inbox', { page: 1 });
    expect(inbox).toMatchObject({ total: 1, page: 1 });
    expect(inbox.rows[0]).toMatchObject({
      subject: 'Ekskursija uz Rīgas zoodārzu',
      author: { name: 'Anna Kalniņa' },
      readAt: null,
      preview: 'Lūdzu apstiprināt ekskursiju 18. decembrī. Autobuss — 9:30.',
    });
    const opened = await f.b.ok('mail.get', { id: sent.id });
    expect(opened.received).toBe(true);
    expect(opened.readAt).not.toBeNull();
    expect(await f.b.ok('mail.unread', {})).toEqual({ count: 0 });
    const reply = await f.b.ok('mail.send', {
      userIds: [f.users.anna],
      subject: 'Re: Ekskursija uz Rīgas zoodārzu',
      body: 'Apstiprinu.',
      replyToId: sent.id,
    });
    expect(reply.replyToId).toBe(sent.id);

    await f.as('anna');
    expect(await f.b.ok('mail.unread', {})).toEqual({ count: 1 });
    // Her sent message shows the deputy has read it.
    expect((await f.b.ok('mail.get', { id: sent.id })).recipients[0].readAt).not.toBeNull();
    // Someone else's message is not hers to open.
    await f.as('ieva');
    expect(await f.b.fail('mail.get', { id: sent.id })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Vēstule nav atrasta.',
    });
  });

  it('sends to lists, reply-all reaches everyone but the sender, and search ignores diacritics', async () => {
    const f = await world();
    await f.as('ilze');
    const recipients = await f.b.ok('mail.recipients', {});
    expect(recipients.lists.map((l) => [l.label, l.members])).toEqual([
      ['Visi darbinieki', 5],
      ['Vadība', 1],
      ['Visi skolotāji', 2],
      ['Māsa', 1],
      ['Skolotāji-logopēdi', 1],
      ['3. grupa «Zīlītes»: skolotāji', 1],
      ['4. grupa «Cielaviņas»: skolotāji', 1],
    ]);
    expect(recipients.users.map((u) => u.name)).not.toContain('Ilze Bērziņa');
    const note = await f.b.ok('mail.send', {
      lists: ['teachers', 'nurse'],
      subject: 'Sanāksme piektdien',
      body: 'Pedagoģiskā sēde notiks zālē.',
    });
    expect(note.to).toEqual(['Visi skolotāji', 'Māsa']);
    expect(note.recipients.map((r) => r.name)).toEqual([
      'Anna Kalniņa',
      'Ieva Liepiņa',
      'Mārta Ābele',
    ]);
    await f.as('marta');
    const found = await f.b.ok('mail.inbox', { page: 1, search: 'PEDAGOGISKA sede' });
    expect(found.rows.map((r) => r.id)).toEqual([note.id]);
    expect((await f.b.ok('mail.inbox', { page: 1, search: 'berzina' })).total).toBe(1);
    expect((await f.b.ok('mail.inbox', { page: 1, search: 'ekskursija' })).total).toBe(0);
    // Reply-all: the author and the other recipients, never herself.
    const all = await f.b.ok('mail.get', { id: note.id });
    const others = [all.author.id, ...all.recipients.map((r) => r.id)].filter(
      (id) => id !== f.users.marta,
    );
    const replyAll = await f.b.ok('mail.send', {
      userIds: others,
      subject: 'Re: Sanāksme piektdien',
      body: 'Būšu.',
      replyToId: note.id,
    });
    expect(replyAll.recipients.map((r) => r.name).sort()).toEqual([
      'Anna Kalniņa',
      'Ieva Liepiņa',
      'Ilze Bērziņa',
    ]);
  });

  it('gives a substitute the absent colleague’s group list only while the substitution lasts', async () => {
    const f = await world();
    await f.db().getRepository(Substitution).insert({
      groupId: f.cielavinas,
      substituteId: f.users.anna,
      absentId: f.users.ieva,
      fromDate: '2026-12-10',
      toDate: '2026-12-10',
      note: '',
      createdAt: '2026-12-09T10:00:00Z',
      createdBy: f.users.dace,
    });
    await f.as('anna');
    const groupLists = async () =>
      (await f.b.ok('mail.recipients', {})).lists.filter((l) => l.key.startsWith('group:'));
    expect((await groupLists()).map((l) => l.label)).toEqual([
      '3. grupa «Zīlītes»: skolotāji',
      '4. grupa «Cielaviņas»: skolotāji',
    ]);
    await f.b.ok('mail.send', {
      lists: [`group:${f.cielavinas}`],
      subject: 'Par Cielaviņām',
      body: 'Šodien viss kārtībā.',
    });
    // The next day the substitution is over: the list is gone and refused.
    f.b.clock.advance(24 * 3600);
    await f.as('anna');
    expect((await groupLists()).map((l) => l.label)).toEqual(['3. grupa «Zīlītes»: skolotāji']);
    expect(
      await f.b.fail('mail.send', {
        lists: [`group:${f.cielavinas}`],
        subject: 'Vēlreiz',
        body: 'Teksts.',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.db().getRepository(Message).count()).toBe(1);
  });

  it('refuses bad input in Latvian and stores nothing', async () => {
    const f = await world();
    await f.as('anna');
    const empty = await f.b.fail('mail.send', { userIds: [f.users.dace], subject: ' ', body: '' });
    expect(empty.fields).toEqual({
      subject: 'Obligāti aizpildāms lauks.',
      body: 'Obligāti aizpildāms lauks.',
    });
    const injected = await f.b.fail('mail.send', {
      userIds: [f.users.dace],
      subject: 'Sveiki\r\nBcc: visi@example.lv',
      body: 'x'.repeat(20_001),
    });
    expect(injected.fields).toEqual({
      subject: 'Šajā laukā nedrīkst būt rindas pārnesumi vai vadības rakstzīmes.',
      body: 'Ne vairāk kā 20000 rakstzīmes.',
    });
    expect((await f.b.fail('mail.send', { subject: 'a', body: 'b' })).fields).toEqual({
      to: 'Izvēlieties vismaz vienu saņēmēju vai sarakstu.',
    });
    // Her own group's list holds only her: it resolves to nobody.
    const nobody = await f.b.fail('mail.send', {
      lists: [`group:${f.zilites}`],
      subject: 'Sev',
      body: 'Teksts.',
    });
    expect(nobody.fields).toEqual({
      to: 'Izvēlētie saraksti šobrīd neaptver nevienu kolēģi: vēstule netika nosūtīta.',
    });
    expect(
      (await f.b.fail('mail.send', { lists: ['everyone'], subject: 'a', body: 'b' })).code,
    ).toBe('VALIDATION');
    expect(await f.db().getRepository(Message).count()).toBe(0);
  });

  it('removes a message from one view only and never changes it', async () => {
    const f = await world();
    await f.as('anna');
    const sent = await f.b.ok('mail.send', {
      userIds: [f.users.dace, f.users.ieva],
      subject: 'Grāmatas',
      body: 'Atnesiet grāmatas.',
    });
    await f.b.ok('mail.remove', { id: sent.id, box: 'sent' });
    expect((await f.b.ok('mail.sent', { page: 1 })).total).toBe(0);
    await f.as('dace');
    await f.b.ok('mail.remove', { id: sent.id, box: 'inbox' });
    expect((await f.b.ok('mail.inbox', { page: 1 })).total).toBe(0);
    expect(await f.b.fail('mail.remove', { id: sent.id, box: 'inbox' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    await f.as('ieva');
    expect((await f.b.ok('mail.get', { id: sent.id })).body).toBe('Atnesiet grāmatas.');
    const stored = await f.db().getRepository(Message).findOneByOrFail({ id: sent.id });
    expect(stored).toMatchObject({ subject: 'Grāmatas', body: 'Atnesiet grāmatas.' });
    expect(await f.db().getRepository(MessageRecipient).countBy({ messageId: sent.id })).toBe(2);
  });
});
