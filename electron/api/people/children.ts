import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { Page } from '../../../common/contract/paging';
import type { ChildDetail, ChildSummary, GuardianRelation } from '../../../common/contract/people';
import { addDays } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { mayCall } from '../../../common/permissions';
import { maskPersonalCode, parsePersonalCode } from '../../../common/personal-code';
import { personSearchName } from '../../../common/text';
import { Child, ChildGuardian, Enrolment, Guardian } from '../../../database/entities/people';
import { changedFields } from '../audit/audit';
import type { Context } from '../context';
import { marks, page } from '../lists';
import {
  assertInGroupRange,
  byName,
  covers,
  currentEnrolment,
  fieldError,
  findGroup,
  groupLabels,
  log,
  parseConsents,
  searchWords,
} from './shared';

/** Children and their enrolments (the rules' 2.2): entered by the deputy, read as the scope says. */

function childSummary(
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

async function childDetail(m: EntityManager, childId: number, date: string): Promise<ChildDetail> {
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
        agreesEmail: g.agreesEmail,
        relation: links.find((l) => l.guardianId === g.id)?.relation as GuardianRelation,
        consents: parseConsents(g.consents),
      }))
      .sort(byName),
  };
}

/** The code as stored (11 digits) and the date of birth (from the code or given). */
function codeAndBirth(personalCode: string, birthDate: string | null) {
  const parsed = parsePersonalCode(personalCode);
  if (!parsed.ok) throw fieldError('personalCode', 'v.personalCode.shape');
  const birth = parsed.format === 'old' ? parsed.birthDate : birthDate;
  if (!birth) throw fieldError('birthDate', 'people.birthDateRequired');
  return { code: parsed.code, birthDate: birth };
}

async function assertCodeFree(m: EntityManager, code: string, exceptId?: number) {
  const other = await m.findOneBy(Child, { personalCode: code });
  if (other && other.id !== exceptId) throw fieldError('personalCode', 'people.personalCodeTaken');
}

async function assertChildExists(m: EntityManager, childId: number): Promise<void> {
  if (!(await m.existsBy(Child, { id: childId }))) throw new AppError('NOT_FOUND');
}

interface ListedChild {
  id: number;
  firstName: string;
  lastName: string;
  personalCode: string;
  birthDate: string;
  groupId: number | null;
}

/**
 * The children of the groups she may read on the date (today by default), found by every word
 * of the search, in the order of a Latvian register, a page of them. One query finds the day's
 * children (a roster, however long the history); the Latvian order, which SQLite cannot sort by,
 * is applied to that roster's names before the page is cut.
 */
export async function list(
  ctx: Context,
  input: ParsedInput<'children.list'>,
): Promise<Page<ChildSummary>> {
  const m = ctx.db.manager;
  const date = input.date ?? ctx.today();
  const visible = await ctx.access().groups(m, 'children', 'read', date);
  // Children in no group belong to no group's rows: those who keep the whole register (the
  // roles that may reveal a code, as the children view asks) see them too.
  const withoutGroup =
    input.includeLeft &&
    input.groupId === undefined &&
    mayCall('children.revealCode', ctx.user.role);
  if (!withoutGroup && visible !== 'all' && visible.length === 0) return page([], 0);
  const on = ['en.child_id = c.id', 'en.from_date <= ?', '(en.to_date IS NULL OR en.to_date >= ?)'];
  const params: unknown[] = [date, date];
  if (visible !== 'all' && !withoutGroup) {
    on.push(`en.group_id IN (${marks(visible.length)})`);
    params.push(...visible);
  }
  if (input.groupId !== undefined) {
    on.push('en.group_id = ?');
    params.push(input.groupId);
  }
  const words = searchWords(input.search);
  const where = words.map(() => "c.search_name LIKE ? ESCAPE '\\'");
  const rows = await m.query<ListedChild[]>(
    'SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", ' +
      'c.personal_code AS "personalCode", c.birth_date AS "birthDate", en.group_id AS "groupId" ' +
      `FROM child c ${withoutGroup ? 'LEFT ' : ''}JOIN enrolment en ON ${on.join(' AND ')}` +
      (where.length ? ` WHERE ${where.join(' AND ')}` : ''),
    [...params, ...words],
  );
  const shown = rows.sort(byName).slice(input.offset, input.offset + input.limit);
  const labels = await groupLabels(m);
  return page(
    shown.map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      personalCode: maskPersonalCode(c.personalCode),
      birthDate: c.birthDate,
      group: c.groupId === null ? null : { id: c.groupId, label: labels.get(c.groupId) ?? '' },
    })),
    rows.length,
  );
}

export async function get(ctx: Context, id: number): Promise<ChildDetail> {
  const m = ctx.db.manager;
  await ctx.access().assertChild(m, 'children', 'read', id, ctx.today());
  return childDetail(m, id, ctx.today());
}

