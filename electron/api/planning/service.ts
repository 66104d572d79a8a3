import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { dmy } from '../../../common/dates';
import {
  EXTRA_PARTS,
  type LaterRow,
  type MarkHistoryRow,
  type PlanChange,
  type PlanDetail,
  type PlanListRow,
  type PlanOverviewRow,
  type PlanVersionRow,
  type ProgressData,
  type SheetData,
  type TopicData,
} from '../../../common/contract/planning';
import type { ParsedInput } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import {
  AREA_CODES,
  AREAS,
  MARKS,
  type AreaCode,
  type Mark,
  type SkillCode,
} from '../../../common/planning-reference';
import { monthBounds, monthsBetween, shiftMonths } from '../../../common/dates';
import {
  assessmentDueDate,
  planDueDate,
  schoolYearBounds,
  schoolYearOf,
} from '../../../common/planning-rules';
import { compareLv } from '../../../common/text';
import { Institution } from '../../../database/entities';
import { Child, Enrolment, Group } from '../../../database/entities/people';
import {
  Assessment,
  AssessmentHistory,
  Plan,
  PlanVersion,
  Topic,
  TopicArea,
} from '../../../database/entities/planning';
import { workingCalendar } from '../calendar/working-calendar';
import { assertChildVisible, substitutedTeacherId, visibleGroupIds } from '../people/access';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import type { Context } from '../context';
import { byline } from '../substitution/byline';
import { userNames } from '../users/names';
import { assertRead, assertWrite, mayWrite } from './access';

type TopicInput = ParsedInput<'planning.saveTopic'>['topic'];

const today = (ctx: Context) => rigaDate(ctx.now());
const childName = (c: Child) => `${c.firstName} ${c.lastName}`;

/** A refusal of one field, worded here because the message has parameters. */
function fieldError(ctx: Context, field: string, key: string, params = {}): AppError {
  return new AppError(
    'VALIDATION',
    'error.VALIDATION',
    {},
    { [field]: message(ctx.state.locale, key, params) },
  );
}

async function findGroup(m: EntityManager, groupId: number): Promise<Group> {
  const group = await m.findOneBy(Group, { id: groupId });
  if (!group) throw new AppError('NOT_FOUND', 'planning.groupNotFound');
  return group;
}

async function dueDays(m: EntityManager): Promise<number> {
  const institution = await m.findOneBy(Institution, { id: 1 });
  return institution?.assessmentDueDays ?? 5;
}

/** The absent teacher the caller stands in for in this group today, or null (the rules' 3.11). */
const onBehalfOf = (m: EntityManager, ctx: Context, groupId: number) =>
  substitutedTeacherId(m, ctx.user.id, groupId, today(ctx));

function parseList<T>(json: string): T[] {
  return JSON.parse(json) as T[];
}

async function topicData(m: EntityManager, topics: Topic[], days: number): Promise<TopicData[]> {
  const areaRows = topics.length
    ? await m.findBy(TopicArea, { topicId: In(topics.map((t) => t.id)) })
    : [];
  return topics.map((t) => {
    const results = Object.fromEntries(AREA_CODES.map((c) => [c, ''])) as Record<AreaCode, string>;
    for (const row of areaRows) {
      if (row.topicId === t.id) results[row.area as AreaCode] = row.results;
    }
    const extra = {
      ...Object.fromEntries(EXTRA_PARTS.map((p) => [p, ''])),
      ...(JSON.parse(t.extra) as Record<string, string>),
    } as TopicData['extra'];
    return {
      id: t.id,
      title: t.title,
      startDate: t.startDate,
      endDate: t.endDate,
      message: t.message,
      content: t.content,
      values: parseList<string>(t.values),
      valuesText: t.valuesText,
      skills: parseList<SkillCode>(t.skills),
      results,
      extra,
      areas: AREA_CODES.filter((c) => results[c] !== ''),
      assessmentDue: assessmentDueDate(t.endDate, days),
    };
  });
}

