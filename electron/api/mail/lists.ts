import type { EntityManager } from 'typeorm';
import type { ListOption, Recipients, StaffList } from '../../../common/contract/mail';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import type { Role } from '../../../common/roles';
import { compareLv } from '../../../common/text';
import { groupLabel } from '../people/shared';
import type { Context } from '../context';

/**
 * Whom a staff message may go to: colleagues by name, and lists (all staff, management, all
 * teachers, the teachers of a group, the nurse, the speech therapists). A list reaches the people
 * it holds today; the group lists she may use follow the access scope's 'messages' row, so a
 * substitute has the absent colleague's group only while the substitution lasts.
 */

interface StaffUser {
  id: number;
  name: string;
  role: Role;
}

const ROLE_LISTS: Record<StaffList, readonly Role[]> = {
  staff: ['head', 'deputy', 'teacher', 'speech', 'nurse'],
  management: ['head', 'deputy'],
  teachers: ['teacher'],
  nurse: ['nurse'],
  speech: ['speech'],
};

async function activeStaff(m: EntityManager): Promise<StaffUser[]> {
  const rows = await m.query<StaffUser[]>(
    'SELECT id, full_name AS name, role FROM "user" WHERE active = TRUE',
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => compareLv(a.name, b.name));
}

/** The groups whose lists she may use today, with the teachers (and substitutes) there today. */
async function groupLists(m: EntityManager, ctx: Context) {
  const today = ctx.today();
  const allowed = await ctx.access().groups(m, 'messages', 'write', today);
  const groups = await m.query<{ id: number; number: number | null; name: string }[]>(
    'SELECT id, number, name FROM "group" WHERE active_from <= ? AND active_to >= ? ' +
      'ORDER BY number, name',
    [today, today],
  );
  const members = await m.query<{ groupId: number; userId: number }[]>(
    'SELECT t.group_id AS "groupId", t.user_id AS "userId" FROM group_teacher t ' +
      'JOIN "user" u ON u.id = t.user_id AND u.active = TRUE ' +
      'WHERE t.from_date <= ? AND (t.to_date IS NULL OR t.to_date >= ?) ' +
      'UNION SELECT s.group_id, s.substitute_id FROM substitution s ' +
      'JOIN "user" u ON u.id = s.substitute_id AND u.active = TRUE ' +
      'WHERE s.from_date <= ? AND s.to_date >= ?',
    [today, today, today, today],
  );
  return groups
    .filter((g) => allowed === 'all' || allowed.includes(Number(g.id)))
    .map((g) => ({
      key: `group:${g.id}`,
      label: message(ctx.state.locale, 'mail.list.group', { group: groupLabel(g) }),
      userIds: members
        .filter((x) => Number(x.groupId) === Number(g.id))
        .map((x) => Number(x.userId)),
    }));
}

async function allLists(m: EntityManager, ctx: Context, staff: StaffUser[]) {
  const byRole = (Object.keys(ROLE_LISTS) as StaffList[]).map((key) => ({
    key: key,
    label: message(ctx.state.locale, `mail.list.${key}`),
    userIds: staff.filter((u) => ROLE_LISTS[key].includes(u.role)).map((u) => u.id),
  }));
  return [...byRole, ...(await groupLists(m, ctx))];
}

export async function recipients(ctx: Context): Promise<Recipients> {
  const m = ctx.db.manager;
  const staff = await activeStaff(m);
  const lists: ListOption[] = (await allLists(m, ctx, staff)).map((l) => ({
    key: l.key,
    label: l.label,
    members: l.userIds.filter((id) => id !== ctx.user.id).length,
  }));
  return { users: staff.filter((u) => u.id !== ctx.user.id), lists };
}

/**
 * The people a message goes to (never the sender herself), and the labels of what she chose.
 * A list she may not use, or a colleague who is not an active user, is refused.
 */
export async function resolve(
  m: EntityManager,
  ctx: Context,
  userIds: readonly number[],
  listKeys: readonly string[],
): Promise<{ ids: number[]; labels: string[] }> {
  const staff = await activeStaff(m);
  const lists = listKeys.length ? await allLists(m, ctx, staff) : [];
  const ids = new Set<number>();
  const labels: string[] = [];
  for (const key of listKeys) {
    const list = lists.find((l) => l.key === key);
    if (!list) {
      throw new AppError('FORBIDDEN', 'mail.listNotYours', { list: key.replace('group:', '') });
    }
    labels.push(list.label);
    list.userIds.forEach((id) => ids.add(id));
  }
  for (const id of userIds) {
    const user = staff.find((u) => u.id === id);
    if (!user) {
      throw new AppError('VALIDATION', 'error.VALIDATION', {}, { to: 'mail.userNotFound' });
    }
    labels.push(user.name);
    ids.add(id);
  }
  ids.delete(ctx.user.id);
  return { ids: [...ids], labels };
}
