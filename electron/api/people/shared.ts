import { type EntityManager } from 'typeorm';
import type { AuditAction } from '../../../common/audit-actions';
import type { Consent } from '../../../common/contract/people';
import { AppError } from '../../../common/errors';
import { compareLv, foldForSearch } from '../../../common/text';
import { Enrolment, Group } from '../../../database/entities/people';
import { audit } from '../audit/audit';
import type { Context } from '../context';

/** What the people services (groups, children, guardians, applications, import) share. */

/** A refusal of one field, worded by a message key; nothing is written. */
export function fieldError(field: string, key: string): AppError {
  return new AppError('VALIDATION', 'error.VALIDATION', {}, { [field]: key });
}

/**
 * One audit record, written by the caller inside the transaction of the change it describes;
 * `about` names the group and the children it concerns (the viewer's filters).
 */
export function log(
  m: EntityManager,
  ctx: Context,
  action: AuditAction,
  entity: string,
  entityId: number,
  before?: unknown,
  after?: unknown,
  about: { groupId?: number | null; childIds?: readonly number[] } = {},
): Promise<void> {
  return audit(m, ctx.now(), {
    action,
    actorId: ctx.user.id,
    entity,
    entityId,
    before,
    after,
    ...about,
  });
}

export function covers(range: { fromDate: string; toDate: string | null }, date: string): boolean {
  return range.fromDate <= date && (range.toDate === null || range.toDate >= date);
}

/** People in the order of a Latvian register: surname, then first name. */
export function byName(
  a: { firstName: string; lastName: string },
  b: { firstName: string; lastName: string },
): number {
  return compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName);
}

/** "3. grupa «Zīlītes»", or the bare name for a group without a number. */
export function groupLabel(group: Pick<Group, 'number' | 'name'>): string {
  return group.number === null ? group.name : `${group.number}. grupa «${group.name}»`;
}

export async function groupLabels(m: EntityManager): Promise<Map<number, string>> {
  const groups = await m.find(Group);
  return new Map(groups.map((g) => [g.id, groupLabel(g)]));
}

/** LIKE conditions for every word of a search (each word may be anywhere in the name). */
export function searchWords(search: string | undefined): string[] {
  return foldForSearch(search ?? '')
    .split(' ')
    .filter(Boolean)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export async function findGroup(m: EntityManager, groupId: number, field = 'groupId') {
  const group = await m.findOneBy(Group, { id: groupId });
  if (!group) throw fieldError(field, 'people.groupNotFound');
  return group;
}

/** An enrolment must start within the group's active range. */
export function assertInGroupRange(group: Group, date: string, field: string): void {
  if (date < group.activeFrom || date > group.activeTo) {
    throw fieldError(field, 'people.outsideGroup');
  }
}

/** The enrolment that is current on `date`, or the latest open one. */
export async function currentEnrolment(
  m: EntityManager,
  childId: number,
  date: string,
): Promise<Enrolment | undefined> {
  const enrolments = await m.findBy(Enrolment, { childId });
  return (
    enrolments.find((e) => covers(e, date)) ??
    enrolments
      .filter((e) => e.toDate === null)
      .sort((a, b) => b.fromDate.localeCompare(a.fromDate))[0]
  );
}

export function parseConsents(json: string): Consent[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Consent[]) : [];
  } catch {
    return [];
  }
}
