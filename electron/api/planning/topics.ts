import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { PlanDetail } from '../../../common/contract/planning';
import { dmy, monthBounds } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { AREA_CODES, type AreaCode } from '../../../common/planning-reference';
import { planDueDate } from '../../../common/planning-rules';
import type { Group } from '../../../database/entities/people';
import {
  Assessment,
  Plan,
  PlanVersion,
  Topic,
  TopicArea,
} from '../../../database/entities/planning';
import { workingCalendar } from '../calendar/working-calendar';
import { audit, changedFields } from '../audit/audit';
import type { Context } from '../context';
import { planDetail } from './plans';
import {
  assertWritable,
  fieldError,
  findGroup,
  planTopics,
  topicContext,
  topicData,
  type TopicInput,
} from './records';
import type { Snapshot } from './versions';

/** The topic's dates: within the group's school year and touching the plan's month. */
export function checkTopicDates(
  ctx: Context,
  group: Group,
  month: string,
  topic: TopicInput,
): void {
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

export async function findOrCreatePlan(
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

/** Writes a topic's fields and its planned results; a new topic goes last in the plan. */
export async function writeTopic(
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
    // The version in the condition: on PostgreSQL a concurrent save waits for this row's lock,
    // then finds the version moved on and changes nothing.
    const version = topic.version ?? existing.version;
    const updated = await m.update(
      Topic,
      { id: existing.id, version },
      { ...fields, version: version + 1 },
    );
    if (updated.affected !== 1) throw new AppError('CONFLICT', 'planning.topicChanged');
    saved = { ...existing, ...fields, version: version + 1 };
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

/** Marks the plan as changed since its last version. */
export async function touchPlan(m: EntityManager, ctx: Context, plan: Plan): Promise<void> {
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
    await assertWritable(m, ctx, 'planning', group.id, from, to);
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
      action: existing ? 'planning.topic.update' : 'planning.topic.create',
      actorId: ctx.user.id,
      onBehalfOfId: await ctx.access().onBehalfOf(m, group.id, ctx.today()),
      entity: 'topic',
      entityId: saved.id,
      groupId: group.id,
      ...(before ? changedFields(before, input.topic, ['title']) : { after: input.topic }),
    });
    return planDetail(m, ctx, group.id, input.month);
  });
}

export async function deleteTopic(ctx: Context, topicId: number): Promise<PlanDetail> {
  return ctx.db.transaction(async (m) => {
    const { topic, plan } = await topicContext(m, topicId);
    const [from, to] = monthBounds(plan.month);
    await assertWritable(m, ctx, 'planning', plan.groupId, from, to);
    if (await m.existsBy(Assessment, { topicId })) {
      throw new AppError('CONFLICT', 'planning.topicHasMarks');
    }
    const before = (await topicData(m, [topic], 0))[0];
    await m.delete(TopicArea, { topicId });
    await m.delete(Topic, { id: topicId });
    await touchPlan(m, ctx, plan);
    await audit(m, ctx.now(), {
      action: 'planning.topic.delete',
      actorId: ctx.user.id,
      onBehalfOfId: await ctx.access().onBehalfOf(m, plan.groupId, ctx.today()),
      entity: 'topic',
      entityId: topicId,
      groupId: plan.groupId,
      before,
    });
    return planDetail(m, ctx, plan.groupId, plan.month);
  });
}

/** "Iesniegt": a new version of the plan; the first one is judged against the deadline. */
export async function submit(ctx: Context, planId: number): Promise<PlanDetail> {
  return ctx.db.transaction(async (m) => {
    const plan = await m.findOneBy(Plan, { id: planId });
    if (!plan) throw new AppError('NOT_FOUND');
    const [from, to] = monthBounds(plan.month);
    await assertWritable(m, ctx, 'planning', plan.groupId, from, to);
    const topics = await topicData(m, await planTopics(m, plan.id), 0);
    if (topics.length === 0) throw new AppError('CONFLICT', 'planning.noTopics');
    const count = await m.countBy(PlanVersion, { planId });
    if (count > 0 && !plan.pendingChanges) {
      throw new AppError('CONFLICT', 'planning.nothingToSubmit');
    }
    const calendar = await workingCalendar(ctx.db);
    const late = ctx.today() > planDueDate(calendar, plan.month);
    const snapshot: Snapshot = topics.map(({ assessmentDue: _due, areas: _areas, ...t }) => t);
    const at = ctx.now().toISOString();
    const absentId = await ctx.access().onBehalfOf(m, plan.groupId, ctx.today());
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
      action: first ? 'planning.plan.submit' : 'planning.plan.amend',
      actorId: ctx.user.id,
      onBehalfOfId: absentId,
      entity: 'plan',
      entityId: planId,
      groupId: plan.groupId,
      after: { version: count + 1, late },
    });
    return planDetail(m, ctx, plan.groupId, plan.month);
  });
}
