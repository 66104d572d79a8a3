import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../../../common/calendar';
import { DEFAULT_ATTENDANCE_DEADLINE } from '../../../common/contract/settings';
import type { RigaNow } from '../../../common/deadlines';
import { schoolYearBounds, schoolYearOf } from '../../../common/planning-rules';
import type { Role } from '../../../common/roles';
import { compareLv } from '../../../common/text';
import { rigaTime } from '../attendance/riga-time';
import { workingCalendar } from '../calendar/working-calendar';
import type { Context } from '../context';

/**
 * What every obligation is judged against, read once per call: the calendar, the backend's Riga
 * "now" and the institution's settings; and the few set-based reads every collector shares
 * (the period's groups, their children's enrolments, their teachers).
 */
export interface Rules {
  calendar: WorkingCalendar;
  now: RigaNow;
  /** "HH:MM", the attendance deadline (3.2). */
  attendanceTime: string;
  /** Days after a topic's end for its marks (3.4). */
  marksDays: number;
  /** "MM-DD", the school year's first day. */
  yearStart: string;
}

export async function loadRules(ctx: Context): Promise<Rules> {
  const [row] = await ctx.db.query<{ deadline: string; days: number; start: string }[]>(
    'SELECT attendance_deadline AS deadline, assessment_due_days AS days, ' +
      'school_year_start AS start FROM institution WHERE id = 1',
  );
  const instant = ctx.now();
  return {
    calendar: await workingCalendar(ctx.db),
    now: { date: ctx.today(), time: rigaTime(instant) },
    attendanceTime: row?.deadline ?? DEFAULT_ATTENDANCE_DEADLINE,
    marksDays: Number(row?.days ?? 5),
    yearStart: row?.start ?? '09-01',
  };
}

/** The school year holding `date`: its starting calendar year and its first and last days. */
export function schoolYear(rules: Rules, date: string) {
  const year = schoolYearOf(date, rules.yearStart);
  const [from, to] = schoolYearBounds(year, rules.yearStart);
  return { year, from, to };
}

export interface GroupFact {
  id: number;
  number: number | null;
  name: string;
  activeFrom: string;
  activeTo: string;
}

/** Groups active at some time in [from, to], narrowed to `ids`, in the class-list order. */
export async function groupsIn(
  m: EntityManager,
  from: string,
  to: string,
  ids: number[] | 'all',
): Promise<GroupFact[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  const rows = await m.query<GroupFact[]>(
    'SELECT id, number, name, active_from AS "activeFrom", active_to AS "activeTo" FROM "group" ' +
      'WHERE active_from <= ? AND active_to >= ?',
    [to, from],
  );
  return rows
    .map((g) => ({ ...g, id: Number(g.id) }))
    .filter((g) => ids === 'all' || ids.includes(g.id))
    .sort((a, b) => (a.number ?? 999) - (b.number ?? 999) || compareLv(a.name, b.name));
}

const marks = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

export interface Span {
  groupId: number;
  childId: number;
  from: string;
  to: string | null;
}

/** The groups' enrolments overlapping [from, to]: one query for all of them. */
export async function enrolmentsIn(
  m: EntityManager,
  groupIds: readonly number[],
  from: string,
  to: string,
): Promise<Span[]> {
  if (groupIds.length === 0) return [];
  const rows = await m.query<Span[]>(
    'SELECT group_id AS "groupId", child_id AS "childId", from_date AS "from", to_date AS "to" ' +
      `FROM enrolment WHERE group_id IN (${marks(groupIds)}) AND from_date <= ? ` +
      'AND (to_date IS NULL OR to_date >= ?)',
    [...groupIds, to, from],
  );
  return rows.map((r) => ({ ...r, groupId: Number(r.groupId), childId: Number(r.childId) }));
}

export const covers = (s: { from: string; to: string | null }, date: string) =>
  s.from <= date && (s.to === null || s.to >= date);

export interface Assignment {
  groupId: number;
  userId: number;
  name: string;
  from: string;
  to: string | null;
}

/** The groups' teachers (own assignments) overlapping [from, to], with their names. */
export async function teachersIn(
  m: EntityManager,
  groupIds: readonly number[],
  from: string,
  to: string,
): Promise<Assignment[]> {
  if (groupIds.length === 0) return [];
  const rows = await m.query<Assignment[]>(
    'SELECT t.group_id AS "groupId", t.user_id AS "userId", u.full_name AS name, ' +
      't.from_date AS "from", t.to_date AS "to" FROM group_teacher t ' +
      `JOIN "user" u ON u.id = t.user_id WHERE t.group_id IN (${marks(groupIds)}) ` +
      'AND t.from_date <= ? AND (t.to_date IS NULL OR t.to_date >= ?)',
    [...groupIds, to, from],
  );
  return rows.map((r) => ({ ...r, groupId: Number(r.groupId), userId: Number(r.userId) }));
}

/** Active staff of the given roles: who answers for the kindergarten's own obligations. */
export async function staffOf(m: EntityManager, roles: readonly Role[]) {
  if (roles.length === 0) return [];
  const rows = await m.query<{ id: number; name: string; role: Role; active: unknown }[]>(
    `SELECT id, full_name AS name, role, active FROM "user" WHERE role IN (${marks(roles)})`,
    [...roles],
  );
  // Booleans come back as 0/1 from SQLite: compared in JS, the SQL stays engine-neutral.
  return rows
    .filter((r) => Boolean(r.active))
    .map((r) => ({ id: Number(r.id), name: r.name, role: r.role }));
}

export { marks as placeholders };