async function planTopics(m: EntityManager, planId: number): Promise<Topic[]> {
  return m.find(Topic, { where: { planId }, order: { position: 'ASC', id: 'ASC' } });
}

export async function planDetail(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  month: string,
): Promise<PlanDetail> {
  const group = await findGroup(m, groupId);
  const [from, to] = monthBounds(month);
  await assertRead(m, ctx, groupId, from, to, today(ctx));
  const calendar = await workingCalendar(ctx.db);
  const plan = await m.findOneBy(Plan, { groupId, month });
  const topics = plan ? await topicData(m, await planTopics(m, plan.id), await dueDays(m)) : [];
  const versionCount = plan ? await m.countBy(PlanVersion, { planId: plan.id }) : 0;
  const names = await userNames(m, plan?.submittedBy ? [plan.submittedBy] : []);
  return {
    id: plan?.id ?? null,
    groupId,
    groupName: group.name,
    month,
    dueDate: planDueDate(calendar, month),
    status: !plan ? 'none' : plan.submittedAt ? 'submitted' : 'draft',
    submittedAt: plan?.submittedAt ?? null,
    submittedBy: plan?.submittedBy ? (names.get(plan.submittedBy) ?? null) : null,
    late: plan?.late ?? false,
    pendingChanges: plan ? plan.pendingChanges && topics.length > 0 : false,
    versionCount,
    canWrite: await mayWrite(m, ctx, groupId, from, to),
    activeFrom: group.activeFrom,
    activeTo: group.activeTo,
    topics,
  };
}

/** Groups active during the month that the user may see, with their plans' state. */
export async function overview(ctx: Context, month: string): Promise<PlanOverviewRow[]> {
  const m = ctx.db.manager;
  const [from, to] = monthBounds(month);
  const visible = await visibleGroupIds(m, ctx.user, today(ctx));
  const groups = (await m.find(Group)).filter(
    (g) =>
      g.activeFrom <= to && g.activeTo >= from && (visible === 'all' || visible.includes(g.id)),
  );
  const calendar = await workingCalendar(ctx.db);
  const rows: PlanOverviewRow[] = [];
  for (const g of groups.sort((a, b) => compareLv(a.name, b.name))) {
    const plan = await m.findOneBy(Plan, { groupId: g.id, month });
    rows.push({
      groupId: g.id,
      groupName: g.name,
      month,
      dueDate: planDueDate(calendar, month),
      planId: plan?.id ?? null,
      status: !plan ? 'none' : plan.submittedAt ? 'submitted' : 'draft',
      submittedAt: plan?.submittedAt ?? null,
      late: plan?.late ?? false,
      topicCount: plan ? await m.countBy(Topic, { planId: plan.id }) : 0,
      canWrite: await mayWrite(m, ctx, g.id, from, to),
    });
  }
  return rows;
}

export async function listPlans(ctx: Context): Promise<PlanListRow[]> {
  const m = ctx.db.manager;
  const visible = await visibleGroupIds(m, ctx.user, today(ctx));
  const plans = await m.find(Plan, { order: { month: 'DESC' } });
  const groups = new Map((await m.find(Group)).map((g) => [g.id, g]));
  const out: PlanListRow[] = [];
  for (const p of plans) {
    if (visible !== 'all' && !visible.includes(p.groupId)) continue;
    const topics = await planTopics(m, p.id);
    out.push({
      id: p.id,
      groupId: p.groupId,
      groupName: groups.get(p.groupId)?.name ?? '',
      month: p.month,
      topics: topics.map((t) => ({ id: t.id, title: t.title })),
    });
  }
  return out;
}

