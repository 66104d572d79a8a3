import type { EntityManager } from 'typeorm';
import { AppError } from '../../../common/errors';
import { rigaDate } from '../clock';
import type { Context } from '../context';
import { teacherGroupIds, visibleGroupIds } from '../people/access';

/**
 * Who may read and write a group's plans and marks. A plan or a topic spans a period, so a
 * teacher counts as the group's when one of her assignments overlaps that period, and a
 * substitute when she stands in today for such a teacher.
 */
async function teachesDuring(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  from: string,
  to: string,
): Promise<boolean> {
  const today = rigaDate(ctx.now());
  return (await teacherGroupIds(m, ctx.user.id, from, to, today)).includes(groupId);
}

/** Only the group's teachers write (the rules' 3.1, 3.4); the permission table already said teacher. */
export async function mayWrite(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  from: string,
  to: string,
): Promise<boolean> {
  return ctx.user.role === 'teacher' && teachesDuring(m, ctx, groupId, from, to);
}

export async function assertWrite(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  from: string,
  to: string,
): Promise<void> {
  if (!(await mayWrite(m, ctx, groupId, from, to))) {
    throw new AppError('FORBIDDEN', 'planning.notGroupTeacher');
  }
}

/** Head, deputy and speech therapist read every group; a teacher her groups of the period or today. */
export async function assertRead(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  from: string,
  to: string,
  today: string,
): Promise<void> {
  const visible = await visibleGroupIds(m, ctx.user, today);
  if (visible === 'all' || visible.includes(groupId)) return;
  if (await teachesDuring(m, ctx, groupId, from, to)) return;
  throw new AppError('FORBIDDEN');
}
