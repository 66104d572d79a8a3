import { describe, expect, it } from 'vitest';
import { User } from '../../database/entities';
import { AuditEvent } from '../../database/entities/audit-event';
import { IndividualWorkEntry, ParentTalk } from '../../database/entities/journals';
import { ChildGuardian, Guardian } from '../../database/entities/people';
import { Substitution } from '../../database/entities/substitution';
import { planningFixture } from './planning-fixtures';

// Thursday 10 December 2026, 10:00 in Riga.
const TODAY = '2026-12-10';
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

async function fixture() {
  const f = await planningFixture('2026-12-10T08:00:00Z');
  // The data source is opened anew at every login: always ask for the current one.
  const repo = <T extends object>(entity: new () => T) => f.b.router.state.db.getRepository(entity);
  const db = f.b.router.state.db;
  const guardian = async (firstName: string, lastName: string, childId: number) => {
    const g = await db.getRepository(Guardian).save({
      firstName,
      lastName,
      searchName: `${lastName} ${firstName}`.toLowerCase(),
      phone: null,
      email: null,
      consents: '[]',
    });
    await db.getRepository(ChildGuardian).insert({ childId, guardianId: g.id, relation: 'mother' });
    return g.id;
  };
  // Elza Ozoliņa (Zīlītes) has two parents; Kārlis Grava (Cielaviņas) one.
  const elza = f.children[0];
  const elzaMother = await guardian('Inese', 'Ozoliņa', elza);
  const elzaFather = await guardian('Pēteris', 'Ozoliņš', elza);
  const karlisMother = await guardian('Zane', 'Grava', f.other);
  const head = await db.getRepository(User).findOneByOrFail({ username: 'ilze' });
  return { ...f, repo, elza, elzaMother, elzaFather, karlisMother, headId: head.id };
}

const entry = (childIds: number[], date = TODAY) => ({
  date,
  childIds,
  kind: 'individualWork' as const,
  content: 'Skaņas “R” vingrinājumi ar spoguli.',
  durationMinutes: 20,
});