/** The topic's dates: within the group's school year and touching the plan's month. */
function checkTopicDates(ctx: Context, group: Group, month: string, topic: TopicInput): void {
  if (topic.startDate < group.activeFrom || topic.endDate > group.activeTo) {
    const field = topic.startDate < group.activeFrom ? 'topic.startDate' : 'topic.endDate';
    throw fieldError(ctx, field, 'planning.outsideSchoolYear', {
      from: dmy(group.activeFrom),
      to: dmy(group.activeTo),
    });
  }
  const [from, to] = monthBounds(month);
  if (topic.endDate < from || topic.startDate > to) {
    throw fieldError(ctx, 'topic.startDate', 'planning.outsideMonth');
  }
}

async function findOrCreatePlan(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  month: string,
): Promise<Plan> {
  const existing = await m.findOneBy(Plan, { groupId, month });
  if (existing) return existing;
  return m.save(
    m.create(Plan, {
      groupId,
      month,
      submittedAt: null,
      submittedBy: null,
      late: false,
      pendingChanges: true,
      updatedAt: ctx.now().toISOString(),
      updatedBy: ctx.user.id,
    }),
  );
}

async function writeTopic(
  m: EntityManager,
  plan: Plan,
  topic: TopicInput,
  existing: Topic | null,
): Promise<Topic> {
  const fields = {
    planId: plan.id,
    title: topic.title,
    startDate: topic.startDate,
    endDate: topic.endDate,
    message: topic.message,
    content: topic.content,
    values: JSON.stringify(topic.values),
    valuesText: topic.valuesText,
    skills: JSON.stringify(topic.skills),
    extra: JSON.stringify(topic.extra),
  };
  let saved: Topic;
  if (existing) {
    await m.update(Topic, { id: existing.id }, fields);
    saved = { ...existing, ...fields };
  } else {
    const last = await m.findOne(Topic, {
      where: { planId: plan.id },
      order: { position: 'DESC' },
    });
    saved = await m.save(m.create(Topic, { ...fields, position: (last?.position ?? 0) + 1 }));
  }
  await m.delete(TopicArea, { topicId: saved.id });
  const areas = AREA_CODES.filter((c) => topic.results[c] !== '');
  if (areas.length) {
    await m.insert(
      TopicArea,
      areas.map((area) => ({ topicId: saved.id, area, results: topic.results[area] })),
    );
  }
  return saved;
}

async function touchPlan(m: EntityManager, ctx: Context, plan: Plan): Promise<void> {
  await m.update(
    Plan,
    { id: plan.id },
    { pendingChanges: true, updatedAt: ctx.now().toISOString(), updatedBy: ctx.user.id },
  );
}

/** Areas that still hold marks (or absences) cannot lose their results. */
async function assertAreasKeepMarks(
  m: EntityManager,
  topicId: number,
  topic: TopicInput,
): Promise<void> {
  const used = await m
    .createQueryBuilder(Assessment, 'a')
    .select('DISTINCT a.area', 'area')
    .where('a.topic_id = :topicId', { topicId })
    .getRawMany<{ area: AreaCode }>();
  for (const { area } of used) {
    if (topic.results[area] === '') {
      throw new AppError(
        'VALIDATION',
        'error.VALIDATION',
        {},
        { [`topic.results.${area}`]: 'planning.topicHasMarks' },
      );
    }
  }
}

export async function saveTopic(
  ctx: Context,
  input: ParsedInput<'planning.saveTopic'>,
): Promise<PlanDetail> {
  return ctx.db.transaction(async (m) => {
    const group = await findGroup(m, input.groupId);
    const [from, to] = monthBounds(input.month);
    await assertWrite(m, ctx, group.id, from, to);
    checkTopicDates(ctx, group, input.month, input.topic);
    const plan = await findOrCreatePlan(m, ctx, group.id, input.month);
    let existing: Topic | null = null;
    if (input.topic.id !== undefined) {
      existing = await m.findOneBy(Topic, { id: input.topic.id, planId: plan.id });
      if (!existing) throw new AppError('NOT_FOUND');
      await assertAreasKeepMarks(m, existing.id, input.topic);
    }
    const before = existing ? (await topicData(m, [existing], 0))[0] : undefined;
    const saved = await writeTopic(m, plan, input.topic, existing);
    await touchPlan(m, ctx, plan);
    await audit(m, ctx.now(), {
      action: existing ? 'topic.update' : 'topic.create',
      actorId: ctx.user.id,
      onBehalfOfId: await onBehalfOf(m, ctx, group.id),
      entity: 'topic',
      entityId: saved.id,
      before,
      after: input.topic,
    });
    return planDetail(m, ctx, group.id, input.month);
  });
}

