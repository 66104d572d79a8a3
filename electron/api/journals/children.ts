import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { WritableChild } from '../../../common/contract/journals';
import { dmy } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { isFutureEntry, isLateEntry } from '../../../common/journal-rules';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import {
  Child,
  ChildGuardian,
  Enrolment,
  Group,
  Guardian,
} from '../../../database/entities/people';
import type { ScopedRow } from '../access/scope';
import type { Context } from '../context';

/**
 * What both journals (individual work, talks with parents) share: the children she may write
 * about, the day an entry belongs to, and who may change an entry once written.
 */
export type JournalDomain = 'individualWork' | 'talks';

export const personName = (p: { firstName: string; lastName: string }) =>
  `${p.firstName} ${p.lastName}`;

/** A refusal of one field, worded here because the message has parameters. */
export function fieldError(ctx: Context, field: string, key: string, params = {}): AppError {
  return new AppError(
    'VALIDATION',
    'error.VALIDATION',
    {},
    { [field]: message(ctx.state.locale, key, params) },
  );
}

/**
 * Refuses a future day and says whether the entry is late (common/journal-rules.ts); an edit
 * passes the stored entry, whose lateness stays while its day does.
 */
export function entryDay(
  ctx: Context,
  date: string,
  previous?: { date: string; late: boolean } | null,
): boolean {
  const today = ctx.today();
  if (isFutureEntry(date, today)) {
    throw fieldError(ctx, 'date', 'journals.futureDate', { today: dmy(today) });
  }
  return isLateEntry(date, today, previous);
}

/**
 * The groups whose children she may write about on `date`, from her write scope: 'own' (the
 * speech therapist's: what she writes is hers) reaches every enrolled child; the group-bound
 * scopes reach the children of her groups, her own and those she substitutes in.
 */
async function writableGroups(
  m: EntityManager,
  ctx: Context,
  domain: JournalDomain,
  date: string,
): Promise<number[] | 'all'> {
  const access = ctx.access();
  if (access.scope(domain, 'write') === 'own') return 'all';
  return access.groups(m, domain, 'write', date);
}

/** Child → group on `date`, for children enrolled then in `groups` (only `childIds`, if given). */
async function enrolledIn(
  m: EntityManager,
  groups: number[] | 'all',
  date: string,
  childIds?: number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (groups !== 'all' && groups.length === 0) return out;
  const scope = {
    ...(groups === 'all' ? {} : { groupId: In(groups) }),
    ...(childIds ? { childId: In(childIds) } : {}),
    fromDate: LessThanOrEqual(date),
  };
  const enrolments = await m.find(Enrolment, {
    where: [
      { ...scope, toDate: IsNull() },
      { ...scope, toDate: MoreThanOrEqual(date) },
    ],
    order: { id: 'ASC' },
  });
  for (const e of enrolments) out.set(e.childId, e.groupId);
  return out;
}

/**
 * Throws a field error unless she may write about every child on `date`; returns each child's
 * group that day, in the order given.
 */
export async function assertReach(
  m: EntityManager,
  ctx: Context,
  domain: JournalDomain,
  field: string,
  date: string,
  childIds: number[],
): Promise<number[]> {
  const groups = await writableGroups(m, ctx, domain, date);
  const within = await enrolledIn(m, groups, date, childIds);
  const children = new Map((await m.findBy(Child, { id: In(childIds) })).map((c) => [c.id, c]));
  return childIds.map((id) => {
    const child = children.get(id);
    if (!child) throw fieldError(ctx, field, 'journals.childNotFound');
    const groupId = within.get(id);
    if (groupId === undefined) {
      // Reaching every group, the only way to miss a child is that she is not enrolled.
      const key = groups === 'all' ? 'journals.childNotEnrolled' : 'journals.childOutOfReach';
      throw fieldError(ctx, field, key, { name: personName(child), date: dmy(date) });
    }
    return groupId;
  });
}

/**
 * Throws FORBIDDEN unless she may change the stored entry (the table's write scope): only its
 * author, and a teacher only while its children are in her groups, so a substitute's entries
 * close to her with the substitution, as the rest of the absent teacher's journal does.
 */
export async function assertWritable(
  m: EntityManager,
  ctx: Context,
  domain: JournalDomain,
  row: ScopedRow & { authorId: number },
): Promise<void> {
  const key = row.authorId === ctx.user.id ? 'journals.notInYourGroups' : 'journals.notAuthor';
  await ctx.access().assertRow(m, domain, 'write', row, key);
}

/** The ids of the rows she may change (canEdit), decided by the table for the whole batch. */
export async function writableIds<T extends ScopedRow & { id: number }>(
  m: EntityManager,
  ctx: Context,
  domain: JournalDomain,
  rows: readonly T[],
): Promise<Set<number>> {
  return new Set((await ctx.access().filterRows(m, domain, 'write', rows)).map((r) => r.id));
}

/**
 * The children she may write about on `date` (journals.children), with the group each is in that
 * day; with their parents for those who record talks with parents.
 */
export async function writable(ctx: Context, date: string): Promise<WritableChild[]> {
  const m = ctx.db.manager;
  const within = await enrolledIn(m, await writableGroups(m, ctx, 'individualWork', date), date);
  const ids = [...within.keys()];
  if (!ids.length) return [];
  const children = await m.findBy(Child, { id: In(ids) });
  const groups = new Map(
    (await m.findBy(Group, { id: In([...new Set(within.values())]) })).map((g) => [g.id, g.name]),
  );
  const guardians = new Map<number, WritableChild['guardians']>();
  if (ctx.access().scope('talks', 'write') !== 'none') {
    const links = await m.findBy(ChildGuardian, { childId: In(ids) });
    const people = links.length
      ? await m.findBy(Guardian, { id: In(links.map((l) => l.guardianId)) })
      : [];
    const byId = new Map(people.map((g) => [g.id, g]));
    for (const link of links) {
      const g = byId.get(link.guardianId);
      if (!g) continue;
      const list = guardians.get(link.childId) ?? [];
      list.push({ id: g.id, name: personName(g), relation: link.relation });
      guardians.set(link.childId, list);
    }
  }
  return children
    .map((c) => {
      const groupId = within.get(c.id) ?? 0;
      return {
        id: c.id,
        name: personName(c),
        groupId,
        groupName: groups.get(groupId) ?? '',
        guardians: (guardians.get(c.id) ?? []).sort((a, b) => compareLv(a.name, b.name)),
        sortKey: `${c.lastName} ${c.firstName}`,
      };
    })
    .sort((a, b) => compareLv(a.sortKey, b.sortKey))
    .map(({ sortKey: _sortKey, ...child }) => child);
}