describe('the individual work journal', () => {
  it('flags a past day late, keeps today on time and refuses a future day', async () => {
    const f = await fixture();
    await f.as('anna');
    const onTime = await f.b.ok('journals.saveEntry', entry([f.elza]));
    expect(onTime).toMatchObject({
      date: TODAY,
      late: false,
      authorName: 'Anna Kalniņa',
      onBehalfOfName: null,
      children: [{ id: f.elza, name: 'Elza Ozoliņa' }],
      durationMinutes: 20,
      sendStatus: null,
      canEdit: true,
    });
    const yesterday = await f.b.ok('journals.saveEntry', {
      ...entry([f.children[1], f.children[2]], '2026-12-09'),
      kind: 'play',
      durationMinutes: null,
    });
    expect(yesterday).toMatchObject({ late: true, kind: 'play', durationMinutes: null });
    expect(yesterday.children.map((c) => c.name)).toEqual(['Jānis Bērziņš', 'Mārtiņš Kalniņš']);

    // The next morning, yesterday's entry stays on time when only its text is corrected.
    f.b.clock.advance(24 * 3600);
    await f.as('anna');
    const corrected = await f.b.ok('journals.saveEntry', {
      ...entry([f.elza]),
      id: onTime.id,
      content: 'Skaņas “R” vingrinājumi ar spoguli un elpošana.',
    });
    expect(corrected).toMatchObject({
      late: false,
      content: expect.stringContaining('elpošana') as unknown,
    });

    const future = await f.b.fail('journals.saveEntry', entry([f.elza], '2026-12-12'));
    expect(future).toMatchObject({
      code: 'VALIDATION',
      fields: { date: 'Ierakstu nevar ievadīt nākotnes datumam (šodien ir 11.12.2026).' },
    });
    const list = await f.b.ok('journals.entries', DECEMBER);
    expect(list.map((e) => [e.date, e.late])).toEqual([
      ['2026-12-10', false],
      ['2026-12-09', true],
    ]);
    expect(await f.repo(IndividualWorkEntry).count()).toBe(2);
  });

  it('lets a teacher write only about children of her groups on that date', async () => {
    const f = await fixture();
    await f.as('anna');
    const refused = await f.b.fail('journals.saveEntry', entry([f.elza, f.other]));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      fields: {
        childIds:
          'Par bērnu Kārlis Grava 10.12.2026 nevarat rakstīt: bērns nav grupā, kurā strādājat.',
      },
    });
    // Paula left «Zīlītes» on 30 November: in reach that day, not after.
    expect(await f.b.fail('journals.saveEntry', entry([f.left]))).toMatchObject({
      fields: { childIds: expect.stringContaining('Paula Jansone') as unknown },
    });
    expect(await f.b.ok('journals.saveEntry', entry([f.left], '2026-11-30'))).toMatchObject({
      late: true,
    });
    const choices = await f.b.ok('journals.children', { date: TODAY });
    expect(choices.map((c) => c.name)).toEqual([
      'Jānis Bērziņš',
      'Mārtiņš Kalniņš',
      'Elza Ozoliņa',
      'Līga Šmite',
      'Rūta Žagare',
    ]);
    expect(choices.find((c) => c.id === f.elza)?.guardians.map((g) => g.name)).toEqual([
      'Inese Ozoliņa',
      'Pēteris Ozoliņš',
    ]);
    // Only the refused attempts' nothing: the one valid entry is all there is.
    expect(await f.repo(IndividualWorkEntry).count()).toBe(1);
    expect(await f.repo(AuditEvent).countBy({ action: 'journals.entryCreated' })).toBe(1);
  });

  it('lets the speech therapist write about any enrolled child and read her own only', async () => {
    const f = await fixture();
    await f.as('sarma');
    const choices = await f.b.ok('journals.children', { date: TODAY });
    expect(choices.map((c) => [c.name, c.groupName])).toContainEqual([
      'Kārlis Grava',
      'Cielaviņas',
    ]);
    expect(choices.every((c) => c.guardians.length === 0)).toBe(true);
    const own = await f.b.ok('journals.saveEntry', {
      ...entry([f.elza, f.other]),
      kind: 'individualLesson',
    });
    expect(own).toMatchObject({ authorName: 'Sarma Krūmiņa', late: false });
    // Not enrolled anywhere on that date.
    expect(await f.b.fail('journals.saveEntry', entry([f.left]))).toMatchObject({
      fields: { childIds: 'Bērns Paula Jansone 10.12.2026 nav uzņemts nevienā grupā.' },
    });
    // There is no mail: only group teachers tick "Nosūtīt vecākiem".
    expect(
      await f.b.fail('journals.saveEntry', { ...entry([f.elza]), sendToParents: true }),
    ).toMatchObject({ fields: { sendToParents: 'Nosūtīt vecākiem var grupas skolotāji.' } });

    await f.as('anna');
    await f.b.ok('journals.saveEntry', entry([f.children[1]]));
    await f.as('sarma');
    expect((await f.b.ok('journals.entries', DECEMBER)).map((e) => e.authorName)).toEqual([
      'Sarma Krūmiņa',
    ]);
  });

  it('lets only the author edit and delete, with a message in Latvian', async () => {
    const f = await fixture();
    await f.as('sarma');
    const theirs = await f.b.ok('journals.saveEntry', entry([f.elza]));
    await f.as('anna');
    // Anna reads the speech therapist's entry about a child of her group, but cannot change it.
    const seen = await f.b.ok('journals.entries', DECEMBER);
    expect(seen).toMatchObject([{ id: theirs.id, canEdit: false }]);
    const edit = await f.b.fail('journals.saveEntry', { ...entry([f.elza]), id: theirs.id });
    expect(edit).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Labot un dzēst var tikai ieraksta autors.',
    });
    expect(await f.b.fail('journals.deleteEntry', { id: theirs.id })).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Labot un dzēst var tikai ieraksta autors.',
    });
    const stored = await f.repo(IndividualWorkEntry).findOneByOrFail({ id: theirs.id });
    expect(stored.content).toBe(theirs.content);

    await f.as('sarma');
    await f.b.ok('journals.deleteEntry', { id: theirs.id });
    expect(await f.b.ok('journals.entries', DECEMBER)).toEqual([]);
    expect(await f.b.fail('journals.deleteEntry', { id: theirs.id })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Ieraksts nav atrasts.',
    });
  });

  it('shows head and deputy everything and a teacher her groups', async () => {
    const f = await fixture();
    await f.as('anna');
    await f.b.ok('journals.saveEntry', entry([f.elza]));
    await f.as('ieva');
    await f.b.ok('journals.saveEntry', entry([f.other]));
    await f.as('sarma');
    await f.b.ok('journals.saveEntry', entry([f.other]));
    for (const reader of ['ilze', 'dace']) {
      await f.as(reader);
      const rows = await f.b.ok('journals.entries', DECEMBER);
      expect(rows.map((r) => r.authorName).sort()).toEqual([
        'Anna Kalniņa',
        'Ieva Liepiņa',
        'Sarma Krūmiņa',
      ]);
      expect(rows.every((r) => !r.canEdit)).toBe(true);
    }
    await f.as('anna');
    expect((await f.b.ok('journals.entries', DECEMBER)).map((r) => r.authorName)).toEqual([
      'Anna Kalniņa',
    ]);
    await f.as('ieva');
    expect((await f.b.ok('journals.entries', DECEMBER)).map((r) => r.authorName).sort()).toEqual([
      'Ieva Liepiņa',
      'Sarma Krūmiņa',
    ]);
    // The nurse has no part in this journal.
    await f.as('marta');
    expect(await f.b.fail('journals.entries', DECEMBER)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps "Nosūtīt vecākiem" entries on the waiting list until unticked', async () => {
    const f = await fixture();
    await f.as('anna');
    const note = await f.b.ok('journals.saveEntry', { ...entry([f.elza]), sendToParents: true });
    expect(note).toMatchObject({ sendToParents: true, sendStatus: 'waiting' });
    await f.b.ok('journals.saveEntry', entry([f.children[1]]));
    expect((await f.b.ok('journals.waiting', {})).map((e) => e.id)).toEqual([note.id]);
    await f.as('ilze');
    expect((await f.b.ok('journals.waiting', {})).map((e) => e.id)).toEqual([note.id]);
    await f.as('ieva');
    expect(await f.b.ok('journals.waiting', {})).toEqual([]);
    await f.as('anna');
    await f.b.ok('journals.saveEntry', { ...entry([f.elza]), id: note.id, sendToParents: false });
    expect(await f.b.ok('journals.waiting', {})).toEqual([]);
  });

  it('refuses bad input field by field in Latvian, writing nothing', async () => {
    const f = await fixture();
    await f.as('anna');
    const bad = await f.b.fail('journals.saveEntry', {
      date: '2026-02-30',
      childIds: [],
      kind: 'walk',
      content: 'x'.repeat(2001),
      durationMinutes: 481,
    });
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      fields: {
        date: expect.stringMatching(/datum/i) as unknown,
        childIds: 'Izvēlieties vismaz vienu bērnu.',
        kind: expect.stringMatching(/[āēīū]/) as unknown,
        content: expect.stringMatching(/2000/) as unknown,
        durationMinutes: 'Ilgumam jābūt veselam minūšu skaitam no 1 līdz 480.',
      },
    });
    expect(
      await f.b.fail('journals.saveEntry', { ...entry([f.elza]), durationMinutes: 0 }),
    ).toMatchObject({
      fields: { durationMinutes: expect.stringContaining('no 1 līdz 480') as unknown },
    });
    expect(
      await f.b.fail('journals.entries', { from: '2026-12-31', to: '2026-12-01' }),
    ).toMatchObject({ fields: { to: 'Beigu datums nevar būt pirms sākuma datuma.' } });
    expect(await f.repo(IndividualWorkEntry).count()).toBe(0);
  });

  it('writes a substitute entry on behalf of the absent teacher', async () => {
    const f = await fixture();
    // Anna substitutes for the absent Ieva in «Cielaviņas» on 9–11 December.
    await f.repo(Substitution).insert({
      groupId: f.cielavinas,
      substituteId: f.users.anna,
      absentId: f.users.ieva,
      fromDate: '2026-12-09',
      toDate: '2026-12-11',
      note: '',
      createdAt: '2026-12-09T06:00:00.000Z',
      createdBy: f.headId,
    });
    await f.as('anna');
    const sub = await f.b.ok('journals.saveEntry', entry([f.other]));
    expect(sub).toMatchObject({ authorName: 'Anna Kalniņa', onBehalfOfName: 'Ieva Liepiņa' });
    // In her own group she writes as herself.
    const own = await f.b.ok('journals.saveEntry', entry([f.elza]));
    expect(own.onBehalfOfName).toBeNull();
    const audits = await f
      .repo(AuditEvent)
      .find({ where: { action: 'journals.entryCreated' }, order: { id: 'ASC' } });
    expect(audits.map((a) => [a.entityId, a.actorId, a.onBehalfOfId])).toEqual([
      [String(sub.id), f.users.anna, f.users.ieva],
      [String(own.id), f.users.anna, null],
    ]);
    // Ieva, back at work, reads the entry made for her group in her name.
    await f.as('ieva');
    expect(await f.b.ok('journals.entries', DECEMBER)).toMatchObject([
      { id: sub.id, onBehalfOfName: 'Ieva Liepiņa', canEdit: false },
    ]);
    // After the substitution Anna cannot write about «Cielaviņas» any more.
    f.b.clock.set(new Date('2026-12-14T08:00:00Z'));
    await f.as('anna');
    expect(await f.b.fail('journals.saveEntry', entry([f.other], '2026-12-14'))).toMatchObject({
      fields: { childIds: expect.stringContaining('Kārlis Grava') as unknown },
    });
  });
});