async function topicContext(m: EntityManager, topicId: number) {
  const topic = await m.findOneBy(Topic, { id: topicId });
  if (!topic) throw new AppError('NOT_FOUND');
  const plan = await m.findOneByOrFail(Plan, { id: topic.planId });
  const group = await findGroup(m, plan.groupId);
  return { topic, plan, group };
}

export async function deleteTopic(ctx: Context, topicId: number): Promise<PlanDetail> {
  return ctx.db.transaction(async (m) => {
    const { topic, plan } = await topicContext(m, topicId);
    const [from, to] = monthBounds(plan.month);
    await assertWrite(m, ctx, plan.groupId, from, to);
    if (await m.existsBy(Assessment, { topicId })) {
      throw new AppError('CONFLICT', 'planning.topicHasMarks');
    }
    const before = (await topicData(m, [topic], 0))[0];
    await m.delete(TopicArea, { topicId });
    await m.delete(Topic, { id: topicId });
    await touchPlan(m, ctx, plan);
    await audit(m, ctx.now(), {
      action: 'topic.delete',
      actorId: ctx.user.id,
      onBehalfOfId: await onBehalfOf(m, ctx, plan.groupId),
      entity: 'topic',
      entityId: topicId,
      before,
    });
    return planDetail(m, ctx, plan.groupId, plan.month);
  });
}

type Snapshot = Omit<TopicData, 'assessmentDue' | 'areas'>[];

export async function submit(ctx: Context, planId: number): Promise<PlanDetail> {
  return ctx.db.transaction(async (m) => {
    const plan = await m.findOneBy(Plan, { id: planId });
    if (!plan) throw new AppError('NOT_FOUND');
    const [from, to] = monthBounds(plan.month);
    await assertWrite(m, ctx, plan.groupId, from, to);
    const topics = await topicData(m, await planTopics(m, plan.id), 0);
    if (topics.length === 0) throw new AppError('CONFLICT', 'planning.noTopics');
    const count = await m.countBy(PlanVersion, { planId });
    if (count > 0 && !plan.pendingChanges) {
      throw new AppError('CONFLICT', 'planning.nothingToSubmit');
    }
    const calendar = await workingCalendar(ctx.db);
    const late = today(ctx) > planDueDate(calendar, plan.month);
    const snapshot: Snapshot = topics.map(({ assessmentDue: _due, areas: _areas, ...t }) => t);
    const at = ctx.now().toISOString();
    const absentId = await onBehalfOf(m, ctx, plan.groupId);
    await m.insert(PlanVersion, {
      planId,
      number: count + 1,
      at,
      userId: ctx.user.id,
      onBehalfOf: absentId,
      late,
      snapshot: JSON.stringify(snapshot),
    });
    const first = plan.submittedAt === null;
    await m.update(
      Plan,
      { id: planId },
      first
        ? { submittedAt: at, submittedBy: ctx.user.id, late, pendingChanges: false }
        : { pendingChanges: false },
    );
    await audit(m, ctx.now(), {
      action: first ? 'plan.submit' : 'plan.amend',
      actorId: ctx.user.id,
      onBehalfOfId: absentId,
      entity: 'plan',
      entityId: planId,
      after: { version: count + 1, late },
    });
    return planDetail(m, ctx, plan.groupId, plan.month);
  });
}

const flat = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';

