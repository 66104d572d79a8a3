import { afterEach, describe, expect, it } from 'vitest';
import { IndividualWorkEntry } from '../../database/entities/journals';
import { OutboxEmail } from '../../database/entities/mail';
import { ChildGuardian, Guardian } from '../../database/entities/people';
import { DECEMBER, entry, journalsFixture } from './journals-fixtures';
import { smtpPeer, stopPeers } from './smtp-peer';

/** E-mail to parents: who is reached and why not, the consent, notes and progress. */

afterEach(stopPeers);

async function world() {
  const peer = await smtpPeer();
  const f = await journalsFixture();
  await f.as('ilze');
  await f.b.ok('mail.saveSettings', peer.settings());
  const db = () => f.b.router.state.db;
  // Jānis's mother gave an address but no consent; Mārtiņš's father an address that is not one.
  const add = async (first: string, last: string, childId: number, email: string) => {
    const g = await db()
      .getRepository(Guardian)
      .save({
        firstName: first,
        lastName: last,
        searchName: `${last} ${first}`.toLowerCase(),
        phone: null,
        email,
        agreesEmail: email.includes('@'),
        consents: '[]',
      });
    await db()
      .getRepository(ChildGuardian)
      .insert({ childId, guardianId: g.id, relation: 'mother' });
  };
  await add('Laura', 'Bērziņa', f.children[1], 'laura@example.lv');
  await db().getRepository(Guardian).update({ firstName: 'Laura' }, { agreesEmail: false });
  await add('Oskars', 'Kalniņš', f.children[2], 'oskars(at)example.lv');
  const outbox = () =>
    db()
      .getRepository(OutboxEmail)
      .find({ order: { id: 'ASC' } });
  return { ...f, peer, db, outbox, settle: () => f.b.router.outbox.settle() };
}

