import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { Report, ReportItem, ReportRow } from '../../../common/contract/overview';
import { OBLIGATIONS, RESPONSIBLE, type Obligation } from '../../../common/deadlines';
import { compareLv } from '../../../common/text';
import type { Context } from '../context';
import { userNames } from '../users/names';
import { groupsIn, loadRules, staffOf, teachersIn, type GroupFact, type Rules } from './facts';
import { DOMAIN_OF, GROUP_OBLIGATIONS, judge, type Judged } from './obligations';

/**
 * The supervision report (3.12, head and deputy): every obligation of a period counted on time,
 * late, missing and pending, per group and teacher, per author, or for the kindergarten; and
 * the items behind each count. The whole school year is a few set-based queries per obligation.
 */

/** The obligations whose rows she reads in full (the access scope), and the period's groups. */
async function scopeOf(m: EntityManager, ctx: Context, from: string, to: string) {
  const access = ctx.access();
  const obligations: Obligation[] = [];
  for (const obligation of OBLIGATIONS) {
    if ((await access.groups(m, DOMAIN_OF[obligation], 'read', from, to)) === 'all') {
      obligations.push(obligation);
    }
  }
  return { obligations, groups: await groupsIn(m, from, to, 'all') };
}

export interface Judgement {
  rules: Rules;
  groups: GroupFact[];
  obligations: Obligation[];
  items: Judged[];
}

/** Every item of the period she may read, judged. */
export async function judgePeriod(
  ctx: Context,
  from: string,
  to: string,
  only?: Obligation,
  groupId?: number | null,
): Promise<Judgement> {
  const m = ctx.db.manager;
  const rules = await loadRules(ctx);
  const scope = await scopeOf(m, ctx, from, to);
  const obligations = scope.obligations.filter((o) => only === undefined || o === only);
  const groups =
    groupId === undefined || groupId === null
      ? scope.groups
      : scope.groups.filter((g) => g.id === groupId);
  const items = await judge(m, rules, { from, to, groups }, obligations);
  return { rules, groups, obligations, items };
}

const rowKey = (o: Obligation, groupId: number | null, personId: number | null) =>
  `${o}.${groupId ?? ''}.${personId ?? ''}`;

/** The report, and the judged items it counts (the exports list the late and missing ones). */
export async function buildReport(
  ctx: Context,
  from: string,
  to: string,
): Promise<{ report: Report; judgement: Judgement }> {
  const m = ctx.db.manager;
  const judgement = await judgePeriod(ctx, from, to);
  const { groups, obligations, items } = judgement;
  const teachers = await teachersIn(
    m,
    groups.map((g) => g.id),
    from,
    to,
  );
  const staff = await staffOf(m, [...new Set(obligations.flatMap((o) => RESPONSIBLE[o]))]);
  const authors = await userNames(
    m,
    items.map((i) => i.personId),
  );
  const rows = new Map<string, ReportRow>();
  const row = (o: Obligation, group: GroupFact | null, personId: number | null): ReportRow => {
    const key = rowKey(o, group?.id ?? null, personId);
    let found = rows.get(key);
    if (!found) {
      // A group's teachers answer for its plans, days and marks; the deputy for its checks.
      const people =
        group && RESPONSIBLE[o].includes('teacher')
          ? teachers.filter((t) => t.groupId === group.id).map((t) => t.name)
          : personId !== null
            ? [authors.get(personId) ?? '']
            : staff.filter((s) => RESPONSIBLE[o].includes(s.role)).map((s) => s.name);
      found = {
        obligation: o,
        groupId: group?.id ?? null,
        groupName: group?.name ?? null,
        personId,
        people: [...new Set(people)].sort(compareLv).join(', '),
        onTime: 0,
        late: 0,
        missing: 0,
        pending: 0,
      };
      rows.set(key, found);
    }
    return found;
  };
  // Every group has its line for every group obligation, even with nothing counted yet.
  for (const o of obligations) {
    if (GROUP_OBLIGATIONS.has(o)) for (const g of groups) row(o, g, null);
    else if (o !== 'individualWork' && o !== 'diary') row(o, null, null);
  }
  const byId = new Map(groups.map((g) => [g.id, g]));
  for (const item of items) {
    const group = GROUP_OBLIGATIONS.has(item.obligation) ? byId.get(item.groupId!)! : null;
    row(item.obligation, group, item.personId)[item.outcome]++;
  }
  const order = (o: Obligation) => OBLIGATIONS.indexOf(o);
  const groupOrder = (id: number | null) =>
    id === null ? -1 : groups.findIndex((g) => g.id === id);
  const sorted = [...rows.values()].sort(
    (a, b) =>
      order(a.obligation) - order(b.obligation) ||
      groupOrder(a.groupId) - groupOrder(b.groupId) ||
      compareLv(a.people, b.people),
  );
  return { report: { from, to, rows: sorted }, judgement };
}

export async function report(ctx: Context, from: string, to: string): Promise<Report> {
  return (await buildReport(ctx, from, to)).report;
}

/** The items behind one count: soonest due first. */
export async function reportItems(
  ctx: Context,
  input: ParsedInput<'overview.reportItems'>,
): Promise<ReportItem[]> {
  const { groups, items } = await judgePeriod(
    ctx,
    input.from,
    input.to,
    input.obligation,
    input.groupId,
  );
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return items
    .filter(
      (i) =>
        i.outcome === input.outcome && (input.personId === null || i.personId === input.personId),
    )
    .sort((a, b) => a.deadline.date.localeCompare(b.deadline.date))
    .map((i) => ({
      obligation: i.obligation,
      outcome: i.outcome,
      due: i.deadline.date,
      dueTime: i.deadline.time,
      doneAt: i.doneAt,
      groupId: i.groupId,
      groupName: i.groupId === null ? null : (names.get(i.groupId) ?? null),
      subject: i.subject,
      ref: i.ref,
    }));
}