/** What changed from one version to the next, topic by topic and field by field. */
export function planChanges(before: Snapshot, after: Snapshot): PlanChange[] {
  const changes: PlanChange[] = [];
  const old = new Map(before.map((t) => [t.id, t]));
  for (const t of after) {
    const prev = old.get(t.id);
    if (!prev) {
      changes.push({ kind: 'topicAdded', topic: t.title });
      continue;
    }
    old.delete(t.id);
    const pairs: [string, unknown, unknown][] = [
      ['title', prev.title, t.title],
      ['startDate', prev.startDate, t.startDate],
      ['endDate', prev.endDate, t.endDate],
      ['message', prev.message, t.message],
      ['content', prev.content, t.content],
      ['values', prev.values, t.values],
      ['valuesText', prev.valuesText, t.valuesText],
      ['skills', prev.skills, t.skills],
      ...AREA_CODES.map((c): [string, unknown, unknown] => [
        `results.${c}`,
        prev.results[c],
        t.results[c],
      ]),
      ...EXTRA_PARTS.map((p): [string, unknown, unknown] => [
        `extra.${p}`,
        prev.extra[p],
        t.extra[p],
      ]),
    ];
    for (const [field, a, b] of pairs) {
      if (flat(a) !== flat(b)) {
        changes.push({
          kind: 'fieldChanged',
          topic: t.title,
          field,
          before: flat(a),
          after: flat(b),
        });
      }
    }
  }
  for (const t of old.values()) changes.push({ kind: 'topicRemoved', topic: t.title });
  return changes;
}

export async function versions(ctx: Context, planId: number): Promise<PlanVersionRow[]> {
  const m = ctx.db.manager;
  const plan = await m.findOneBy(Plan, { id: planId });
  if (!plan) throw new AppError('NOT_FOUND');
  const [from, to] = monthBounds(plan.month);
  await assertRead(m, ctx, plan.groupId, from, to, today(ctx));
  const rows = await m.find(PlanVersion, { where: { planId }, order: { number: 'ASC' } });
  const names = await userNames(m, [
    ...rows.map((r) => r.userId),
    ...rows.map((r) => r.onBehalfOf),
  ]);
  let previous: Snapshot = [];
  const out: PlanVersionRow[] = [];
  for (const row of rows) {
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    out.push({
      number: row.number,
      at: row.at,
      byName: byline(ctx.state.locale, names, row.userId, row.onBehalfOf),
      late: row.late,
      changes: planChanges(previous, snapshot),
    });
    previous = snapshot;
  }
  return out.reverse();
}

export async function copy(ctx: Context, input: ParsedInput<'planning.copy'>): Promise<PlanDetail> {
  return ctx.db.transaction(async (m) => {
    const source = await m.findOneBy(Plan, { id: input.fromPlanId });
    if (!source) throw new AppError('NOT_FOUND');
    const [sFrom, sTo] = monthBounds(source.month);
    await assertRead(m, ctx, source.groupId, sFrom, sTo, today(ctx));
    const group = await findGroup(m, input.groupId);
    const [from, to] = monthBounds(input.month);
    await assertWrite(m, ctx, group.id, from, to);
    if (source.groupId === group.id && source.month === input.month) {
      throw new AppError('CONFLICT', 'planning.copySame');
    }
    let topics = await topicData(m, await planTopics(m, source.id), 0);
    if (input.topicId !== undefined) {
      topics = topics.filter((t) => t.id === input.topicId);
      if (topics.length === 0) throw new AppError('NOT_FOUND');
    }
    const shift = monthsBetween(source.month, input.month);
    const plan = await findOrCreatePlan(m, ctx, group.id, input.month);
    for (const t of topics) {
      const topic: TopicInput = {
        title: t.title,
        startDate: shiftMonths(t.startDate, shift),
        endDate: shiftMonths(t.endDate, shift),
        message: t.message,
        content: t.content,
        values: t.values,
        valuesText: t.valuesText,
        skills: t.skills,
        results: t.results,
        extra: t.extra,
      };
      checkTopicDates(ctx, group, input.month, topic);
      const saved = await writeTopic(m, plan, topic, null);
      await audit(m, ctx.now(), {
        action: 'topic.copy',
        actorId: ctx.user.id,
        entity: 'topic',
        entityId: saved.id,
        before: { fromTopicId: t.id },
        after: topic,
      });
    }
    await touchPlan(m, ctx, plan);
    return planDetail(m, ctx, group.id, input.month);
  });
}