export function create(ctx: Context, input: ParsedInput<'children.create'>): Promise<ChildDetail> {
  return ctx.db.transaction(async (m) => {
    const { code, birthDate } = codeAndBirth(input.personalCode, input.birthDate);
    await assertCodeFree(m, code);
    const group = await findGroup(m, input.groupId);
    assertInGroupRange(group, input.fromDate, 'fromDate');
    const child = await m.save(
      m.create(Child, {
        firstName: input.firstName,
        lastName: input.lastName,
        searchName: personSearchName(input.firstName, input.lastName),
        personalCode: code,
        birthDate,
        createdAt: ctx.now().toISOString(),
      }),
    );
    const enrolment = await m.save(
      m.create(Enrolment, {
        childId: child.id,
        groupId: group.id,
        fromDate: input.fromDate,
        toDate: null,
      }),
    );
    // The audit keeps the masked code: the log is read by more people than the register.
    await log(
      m,
      ctx,
      'people.child.create',
      'child',
      child.id,
      undefined,
      {
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate,
        groupId: group.id,
        fromDate: enrolment.fromDate,
      },
      { groupId: group.id, childIds: [child.id] },
    );
    return childDetail(m, child.id, ctx.today());
  });
}

export function update(ctx: Context, input: ParsedInput<'children.update'>): Promise<ChildDetail> {
  return ctx.db.transaction(async (m) => {
    const child = await m.findOneBy(Child, { id: input.id });
    if (!child) throw new AppError('NOT_FOUND');
    const { code, birthDate } = codeAndBirth(input.personalCode, input.birthDate);
    await assertCodeFree(m, code, child.id);
    const before = {
      firstName: child.firstName,
      lastName: child.lastName,
      birthDate: child.birthDate,
      codeChanged: false,
    };
    await m.update(
      Child,
      { id: child.id },
      {
        firstName: input.firstName,
        lastName: input.lastName,
        searchName: personSearchName(input.firstName, input.lastName),
        personalCode: code,
        birthDate,
      },
    );
    const { before: was, after: now } = changedFields(before, {
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate,
      codeChanged: code !== child.personalCode,
    });
    await log(m, ctx, 'people.child.update', 'child', child.id, was, now, {
      childIds: [child.id],
    });
    return childDetail(m, child.id, ctx.today());
  });
}

/** Ends the current enrolment the day before and starts one in the new group. */
export function move(ctx: Context, input: ParsedInput<'children.move'>): Promise<ChildDetail> {
  return ctx.db.transaction(async (m) => {
    await assertChildExists(m, input.childId);
    const group = await findGroup(m, input.groupId);
    assertInGroupRange(group, input.fromDate, 'fromDate');
    const current = await currentEnrolment(m, input.childId, input.fromDate);
    if (current) {
      if (current.groupId === group.id) throw fieldError('groupId', 'people.sameGroup');
      if (current.fromDate >= input.fromDate) {
        throw fieldError('fromDate', 'people.moveBeforeStart');
      }
      await m.update(Enrolment, { id: current.id }, { toDate: addDays(input.fromDate, -1) });
    }
    const next = await m.save(
      m.create(Enrolment, {
        childId: input.childId,
        groupId: group.id,
        fromDate: input.fromDate,
        toDate: null,
      }),
    );
    await log(
      m,
      ctx,
      'people.child.move',
      'child',
      input.childId,
      current ? { groupId: current.groupId, toDate: current.toDate } : undefined,
      { groupId: next.groupId, fromDate: next.fromDate },
      { groupId: next.groupId, childIds: [input.childId] },
    );
    return childDetail(m, input.childId, ctx.today());
  });
}

export function leave(ctx: Context, input: ParsedInput<'children.leave'>): Promise<ChildDetail> {
  return ctx.db.transaction(async (m) => {
    await assertChildExists(m, input.childId);
    const current = await currentEnrolment(m, input.childId, input.toDate);
    if (!current) throw fieldError('toDate', 'people.notEnrolled');
    if (input.toDate < current.fromDate) throw fieldError('toDate', 'people.dateOrder');
    await m.update(Enrolment, { id: current.id }, { toDate: input.toDate });
    await log(
      m,
      ctx,
      'people.child.leave',
      'child',
      input.childId,
      { toDate: current.toDate },
      { toDate: input.toDate },
      { groupId: current.groupId, childIds: [input.childId] },
    );
    return childDetail(m, input.childId, ctx.today());
  });
}

/** The full code; every reveal is written to the audit log. */
export function revealCode(ctx: Context, id: number): Promise<{ personalCode: string }> {
  return ctx.db.transaction(async (m) => {
    const child = await m.findOneBy(Child, { id });
    if (!child) throw new AppError('NOT_FOUND');
    await log(m, ctx, 'people.child.revealCode', 'child', child.id, undefined, undefined, {
      childIds: [child.id],
    });
    return { personalCode: `${child.personalCode.slice(0, 6)}-${child.personalCode.slice(6)}` };
  });
}
