import type { EntityManager } from 'typeorm';
import type { PlanDetail, PlanListRow, PlanOverviewRow } from '../../../common/contract/planning';
import { monthBounds } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { isPast, planDeadline } from '../../../common/deadlines';
import { planDueDate } from '../../../common/planning-rules';
import { compareLv } from '../../../common/text';
import { Group } from '../../../database/entities/people';
import { Plan, PlanVersion } from '../../../database/entities/planning';
import { workingCalendar } from '../calendar/working-calendar';
import type { Context } from '../context';
import { userNames } from '../users/names';
import { assertReadable, dueDays, findGroup, planTopics, topicData } from './records';

/** A group's plan for a month with its topics; an empty one when none is written yet. */
export async function planDetail(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  month: string,
): Promise<PlanDetail> {
  const group = await findGroup(m, groupId);
  const [from, to] = monthBounds(month);
  await assertReadable(m, ctx, 'planning', groupId, from, to);
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
    overdue: !plan?.submittedAt && isPast(planDeadline(calendar, month), ctx.today(), '00:00'),
    pendingChanges: plan ? plan.pendingChanges && topics.length > 0 : false,
    versionCount,
    canWrite: await ctx.access().mayGroup(m, 'planning', 'write', groupId, from, to),
    activeFrom: group.activeFrom,
    activeTo: group.activeTo,
    topics,
  };
}

/** The plan behind a PDF, found by its id. */
export async function planById(ctx: Context, planId: number): Promise<PlanDetail> {
  const m = ctx.db.manager;
  const plan = await m.findOneBy(Plan, { id: planId });
  if (!plan) throw new AppError('NOT_FOUND');
  return planDetail(m, ctx, plan.groupId, plan.month);
}

/**
 * Groups active during the month whose plans she reads today, with their plans' state: the
 * month's plans and their topic counts in two queries, whatever the number of groups.
 */
export async function overview(ctx: Context, month: string): Promise<PlanOverviewRow[]> {
  const m = ctx.db.manager;
  const [from, to] = monthBounds(month);
  const access = ctx.access();
  const visible = await access.groups(m, 'planning', 'read', ctx.today());
  const groups = (await m.find(Group)).filter(
    (g) =>
      g.activeFrom <= to && g.activeTo >= from && (visible === 'all' || visible.includes(g.id)),
  );
  const calendar = await workingCalendar(ctx.db);
  const deadline = planDeadline(calendar, month);
  const plans = new Map((await m.findBy(Plan, { month })).map((p) => [p.groupId, p]));
  const counts = await m.query<{ planId: number; n: number }[]>(
    'SELECT t.plan_id AS planId, COUNT(*) AS n FROM topic t JOIN plan p ON p.id = t.plan_id ' +
      'WHERE p.month = ? GROUP BY t.plan_id',
    [month],
  );
  const topicCount = new Map(counts.map((c) => [Number(c.planId), Number(c.n)]));
  const rows: PlanOverviewRow[] = [];
  for (const g of groups.sort((a, b) => compareLv(a.name, b.name))) {
    const plan = plans.get(g.id);
    rows.push({
      groupId: g.id,
      groupName: g.name,
      month,
      dueDate: deadline.date,
      planId: plan?.id ?? null,
      status: !plan ? 'none' : plan.submittedAt ? 'submitted' : 'draft',
      submittedAt: plan?.submittedAt ?? null,
      late: plan?.late ?? false,
      overdue: !plan?.submittedAt && isPast(deadline, ctx.today(), '00:00'),
      topicCount: plan ? (topicCount.get(plan.id) ?? 0) : 0,
      // Her periods are read once per call: no query per group here.
      canWrite: await access.mayGroup(m, 'planning', 'write', g.id, from, to),
    });
  }
  return rows;
}

/** Earlier plans of the groups she reads today, to copy from. */
export async function listPlans(ctx: Context): Promise<PlanListRow[]> {
  const m = ctx.db.manager;
  const visible = await ctx.access().groups(m, 'planning', 'read', ctx.today());
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
