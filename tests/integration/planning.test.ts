import { describe, expect, it } from 'vitest';
import type { Method } from '../../common/contract';
import { PERMISSIONS } from '../../common/permissions';
import { Topic } from '../../database/entities/planning';
import { planningFixture, topic } from './planning-fixtures';

describe('the monthly plan deadline', () => {
  it('is the last working day of the previous month, past weekends and holidays', async () => {
    const f = await planningFixture();
    await f.as('anna');
    const due = async (month: string) =>
      (await f.b.ok('planning.overview', { month })).map((r) => r.dueDate);
    // 31.12.2026 is Vecgada diena (Thursday): January is due on Wednesday 30.12.
    expect(await due('2027-01')).toEqual(['2026-12-30']);
    // 31.10.2026 is a Saturday.
    expect(await due('2026-11')).toEqual(['2026-10-30']);
    // 28.02.2027 is a Sunday.
    expect(await due('2027-03')).toEqual(['2027-02-26']);
    // 31.03.2027 is an ordinary Wednesday.
    expect(await due('2027-04')).toEqual(['2027-03-31']);
  });

  it('flags a late first submission and not an amendment', async () => {
    const f = await planningFixture('2026-12-30T20:00:00Z'); // 22:00 in Riga on 30.12
    await f.as('anna');
    await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: topic('Ziema', '2027-01-04', '2027-01-15'),
    });
    const plan = await f.b.ok('planning.plan', { groupId: f.zilites, month: '2027-01' });
    const submitted = await f.b.ok('planning.submit', { planId: plan.id! });
    expect(submitted).toMatchObject({ status: 'submitted', late: false, dueDate: '2026-12-30' });

    // February: 31.01.2027 is a Sunday, so due Friday 29.01; submitted on Saturday 30.01.
    f.b.clock.set(new Date('2027-01-30T09:00:00Z'));
    await f.as('anna');
    await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-02',
      topic: topic('Putni ziemā', '2027-02-01', '2027-02-12'),
    });
    const feb = await f.b.ok('planning.plan', { groupId: f.zilites, month: '2027-02' });
    expect(feb.dueDate).toBe('2027-01-29');
    expect(await f.b.ok('planning.submit', { planId: feb.id! })).toMatchObject({ late: true });
    const rows = await f.b.ok('planning.overview', { month: '2027-02' });
    expect(rows[0]).toMatchObject({ groupName: 'Zīlītes', status: 'submitted', late: true });
  });
});

describe('plan versions', () => {
  it('keeps a version per submission with a readable difference', async () => {
    const f = await planningFixture();
    await f.as('anna');
    const first = topic('Ziema', '2027-01-04', '2027-01-15');
    let plan = await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: first,
    });
    plan = await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: topic('Sniegs', '2027-01-18', '2027-02-05'), // crosses the month's end
    });
    expect(plan.topics.map((t) => t.title)).toEqual(['Ziema', 'Sniegs']);
    plan = await f.b.ok('planning.submit', { planId: plan.id! });
    expect(plan).toMatchObject({
      versionCount: 1,
      pendingChanges: false,
      submittedBy: 'Anna Kalniņa',
    });

    // Amend: a new message for «Ziema», the walks of «Sniegs» removed, a third topic.
    const ziema = plan.topics[0];
    await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: {
        ...first,
        id: ziema.id,
        version: ziema.version,
        message: 'Sniegs krīt, un mēs priecājamies.',
      },
    });
    const sniegs = plan.topics[1];
    await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: {
        ...topic('Sniegs', '2027-01-18', '2027-02-05'),
        id: sniegs.id,
        version: sniegs.version,
        extra: { ...sniegs.extra, walks: '' },
      },
    });
    plan = await f.b.ok('planning.plan', { groupId: f.zilites, month: '2027-01' });
    expect(plan.pendingChanges).toBe(true);
    f.b.clock.advance(60);
    plan = await f.b.ok('planning.submit', { planId: plan.id! });
    expect(plan).toMatchObject({ versionCount: 2, pendingChanges: false });

    const versions = await f.b.ok('planning.versions', { planId: plan.id! });
    expect(versions.map((v) => [v.number, v.byName])).toEqual([
      [2, 'Anna Kalniņa'],
      [1, 'Anna Kalniņa'],
    ]);
    expect(versions[0].changes).toEqual([
      {
        kind: 'fieldChanged',
        topic: 'Ziema',
        field: 'message',
        before: 'Ziņa bērnam: Ziema',
        after: 'Sniegs krīt, un mēs priecājamies.',
      },
      {
        kind: 'fieldChanged',
        topic: 'Sniegs',
        field: 'extra.walks',
        before: 'Pastaiga parkā.',
        after: '',
      },
    ]);
    expect(versions[1].changes).toEqual([
      { kind: 'topicAdded', topic: 'Ziema' },
      { kind: 'topicAdded', topic: 'Sniegs' },
    ]);
    // Nothing new: nothing to submit.
    expect(await f.b.fail('planning.submit', { planId: plan.id! })).toMatchObject({
      code: 'CONFLICT',
      message: 'Kopš pēdējās iesniegšanas plānā nav izmaiņu.',
    });
  });

  it('copies a plan into another month, shifting the dates', async () => {
    const f = await planningFixture();
    await f.as('anna');
    const jan = await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: topic('Ziema', '2027-01-04', '2027-01-31'),
    });
    const feb = await f.b.ok('planning.copy', {
      fromPlanId: jan.id!,
      groupId: f.zilites,
      month: '2027-02',
    });
    expect(feb.topics.map((t) => [t.title, t.startDate, t.endDate, t.message])).toEqual([
      ['Ziema', '2027-02-04', '2027-02-28', 'Ziņa bērnam: Ziema'],
    ]);
    expect(feb.status).toBe('draft');
  });
});

