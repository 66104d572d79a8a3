import { describe, expect, it } from 'vitest';
import type { JournalCheckInput } from '../../common/contract/supervision';
import { DiaryEntry, JournalCheck } from '../../database/entities/supervision';
import { TEMPORARY_PASSWORD } from './helpers';
import { planningFixture, topic } from './planning-fixtures';

// Thursday 10 December 2026, 10:00 in Riga.
const START = '2026-12-10T08:00:00Z';

/** The planning fixture with a topic that started in each group and one that starts later. */
async function supervisionFixture() {
  const f = await planningFixture(START);
  await f.as('anna');
  let plan = await f.b.ok('planning.saveTopic', {
    groupId: f.zilites,
    month: '2026-12',
    topic: topic('Ziema', '2026-12-07', '2026-12-11'),
  });
  plan = await f.b.ok('planning.saveTopic', {
    groupId: f.zilites,
    month: '2026-12',
    topic: topic('Sniegs', '2026-12-14', '2026-12-23'),
  });
  const [ziema, sniegs] = plan.topics.map((t) => t.id);
  await f.as('ieva');
  const other = await f.b.ok('planning.saveTopic', {
    groupId: f.cielavinas,
    month: '2026-12',
    topic: topic('Rūķi', '2026-12-01', '2026-12-18'),
  });
  const ruki = other.topics[0].id;
  const check = (over: Partial<JournalCheckInput> = {}): JournalCheckInput => ({
    date: '2026-12-10',
    groupId: f.zilites,
    topicId: ziema,
    findings: 'Plāns iesniegts laikus; vērtējumi vēl nav ievadīti.',
    recommendations: 'Ievadīt vērtējumus piecu dienu laikā.',
    correctionDate: '2026-12-18',
    ...over,
  });
  // The database is opened anew at each login, so it is looked up at each count.
  const counts = async () => ({
    diary: await f.b.router.state.db.getRepository(DiaryEntry).count(),
    checks: await f.b.router.state.db.getRepository(JournalCheck).count(),
  });
  return { ...f, ziema, sniegs, ruki, check, counts };
}

describe("the deputy head's diary", () => {
  it('flags an entry for a past day as late, the same day not, and refuses a future day', async () => {
    const f = await supervisionFixture();
    await f.as('dace');
    const today = await f.b.ok('supervision.diarySave', {
      date: '2026-12-10',
      kind: 'meeting',
      participants: 'Grupu skolotājas',
      content: 'Informatīvā sanāksme par Ziemassvētku pasākumu.',
    });
    expect(today).toMatchObject({ late: false, authorName: 'Dace Vītola', canEdit: true });
    const past = await f.b.ok('supervision.diarySave', {
      date: '2026-12-09',
      kind: 'observation',
      participants: 'Zīlītes',
      content: 'Rotaļnodarbības vērojums.',
    });
    expect(past.late).toBe(true);

    const before = await f.counts();
    const future = await f.b.fail('supervision.diarySave', {
      date: '2026-12-11',
      kind: 'activity',
      participants: '',
      content: 'Rītdienas pasākums.',
    });
    expect(future).toMatchObject({
      code: 'VALIDATION',
      fields: { date: 'Datums nevar būt nākotnē.' },
    });
    const empty = await f.b.fail('supervision.diarySave', {
      date: '2026-12-10',
      kind: 'party',
      participants: 'x'.repeat(501),
      content: '  ',
    });
    expect(empty.fields).toEqual({
      kind: expect.any(String) as string,
      participants: 'Ne vairāk kā 500 rakstzīmes.',
      content: 'Obligāti aizpildāms lauks.',
    });
    expect(await f.counts()).toEqual(before);

    // Half past midnight in Riga (still 10.12 in UTC): the 10th is over, so its entry is late.
    f.b.clock.set(new Date('2026-12-10T22:30:00Z'));
    await f.as('dace');
    const afterMidnight = await f.b.ok('supervision.diarySave', {
      date: '2026-12-10',
      kind: 'consultation',
      participants: 'Anna Kalniņa',
      content: 'Konsultācija par vērtēšanu.',
    });
    expect(afterMidnight.late).toBe(true);

    const month = (await f.b.ok('supervision.diary', { month: '2026-12' })).rows;
    expect(month.map((r) => [r.date, r.kind, r.late])).toEqual([
      ['2026-12-10', 'consultation', true],
      ['2026-12-10', 'meeting', false],
      ['2026-12-09', 'observation', true],
    ]);
    expect(await f.b.ok('supervision.diary', { month: '2026-11' })).toEqual({ rows: [], total: 0 });
  });

  it('lets only the author edit or delete; the head reads all and writes nothing', async () => {
    const f = await supervisionFixture();
    await f.as('ilze');
    await f.b.ok('users.create', {
      username: 'laura',
      fullName: 'Laura Zariņa',
      role: 'deputy',
      temporaryPassword: TEMPORARY_PASSWORD,
    });
    await f.as('dace');
    const fields = {
      date: '2026-12-10',
      kind: 'activity' as const,
      participants: '',
      content: 'Sporta diena.',
    };
    const entry = { id: (await f.b.ok('supervision.diarySave', fields)).id, ...fields };
    // The next day she corrects the text: the entry stays on time.
    f.b.clock.advance(24 * 3600);
    await f.as('dace');
    const edited = await f.b.ok('supervision.diarySave', {
      ...entry,
      content: 'Sporta diena ar vecākiem.',
    });
    expect(edited).toMatchObject({ content: 'Sporta diena ar vecākiem.', late: false });

    await f.as('laura');
    const foreign = await f.b.fail('supervision.diarySave', { ...entry, content: 'Cits' });
    expect(foreign).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Labot un dzēst var tikai ieraksta autors.',
    });
    expect(await f.b.fail('supervision.diaryDelete', { id: entry.id })).toMatchObject({
      code: 'FORBIDDEN',
    });

    await f.as('ilze');
    const read = (await f.b.ok('supervision.diary', {})).rows;
    expect(read).toEqual([
      expect.objectContaining({ content: 'Sporta diena ar vecākiem.', canEdit: false }),
    ]);
    expect(await f.b.fail('supervision.diarySave', { ...entry })).toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const user of ['anna', 'marta', 'sarma']) {
      await f.as(user);
      expect((await f.b.fail('supervision.diary', {})).code).toBe('FORBIDDEN');
    }

    await f.as('dace');
    await f.b.ok('supervision.diaryDelete', { id: entry.id });
    expect((await f.b.ok('supervision.diary', {})).rows).toEqual([]);
  });
});

