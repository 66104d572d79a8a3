import { In, type EntityManager } from 'typeorm';
import { addDays } from '../../../common/dates';
import type {
  ApplicationSummary,
  ChildDetail,
  ChildSummary,
  Consent,
  GroupSummary,
  GuardianRelation,
  GuardianSummary,
} from '../../../common/contract/people';
import { APPLICATION_DUE_DAYS } from '../../../common/contract/people';
import { AppError } from '../../../common/errors';
import { maskPersonalCode } from '../../../common/personal-code';
import { compareLv, foldForSearch } from '../../../common/text';
import { User } from '../../../database/entities';
import {
  Child,
  ChildGuardian,
  Enrolment,
  Group,
  GroupTeacher,
  Guardian,
  ParentApplication,
} from '../../../database/entities/people';

/** A refusal of one field, worded by a message key; nothing is written. */
export function fieldError(field: string, key: string): AppError {
  return new AppError('VALIDATION', 'error.VALIDATION', {}, { [field]: key });
}

export function covers(range: { fromDate: string; toDate: string | null }, date: string): boolean {
  return range.fromDate <= date && (range.toDate === null || range.toDate >= date);
}

/** "3. grupa «Zīlītes»", or the bare name for a group without a number. */
export function groupLabel(group: Pick<Group, 'number' | 'name'>): string {
  return group.number === null ? group.name : `${group.number}. grupa «${group.name}»`;
}

/** LIKE conditions for every word of a search (each word may be anywhere in the name). */
export function searchWords(search: string | undefined): string[] {
  return foldForSearch(search ?? '')
    .split(' ')
    .filter(Boolean)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/* ---------- groups ---------- */

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

/* ---------- children ---------- */

export function childSummary(
  child: Child,
  enrolment: Enrolment | undefined,
  labels: Map<number, string>,
): ChildSummary {
  return {
    id: child.id,
    firstName: child.firstName,
    lastName: child.lastName,
    personalCode: maskPersonalCode(child.personalCode),
    birthDate: child.birthDate,
    group: enrolment ? { id: enrolment.groupId, label: labels.get(enrolment.groupId) ?? '' } : null,
  };
}

export async function groupLabels(m: EntityManager): Promise<Map<number, string>> {
  const groups = await m.find(Group);
  return new Map(groups.map((g) => [g.id, groupLabel(g)]));
}

export function parseConsents(json: string): Consent[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Consent[]) : [];
  } catch {
    return [];
  }
}

export async function childDetail(
  m: EntityManager,
  childId: number,
  date: string,
): Promise<ChildDetail> {
  const child = await m.findOneBy(Child, { id: childId });
  if (!child) throw new AppError('NOT_FOUND');
  const labels = await groupLabels(m);
  const enrolments = (await m.findBy(Enrolment, { childId })).sort((a, b) =>
    a.fromDate.localeCompare(b.fromDate),
  );
  const links = await m.findBy(ChildGuardian, { childId });
  const guardians = links.length
    ? await m.findBy(Guardian, { id: In(links.map((l) => l.guardianId)) })
    : [];
  return {
    ...childSummary(
      child,
      enrolments.find((e) => covers(e, date)),
      labels,
    ),
    enrolments: enrolments.map((e) => ({
      id: e.id,
      groupId: e.groupId,
      groupLabel: labels.get(e.groupId) ?? '',
      fromDate: e.fromDate,
      toDate: e.toDate,
    })),
    guardians: guardians
      .map((g) => ({
        guardianId: g.id,
        firstName: g.firstName,
        lastName: g.lastName,
        phone: g.phone,
        email: g.email,
        relation: links.find((l) => l.guardianId === g.id)?.relation as GuardianRelation,
        consents: parseConsents(g.consents),
      }))
      .sort((a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName)),
  };
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

/* ---------- guardians ---------- */

export async function guardianSummary(
  m: EntityManager,
  guardian: Guardian,
): Promise<GuardianSummary> {
  const links = await m.findBy(ChildGuardian, { guardianId: guardian.id });
  const children = links.length
    ? await m.findBy(Child, { id: In(links.map((l) => l.childId)) })
    : [];
  return {
    id: guardian.id,
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    phone: guardian.phone,
    email: guardian.email,
    consents: parseConsents(guardian.consents),
    children: links.map((l) => {
      const child = children.find((c) => c.id === l.childId);
      return {
        childId: l.childId,
        name: child ? `${child.firstName} ${child.lastName}` : '',
        relation: l.relation as GuardianRelation,
      };
    }),
  };
}

/* ---------- applications ---------- */

export function applicationSummary(
  a: ParentApplication,
  labels: Map<number, string>,
  today: string,
): ApplicationSummary {
  const dueOn = addDays(a.receivedOn, APPLICATION_DUE_DAYS);
  return {
    id: a.id,
    receivedOn: a.receivedOn,
    dueOn,
    overdue: a.status === 'received' && today > dueOn,
    parentName: a.parentName,
    parentPhone: a.parentPhone,
    childId: a.childId,
    childName: a.childName,
    groupId: a.groupId,
    groupLabel: a.groupId === null ? null : (labels.get(a.groupId) ?? null),
    status: a.status,
    connectedOn: a.connectedOn,
    refusalReason: a.refusalReason,
    guardianId: a.guardianId,
  };
}

/** "Anna Marija Ozola" → first "Anna Marija", last "Ozola" (the last word is the surname). */
export function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/);
  if (words.length === 1) return { firstName: '', lastName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}
