import type { EntityManager } from 'typeorm';
import { daysInMonth, dmy, monthBounds } from '../../../common/dates';
import { type WorkingCalendar } from '../../../common/calendar';
import type {
  AbsenceCode,
  AttendanceDayView,
  AttendanceGroup,
  AttendanceMonth,
  CellCode,
  Confirmation,
  GroupSummary,
  MarkHistoryEntry,
  MarkRole,
  MonthChild,
  MonthTotals,
  NurseDay,
} from '../../../common/contract/attendance';
import type { ParsedInput } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import type { Locale } from '../../../common/locale';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import {
  AttendanceDay,
  AttendanceMarkHistory,
  NurseCheck,
} from '../../../database/entities/attendance';
import { Group } from '../../../database/entities/people';
import { audit } from '../audit/audit';
import { byline } from '../substitution/byline';
import { userNames } from '../users/names';
import { substitutedTeacherId, teacherGroupIds } from '../people/access';
import { rigaDate } from '../clock';
import type { Context } from '../context';
import { workingCalendar } from './calendar';
import { enrolledBetween, groupRow, institutionRow, marksBetween, type GroupRow } from './queries';
import { isLate } from './riga-time';

const READ_ALL = new Set(['head', 'deputy', 'nurse']);

/** The backend's Riga date: substitutions are judged on it. */
const todayOf = (ctx: Context) => rigaDate(ctx.now());

function groupView(g: Omit<GroupRow, 'institution'>, canEdit: boolean): AttendanceGroup {
  return { id: g.id, number: g.number, name: g.name, canEdit };
}

async function loadGroup(m: EntityManager, groupId: number): Promise<GroupRow> {
  const group = await groupRow(m, groupId);
  if (!group) throw new AppError('NOT_FOUND');
  return group;
}

/** Whether the caller may enter or correct codes of this group on this date. */
async function mayEdit(ctx: Context, m: EntityManager, groupId: number, date: string) {
  if (ctx.user.role === 'nurse') return true;
  if (ctx.user.role !== 'teacher') return false;
  return (await teacherGroupIds(m, ctx.user.id, date, date, todayOf(ctx))).includes(groupId);
}

/** Refuses a teacher who does not work in the group at any time in [from, to]. */
async function assertMayRead(
  ctx: Context,
  m: EntityManager,
  groupId: number,
  from: string,
  to: string = from,
): Promise<void> {
  if (READ_ALL.has(ctx.user.role)) return;
  if (ctx.user.role === 'teacher') {
    if ((await teacherGroupIds(m, ctx.user.id, from, to, todayOf(ctx))).includes(groupId)) return;
  }
  throw new AppError('FORBIDDEN', 'attendance.notYourGroup');
}

async function deadlineOf(m: EntityManager): Promise<string> {
  return (await institutionRow(m)).deadline;
}

function offReason(calendar: WorkingCalendar, date: string, locale: Locale): string | null {
  const info = calendar.dayInfo(date);
  switch (info.kind) {
    case 'workday':
    case 'movedWorkday':
      return null;
    case 'holiday':
      return info.holidays[0].name[locale];
    case 'closure':
      return info.reason || message(locale, 'attendance.off.closure');
    default:
      return message(locale, `attendance.off.${info.kind}`);
  }
}

function confirmationOf(
  day: AttendanceDay | undefined,
  names: Map<number, string>,
  locale: Locale,
) {
  if (!day) return null;
  const byName = byline(locale, names, day.confirmedBy, day.onBehalfOf);
  return { byName, at: day.confirmedAt, late: day.late };
}

export async function groupsOn(ctx: Context, date: string): Promise<AttendanceGroup[]> {
  const m = ctx.db.manager;
  const groups = await m
    .createQueryBuilder(Group, 'g')
    .where('g.activeFrom <= :date AND g.activeTo >= :date', { date })
    .getMany();
  const own =
    ctx.user.role === 'teacher'
      ? await teacherGroupIds(m, ctx.user.id, date, date, todayOf(ctx))
      : [];
  return groups
    .filter((g) => READ_ALL.has(ctx.user.role) || own.includes(g.id))
    .map((g) => groupView(g, ctx.user.role === 'nurse' || own.includes(g.id)))
    .sort((a, b) => (a.number ?? 999) - (b.number ?? 999) || compareLv(a.name, b.name));
}