/** Children in the group on at least one day of the topic, sorted the Latvian way. */
async function enrolledChildren(m: EntityManager, groupId: number, from: string, to: string) {
  const enrolments = await m
    .createQueryBuilder(Enrolment, 'e')
    .where('e.group_id = :groupId', { groupId })
    .andWhere('e.from_date <= :to', { to })
    .andWhere('(e.to_date IS NULL OR e.to_date >= :from)', { from })
    .getMany();
  const ids = [...new Set(enrolments.map((e) => e.childId))];
  const children = ids.length ? await m.findBy(Child, { id: In(ids) }) : [];
  return children.sort(
    (a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName),
  );
}

export async function sheet(m: EntityManager, ctx: Context, topicId: number): Promise<SheetData> {
  const { topic, plan, group } = await topicContext(m, topicId);
  await assertRead(m, ctx, plan.groupId, topic.startDate, topic.endDate, today(ctx));
  const planned = new Set((await m.findBy(TopicArea, { topicId })).map((a) => a.area));
  const children = await enrolledChildren(m, plan.groupId, topic.startDate, topic.endDate);
  const rows = await m.find(Assessment, { where: { topicId }, order: { id: 'ASC' } });
  const topicAreas = AREA_CODES.filter((a) => planned.has(a));
  const summary: SheetData['summary'] = {};
  for (const area of topicAreas) {
    summary[area] = { S: 0, T: 0, A: 0, P: 0 };
  }
  for (const r of rows) if (r.mark && summary[r.area]) summary[r.area][r.mark as Mark]++;
  return {
    topicId,
    title: topic.title,
    startDate: topic.startDate,
    endDate: topic.endDate,
    planId: plan.id,
    groupId: group.id,
    groupName: group.name,
    month: plan.month,
    due: assessmentDueDate(topic.endDate, await dueDays(m)),
    canWrite: await mayWrite(m, ctx, group.id, topic.startDate, topic.endDate),
    areas: topicAreas,
    children: children.map((c) => ({ id: c.id, name: childName(c) })),
    cells: rows.map((r) => ({
      childId: r.childId,
      area: r.area as AreaCode,
      mark: r.mark as Mark | null,
      reason: r.reason === 'excused' ? 'excused' : null,
      late: r.late,
    })),
    summary,
  };
}

const cellValue = (mark: string | null, reason: string | null) => mark ?? reason ?? '';

