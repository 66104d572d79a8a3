import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import {
  HEAD_CHECKS_REQUIRED,
  type CheckOption,
  type CheckRow,
  type HeadCount,
  type UncheckedTopic,
} from '../../../common/contract/supervision';
import { dmy } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { schoolYearBounds, schoolYearOf } from '../../../common/planning-rules';
import { compareLv } from '../../../common/text';
import { Institution } from '../../../database/entities';
import { Group } from '../../../database/entities/people';
import { Plan, Topic } from '../../../database/entities/planning';
import { JournalCheck } from '../../../database/entities/supervision';
import { audit, changedFields } from '../audit/audit';
import type { Context } from '../context';
import { userNames } from '../users/names';
import { assertNotFuture, assertWritable, fieldError, writableIds } from './authored';

/** Journal checks (the rules' 3.9, 3.12): the deputy's at each new topic, the head's twice a year. */

/** The current school year by the institution's setting: [year, first day, last day]. */
async function currentSchoolYear(
  m: EntityManager,
  ctx: Context,
): Promise<[number, string, string]> {
  const institution = await m.findOneBy(Institution, { id: 1 });
  const start = institution?.schoolYearStart ?? '09-01';
  const year = schoolYearOf(ctx.today(), start);
  const [from, to] = schoolYearBounds(year, start);
  return [year, from, to];
}

export async function checkRows(m: EntityManager, ctx: Context, checks: JournalCheck[]) {
  const names = await userNames(
    m,
    checks.map((c) => c.authorId),
  );
  const groupIds = [...new Set(checks.map((c) => c.groupId))];
  const groups = groupIds.length ? await m.findBy(Group, { id: In(groupIds) }) : [];
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const editable = await writableIds(m, ctx, 'journalChecks', checks);
  return checks.map((c): CheckRow => ({
    id: c.id,
    date: c.date,
    groupId: c.groupId,
    groupName: groupNames.get(c.groupId) ?? '',
    topicId: c.topicId,
    topicTitle: c.topicTitle,
    topicStart: c.topicStart,
    findings: c.findings,
    recommendations: c.recommendations,
    correctionDate: c.correctionDate,
    authorId: c.authorId,
    authorName: names.get(c.authorId) ?? '',
    authorRole: c.authorRole as CheckRow['authorRole'],
    canEdit: editable.has(c.id),
  }));
}

/**
 * The checks of the groups whose checks she reads today (head and deputy: every group; a teacher:
 * the groups she works in today, with their earlier checks, whose recommendations apply to her
 * now). Narrowed in the query, so other groups' checks are never loaded.
 */
export async function list(ctx: Context, groupId?: number): Promise<CheckRow[]> {
  const m = ctx.db.manager;
  const access = ctx.access();
  const day = ctx.today();
  let groupIds = await access.groups(m, 'journalChecks', 'read', day);
  if (groupId !== undefined) {
    await access.assertGroup(
      m,
      'journalChecks',
      'read',
      groupId,
      day,
      day,
      'supervision.notYourGroup',
    );
    groupIds = [groupId];
  }
  const rows = await m.find(JournalCheck, {
    where: groupIds === 'all' ? {} : { groupId: In(groupIds) },
    order: { date: 'DESC', id: 'DESC' },
  });
  return checkRows(m, ctx, rows);
}

/** The topic must be in one of the group's plans. */
async function groupTopic(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  topicId: number,
): Promise<Topic> {
  if (!(await m.existsBy(Group, { id: groupId }))) {
    throw fieldError(ctx, 'groupId', 'supervision.groupNotFound');
  }
  const topic = await m.findOneBy(Topic, { id: topicId });
  const plan = topic ? await m.findOneBy(Plan, { id: topic.planId }) : null;
  if (!topic || plan?.groupId !== groupId) {
    throw fieldError(ctx, 'topicId', 'supervision.topicNotOfGroup');
  }
  return topic;
}

async function ownCheck(m: EntityManager, ctx: Context, id: number): Promise<JournalCheck> {
  const check = await m.findOneBy(JournalCheck, { id });
  if (!check) throw new AppError('NOT_FOUND');
  await assertWritable(m, ctx, 'journalChecks', check);
  return check;
}

