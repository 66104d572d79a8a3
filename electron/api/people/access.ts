// Removed once every domain uses Access
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../common/errors';
import type { Role } from '../../../common/roles';
import { Enrolment } from '../../../database/entities/people';

/**
 * Which groups a user may see. Shared service: attendance, plans, journals and substitution ask
 * the same question, so the answer lives in one place.
 */

/**
 * The groups a teacher works in at some time in [from, to] (YYYY-MM-DD; one date when `to` is
 * left out), judged on `today`: her own assignments (GroupTeacher) overlapping the period, and
 * the groups where she substitutes today for an absent colleague who works there in that period
 * (a substitute may do whatever the absent teacher may, and only while the substitution lasts,
 * so the access begins and ends by itself). Sorted ids, no duplicates. Every domain asks this
 * one function.
 */
export async function teacherGroupIds(
  manager: EntityManager,
  userId: number,
  from: string,
  to: string = from,
  today: string = to,
): Promise<number[]> {
  const rows = await manager.query<{ groupId: number }[]>(
    'SELECT group_id AS groupId FROM group_teacher ' +
      'WHERE user_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) ' +
      'UNION SELECT s.group_id FROM substitution s ' +
      'WHERE s.substitute_id = ? AND s.from_date <= ? AND s.to_date >= ? AND EXISTS (' +
      'SELECT 1 FROM group_teacher g WHERE g.user_id = s.absent_id AND g.group_id = s.group_id ' +
      'AND g.from_date <= ? AND (g.to_date IS NULL OR g.to_date >= ?)) ORDER BY 1',
    [userId, to, from, userId, today, today, to, from],
  );
  return rows.map((r) => Number(r.groupId));
}

/**
 * Whom `userId` stands in for when she writes in `groupId` on `today`: the absent teacher's id
 * when she works there only as a substitute, otherwise null (her own group, or no access at
 * all). Entries then read "X (aizvieto Y)" and the audit carries onBehalfOfId.
 */
export async function substitutedTeacherId(
  manager: EntityManager,
  userId: number,
  groupId: number,
  today: string,
): Promise<number | null> {
  const rows = await manager.query<{ own: number; absentId: number | null }[]>(
    'SELECT EXISTS (SELECT 1 FROM group_teacher WHERE user_id = ? AND group_id = ? ' +
      'AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)) AS own, ' +
      '(SELECT absent_id FROM substitution WHERE substitute_id = ? AND group_id = ? ' +
      'AND from_date <= ? AND to_date >= ? ORDER BY id LIMIT 1) AS absentId',
    [userId, groupId, today, today, userId, groupId, today, today],
  );
  const row = rows[0];
  return row && !Number(row.own) && row.absentId !== null ? Number(row.absentId) : null;
}

/** Roles that see every group (and every child); a teacher sees her own groups only. */
const SEES_ALL: ReadonlySet<Role> = new Set<Role>(['head', 'deputy', 'speech', 'nurse']);

/**
 * The group ids `user` may see on `date` (substitutions judged on `today`), or 'all'. Speech therapists have no caseload in the
 * data model yet, so they read every group (with masked codes) like the nurse.
 */
export async function visibleGroupIds(
  manager: EntityManager,
  user: { id: number; role: Role },
  date: string,
  today: string = date,
): Promise<number[] | 'all'> {
  if (SEES_ALL.has(user.role)) return 'all';
  return teacherGroupIds(manager, user.id, date, date, today);
}

/** Throws FORBIDDEN unless the user may see this group on `date`. */
export async function assertGroupVisible(
  manager: EntityManager,
  user: { id: number; role: Role },
  groupId: number,
  date: string,
): Promise<void> {
  const visible = await visibleGroupIds(manager, user, date);
  if (visible !== 'all' && !visible.includes(groupId)) throw new AppError('FORBIDDEN');
}

/** Throws FORBIDDEN unless the child is enrolled, on `date`, in a group the user may see. */
export async function assertChildVisible(
  manager: EntityManager,
  user: { id: number; role: Role },
  childId: number,
  date: string,
): Promise<void> {
  const visible = await visibleGroupIds(manager, user, date);
  if (visible === 'all') return;
  const enrolments = await manager.findBy(Enrolment, { childId });
  const seen = enrolments.some(
    (e) =>
      visible.includes(e.groupId) && e.fromDate <= date && (e.toDate === null || e.toDate >= date),
  );
  if (!seen) throw new AppError('FORBIDDEN');
}