export async function mark(ctx: Context, input: ParsedInput<'planning.mark'>): Promise<SheetData> {
  return ctx.db.transaction(async (m) => {
    const { topic, plan } = await topicContext(m, input.topicId);
    await assertWrite(m, ctx, plan.groupId, topic.startDate, topic.endDate);
    const planned = new Set((await m.findBy(TopicArea, { topicId: topic.id })).map((a) => a.area));
    const enrolled = new Set(
      (await enrolledChildren(m, plan.groupId, topic.startDate, topic.endDate)).map((c) => c.id),
    );
    // Every change is checked before anything is written: a batch is all or nothing.
    for (const [i, change] of input.changes.entries()) {
      if (!planned.has(change.area)) {
        throw fieldError(ctx, `changes.${i}.area`, 'planning.areaNotPlanned', {
          area: AREAS[change.area][ctx.state.locale],
        });
      }
      if (!enrolled.has(change.childId)) {
        const child = await m.findOneBy(Child, { id: change.childId });
        throw fieldError(ctx, `changes.${i}.childId`, 'planning.notEnrolled', {
          name: child ? childName(child) : `#${change.childId}`,
        });
      }
    }
    const day = today(ctx);
    const late = day > assessmentDueDate(topic.endDate, await dueDays(m));
    const at = ctx.now().toISOString();
    const absentId = await onBehalfOf(m, ctx, plan.groupId);
    const changed: { childId: number; area: string; before: string; after: string }[] = [];
    for (const change of input.changes) {
      const key = { topicId: topic.id, childId: change.childId, area: change.area };
      const row = await m.findOneBy(Assessment, key);
      const before = row ? cellValue(row.mark, row.reason) : '';
      const after = cellValue(change.mark, change.reason);
      if (before === after) continue;
      if (after === '') {
        await m.delete(Assessment, key);
      } else if (row) {
        await m.update(
          Assessment,
          { id: row.id },
          { mark: change.mark, reason: change.reason, late, updatedAt: at, updatedBy: ctx.user.id },
        );
      } else {
        await m.insert(Assessment, {
          ...key,
          mark: change.mark,
          reason: change.reason,
          late,
          updatedAt: at,
          updatedBy: ctx.user.id,
        });
      }
      await m.insert(AssessmentHistory, {
        ...key,
        before,
        after,
        late,
        at,
        userId: ctx.user.id,
        onBehalfOf: absentId,
      });
      changed.push({ childId: change.childId, area: change.area, before, after });
    }
    if (changed.length) {
      await audit(m, ctx.now(), {
        action: 'assessment.mark',
        actorId: ctx.user.id,
        onBehalfOfId: absentId,
        entity: 'topic',
        entityId: topic.id,
        before: changed.map(({ childId, area, before }) => ({ childId, area, mark: before })),
        after: changed.map(({ childId, area, after }) => ({ childId, area, mark: after })),
      });
    }
    return sheet(m, ctx, topic.id);
  });
}

const shownValue = (v: string) => (v === 'excused' ? 'attaisnots kavējums' : v);

export async function markHistory(ctx: Context, topicId: number): Promise<MarkHistoryRow[]> {
  const m = ctx.db.manager;
  const { topic, plan } = await topicContext(m, topicId);
  await assertRead(m, ctx, plan.groupId, topic.startDate, topic.endDate, today(ctx));
  const rows = await m.find(AssessmentHistory, { where: { topicId }, order: { id: 'DESC' } });
  const names = await userNames(m, [
    ...rows.map((r) => r.userId),
    ...rows.map((r) => r.onBehalfOf),
  ]);
  const children = new Map(
    (rows.length ? await m.findBy(Child, { id: In(rows.map((r) => r.childId)) }) : []).map((c) => [
      c.id,
      childName(c),
    ]),
  );
  return rows.map((r) => ({
    at: r.at,
    byName: byline(ctx.state.locale, names, r.userId, r.onBehalfOf),
    childName: children.get(r.childId) ?? '',
    area: r.area as AreaCode,
    before: shownValue(r.before),
    after: shownValue(r.after),
    late: r.late,
  }));
}

/** Empty cells with the reason "attaisnots kavējums", one row per child and topic. */
export async function later(ctx: Context, groupId?: number): Promise<LaterRow[]> {
  const m = ctx.db.manager;
  const visible = await visibleGroupIds(m, ctx.user, today(ctx));
  const rows = await m.find(Assessment, { where: { reason: 'excused' }, order: { id: 'ASC' } });
  const out = new Map<string, LaterRow>();
  for (const r of rows) {
    if (r.mark !== null) continue;
    const { topic, plan, group } = await topicContext(m, r.topicId);
    if (groupId !== undefined && plan.groupId !== groupId) continue;
    if (visible !== 'all' && !visible.includes(plan.groupId)) continue;
    const key = `${r.childId}:${r.topicId}`;
    let row = out.get(key);
    if (!row) {
      const child = await m.findOneByOrFail(Child, { id: r.childId });
      row = {
        childId: r.childId,
        childName: childName(child),
        groupId: group.id,
        groupName: group.name,
        topicId: topic.id,
        topicTitle: topic.title,
        topicEnd: topic.endDate,
        areas: [],
      };
      out.set(key, row);
    }
    row.areas.push(r.area as AreaCode);
  }
  return [...out.values()].map((row) => ({
    ...row,
    areas: AREA_CODES.filter((c) => row.areas.includes(c)),
  }));
}

