import type { EntityManager } from 'typeorm';
import { AppError } from '../../../common/errors';
import { GroupTeacher } from '../../../database/entities/people';
import { visibleGroupIds } from '../people/access';
import type { Context } from '../context';

/**
 * Who may read and write a group's plans and marks. A plan or a topic spans a period, so a
 * teacher counts as the group's when one of her assignments overlaps that period (the people
 * domain's teacherGroupIds answers for one date only).
 */
export async function teachesDuring(
  m: EntityManager,
  userId: number,
  groupId: number,
  from: string,
  to: string,
): Promise<boolean> {
  const count = await m
    .createQueryBuilder(GroupTeacher, 'gt')
    .where('gt.user_id = :userId AND gt.group_id = :groupId', { userId, groupId })
    .andWhere('gt.from_date <= :to', { to })
    .andWhere('(gt.to_date IS NULL OR gt.to_date >= :from)', { from })
    .getCount();
  return count > 0;
}

/** Only the group's teachers write (the rules' 3.1, 3.4); the permission table already said teacher. */
export async function mayWrite(
  m: EntityManager,
  ctx: Context,
  groupId: number,
  from: string,
  to: string,
): Promise<boolean> {
  return ctx.user.role === 'teacher' && teachesDuring(m, ctx.user.id, groupId, from, to);
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
  if (await teachesDuring(m, ctx.user.id, groupId, from, to)) return;
  throw new AppError('FORBIDDEN');
}