describe('talks with parents', () => {
  const talk = (childId: number, guardianIds: number[], date = TODAY) => ({
    date,
    childId,
    guardianIds,
    subject: 'behaviour' as const,
    content: 'Runājām par to, kā Elza dalās ar rotaļlietām.',
    agreed: 'Mājās un grupā slavējam, kad dalās.',
  });

  it('records a talk with the child’s own guardians only', async () => {
    const f = await fixture();
    await f.as('anna');
    const saved = await f.b.ok('journals.saveTalk', talk(f.elza, [f.elzaMother, f.elzaFather]));
    expect(saved).toMatchObject({
      childName: 'Elza Ozoliņa',
      guardians: [
        { id: f.elzaMother, name: 'Inese Ozoliņa' },
        { id: f.elzaFather, name: 'Pēteris Ozoliņš' },
      ],
      subject: 'behaviour',
      authorName: 'Anna Kalniņa',
      late: false,
    });
    // Kārlis's mother is not Elza's guardian.
    expect(await f.b.fail('journals.saveTalk', talk(f.elza, [f.karlisMother]))).toMatchObject({
      code: 'VALIDATION',
      fields: { guardianIds: 'Zane Grava nav reģistrēts kā šī bērna vecāks.' },
    });
    expect(await f.b.fail('journals.saveTalk', talk(f.elza, []))).toMatchObject({
      fields: { guardianIds: 'Izvēlieties vismaz vienu no bērna vecākiem.' },
    });
    // Kārlis is in «Cielaviņas», not Anna's group.
    expect(await f.b.fail('journals.saveTalk', talk(f.other, [f.karlisMother]))).toMatchObject({
      fields: { childId: expect.stringContaining('nav grupā, kurā strādājat') as unknown },
    });
    expect(
      await f.b.fail('journals.saveTalk', talk(f.elza, [f.elzaMother], '2026-12-11')),
    ).toMatchObject({ fields: { date: expect.stringContaining('nākotnes datumam') as unknown } });
    const late = await f.b.ok('journals.saveTalk', {
      ...talk(f.elza, [f.elzaMother], '2026-12-01'),
      subject: 'results',
      agreed: '',
    });
    expect(late).toMatchObject({ late: true, agreed: '' });
    expect(await f.repo(ParentTalk).count()).toBe(2);
  });

  it('is read by head, deputy and the child’s group teachers; edited by its author', async () => {
    const f = await fixture();
    await f.as('anna');
    const saved = await f.b.ok('journals.saveTalk', talk(f.elza, [f.elzaMother]));
    await f.as('ieva');
    await f.b.ok('journals.saveTalk', {
      ...talk(f.other, [f.karlisMother]),
      content: 'Par dienas režīmu.',
    });
    expect((await f.b.ok('journals.talks', DECEMBER)).map((t) => t.childName)).toEqual([
      'Kārlis Grava',
    ]);
    expect(
      await f.b.fail('journals.saveTalk', { ...talk(f.elza, [f.elzaMother]), id: saved.id }),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'Labot un dzēst var tikai ieraksta autors.' });
    for (const reader of ['ilze', 'dace']) {
      await f.as(reader);
      expect((await f.b.ok('journals.talks', DECEMBER)).map((t) => t.childName).sort()).toEqual([
        'Elza Ozoliņa',
        'Kārlis Grava',
      ]);
    }
    await f.as('sarma');
    expect(await f.b.fail('journals.talks', DECEMBER)).toMatchObject({ code: 'FORBIDDEN' });

    await f.as('anna');
    const edited = await f.b.ok('journals.saveTalk', {
      ...talk(f.elza, [f.elzaFather]),
      id: saved.id,
      subject: 'rules',
    });
    expect(edited).toMatchObject({ subject: 'rules', guardians: [{ name: 'Pēteris Ozoliņš' }] });
    const audit = await f.repo(AuditEvent).findOneByOrFail({ action: 'journals.talkUpdated' });
    expect(JSON.parse(audit.before ?? '{}')).toMatchObject({
      subject: 'behaviour',
      guardianIds: [f.elzaMother],
    });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({
      subject: 'rules',
      guardianIds: [f.elzaFather],
    });
  });

  it('records a substitute’s talk on behalf of the absent teacher', async () => {
    const f = await fixture();
    await f.repo(Substitution).insert({
      groupId: f.cielavinas,
      substituteId: f.users.anna,
      absentId: f.users.ieva,
      fromDate: TODAY,
      toDate: TODAY,
      note: '',
      createdAt: '2026-12-10T06:00:00.000Z',
      createdBy: f.headId,
    });
    await f.as('anna');
    const saved = await f.b.ok('journals.saveTalk', talk(f.other, [f.karlisMother]));
    expect(saved).toMatchObject({ authorName: 'Anna Kalniņa', onBehalfOfName: 'Ieva Liepiņa' });
    const audit = await f.repo(AuditEvent).findOneByOrFail({ action: 'journals.talkCreated' });
    expect(audit.onBehalfOfId).toBe(f.users.ieva);
  });
});
