import type { Charts } from '../../../common/contract/overview';
import type { AbsenceCode } from '../../../common/contract/attendance';
import { addMonths } from '../../../common/dates';
import type { Obligation } from '../../../common/deadlines';
import { schoolYearBounds } from '../../../common/planning-rules';
import type { Context } from '../context';
import { covers, enrolmentsIn, loadRules, placeholders } from './facts';
import { workingDays } from './obligations/judged';
import { judgePeriod } from './report';

/**
 * The charts of a school year and the numbers behind them: attendance % per group and month (as
 * the month summary counts it: child-days on working days up to today, less absences), absences
 * by code, the on-time share of confirmations and plans, and what was late or not done by month.
 */
export async function charts(ctx: Context, year: number): Promise<Charts> {
  const m = ctx.db.manager;
  const rules = await loadRules(ctx);
  const [from, to] = schoolYearBounds(year, rules.yearStart);
  const months: string[] = [];
  for (let mo = from.slice(0, 7); mo <= to.slice(0, 7); mo = addMonths(mo, 1)) months.push(mo);
  const { groups, items } = await judgePeriod(ctx, from, to);
  const ids = groups.map((g) => g.id);
  const last = to < rules.now.date ? to : rules.now.date;
  const counted = last < from ? [] : workingDays(rules.calendar, from, last);
  const countedSet = new Set(counted);
  const spans = await enrolmentsIn(m, ids, from, to);
  const absences = ids.length
    ? await m.query<{ groupId: number; date: string; code: AbsenceCode; n: number }[]>(
        'SELECT group_id AS "groupId", date, code, COUNT(*) AS n FROM attendance_mark ' +
          `WHERE group_id IN (${placeholders(ids)}) AND date >= ? AND date <= ? ` +
          'GROUP BY group_id, date, code',
        [...ids, from, to],
      )
    : [];
  const monthIndex = (date: string) => months.indexOf(date.slice(0, 7));
  const codes = { NS: months.map(() => 0), NC: months.map(() => 0), N: months.map(() => 0) };
  const attendance = groups.map((group) => {
    const childDays = months.map(() => 0);
    for (const span of spans.filter((s) => s.groupId === group.id)) {
      for (const day of counted) if (covers(span, day)) childDays[monthIndex(day)]++;
    }
    const absent = months.map(() => 0);
    for (const a of absences) {
      if (Number(a.groupId) !== group.id || !countedSet.has(a.date)) continue;
      absent[monthIndex(a.date)] += Number(a.n);
      codes[a.code][monthIndex(a.date)] += Number(a.n);
    }
    return {
      groupId: group.id,
      groupName: group.name,
      percent: childDays.map((days, i) =>
        days === 0 ? null : Math.round(((days - absent[i]) / days) * 1000) / 10,
      ),
    };
  });
  const share = (groupId: number, o: Obligation) => {
    const judged = items.filter(
      (i) => i.obligation === o && i.groupId === groupId && i.outcome !== 'pending',
    );
    const onTime = judged.filter((i) => i.outcome === 'onTime').length;
    return judged.length === 0 ? null : Math.round((onTime / judged.length) * 1000) / 10;
  };
  const overdue = { late: months.map(() => 0), missing: months.map(() => 0) };
  for (const item of items) {
    const i = monthIndex(item.deadline.date);
    if (i < 0) continue;
    if (item.outcome === 'late') overdue.late[i]++;
    if (item.outcome === 'missing') overdue.missing[i]++;
  }
  return {
    schoolYear: year,
    from,
    to,
    months,
    attendance,
    absences: codes,
    onTime: groups.map((g) => ({
      groupId: g.id,
      groupName: g.name,
      attendance: share(g.id, 'attendance'),
      plans: share(g.id, 'plan'),
    })),
    overdue,
  };
}