describe('e-mail to parents', () => {
  it('shows who will receive it and who cannot, within the teacher’s own groups', async () => {
    const f = await world();
    await f.as('anna');
    const group = await f.b.ok('mail.parentRecipients', {
      target: { kind: 'group', groupId: f.zilites },
    });
    expect(group.reachable).toEqual([
      {
        guardianId: f.elzaMother,
        name: 'Inese Ozoliņa',
        email: 'inese.ozolina@example.lv',
        children: ['Elza Ozoliņa'],
      },
    ]);
    expect(group.unreachable.map((u) => [u.name, u.reason])).toEqual([
      ['Laura Bērziņa', 'noConsent'],
      ['Oskars Kalniņš', 'badEmail'],
      ['Pēteris Ozoliņš', 'noEmail'],
    ]);
    const forbidden = { code: 'FORBIDDEN', message: expect.stringContaining('nevarat') as unknown };
    expect(
      await f.b.fail('mail.parentRecipients', { target: { kind: 'group', groupId: f.cielavinas } }),
    ).toMatchObject(forbidden);
    expect(await f.b.fail('mail.parentRecipients', { target: { kind: 'all' } })).toMatchObject(
      forbidden,
    );
    expect(
      await f.b.fail('mail.sendToParents', {
        target: { kind: 'child', childId: f.other },
        subject: 'Sveiki',
        body: 'Teksts.',
      }),
    ).toMatchObject(forbidden);
    await f.as('ilze');
    const all = await f.b.ok('mail.parentRecipients', { target: { kind: 'all' } });
    expect(all.reachable).toHaveLength(1);
    expect(all.unreachable.map((u) => u.name)).toContain('Zane Grava');
  });

  it('refuses a list that reaches nobody, an injected header and an empty message; queues nothing', async () => {
    const f = await world();
    await f.as('anna');
    const nobody = await f.b.fail('mail.sendToParents', {
      target: { kind: 'child', childId: f.children[1] },
      subject: 'Sveiki',
      body: 'Teksts.',
    });
    expect(nobody.fields).toEqual({
      target:
        'Nevienam no šiem vecākiem nevar nosūtīt e-pastu (nav adreses vai piekrišanas): nekas netika nosūtīts.',
    });
    const bad = await f.b.fail('mail.sendToParents', {
      target: { kind: 'child', childId: f.elza },
      subject: 'Sveiki\nBcc: visi@example.lv',
      body: '   ',
    });
    expect(bad.fields).toEqual({
      subject: 'Šajā laukā nedrīkst būt rindas pārnesumi vai vadības rakstzīmes.',
      body: 'Obligāti aizpildāms lauks.',
    });
    expect(await f.outbox()).toEqual([]);
  });

  it('keeps a guardian’s address valid and the consent tied to one', async () => {
    const f = await world();
    await f.as('dace');
    const base = {
      id: f.elzaFather,
      firstName: 'Pēteris',
      lastName: 'Ozoliņš',
      phone: '',
      consents: [],
    };
    const invalid = await f.b.fail('guardians.update', {
      ...base,
      email: 'peteris@example.lv>\r\nBcc: x@y.lv',
      agreesEmail: true,
    });
    expect(invalid.fields).toEqual({
      email: 'Nederīga e-pasta adrese (piemēram, vards@epasts.lv).',
    });
    const noAddress = await f.b.fail('guardians.update', { ...base, email: '', agreesEmail: true });
    expect(noAddress.fields).toEqual({ email: 'Lai sūtītu e-pastu, norādiet e-pasta adresi.' });
    const saved = await f.b.ok('guardians.update', {
      ...base,
      email: 'peteris@example.lv',
      agreesEmail: true,
    });
    expect(saved).toMatchObject({ email: 'peteris@example.lv', agreesEmail: true });
    // The written application (2.3) carries the address and the consent to the guardian.
    const application = await f.b.ok('applications.create', {
      receivedOn: '2026-12-09',
      parentName: 'Aija Bērziņa',
      parentPhone: '26123456',
      email: 'aija@example.lv',
      agreesEmail: true,
      childId: f.children[1],
    });
    expect(application).toMatchObject({ parentEmail: 'aija@example.lv', agreesEmail: true });
    const connected = await f.b.ok('applications.connect', {
      id: application.id,
      connectedOn: '2026-12-10',
      relation: 'mother',
    });
    const child = await f.b.ok('children.get', { id: f.children[1] });
    const aija = child.guardians.find((g) => g.guardianId === connected.guardianId);
    expect(aija).toMatchObject({ email: 'aija@example.lv', agreesEmail: true });
  });

  it('sends an individual work note and shows it sent with the time on the entry', async () => {
    const f = await world();
    await f.as('anna');
    const note = await f.b.ok('journals.saveEntry', { ...entry([f.elza]), sendToParents: true });
    expect(note).toMatchObject({ sendStatus: 'waiting', sentAt: null });
    await f.settle();
    expect(f.peer.received).toHaveLength(1);
    const [{ mail, envelope }] = f.peer.received;
    expect(envelope.to).toEqual(['inese.ozolina@example.lv']);
    expect(mail.subject).toBe('Individuālais darbs: Elza Ozoliņa, 10.12.2026');
    expect(mail.text).toContain('Skaņas “R” vingrinājumi ar spoguli.');
    const {
      rows: [shown],
    } = await f.b.ok('journals.entries', DECEMBER);
    expect(shown).toMatchObject({ sendStatus: 'sent', sendError: null });
    expect(shown.sentAt).toBe((await f.outbox())[0].sentAt);
    expect((await f.b.ok('journals.waiting', {})).rows).toEqual([]);
    // Saving it again does not send it again.
    await f.b.ok('journals.saveEntry', { ...entry([f.elza]), id: note.id, sendToParents: true });
    await f.settle();
    expect(f.peer.received).toHaveLength(1);

    // No parent of Jānis can be e-mailed: refused, and the entry is not saved either.
    const refused = await f.b.fail('journals.saveEntry', {
      ...entry([f.children[1]]),
      sendToParents: true,
    });
    expect(refused.fields).toEqual({
      sendToParents:
        'Bērna Jānis Bērziņš vecākiem nevar nosūtīt e-pastu: nevienam nav e-pasta adreses ar piekrišanu to saņemt.',
    });
    expect(await f.db().getRepository(IndividualWorkEntry).count()).toBe(1);
  });

  it('shows a refused note as failed with the server’s reason', async () => {
    const f = await world();
    f.peer.refuse.set('inese.ozolina@example.lv', { code: 550, text: '5.1.1 No such user' });
    await f.as('anna');
    await f.b.ok('journals.saveEntry', { ...entry([f.elza]), sendToParents: true });
    await f.settle();
    const {
      rows: [shown],
    } = await f.b.ok('journals.entries', DECEMBER);
    expect(shown).toMatchObject({ sendStatus: 'failed', sentAt: null });
    expect(shown.sendError).toContain('550 5.1.1 No such user');
    expect((await f.b.ok('journals.waiting', {})).rows.map((e) => e.id)).toEqual([shown.id]);
  });

  it('sends a child’s progress as a PDF to the parents', async () => {
    const f = await world();
    await f.as('anna');
    expect(await f.b.ok('mail.sendProgress', { childId: f.elza })).toEqual({
      queued: 1,
      unreachable: 1,
    });
    await f.settle();
    const [{ mail }] = f.peer.received;
    expect(mail.subject).toBe('Bērna sasniegumi: Elza Ozoliņa, 2026./2027. mācību gads');
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ contentType: 'application/pdf' });
    expect(pdf.filename).toMatch(/^sasniegumi-.*-2026\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await f.b.fail('mail.sendProgress', { childId: f.other })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