export async function save(
  ctx: Context,
  input: ParsedInput<'supervision.checkSave'>,
): Promise<CheckRow> {
  assertNotFuture(ctx, input.date);
  return ctx.db.transaction(async (m) => {
    const topic = await groupTopic(m, ctx, input.groupId, input.topicId);
    // A check looks at a topic's journal, so the topic must have started by then.
    if (input.date < topic.startDate) {
      throw fieldError(ctx, 'date', 'supervision.checkBeforeTopic', { date: dmy(topic.startDate) });
    }
    const at = ctx.now().toISOString();
    const fields = {
      date: input.date,
      groupId: input.groupId,
      topicId: topic.id,
      topicTitle: topic.title,
      topicStart: topic.startDate,
      findings: input.findings,
      recommendations: input.recommendations,
      correctionDate: input.correctionDate,
      updatedAt: at,
    };
    let saved: JournalCheck;
    let before: JournalCheck | undefined;
    if (input.id !== undefined) {
      before = await ownCheck(m, ctx, input.id);
      await m.update(JournalCheck, { id: input.id }, fields);
      saved = { ...before, ...fields };
    } else {
      // A new check is hers.
      await assertWritable(m, ctx, 'journalChecks', { ...fields, authorId: ctx.user.id });
      saved = await m.save(
        m.create(JournalCheck, {
          ...fields,
          authorId: ctx.user.id,
          // What is recorded, not who may: the head's checks are counted apart (3.12).
          authorRole: ctx.user.role,
          createdAt: at,
        }),
      );
    }
    await audit(m, ctx.now(), {
      action: before ? 'supervision.check.update' : 'supervision.check.create',
      actorId: ctx.user.id,
      entity: 'journal_check',
      entityId: saved.id,
      groupId: saved.groupId,
      ...(before ? changedFields(before, saved, ['date']) : { after: saved }),
    });
    return (await checkRows(m, ctx, [saved]))[0];
  });
}

export async function remove(ctx: Context, id: number): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const before = await ownCheck(m, ctx, id);
    await m.delete(JournalCheck, { id });
    await audit(m, ctx.now(), {
      action: 'supervision.check.delete',
      actorId: ctx.user.id,
      entity: 'journal_check',
      entityId: id,
      groupId: before.groupId,
      before,
    });
  });
}

/** Topics that started in this school year, up to today, with no check recorded for them. */
export async function unchecked(ctx: Context): Promise<UncheckedTopic[]> {
  const m = ctx.db.manager;
  const [, from] = await currentSchoolYear(m, ctx);
  const rows = await m
    .createQueryBuilder(Topic, 't')
    .innerJoin(Plan, 'p', 'p.id = t.plan_id')
    .innerJoin(Group, 'g', 'g.id = p.group_id')
    .leftJoin(JournalCheck, 'c', 'c.topic_id = t.id')
    .where('t.start_date >= :from AND t.start_date <= :today', { from, today: ctx.today() })
    .andWhere('c.id IS NULL')
    .select([
      't.id AS "topicId"',
      't.title AS "topicTitle"',
      't.start_date AS "startDate"',
      't.end_date AS "endDate"',
      'g.id AS "groupId"',
      'g.name AS "groupName"',
    ])
    .getRawMany<UncheckedTopic>();
  return rows
    .map((r) => ({ ...r, topicId: Number(r.topicId), groupId: Number(r.groupId) }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || compareLv(a.groupName, b.groupName));
}

/** The head's checks within the current school year, against the two the rules ask for. */
export async function headCount(ctx: Context): Promise<HeadCount> {
  const m = ctx.db.manager;
  const [schoolYear, from, to] = await currentSchoolYear(m, ctx);
  const count = await m
    .createQueryBuilder(JournalCheck, 'c')
    .where("c.author_role = 'head'")
    .andWhere('c.date >= :from AND c.date <= :to', { from, to })
    .getCount();
  return { schoolYear, from, to, count, required: HEAD_CHECKS_REQUIRED };
}

/** Groups active in the current school year with their topics, newest first. */
export async function options(ctx: Context): Promise<CheckOption[]> {
  const m = ctx.db.manager;
  const [, from, to] = await currentSchoolYear(m, ctx);
  const groups = (await m.find(Group))
    .filter((g) => g.activeFrom <= to && g.activeTo >= from)
    .sort((a, b) => compareLv(a.name, b.name));
  const plans = groups.length ? await m.findBy(Plan, { groupId: In(groups.map((g) => g.id)) }) : [];
  const topics = plans.length ? await m.findBy(Topic, { planId: In(plans.map((p) => p.id)) }) : [];
  const planGroup = new Map(plans.map((p) => [p.id, p.groupId]));
  return groups.map((g) => ({
    groupId: g.id,
    groupName: g.name,
    topics: topics
      .filter((t) => planGroup.get(t.planId) === g.id)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))
      .map((t) => ({ id: t.id, title: t.title, startDate: t.startDate, endDate: t.endDate })),
  }));
}
