import { daysInMonth, monthBounds } from '../../../common/dates';
import type {
  AbsenceCode,
  AttendanceMonth,
  GroupSummary,
  MonthChild,
  MonthTotals,
} from '../../../common/contract/attendance';
import { Group } from '../../../database/entities/people';
import { workingCalendar } from '../calendar/working-calendar';
import type { Context } from '../context';
import { byName, groupView } from './format';
import { enrolledBetween, loadGroup, marksBetween } from './queries';

/** A group's month grid, and the institution's month summary over every group. */

const emptyTotals = (): MonthTotals => ({ present: 0, NS: 0, NC: 0, N: 0 });

/** Moves one day of a total from present to an absence code (fixed keys keep V8 fast here). */
function absent(t: MonthTotals, code: AbsenceCode): void {
  t.present--;
  if (code === 'NS') t.NS++;
  else if (code === 'NC') t.NC++;
  else t.N++;
}

export async function monthGrid(
  ctx: Context,
  groupId: number,
  month: string,
): Promise<AttendanceMonth> {
  const m = ctx.db.manager;
  const access = ctx.access();
  const group = await loadGroup(m, groupId);
  const [first, last] = monthBounds(month);
  const [y, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  await access.assertGroup(
    m,
    'attendance',
    'read',
    groupId,
    first,
    last,
    'attendance.notYourGroup',
  );
  // Whether she writes on some day of the month; each cell is judged again when saved.
  const canEdit = await access.mayGroup(m, 'attendance', 'write', groupId, first, last);
  const calendar = await workingCalendar(ctx.db);
  const today = ctx.today();
  // The grid itself: two indexed range queries (see queries.ts).
  const enrolled = await enrolledBetween(m, groupId, first, last);
  const marks = await marksBetween(m, groupId, first, last);

  const days = [];
  for (let d = 1; d <= daysInMonth(y, mo); d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    days.push({ date, working: calendar.isWorkingDay(date), future: date > today });
  }
  const byChild = new Map<number, MonthChild>();
  for (const e of enrolled) {
    const from = e.from > first ? e.from : first;
    const to = e.to === null || e.to > last ? last : e.to;
    const seen = byChild.get(e.childId);
    if (seen) {
      // Left and came back within the month: one row spanning both enrolments.
      seen.from = from < seen.from ? from : seen.from;
      seen.to = to > seen.to ? to : seen.to;
      continue;
    }
    byChild.set(e.childId, {
      childId: e.childId,
      firstName: e.firstName,
      lastName: e.lastName,
      from,
      to,
      codes: {},
      corrected: [],
      totals: emptyTotals(),
    });
  }
  // Totals count the working days up to today within each child's enrolment: every such day is
  // present unless a mark says otherwise. Counted by day index and per mark, not per cell, as
  // this loop was a fifth of the grid's time (see docs/benchmarks.md).
  const counted = days.filter((d) => d.working && !d.future).map((d) => d.date);
  const dayIndex = new Map(counted.map((date, i) => [date, i]));
  const perDay = counted.map(emptyTotals);
  const totals = emptyTotals();
  for (const child of byChild.values()) {
    for (let i = 0; i < counted.length; i++) {
      if (counted[i] < child.from || counted[i] > child.to) continue;
      child.totals.present++;
      perDay[i].present++;
    }
  }
  for (const mark of marks) {
    const child = byChild.get(mark.childId);
    if (!child) continue;
    child.codes[mark.date] = mark.code;
    if (mark.corrected) child.corrected.push(mark.date);
    const i = dayIndex.get(mark.date);
    if (i === undefined || mark.date < child.from || mark.date > child.to) continue;
    absent(child.totals, mark.code);
    absent(perDay[i], mark.code);
  }
  const dayTotals: Record<string, MonthTotals> = {};
  for (let i = 0; i < counted.length; i++) {
    dayTotals[counted[i]] = perDay[i];
    totals.present += perDay[i].present;
    totals.NS += perDay[i].NS;
    totals.NC += perDay[i].NC;
    totals.N += perDay[i].N;
  }
  return {
    group: groupView(group, canEdit),
    month,
    institution: group.institution,
    days,
    children: [...byChild.values()].sort(byName),
    dayTotals,
    totals,
  };
}

/**
 * The institution's month: per group, child-days present and absences by code. Three queries
 * for all groups together (groups, their enrolments, their marks) rather than a month grid per
 * group: a school year of it is the supervision aggregate, and it must stay well under 500 ms.
 */
export async function monthSummary(ctx: Context, month: string): Promise<GroupSummary[]> {
  const [first, last] = monthBounds(month);
  const [y, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const m = ctx.db.manager;
  const calendar = await workingCalendar(ctx.db);
  const today = ctx.today();
  const counted = calendar.workingDaysOfMonth(y, mo).filter((d) => d <= today);
  const readable = await ctx.access().groups(m, 'attendance', 'read', first, last);
  const groups = (
    await m
      .createQueryBuilder(Group, 'g')
      .where('g.activeFrom <= :last AND g.activeTo >= :first', { first, last })
      .getMany()
  ).filter((g) => readable === 'all' || readable.includes(g.id));
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const marks = ids.map(() => '?').join(', ');
  const enrolments = await m.query<{ groupId: number; from: string; to: string | null }[]>(
    'SELECT group_id AS "groupId", from_date AS "from", to_date AS "to" FROM enrolment ' +
      `WHERE group_id IN (${marks}) AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)`,
    [...ids, last, first],
  );
  const absences = await m.query<{ groupId: number; date: string; code: AbsenceCode }[]>(
    'SELECT group_id AS "groupId", date, code FROM attendance_mark ' +
      `WHERE group_id IN (${marks}) AND date >= ? AND date <= ?`,
    [...ids, first, last],
  );
  const countedSet = new Set(counted);
  const out: GroupSummary[] = groups.map((group) => {
    const totals = emptyTotals();
    let childDays = 0;
    for (const e of enrolments) {
      if (e.groupId !== group.id) continue;
      childDays += counted.filter((d) => d >= e.from && (e.to === null || d <= e.to)).length;
    }
    for (const a of absences) {
      if (a.groupId === group.id && countedSet.has(a.date)) totals[a.code]++;
    }
    const { NS, NC, N } = totals;
    const present = childDays - NS - NC - N;
    return {
      group: groupView(group, false),
      present,
      NS,
      NC,
      N,
      percent: childDays === 0 ? null : Math.round((present / childDays) * 1000) / 10,
    };
  });
  return out.sort((a, b) => (a.group.number ?? 999) - (b.group.number ?? 999));
}
