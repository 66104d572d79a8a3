import { In } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import {
  APPLICATION_DUE_DAYS,
  type ApplicationSummary,
} from '../../../common/contract/applications';
import { addDays } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { personSearchName } from '../../../common/text';
import {
  Child,
  ChildGuardian,
  Guardian,
  ParentApplication,
} from '../../../database/entities/people';
import type { YearPage } from '../../../common/contract/paging';
import type { Context } from '../context';
import { count, marks, schoolYear, yearPage } from '../lists';
import { currentEnrolment, fieldError, findGroup, groupLabels, log } from './shared';

/**
 * Parents' applications for E-klase (the rules' 2.3): the deputy registers one, and within a week
 * connects the parent to the child or refuses it. Read with the children's scope.
 */

function applicationSummary(
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
    parentEmail: a.email,
    agreesEmail: a.agreesEmail,
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
function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/);
  if (words.length === 1) return { firstName: '', lastName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

/**
 * Open applications first, the most urgent on top, whatever the year; then the closed ones
 * received in the school year, newest first. Filtered, counted and paged in SQL.
 */
export async function list(
  ctx: Context,
  input: ParsedInput<'applications.list'>,
): Promise<YearPage<ApplicationSummary>> {
  const m = ctx.db.manager;
  const date = ctx.today();
  const year = await schoolYear(m, ctx, input.schoolYear);
  const visible = await ctx.access().groups(m, 'children', 'read', date);
  if (visible !== 'all' && visible.length === 0) return yearPage(m, year, [], 0);
  const where = ["(a.status = 'received' OR (a.received_on >= ? AND a.received_on <= ?))"];
  const params: unknown[] = [year.from, year.to];
  if (input.status) {
    where.push('a.status = ?');
    params.push(input.status);
  }
  if (visible !== 'all') {
    where.push(`a.group_id IN (${marks(visible.length)})`);
    params.push(...visible);
  }
  const filter = `FROM parent_application a WHERE ${where.join(' AND ')}`;
  const [ids, total] = await Promise.all([
    m.query<{ id: number }[]>(
      `SELECT a.id ${filter} ORDER BY CASE WHEN a.status = 'received' THEN 0 ELSE 1 END, ` +
        "CASE WHEN a.status = 'received' THEN a.received_on END, a.received_on DESC, a.id DESC " +
        'LIMIT ? OFFSET ?',
      [...params, input.limit, input.offset],
    ),
    count(m, `SELECT COUNT(*) AS n ${filter}`, params),
  ]);
  const found = new Map(
    (await m.findBy(ParentApplication, { id: In(ids.map((r) => r.id)) })).map((a) => [a.id, a]),
  );
  const labels = await groupLabels(m);
  const rows = ids.flatMap(({ id }) => {
    const a = found.get(id);
    return a ? [applicationSummary(a, labels, date)] : [];
  });
  return yearPage(m, year, rows, total);
}

export function create(
  ctx: Context,
  input: ParsedInput<'applications.create'>,
): Promise<ApplicationSummary> {
  return ctx.db.transaction(async (m) => {
    const date = ctx.today();
    if (input.receivedOn > date) throw fieldError('receivedOn', 'people.futureDate');
    const child = await m.findOneBy(Child, { id: input.childId });
    if (!child) throw fieldError('childId', 'error.NOT_FOUND');
    let groupId = input.groupId ?? null;
    if (groupId !== null) await findGroup(m, groupId);
    else groupId = (await currentEnrolment(m, child.id, input.receivedOn))?.groupId ?? null;
    const row = await m.save(
      m.create(ParentApplication, {
        receivedOn: input.receivedOn,
        parentName: input.parentName,
        parentPhone: input.parentPhone,
        email: input.email,
        agreesEmail: input.agreesEmail,
        childId: child.id,
        childName: `${child.firstName} ${child.lastName}`,
        groupId,
        status: 'received',
        connectedOn: null,
        refusalReason: null,
        guardianId: null,
        createdBy: ctx.user.id,
        createdAt: ctx.now().toISOString(),
      }),
    );
    await log(m, ctx, 'people.application.create', 'parent_application', row.id, undefined, input, {
      groupId,
      childIds: [child.id],
    });
    return applicationSummary(row, await groupLabels(m), date);
  });
}

/**
 * Links the guardian to the child and marks the application connected; without a guardian
 * given, one is made from the application's name and phone.
 */
export function connect(
  ctx: Context,
  input: ParsedInput<'applications.connect'>,
): Promise<ApplicationSummary> {
  return ctx.db.transaction(async (m) => {
    const date = ctx.today();
    const row = await m.findOneBy(ParentApplication, { id: input.id });
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'received') throw new AppError('CONFLICT', 'people.applicationClosed');
    if (input.connectedOn < row.receivedOn) {
      throw fieldError('connectedOn', 'people.connectedBeforeReceived');
    }
    if (input.connectedOn > date) throw fieldError('connectedOn', 'people.futureDate');
    if (row.childId === null) throw fieldError('id', 'people.applicationNoChild');
    let guardian: Guardian | null;
    if (input.guardianId) {
      guardian = await m.findOneBy(Guardian, { id: input.guardianId });
      if (!guardian) throw fieldError('guardianId', 'error.NOT_FOUND');
      // The written application is the newer word on how the parent wants to be reached.
      if (row.email) {
        await m.update(
          Guardian,
          { id: guardian.id },
          { email: row.email, agreesEmail: row.agreesEmail },
        );
      }
    } else {
      const name = splitName(row.parentName);
      guardian = await m.save(
        m.create(Guardian, {
          ...name,
          searchName: personSearchName(name.firstName, name.lastName),
          phone: row.parentPhone,
          email: row.email,
          agreesEmail: row.agreesEmail,
          consents: JSON.stringify(['register']),
        }),
      );
    }
    const link = await m.findOneBy(ChildGuardian, {
      childId: row.childId,
      guardianId: guardian.id,
    });
    if (!link) {
      await m.insert(ChildGuardian, {
        childId: row.childId,
        guardianId: guardian.id,
        relation: input.relation,
      });
    }
    const before = { status: row.status };
    Object.assign(row, {
      status: 'connected',
      connectedOn: input.connectedOn,
      guardianId: guardian.id,
    });
    await m.save(row);
    await log(
      m,
      ctx,
      'people.application.connect',
      'parent_application',
      row.id,
      before,
      { status: row.status, connectedOn: row.connectedOn, guardianId: guardian.id },
      { childIds: [row.childId] },
    );
    return applicationSummary(row, await groupLabels(m), date);
  });
}

export function refuse(
  ctx: Context,
  input: ParsedInput<'applications.refuse'>,
): Promise<ApplicationSummary> {
  return ctx.db.transaction(async (m) => {
    const row = await m.findOneBy(ParentApplication, { id: input.id });
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'received') throw new AppError('CONFLICT', 'people.applicationClosed');
    Object.assign(row, { status: 'refused', refusalReason: input.reason });
    await m.save(row);
    const after = { status: 'refused', reason: input.reason };
    await log(
      m,
      ctx,
      'people.application.refuse',
      'parent_application',
      row.id,
      { status: 'received' },
      after,
      { childIds: row.childId === null ? [] : [row.childId] },
    );
    return applicationSummary(row, await groupLabels(m), ctx.today());
  });
}