describe('two people saving one topic', () => {
  it('refuses a save made from an older version of the topic and keeps the newer text', async () => {
    const f = await planningFixture();
    await f.as('anna');
    const first = topic('Ziema', '2027-01-04', '2027-01-15');
    const at = { groupId: f.zilites, month: '2027-01' };
    const [loaded] = (await f.b.ok('planning.saveTopic', { ...at, topic: first })).topics;
    expect(loaded.version).toBe(1);
    // One PC saves from version 1; the other, still showing version 1, saves after it.
    const saved = await f.b.ok('planning.saveTopic', {
      ...at,
      topic: { ...first, id: loaded.id, version: loaded.version, message: 'Pirmā ziņa.' },
    });
    expect(saved.topics[0]).toMatchObject({ version: 2, message: 'Pirmā ziņa.' });
    const stale = await f.b.fail('planning.saveTopic', {
      ...at,
      topic: { ...first, id: loaded.id, version: loaded.version, message: 'Otrā ziņa.' },
    });
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message:
        'Kamēr strādājāt, šo tematu saglabāja kāds cits. Jūsu izmaiņas netika saglabātas; atveriet tematu no jauna.',
    });
    // An update that names no version is refused too: it could not be checked.
    const unversioned = await f.b.fail('planning.saveTopic', {
      ...at,
      topic: { ...first, id: loaded.id, message: 'Trešā ziņa.' },
    });
    expect(unversioned.code).toBe('VALIDATION');
    const plan = await f.b.ok('planning.plan', at);
    expect(plan.topics[0]).toMatchObject({ version: 2, message: 'Pirmā ziņa.' });
  });
});

describe('bad input', () => {
  it('refuses bad topics with a clear message and writes nothing', async () => {
    const f = await planningFixture();
    await f.as('anna');
    const save = (t: ReturnType<typeof topic>) =>
      f.b.fail('planning.saveTopic', { groupId: f.zilites, month: '2027-01', topic: t });
    expect((await save(topic('Ziema', '2027-01-15', '2027-01-04'))).fields).toEqual({
      'topic.endDate': 'Beigu datums nevar būt pirms sākuma datuma.',
    });
    expect((await save(topic('Vasara', '2027-01-25', '2027-09-10'))).fields).toEqual({
      'topic.endDate': 'Temats jāiekļauj grupas mācību gadā (01.09.2026–31.08.2027).',
    });
    expect((await save(topic('Rudens', '2027-02-01', '2027-02-10'))).fields).toEqual({
      'topic.startDate': 'Tematam jāaptver vismaz viena plāna mēneša diena.',
    });
    expect((await save(topic('x'.repeat(201), '2027-01-04', '2027-01-08'))).fields).toEqual({
      'topic.title': 'Ne vairāk kā 200 rakstzīmes.',
    });
    expect(await f.b.router.state.db.getRepository(Topic).count()).toBe(0);
  });
});

describe('planning permissions by group', () => {
  it('lets the group teachers write, head, deputy and speech read, others be refused', async () => {
    const f = await planningFixture('2027-01-18T08:00:00Z');
    await f.as('anna');
    const plan = await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: topic('Ziema', '2027-01-04', '2027-01-15'),
    });
    const topicId = plan.topics[0].id;
    const planId = plan.id!;
    const [elza] = f.children;
    const calls: [Method, Record<string, unknown>][] = [
      ['planning.plan', { groupId: f.zilites, month: '2027-01' }],
      ['planning.versions', { planId }],
      ['planning.planPdf', { planId }],
      ['assessment.sheet', { topicId }],
      ['assessment.history', { topicId }],
      ['assessment.progress', { childId: elza }],
      ['assessment.progressPdf', { childId: elza }],
      [
        'planning.saveTopic',
        { groupId: f.zilites, month: '2027-01', topic: topic('Cits', '2027-01-18', '2027-01-22') },
      ],
      ['assessment.mark', { topicId, changes: [{ childId: elza, area: 'VAL', mark: 'A' }] }],
      ['planning.copy', { fromPlanId: planId, groupId: f.zilites, month: '2027-02' }],
      ['planning.submit', { planId }],
      ['planning.deleteTopic', { topicId }],
    ];
    const writes = new Set<Method>([
      'planning.saveTopic',
      'assessment.mark',
      'planning.copy',
      'planning.submit',
      'planning.deleteTopic',
    ]);
    for (const user of ['ilze', 'dace', 'sarma', 'marta', 'ieva']) {
      await f.as(user);
      for (const [method, input] of calls) {
        const result = await f.b.router.call(method, input);
        const reads = ['ilze', 'dace', 'sarma'].includes(user) && !writes.has(method);
        expect({ user, method, ok: result.ok }).toEqual({ user, method, ok: reads });
        if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
      }
    }
    // The other group's teacher is refused with the reason; its own teacher may do all of it.
    await f.as('ieva');
    expect(
      await f.b.fail('assessment.mark', {
        topicId,
        changes: [{ childId: elza, area: 'VAL', mark: 'A' }],
      }),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Šīs grupas plānu un vērtējumus var rakstīt tikai grupas skolotāji.',
    });
    await f.as('anna');
    for (const [method, input] of calls.filter(([m]) => m !== 'planning.deleteTopic')) {
      const result = await f.b.router.call(method, input);
      expect({ method, ok: result.ok }).toEqual({ method, ok: true });
    }
    // With a mark, the topic cannot be deleted.
    expect(await f.b.fail('planning.deleteTopic', { topicId })).toMatchObject({ code: 'CONFLICT' });
    expect(PERMISSIONS['assessment.mark']).toEqual(['teacher']);
  });
});