/** One child's marks over a school year, topic by topic. */
export async function progress(
  ctx: Context,
  input: ParsedInput<'planning.progress'>,
): Promise<ProgressData> {
  const m = ctx.db.manager;
  const child = await m.findOneBy(Child, { id: input.childId });
  if (!child) throw new AppError('NOT_FOUND');
  const institution = await m.findOneByOrFail(Institution, { id: 1 });
  const day = today(ctx);
  const schoolYear = input.schoolYear ?? schoolYearOf(day, institution.schoolYearStart);
  const [from, to] = schoolYearBounds(schoolYear, institution.schoolYearStart);
  // A teacher sees the child while the child is in her group (today or during the year).
  const enrolments = await m.findBy(Enrolment, { childId: child.id });
  let allowed = false;
  for (const e of enrolments) {
    if (e.fromDate > to || (e.toDate !== null && e.toDate < from)) continue;
    try {
      await assertRead(m, ctx, e.groupId, e.fromDate > from ? e.fromDate : from, to, day);
      allowed = true;
      break;
    } catch {
      // not this group
    }
  }
  if (!allowed) await assertChildVisible(m, ctx.user, child.id, day);
  // One indexed query for the year (idx_assessment_child), not a plan and a group per topic.
  const found = await m.query<
    {
      topicId: number;
      title: string;
      startDate: string;
      endDate: string;
      groupName: string;
      area: string;
      mark: string | null;
      reason: string | null;
    }[]
  >(PROGRESS_SQL, [child.id, to, from]);
  const rows: ProgressData['rows'] = [];
  const used = new Set<string>();
  for (const a of found) {
    let row = rows[rows.length - 1];
    if (row?.topicId !== a.topicId) {
      row = {
        topicId: a.topicId,
        title: a.title,
        groupName: a.groupName,
        startDate: a.startDate,
        endDate: a.endDate,
        marks: {},
      };
      rows.push(row);
    }
    const value = a.mark ?? (a.reason === 'excused' ? 'excused' : null);
    if (value && (MARKS as readonly string[]).concat('excused').includes(value)) {
      row.marks[a.area as AreaCode] = value as Mark | 'excused';
      used.add(a.area);
    }
  }
  return {
    childId: child.id,
    childName: childName(child),
    schoolYear,
    areas: AREA_CODES.filter((c) => used.has(c)),
    rows,
  };
}

/** A child's marks in the topics of one school year, in topic order. Exported for the bench. */
export const PROGRESS_SQL =
  'SELECT t.id AS topicId, t.title, t.start_date AS startDate, t.end_date AS endDate, ' +
  'g.name AS groupName, a.area, a.mark, a.reason ' +
  'FROM assessment a JOIN topic t ON t.id = a.topic_id JOIN plan p ON p.id = t.plan_id ' +
  'JOIN "group" g ON g.id = p.group_id ' +
  'WHERE a.child_id = ? AND t.start_date <= ? AND t.end_date >= ? ' +
  'ORDER BY t.start_date, t.id';

export async function planForPdf(ctx: Context, planId: number): Promise<PlanDetail> {
  const m = ctx.db.manager;
  const plan = await m.findOneBy(Plan, { id: planId });
  if (!plan) throw new AppError('NOT_FOUND');
  return planDetail(m, ctx, plan.groupId, plan.month);
}