export async function dayView(
  ctx: Context,
  groupId: number,
  date: string,
): Promise<AttendanceDayView> {
  const m = ctx.db.manager;
  const group = await loadGroup(m, groupId);
  await assertMayRead(ctx, m, groupId, date);
  const calendar = await workingCalendar(ctx.db);
  const now = ctx.now();
  const deadline = await deadlineOf(m);
  const enrolled = await enrolledBetween(m, groupId, date, date);
  const marks = new Map((await marksBetween(m, groupId, date, date)).map((r) => [r.childId, r]));
  const day = (await m.findOneBy(AttendanceDay, { groupId, date })) ?? undefined;
  const names = await userNames(m, day ? [day.confirmedBy, day.onBehalfOf] : []);
  const working = calendar.isWorkingDay(date);
  const future = date > rigaDate(now);
  return {
    group: groupView(group, await mayEdit(ctx, m, groupId, date)),
    date,
    working,
    offReason: offReason(calendar, date, ctx.state.locale),
    future,
    deadline,
    confirmation: confirmationOf(day, names, ctx.state.locale),
    late: working && !future && !day && isLate(date, now, deadline),
    children: enrolled
      .map((c) => ({
        childId: c.childId,
        firstName: c.firstName,
        lastName: c.lastName,
        code: marks.get(c.childId)?.code ?? null,
        corrected: marks.get(c.childId)?.corrected ?? false,
      }))
      .sort((a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName)),
  };
}

function codeText(locale: Locale, code: CellCode): string {
  return code ?? message(locale, 'attendance.present');
}

interface Actor {
  actedAs: MarkRole;
  onBehalfOf: number | null;
}

/**
 * How the caller acts on each date of a group's cells: the nurse as nurse; a teacher as teacher
 * on the dates of her own assignment, or as substitute (on behalf of the absent teacher) on the
 * dates the absent teacher works there, while the substitution lasts (judged on `today`); null
 * where she may not write. Two queries, whatever the number of dates.
 */
async function attributionOf(
  ctx: Context,
  m: EntityManager,
  groupId: number,
  today: string,
): Promise<(date: string) => Actor | null> {
  if (ctx.user.role === 'nurse') {
    const nurse: Actor = { actedAs: 'nurse', onBehalfOf: null };
    return () => nurse;
  }
  type Period = { fromDate: string; toDate: string | null; absentId: number | null };
  const periods = await m.query<Period[]>(
    'SELECT from_date AS fromDate, to_date AS toDate, NULL AS absentId FROM group_teacher ' +
      'WHERE user_id = ? AND group_id = ? ' +
      'UNION ALL SELECT g.from_date, g.to_date, s.absent_id FROM substitution s ' +
      'JOIN group_teacher g ON g.user_id = s.absent_id AND g.group_id = s.group_id ' +
      'WHERE s.substitute_id = ? AND s.group_id = ? AND s.from_date <= ? AND s.to_date >= ?',
    [ctx.user.id, groupId, ctx.user.id, groupId, today, today],
  );
  const own: Actor = { actedAs: 'teacher', onBehalfOf: null };
  const substitutes = new Map<number, Actor>();
  return (date) => {
    const covering = periods.filter(
      (p) => p.fromDate <= date && (p.toDate === null || p.toDate >= date),
    );
    if (covering.length === 0) return null;
    if (covering.some((p) => p.absentId === null)) return own;
    const absentId = Number(covering[0].absentId);
    if (!substitutes.has(absentId)) {
      substitutes.set(absentId, { actedAs: 'substitute', onBehalfOf: absentId });
    }
    return substitutes.get(absentId)!;
  };
}

