import type { ParsedInput } from '../../../common/contract';
import type { Page, YearPage } from '../../../common/contract/paging';
import type { PlanListRow, PlanOverviewRow } from '../../../common/contract/planning';
import { monthBounds } from '../../../common/dates';
import { isPast, planDeadline } from '../../../common/deadlines';
import { compareLv } from '../../../common/text';
import { workingCalendar } from '../calendar/working-calendar';
import type { Context } from '../context';
import { count, marks, page, schoolYear, yearPage } from '../lists';

/** The planning lists: a month's overview of the groups' plans, and a year's plans to copy. */

interface OverviewSql {
  groupId: number;
  groupName: string;
  planId: number | null;
  submittedAt: string | null;
  late: number | null;
  topicCount: number;
}

/**
 * Groups active during the month whose plans she reads today, with their plans' state: one
 * query for the month's groups (a dozen, however long the history), sorted the Latvian way.
 */
export async function overview(
  ctx: Context,
  input: ParsedInput<'planning.overview'>,
): Promise<Page<PlanOverviewRow>> {
  const m = ctx.db.manager;
  const [from, to] = monthBounds(input.month);
  const access = ctx.access();
  const visible = await access.groups(m, 'planning', 'read', ctx.today());
  if (visible !== 'all' && visible.length === 0) return page([], 0);
  const where = ['g.active_from <= ?', 'g.active_to >= ?'];
  const params: unknown[] = [input.month, to, from];
  if (visible !== 'all') {
    where.push(`g.id IN (${marks(visible.length)})`);
    params.push(...visible);
  }
  if (input.groupId !== undefined) {
    where.push('g.id = ?');
    params.push(input.groupId);
  }
  const rows = await m.query<OverviewSql[]>(
    'SELECT g.id AS "groupId", g.name AS "groupName", p.id AS "planId", ' +
      'p.submitted_at AS "submittedAt", p.late AS late, ' +
      '(SELECT COUNT(*) FROM topic t WHERE t.plan_id = p.id) AS "topicCount" ' +
      'FROM "group" g LEFT JOIN plan p ON p.group_id = g.id AND p.month = ? ' +
      `WHERE ${where.join(' AND ')}`,
    params,
  );
  rows.sort((a, b) => compareLv(a.groupName, b.groupName));
  const deadline = planDeadline(await workingCalendar(ctx.db), input.month);
  // Not submitted and past its due date: a plan never started is overdue too.
  const pastDue = isPast(deadline, ctx.today(), '00:00');
  const shown = rows.slice(input.offset, input.offset + input.limit);
  const out: PlanOverviewRow[] = [];
  for (const r of shown) {
    out.push({
      groupId: r.groupId,
      groupName: r.groupName,
      month: input.month,
      dueDate: deadline.date,
      planId: r.planId,
      status: r.planId === null ? 'none' : r.submittedAt ? 'submitted' : 'draft',
      submittedAt: r.submittedAt,
      late: !!r.late,
      overdue: !r.submittedAt && pastDue,
      topicCount: Number(r.topicCount),
      // Her periods are loaded once per call: no query per group.
      canWrite: await access.mayGroup(m, 'planning', 'write', r.groupId, from, to),
    });
  }
  return page(out, rows.length);
}

/**
 * Plans of a school year in the groups she reads today, newest month first, a page of them,
 * each with its topics' titles (one query for the page's topics).
 */
export async function listPlans(
  ctx: Context,
  input: ParsedInput<'planning.list'>,
): Promise<YearPage<PlanListRow>> {
  const m = ctx.db.manager;
  const year = await schoolYear(m, ctx, input.schoolYear);
  const visible = await ctx.access().groups(m, 'planning', 'read', ctx.today());
  if (visible !== 'all' && visible.length === 0) return yearPage(m, year, [], 0);
  const where = ['p.month >= ?', 'p.month <= ?'];
  const params: unknown[] = [year.from.slice(0, 7), year.to.slice(0, 7)];
  if (visible !== 'all') {
    where.push(`p.group_id IN (${marks(visible.length)})`);
    params.push(...visible);
  }
  if (input.groupId !== undefined) {
    where.push('p.group_id = ?');
    params.push(input.groupId);
  }
  const filter = `FROM plan p JOIN "group" g ON g.id = p.group_id WHERE ${where.join(' AND ')}`;
  const plans = await m.query<{ id: number; groupId: number; groupName: string; month: string }[]>(
    `SELECT p.id, p.group_id AS "groupId", g.name AS "groupName", p.month ${filter} ` +
      'ORDER BY p.month DESC, g.number, g.name, p.id LIMIT ? OFFSET ?',
    [...params, input.limit, input.offset],
  );
  const total = await count(m, `SELECT COUNT(*) AS n ${filter}`, params);
  const topics = plans.length
    ? await m.query<{ id: number; planId: number; title: string }[]>(
        `SELECT id, plan_id AS "planId", title FROM topic WHERE plan_id IN (${marks(plans.length)}) ` +
          'ORDER BY position, id',
        plans.map((p) => p.id),
      )
    : [];
  const rows = plans.map((p) => ({
    ...p,
    topics: topics.filter((t) => t.planId === p.id).map(({ id, title }) => ({ id, title })),
  }));
  return yearPage(m, year, rows, total);
}