describe('journal checks', () => {
  it("the deputy's topics without a check lose a checked topic and gain one that starts", async () => {
    const f = await supervisionFixture();
    await f.as('dace');
    const titles = async () =>
      (await f.b.ok('supervision.unchecked', {})).map((r) => `${r.groupName}: ${r.topicTitle}`);
    // «Sniegs» starts on Monday 14.12: not yet.
    expect(await titles()).toEqual(['Cielaviņas: Rūķi', 'Zīlītes: Ziema']);

    const saved = await f.b.ok('supervision.checkSave', f.check());
    expect(saved).toMatchObject({
      groupName: 'Zīlītes',
      topicTitle: 'Ziema',
      topicStart: '2026-12-07',
      authorRole: 'deputy',
      authorName: 'Dace Vītola',
      correctionDate: '2026-12-18',
    });
    expect(await titles()).toEqual(['Cielaviņas: Rūķi']);

    f.b.clock.set(new Date('2026-12-14T07:00:00Z'));
    await f.as('dace');
    expect(await titles()).toEqual(['Cielaviņas: Rūķi', 'Zīlītes: Sniegs']);
    const unchecked = await f.b.ok('supervision.unchecked', {});
    expect(unchecked[1]).toMatchObject({ groupId: f.zilites, topicId: f.sniegs });

    // The options of the form: each group with its own topics.
    const options = await f.b.ok('supervision.options', {});
    expect(options.map((o) => [o.groupName, o.topics.map((t) => t.title)])).toEqual([
      ['Cielaviņas', ['Rūķi']],
      ['Zīlītes', ['Sniegs', 'Ziema']],
    ]);
  });

  it("counts the head's checks of this school year only, against the two required", async () => {
    const f = await supervisionFixture();
    await f.as('dace');
    await f.b.ok('supervision.checkSave', f.check());
    await f.as('ilze');
    expect(await f.b.ok('supervision.headCount', {})).toEqual({
      schoolYear: 2026,
      from: '2026-09-01',
      to: '2027-08-31',
      count: 0,
      required: 2,
    });
    const mine = await f.b.ok(
      'supervision.checkSave',
      f.check({ groupId: f.cielavinas, topicId: f.ruki }),
    );
    expect(mine.authorRole).toBe('head');
    expect((await f.b.ok('supervision.headCount', {})).count).toBe(1);
    // The deputy's check is hers to edit, not the head's.
    const list = (await f.b.ok('supervision.checks', {})).rows;
    expect(list.map((c) => [c.authorRole, c.canEdit])).toEqual([
      ['head', true],
      ['deputy', false],
    ]);
    const deputys = list[1];
    expect(
      await f.b.fail('supervision.checkSave', { ...f.check(), id: deputys.id, findings: 'Cits' }),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'Labot un dzēst var tikai ieraksta autors.' });
    expect(await f.b.fail('supervision.checkDelete', { id: deputys.id })).toMatchObject({
      code: 'FORBIDDEN',
    });

    // A new school year begins on 1 September 2027: last year's check no longer counts.
    f.b.clock.set(new Date('2027-09-06T07:00:00Z'));
    await f.as('ilze');
    expect(await f.b.ok('supervision.headCount', {})).toMatchObject({
      schoolYear: 2027,
      count: 0,
    });
    // The list opens on the new school year; last year's checks are there, with their old date.
    expect(await f.b.ok('supervision.checks', {})).toMatchObject({
      rows: [],
      total: 0,
      schoolYear: 2027,
      schoolYears: [2027, 2026],
    });
    expect(
      (await f.b.ok('supervision.checks', { schoolYear: 2026 })).rows.map((c) => c.date),
    ).toEqual(['2026-12-10', '2026-12-10']);
  });

  it('refuses bad input with Latvian messages and writes nothing', async () => {
    const f = await supervisionFixture();
    await f.as('dace');
    const before = await f.counts();
    const refuse = async (input: Record<string, unknown>) =>
      (await f.b.fail('supervision.checkSave', input)).fields;
    expect(await refuse(f.check({ date: '2026-12-11' }))).toEqual({
      date: 'Datums nevar būt nākotnē.',
    });
    expect(await refuse(f.check({ topicId: f.ruki }))).toEqual({
      topicId: 'Izvēlētais temats nav šīs grupas plānā.',
    });
    // «Ziema» starts on 7 December, «Sniegs» on the 14th: neither can be checked earlier.
    expect(await refuse(f.check({ date: '2026-12-04', correctionDate: '' }))).toEqual({
      date: 'Temats sākas 07.12.2026: pārbaude nevar būt agrāk.',
    });
    expect(await refuse(f.check({ topicId: f.sniegs }))).toEqual({
      date: 'Temats sākas 14.12.2026: pārbaude nevar būt agrāk.',
    });
    expect(await refuse(f.check({ correctionDate: '2026-12-09' }))).toEqual({
      correctionDate: 'Labojumu termiņš nevar būt pirms pārbaudes datuma.',
    });
    expect(
      await refuse(
        f.check({ findings: '', recommendations: 'x'.repeat(4001), date: '10.12.2026' }),
      ),
    ).toEqual({
      date: 'Datums jāievada formātā dd.mm.gggg.',
      findings: 'Obligāti aizpildāms lauks.',
      recommendations: 'Ne vairāk kā 4000 rakstzīmes.',
    });
    expect(await refuse({ ...f.check(), groupId: null })).toMatchObject({
      groupId: 'Obligāti aizpildāms lauks.',
    });
    expect(await f.counts()).toEqual(before);
    // Without a correction date the check is fine.
    const ok = await f.b.ok('supervision.checkSave', f.check({ correctionDate: '' }));
    expect(ok.correctionDate).toBeNull();
  });

  it("teachers read only their groups' checks and write none", async () => {
    const f = await supervisionFixture();
    await f.as('dace');
    await f.b.ok('supervision.checkSave', f.check());
    await f.b.ok('supervision.checkSave', f.check({ groupId: f.cielavinas, topicId: f.ruki }));

    await f.as('anna');
    const anna = (await f.b.ok('supervision.checks', {})).rows;
    expect(anna.map((c) => [c.groupName, c.topicTitle, c.recommendations])).toEqual([
      ['Zīlītes', 'Ziema', 'Ievadīt vērtējumus piecu dienu laikā.'],
    ]);
    expect(await f.b.fail('supervision.checks', { groupId: f.cielavinas })).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Jūs varat skatīt tikai savu grupu žurnāla pārbaudes.',
    });
    expect((await f.b.fail('supervision.checkSave', f.check())).code).toBe('FORBIDDEN');
    expect((await f.b.fail('supervision.unchecked', {})).code).toBe('FORBIDDEN');

    await f.as('ieva');
    expect((await f.b.ok('supervision.checks', {})).rows.map((c) => c.groupName)).toEqual([
      'Cielaviņas',
    ]);
    await f.as('sarma');
    expect((await f.b.fail('supervision.checks', {})).code).toBe('FORBIDDEN');
  });

  it('keeps a check when its topic is deleted from the plan', async () => {
    const f = await supervisionFixture();
    f.b.clock.set(new Date('2026-12-14T07:00:00Z'));
    await f.as('dace');
    await f.b.ok('supervision.checkSave', f.check({ date: '2026-12-14', topicId: f.sniegs }));
    await f.as('anna');
    await f.b.ok('planning.deleteTopic', { topicId: f.sniegs });
    await f.as('dace');
    const [kept] = (await f.b.ok('supervision.checks', {})).rows;
    expect(kept).toMatchObject({ topicId: null, topicTitle: 'Sniegs', groupName: 'Zīlītes' });
  });
});
