import type { EntityManager } from 'typeorm';
import { attendanceDeadline, nurseCheckDeadline, outcomeOf } from '../../../../common/deadlines';
import { rigaDate } from '../../clock';
import { covers, enrolmentsIn, placeholders, type Rules } from '../facts';
import { earlier, later, workingDays, type Frame, type Judged } from './judged';

/**
 * The daily obligations (3.2, 3.3): each group's attendance confirmed by the deadline on every
 * working day it has children, and the nurse's check of every such day. Days that have not come
 * are not counted; today's are pending until their deadline passes.
 */

/** Per group, the working days of the frame (up to today) on which it had a child enrolled. */
async function groupDays(m: EntityManager, rules: Rules, frame: Frame) {
  const last = earlier(frame.to, rules.now.date);
  if (frame.groups.length === 0 || last < frame.from) return [];
  const spans = await enrolmentsIn(
    m,
    frame.groups.map((g) => g.id),
    frame.from,
    last,
  );
  const days = workingDays(rules.calendar, frame.from, last);
  return frame.groups.map((group) => {
    const own = spans.filter((s) => s.groupId === group.id);
    const from = later(frame.from, group.activeFrom);
    const to = earlier(last, group.activeTo);
    return {
      group,
      days: days.filter((d) => d >= from && d <= to && own.some((s) => covers(s, d))),
    };
  });
}

export async function attendanceItems(
  m: EntityManager,
  rules: Rules,
  frame: Frame,
): Promise<Judged[]> {
  const perGroup = await groupDays(m, rules, frame);
  if (perGroup.length === 0) return [];
  const ids = perGroup.map((g) => g.group.id);
  const rows = await m.query<{ groupId: number; date: string; late: unknown; at: string }[]>(
    'SELECT group_id AS "groupId", date, late, confirmed_at AS at FROM attendance_day ' +
      `WHERE group_id IN (${placeholders(ids)}) AND date >= ? AND date <= ?`,
    [...ids, frame.from, frame.to],
  );
  const confirmed = new Map(rows.map((r) => [`${Number(r.groupId)}.${r.date}`, r]));
  return perGroup.flatMap(({ group, days }) =>
    days.map((date): Judged => {
      const row = confirmed.get(`${group.id}.${date}`);
      const deadline = attendanceDeadline(date, rules.attendanceTime);
      return {
        obligation: 'attendance',
        outcome: outcomeOf(deadline, row ? { late: Boolean(row.late) } : null, rules.now),
        deadline,
        doneAt: row?.at ?? null,
        groupId: group.id,
        personId: null,
        subject: '',
        ref: { date },
        scopeDate: date,
      };
    }),
  );
}

/** The nurse's check (one per day, of every group): on the day, late after it, or missing. */
export async function nurseItems(m: EntityManager, rules: Rules, frame: Frame): Promise<Judged[]> {
  const perGroup = await groupDays(m, rules, frame);
  const days = [...new Set(perGroup.flatMap((g) => g.days))].sort();
  if (days.length === 0) return [];
  const rows = await m.query<{ date: string; at: string }[]>(
    'SELECT date, checked_at AS at FROM nurse_check WHERE date >= ? AND date <= ?',
    [days[0], days[days.length - 1]],
  );
  const checked = new Map(rows.map((r) => [r.date, r.at]));
  return days.map((date): Judged => {
    const at = checked.get(date);
    const deadline = nurseCheckDeadline(date);
    return {
      obligation: 'nurseCheck',
      outcome: outcomeOf(deadline, at ? { late: rigaDate(new Date(at)) > date } : null, rules.now),
      deadline,
      doneAt: at ?? null,
      groupId: null,
      personId: null,
      subject: '',
      ref: { date },
      scopeDate: date,
    };
  });
}