export async function saveMarks(
  ctx: Context,
  input: ParsedInput<'attendance.save'>,
): Promise<{ saved: number }> {
  const locale = ctx.state.locale;
  const now = ctx.now();
  const today = rigaDate(now);
  const calendar = await workingCalendar(ctx.db);
  return ctx.db.transaction(async (m) => {
    await loadGroup(m, input.groupId);
    const dates = input.changes.map((c) => c.date).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    const attribution = await attributionOf(ctx, m, input.groupId, today);
    const actors = new Map(dates.map((d) => [d, attribution(d)]));
    if ([...actors.values()].some((a) => a === null)) {
      throw new AppError('FORBIDDEN', 'attendance.notYourGroup');
    }
    const enrolled = await enrolledBetween(m, input.groupId, first, last);
    const current = new Map<string, { id: number; code: AbsenceCode }>();
    const childIds = [...new Set(input.changes.map((c) => c.childId))];
    const existing = await m.query<
      { id: number; childId: number; date: string; code: AbsenceCode }[]
    >(
      'SELECT id, child_id AS childId, date, code FROM attendance_mark ' +
        `WHERE child_id IN (${childIds.map(() => '?').join(', ')}) AND date >= ? AND date <= ?`,
      [...childIds, first, last],
    );
    for (const mark of existing) current.set(`${mark.childId}.${mark.date}`, mark);

    const refused: Record<string, string> = {};
    const conflicts: Record<string, string> = {};
    const seen = new Set<string>();
    for (const change of input.changes) {
      const cell = `${change.childId}.${change.date}`;
      const field = `cells.${cell}`;
      const date = change.date;
      if (seen.has(cell)) refused[field] = message(locale, 'attendance.duplicateCell');
      seen.add(cell);
      if (date > today) {
        refused[field] = message(locale, 'attendance.futureDay', { date: dmy(date) });
      } else if (!calendar.isWorkingDay(date)) {
        refused[field] = message(locale, 'attendance.notWorkingDay', {
          date: dmy(date),
          reason: offReason(calendar, date, locale) ?? '',
        });
      } else if (
        !enrolled.some(
          (e) => e.childId === change.childId && e.from <= date && (e.to === null || e.to >= date),
        )
      ) {
        refused[field] = message(locale, 'attendance.notEnrolled', { date: dmy(date) });
      }
      const now = current.get(cell)?.code ?? null;
      if (!refused[field] && now !== change.expected) {
        conflicts[field] = message(locale, 'attendance.conflictCell', {
          code: codeText(locale, now),
        });
      }
    }
    if (Object.keys(refused).length > 0) {
      throw new AppError('VALIDATION', 'attendance.refused', {}, refused);
    }
    if (Object.keys(conflicts).length > 0) {
      throw new AppError('CONFLICT', 'attendance.conflict', {}, conflicts);
    }

    const at = now.toISOString();
    const changed: { childId: number; date: string; from: CellCode; to: CellCode }[] = [];
    for (const change of input.changes) {
      const before = current.get(`${change.childId}.${change.date}`);
      const from = before?.code ?? null;
      if (from === change.code) continue;
      const { actedAs, onBehalfOf } = actors.get(change.date)!;
      // Plain SQL: a save is the hottest write, and the builders cost more than the writes.
      if (change.code === null) {
        await m.query('DELETE FROM attendance_mark WHERE id = ?', [before!.id]);
      } else if (before) {
        await m.query(
          'UPDATE attendance_mark SET code = ?, corrected = ?, updated_by = ?, updated_at = ? ' +
            'WHERE id = ?',
          [change.code, actedAs === 'nurse' ? 1 : 0, ctx.user.id, at, before.id],
        );
      } else {
        await m.query(
          'INSERT INTO attendance_mark (child_id, group_id, date, code, corrected, updated_by, ' +
            'updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [
            change.childId,
            input.groupId,
            change.date,
            change.code,
            actedAs === 'nurse' ? 1 : 0,
            ctx.user.id,
            at,
          ],
        );
      }
      await m.query(
        'INSERT INTO attendance_mark_history (child_id, group_id, date, old_code, new_code, ' +
          'actor_id, acted_as, on_behalf_of, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          change.childId,
          input.groupId,
          change.date,
          from,
          change.code,
          ctx.user.id,
          actedAs,
          onBehalfOf,
          input.reason || null,
          at,
        ],
      );
      changed.push({ childId: change.childId, date: change.date, from, to: change.code });
    }
    // One audit event per way of acting (a substitute may also fix a day of her own).
    for (const actor of new Set(changed.map((c) => actors.get(c.date)!))) {
      const mine = changed.filter((c) => actors.get(c.date) === actor);
      if (mine.length === 0) continue;
      await audit(m, now, {
        action: actor.actedAs === 'nurse' ? 'attendance.correct' : 'attendance.mark',
        actorId: ctx.user.id,
        onBehalfOfId: actor.onBehalfOf,
        entity: 'group',
        entityId: input.groupId,
        before: mine.map((c) => ({ childId: c.childId, date: c.date, code: c.from })),
        after: mine.map((c) => ({ childId: c.childId, date: c.date, code: c.to })),
      });
    }
    return { saved: changed.length };
  });
}

