import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { GroupSummary, GroupTeacherSummary } from '../../../common/contract/people';
import { AppError } from '../../../common/errors';
import { compareLv } from '../../../common/text';
import { User } from '../../../database/entities';
import { Enrolment, Group, GroupTeacher } from '../../../database/entities/people';
import { changedFields } from '../audit/audit';
import type { Context } from '../context';
import { covers, fieldError, findGroup, groupLabel, log } from './shared';

/** Groups and their teachers (the rules' 2.1): set up by the head and the deputy. */

export async function groupSummaries(
  m: EntityManager,
  groups: Group[],
  date: string,
): Promise<GroupSummary[]> {
  const ids = groups.map((g) => g.id);
  const assignments = ids.length ? await m.findBy(GroupTeacher, { groupId: In(ids) }) : [];
  const userIds = [...new Set(assignments.map((a) => a.userId))];
  const users = userIds.length ? await m.findBy(User, { id: In(userIds) }) : [];
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  const enrolments = ids.length ? await m.findBy(Enrolment, { groupId: In(ids) }) : [];
  return groups
    .map((g) => ({
      id: g.id,
      number: g.number,
      name: g.name,
      label: groupLabel(g),
      ageFromMonths: g.ageFromMonths,
      ageToMonths: g.ageToMonths,
      capacity: g.capacity,
      schoolYear: g.schoolYear,
      activeFrom: g.activeFrom,
      activeTo: g.activeTo,
      teachers: assignments
        .filter((a) => a.groupId === g.id)
        .sort((a, b) => a.fromDate.localeCompare(b.fromDate))
        .map((a) => ({
          id: a.id,
          userId: a.userId,
          fullName: names.get(a.userId) ?? '',
          fromDate: a.fromDate,
          toDate: a.toDate,
        })),
      childCount: enrolments.filter((e) => e.groupId === g.id && covers(e, date)).length,
    }))
    .sort(
      (a, b) =>
        (a.number ?? 999) - (b.number ?? 999) ||
        compareLv(a.name, b.name) ||
        a.activeFrom.localeCompare(b.activeFrom),
    );
}

async function summary(m: EntityManager, group: Group, date: string): Promise<GroupSummary> {
  return (await groupSummaries(m, [group], date))[0];
}

/** The groups she may read on the date; where she reads every group, the active ones unless `all`. */
export async function list(
  ctx: Context,
  input: ParsedInput<'groups.list'>,
): Promise<GroupSummary[]> {
  const date = input.date ?? ctx.today();
  const m = ctx.db.manager;
  const visible = await ctx.access().groups(m, 'groups', 'read', date);
  let groups = await m.find(Group);
  if (visible !== 'all') groups = groups.filter((g) => visible.includes(g.id));
  else if (!input.all) groups = groups.filter((g) => g.activeFrom <= date && g.activeTo >= date);
  return groupSummaries(m, groups, date);
}

export function create(ctx: Context, input: ParsedInput<'groups.create'>): Promise<GroupSummary> {
  return ctx.db.transaction(async (m) => {
    const group = await m.save(m.create(Group, input));
    await log(m, ctx, 'people.group.create', 'group', group.id, undefined, input, {
      groupId: group.id,
    });
    return summary(m, group, ctx.today());
  });
}

export function update(
  ctx: Context,
  { id, ...input }: ParsedInput<'groups.update'>,
): Promise<GroupSummary> {
  return ctx.db.transaction(async (m) => {
    const group = await m.findOneBy(Group, { id });
    if (!group) throw new AppError('NOT_FOUND');
    const before = { ...group };
    Object.assign(group, input);
    await m.save(group);
    const { before: was, after: now } = changedFields(before, input, ['name']);
    await log(m, ctx, 'people.group.update', 'group', id, was, now, { groupId: id });
    return summary(m, group, ctx.today());
  });
}

export function assignTeacher(
  ctx: Context,
  input: ParsedInput<'groups.assignTeacher'>,
): Promise<GroupTeacherSummary> {
  return ctx.db.transaction(async (m) => {
    const group = await findGroup(m, input.groupId);
    const user = await m.findOneBy(User, { id: input.userId });
    if (!user || !user.active || user.role !== 'teacher') {
      throw fieldError('userId', 'people.notTeacher');
    }
    if (input.fromDate > group.activeTo || (input.toDate ?? group.activeTo) < group.activeFrom) {
      throw fieldError('fromDate', 'people.outsideGroup');
    }
    const existing = await m.findBy(GroupTeacher, {
      groupId: input.groupId,
      userId: input.userId,
    });
    const end = input.toDate ?? '9999-12-31';
    if (existing.some((e) => e.fromDate <= end && (e.toDate ?? '9999-12-31') >= input.fromDate)) {
      throw fieldError('fromDate', 'people.teacherOverlap');
    }
    const row = await m.save(
      m.create(GroupTeacher, {
        groupId: input.groupId,
        userId: input.userId,
        fromDate: input.fromDate,
        toDate: input.toDate,
      }),
    );
    await log(m, ctx, 'people.groupTeacher.assign', 'group_teacher', row.id, undefined, input, {
      groupId: input.groupId,
    });
    return { ...row, fullName: user.fullName };
  });
}

/** Ends an assignment on a date; the history stays. */
export function endTeacher(ctx: Context, input: ParsedInput<'groups.endTeacher'>): Promise<void> {
  return ctx.db.transaction(async (m) => {
    const row = await m.findOneBy(GroupTeacher, { id: input.assignmentId });
    if (!row) throw new AppError('NOT_FOUND');
    if (input.toDate < row.fromDate) throw fieldError('toDate', 'people.dateOrder');
    const before = { toDate: row.toDate };
    await m.update(GroupTeacher, { id: row.id }, { toDate: input.toDate });
    await log(
      m,
      ctx,
      'people.groupTeacher.end',
      'group_teacher',
      row.id,
      before,
      { toDate: input.toDate },
      { groupId: row.groupId },
    );
  });
}

/** Active users with the teacher role, to assign to groups. */
export async function teachers(ctx: Context): Promise<{ id: number; fullName: string }[]> {
  const users = await ctx.db.getRepository(User).findBy({ role: 'teacher', active: true });
  return users
    .map((u) => ({ id: u.id, fullName: u.fullName }))
    .sort((a, b) => compareLv(a.fullName, b.fullName));
}
