import type { EntityManager } from 'typeorm';
import type { PlanDetail } from '../../../common/contract/planning';
import { monthBounds } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { isPast, planDeadline } from '../../../common/deadlines';
import { planDueDate } from '../../../common/planning-rules';
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
