import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../../database/entities/audit-event';
import { IndividualWorkEntry } from '../../database/entities/journals';
import { Substitution } from '../../database/entities/substitution';
import { DECEMBER, TODAY, entry, journalsFixture as fixture } from './journals-fixtures';

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
    expect(await f.repo(AuditEvent).countBy({ action: 'journals.entry.create' })).toBe(1);
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
      .find({ where: { action: 'journals.entry.create' }, order: { id: 'ASC' } });
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

  it('closes a substitute’s entries to her when the substitution ends', async () => {
    const f = await fixture();
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
    expect(sub.canEdit).toBe(true);
    // On Monday the group is Ieva's alone again: Anna still reads what she wrote, but it is
    // closed to her like the rest of the absent teacher's journal.
    f.b.clock.set(new Date('2026-12-14T08:00:00Z'));
    await f.as('anna');
    expect(await f.b.ok('journals.entries', DECEMBER)).toMatchObject([
      { id: sub.id, canEdit: false },
    ]);
    const closed = {
      code: 'FORBIDDEN',
      message: 'Šo ierakstu vairs nevarat labot un dzēst: tā bērni nav grupā, kurā strādājat.',
    };
    expect(await f.b.fail('journals.deleteEntry', { id: sub.id })).toMatchObject(closed);
    expect(
      await f.b.fail('journals.saveEntry', { ...entry([f.other]), id: sub.id, content: 'Cits.' }),
    ).toMatchObject(closed);
    expect(await f.repo(IndividualWorkEntry).findOneByOrFail({ id: sub.id })).toMatchObject({
      content: sub.content,
    });
  });
});