export async function confirmDay(
  ctx: Context,
  groupId: number,
  date: string,
): Promise<Confirmation> {
  const now = ctx.now();
  const calendar = await workingCalendar(ctx.db);
  return ctx.db.transaction(async (m) => {
    await loadGroup(m, groupId);
    if (!(await mayEdit(ctx, m, groupId, date))) {
      throw new AppError('FORBIDDEN', 'attendance.notYourGroup');
    }
    if (date > rigaDate(now)) {
      throw new AppError('VALIDATION', 'attendance.futureDay', { date: dmy(date) });
    }
    if (!calendar.isWorkingDay(date)) {
      throw new AppError('VALIDATION', 'attendance.notWorkingDay', {
        date: dmy(date),
        reason: offReason(calendar, date, ctx.state.locale) ?? '',
      });
    }
    const existing = await m.findOneBy(AttendanceDay, { groupId, date });
    if (existing) {
      // Confirming twice keeps the first confirmation: it is the one the deadline judges.
      const names = await userNames(m, [existing.confirmedBy, existing.onBehalfOf]);
      return confirmationOf(existing, names, ctx.state.locale)!;
    }
    const late = isLate(date, now, await deadlineOf(m));
    const onBehalfOf = await substitutedTeacherId(m, ctx.user.id, groupId, rigaDate(now));
    const row = {
      groupId,
      date,
      confirmedBy: ctx.user.id,
      confirmedAt: now.toISOString(),
      late,
      onBehalfOf,
    };
    await m.insert(AttendanceDay, row);
    await audit(m, now, {
      action: 'attendance.confirm',
      actorId: ctx.user.id,
      onBehalfOfId: onBehalfOf,
      entity: 'group',
      entityId: groupId,
      after: { date, late },
    });
    const names = await userNames(m, [ctx.user.id, onBehalfOf]);
    return confirmationOf(row as AttendanceDay, names, ctx.state.locale)!;
  });
}

const emptyTotals = (): MonthTotals => ({ present: 0, NS: 0, NC: 0, N: 0 });

/** Moves one day of a total from present to an absence code (fixed keys keep V8 fast here). */
function absent(t: MonthTotals, code: AbsenceCode): void {
  t.present--;
  if (code === 'NS') t.NS++;
  else if (code === 'NC') t.NC++;
  else t.N++;
}

