import type { EntityManager } from 'typeorm';
import { AppError } from '../../../common/errors';
import type { Role } from '../../../common/roles';
import { Enrolment } from '../../../database/entities/people';

/**
 * Which groups a user may see. Shared service: attendance, plans and (later) substitution ask
 * the same question, so the answer lives in one place.
 */

/**
 * The groups a teacher is assigned to at some time in [from, to] (YYYY-MM-DD; one date when `to`
 * is left out): GroupTeacher rows whose period overlaps it. Sorted ids, no duplicates. Every
 * domain asks this one function, so substitutions will add their groups here.
 */
export async function teacherGroupIds(
  manager: EntityManager,
  userId: number,
  from: string,
  to: string = from,
): Promise<number[]> {
  const rows = await manager.query<{ groupId: number }[]>(
    'SELECT DISTINCT group_id AS groupId FROM group_teacher ' +
      'WHERE user_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY group_id',
    [userId, to, from],
  );
  return rows.map((r) => Number(r.groupId));
}

/** Roles that see every group (and every child); a teacher sees her own groups only. */
const SEES_ALL: ReadonlySet<Role> = new Set<Role>(['head', 'deputy', 'speech', 'nurse']);

/**
 * The group ids `user` may see on `date`, or 'all'. Speech therapists have no caseload in the
 * data model yet, so they read every group (with masked codes) like the nurse.
 */
export async function visibleGroupIds(
  manager: EntityManager,
  user: { id: number; role: Role },
  date: string,
): Promise<number[] | 'all'> {
  if (SEES_ALL.has(user.role)) return 'all';
  return teacherGroupIds(manager, user.id, date);
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