export async function monthGrid(
  ctx: Context,
  groupId: number,
  month: string,
): Promise<AttendanceMonth> {
  const m = ctx.db.manager;
  const group = await loadGroup(m, groupId);
  const [first, last] = monthBounds(month);
  const [y, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  await assertMayRead(ctx, m, groupId, first, last);
  const calendar = await workingCalendar(ctx.db);
  const today = rigaDate(ctx.now());
  // The grid itself: two indexed range queries (see queries.ts).
  const enrolled = await enrolledBetween(m, groupId, first, last);
  const marks = await marksBetween(m, groupId, first, last);

  const days = [];
  for (let d = 1; d <= daysInMonth(y, mo); d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    days.push({ date, working: calendar.isWorkingDay(date), future: date > today });
  }
  const byChild = new Map<number, MonthChild>();
  for (const e of enrolled) {
    const from = e.from > first ? e.from : first;
    const to = e.to === null || e.to > last ? last : e.to;
    const seen = byChild.get(e.childId);
    if (seen) {
      // Left and came back within the month: one row spanning both enrolments.
      seen.from = from < seen.from ? from : seen.from;
      seen.to = to > seen.to ? to : seen.to;
      continue;
    }
    byChild.set(e.childId, {
      childId: e.childId,
      firstName: e.firstName,
      lastName: e.lastName,
      from,
      to,
      codes: {},
      corrected: [],
      totals: emptyTotals(),
    });
  }
  // Totals count the working days up to today within each child's enrolment: every such day is
  // present unless a mark says otherwise. Counted by day index and per mark, not per cell, as
  // this loop was a fifth of the grid's time (see docs/benchmarks.md).
  const counted = days.filter((d) => d.working && !d.future).map((d) => d.date);
  const dayIndex = new Map(counted.map((date, i) => [date, i]));
  const perDay = counted.map(emptyTotals);
  const totals = emptyTotals();
  for (const child of byChild.values()) {
    for (let i = 0; i < counted.length; i++) {
      if (counted[i] < child.from || counted[i] > child.to) continue;
      child.totals.present++;
      perDay[i].present++;
    }
  }
  for (const mark of marks) {
    const child = byChild.get(mark.childId);
    if (!child) continue;
    child.codes[mark.date] = mark.code;
    if (mark.corrected) child.corrected.push(mark.date);
    const i = dayIndex.get(mark.date);
    if (i === undefined || mark.date < child.from || mark.date > child.to) continue;
    absent(child.totals, mark.code);
    absent(perDay[i], mark.code);
  }
  const dayTotals: Record<string, MonthTotals> = {};
  for (let i = 0; i < counted.length; i++) {
    dayTotals[counted[i]] = perDay[i];
    totals.present += perDay[i].present;
    totals.NS += perDay[i].NS;
    totals.NC += perDay[i].NC;
    totals.N += perDay[i].N;
  }
  return {
    group: groupView(group, ctx.user.role === 'nurse' || ctx.user.role === 'teacher'),
    month,
    institution: group.institution,
    days,
    children: [...byChild.values()].sort(
      (a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName),
    ),
    dayTotals,
    totals,
  };
}

export async function nurseDay(ctx: Context, date: string): Promise<NurseDay> {
  const m = ctx.db.manager;
  const calendar = await workingCalendar(ctx.db);
  const now = ctx.now();
  const deadline = await deadlineOf(m);
  const groups = await groupsOn(ctx, date);
  const counts = await m.query<{ groupId: number; n: number }[]>(
    'SELECT group_id AS groupId, COUNT(*) AS n FROM enrolment ' +
      'WHERE from_date <= ? AND (to_date IS NULL OR to_date >= ?) GROUP BY group_id',
    [date, date],
  );
  const absentees = await m.query<
    {
      groupId: number;
      childId: number;
      code: AbsenceCode;
      corrected: number;
      firstName: string;
      lastName: string;
    }[]
  >(
    'SELECT a.group_id AS groupId, a.child_id AS childId, a.code, a.corrected, ' +
      'c.first_name AS firstName, c.last_name AS lastName ' +
      'FROM attendance_mark a JOIN child c ON c.id = a.child_id WHERE a.date = ?',
    [date],
  );
  const confirmed = await m.findBy(AttendanceDay, { date });
  const check = await m.findOneBy(NurseCheck, { date });
  const names = await userNames(m, [
    ...confirmed.flatMap((d) => [d.confirmedBy, d.onBehalfOf]),
    ...(check ? [check.checkedBy] : []),
  ]);
  const working = calendar.isWorkingDay(date);
  const future = date > rigaDate(now);
  return {
    date,
    working,
    offReason: offReason(calendar, date, ctx.state.locale),
    future,
    check: check ? { byName: names.get(check.checkedBy) ?? '', at: check.checkedAt } : null,
    groups: groups.map((group) => {
      const day = confirmed.find((d) => d.groupId === group.id);
      return {
        group,
        enrolled: Number(counts.find((c) => c.groupId === group.id)?.n ?? 0),
        confirmation: confirmationOf(day, names, ctx.state.locale),
        late: working && !future && !day && isLate(date, now, deadline),
        absentees: absentees
          .filter((a) => a.groupId === group.id)
          .map((a) => ({
            childId: a.childId,
            firstName: a.firstName,
            lastName: a.lastName,
            code: a.code,
            corrected: Boolean(a.corrected),
          }))
          .sort((a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName)),
      };
    }),
  };
}

export async function nurseConfirm(ctx: Context, date: string) {
  const now = ctx.now();
  const calendar = await workingCalendar(ctx.db);
  if (date > rigaDate(now)) {
    throw new AppError('VALIDATION', 'attendance.futureDay', { date: dmy(date) });
  }
  if (!calendar.isWorkingDay(date)) {
    throw new AppError('VALIDATION', 'attendance.notWorkingDay', {
      date: dmy(date),
      reason: offReason(calendar, date, ctx.state.locale) ?? '',
    });
  }
  return ctx.db.transaction(async (m) => {
    const existing = await m.findOneBy(NurseCheck, { date });
    if (existing) {
      const names = await userNames(m, [existing.checkedBy]);
      return { byName: names.get(existing.checkedBy) ?? '', at: existing.checkedAt };
    }
    const at = now.toISOString();
    await m.insert(NurseCheck, { date, checkedBy: ctx.user.id, checkedAt: at });
    await audit(m, now, {
      action: 'attendance.nurseCheck',
      actorId: ctx.user.id,
      entity: 'nurse_check',
      entityId: date,
    });
    return { byName: ctx.user.fullName, at };
  });
}

export async function cellHistory(
  ctx: Context,
  childId: number,
  date: string,
): Promise<MarkHistoryEntry[]> {
  const m = ctx.db.manager;
  if (ctx.user.role === 'teacher') {
    const own = await teacherGroupIds(m, ctx.user.id, date, date, todayOf(ctx));
    const rows = await m.query<{ groupId: number }[]>(
      'SELECT group_id AS groupId FROM enrolment WHERE child_id = ? AND from_date <= ? ' +
        'AND (to_date IS NULL OR to_date >= ?)',
      [childId, date, date],
    );
    if (!rows.some((r) => own.includes(r.groupId))) {
      throw new AppError('FORBIDDEN', 'attendance.notYourGroup');
    }
  }
  const rows = await m.find(AttendanceMarkHistory, {
    where: { childId, date },
    order: { at: 'ASC', id: 'ASC' },
  });
  const names = await userNames(m, [
    ...rows.map((r) => r.actorId),
    ...rows.map((r) => r.onBehalfOf),
  ]);
  return rows.map((r) => ({
    at: r.at,
    byName: byline(ctx.state.locale, names, r.actorId, r.onBehalfOf),
    as: r.actedAs,
    oldCode: r.oldCode,
    newCode: r.newCode,
    reason: r.reason,
  }));
}

/**
 * The institution's month: per group, child-days present and absences by code. Three queries
 * for all groups together (groups, their enrolments, their marks) rather than a month grid per
 * group: a school year of it is the supervision aggregate, and it must stay well under 500 ms.
 */
export async function monthSummary(ctx: Context, month: string): Promise<GroupSummary[]> {
  const [first, last] = monthBounds(month);
  const [y, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const m = ctx.db.manager;
  const calendar = await workingCalendar(ctx.db);
  const today = rigaDate(ctx.now());
  const counted = calendar.workingDaysOfMonth(y, mo).filter((d) => d <= today);
  const groups = await m
    .createQueryBuilder(Group, 'g')
    .where('g.activeFrom <= :last AND g.activeTo >= :first', { first, last })
    .getMany();
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const marks = ids.map(() => '?').join(', ');
  const enrolments = await m.query<{ groupId: number; from: string; to: string | null }[]>(
    'SELECT group_id AS groupId, from_date AS "from", to_date AS "to" FROM enrolment ' +
      `WHERE group_id IN (${marks}) AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)`,
    [...ids, last, first],
  );
  const absences = await m.query<{ groupId: number; date: string; code: AbsenceCode }[]>(
    'SELECT group_id AS groupId, date, code FROM attendance_mark ' +
      `WHERE group_id IN (${marks}) AND date >= ? AND date <= ?`,
    [...ids, first, last],
  );
  const countedSet = new Set(counted);
  const out: GroupSummary[] = groups.map((group) => {
    const totals = emptyTotals();
    let childDays = 0;
    for (const e of enrolments) {
      if (e.groupId !== group.id) continue;
      childDays += counted.filter((d) => d >= e.from && (e.to === null || d <= e.to)).length;
    }
    for (const a of absences) {
      if (a.groupId === group.id && countedSet.has(a.date)) totals[a.code]++;
    }
    const { NS, NC, N } = totals;
    const present = childDays - NS - NC - N;
    return {
      group: groupView(group, false),
      present,
      NS,
      NC,
      N,
      percent: childDays === 0 ? null : Math.round((present / childDays) * 1000) / 10,
    };
  });
  return out.sort((a, b) => (a.group.number ?? 999) - (b.group.number ?? 999));
}
