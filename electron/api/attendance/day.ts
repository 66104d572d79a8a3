import type {
  AbsenceCode,
  AttendanceDayView,
  AttendanceGroup,
  CellCode,
  Confirmation,
} from '../../../common/contract/attendance';
import type { ParsedInput } from '../../../common/contract';
import { dmy } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import { AttendanceDay } from '../../../database/entities/attendance';
import { hotQuery } from '../../../database/hot-query';
import { Group } from '../../../database/entities/people';
import { audit, cellChanges } from '../audit/audit';
import { userNames } from '../users/names';
import { workingCalendar } from '../calendar/working-calendar';
import { rigaDate } from '../clock';
import type { Context } from '../context';
import { attributionOf } from './actors';
import { byName, codeText, confirmationOf, groupView } from './format';
import { enrolledBetween, enrolmentsOf, institutionRow, loadGroup, marksBetween } from './queries';
import { isLate } from './riga-time';
import { assertOpenDay, dayRefusal, offReason } from './working-day';

/** A group's day: the groups to choose from, the day's marks, saving them and confirming. */

const NOT_YOUR_GROUP = 'attendance.notYourGroup';

/** The groups active on `date` whose attendance the caller reads, and where she may write. */
export async function groupsOn(ctx: Context, date: string): Promise<AttendanceGroup[]> {
  const m = ctx.db.manager;
  const access = ctx.access();
  const groups = await m
    .createQueryBuilder(Group, 'g')
    .where('g.activeFrom <= :date AND g.activeTo >= :date', { date })
    .getMany();
  const readable = await access.groups(m, 'attendance', 'read', date);
  const writable = await access.groups(m, 'attendance', 'write', date);
  const has = (ids: number[] | 'all', id: number) => ids === 'all' || ids.includes(id);
  return groups
    .filter((g) => has(readable, g.id))
    .map((g) => groupView(g, has(writable, g.id)))
    .sort((a, b) => (a.number ?? 999) - (b.number ?? 999) || compareLv(a.name, b.name));
}

export async function dayView(
  ctx: Context,
  groupId: number,
  date: string,
): Promise<AttendanceDayView> {
  const m = ctx.db.manager;
  const access = ctx.access();
  const group = await loadGroup(m, groupId);
  await access.assertGroup(m, 'attendance', 'read', groupId, date, date, NOT_YOUR_GROUP);
  const calendar = await workingCalendar(ctx.db);
  const now = ctx.now();
  const { deadline } = await institutionRow(m);
  const enrolled = await enrolledBetween(m, groupId, date, date);
  const marks = new Map((await marksBetween(m, groupId, date, date)).map((r) => [r.childId, r]));
  const day = (await m.findOneBy(AttendanceDay, { groupId, date })) ?? undefined;
  const names = await userNames(m, day ? [day.confirmedBy, day.onBehalfOf] : []);
  const working = calendar.isWorkingDay(date);
  const future = date > ctx.today();
  return {
    group: groupView(group, await access.mayGroup(m, 'attendance', 'write', groupId, date)),
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
      .sort(byName),
  };
}

type Change = ParsedInput<'attendance.save'>['changes'][number];

/**
 * Sets or corrects codes, all or nothing: refused per cell (future, not a working day, not
 * enrolled, the same cell twice) or on a conflict (a cell changed since the client loaded it).
 * Each change writes the mark, its history and, per way of acting, one audit event.
 */
export async function saveMarks(
  ctx: Context,
  input: ParsedInput<'attendance.save'>,
): Promise<{ saved: number }> {
  const locale = ctx.state.locale;
  const now = ctx.now();
  const today = rigaDate(now);
  const calendar = await workingCalendar(ctx.db);
  return ctx.db.transaction(async (m) => {
    const dates = input.changes.map((c) => c.date).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    const childIds = [...new Set(input.changes.map((c) => c.childId))];
    // NOT_FOUND first, as before: the group's existence comes with the enrolments.
    const enrolled = await enrolmentsOf(m, input.groupId, childIds, first, last);
    const actors = await attributionOf(ctx, m, input.groupId, dates);
    if ([...actors.values()].some((a) => a === null)) {
      throw new AppError('FORBIDDEN', NOT_YOUR_GROUP);
    }
    const current = new Map<string, { id: number; code: AbsenceCode }>();
    const existing = await hotQuery<{
      id: number;
      childId: number;
      date: string;
      code: AbsenceCode;
    }>(
      m,
      'SELECT id, child_id AS "childId", date, code FROM attendance_mark ' +
        `WHERE child_id IN (${childIds.map(() => '?').join(', ')}) AND date >= ? AND date <= ?`,
      [...childIds, first, last],
    );
    for (const mark of existing) current.set(`${mark.childId}.${mark.date}`, mark);

    const refused: Record<string, string> = {};
    const conflicts: Record<string, string> = {};
    const seen = new Set<string>();
    const isEnrolled = (change: Change) =>
      enrolled.some(
        (e) =>
          e.childId === change.childId &&
          e.from <= change.date &&
          (e.to === null || e.to >= change.date),
      );
    for (const change of input.changes) {
      const cell = `${change.childId}.${change.date}`;
      const field = `cells.${cell}`;
      if (seen.has(cell)) refused[field] = message(locale, 'attendance.duplicateCell');
      seen.add(cell);
      const refusal = dayRefusal(calendar, change.date, today, locale);
      if (refusal) {
        refused[field] = message(locale, refusal.key, refusal.params);
      } else if (!isEnrolled(change)) {
        refused[field] = message(locale, 'attendance.notEnrolled', { date: dmy(change.date) });
      }
      const code = current.get(cell)?.code ?? null;
      if (!refused[field] && code !== change.expected) {
        conflicts[field] = message(locale, 'attendance.conflictCell', {
          code: codeText(locale, code),
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
      const corrected = actedAs === 'nurse' ? 1 : 0;
      // Plain SQL: a save is the hottest write, and the builders cost more than the writes.
      if (change.code === null) {
        await hotQuery(m, 'DELETE FROM attendance_mark WHERE id = ?', [before!.id]);
      } else if (before) {
        await hotQuery(
          m,
          'UPDATE attendance_mark SET code = ?, corrected = ?, updated_by = ?, updated_at = ? ' +
            'WHERE id = ?',
          [change.code, corrected, ctx.user.id, at, before.id],
        );
      } else {
        await hotQuery(
          m,
          'INSERT INTO attendance_mark (child_id, group_id, date, code, corrected, updated_by, ' +
            'updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [change.childId, input.groupId, change.date, change.code, corrected, ctx.user.id, at],
        );
      }
      await hotQuery(
        m,
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
      await audit(m, now, {
        action: actor.actedAs === 'nurse' ? 'attendance.mark.correct' : 'attendance.mark.save',
        actorId: ctx.user.id,
        onBehalfOfId: actor.onBehalfOf,
        entity: 'group',
        entityId: input.groupId,
        groupId: input.groupId,
        childIds: mine.map((c) => c.childId),
        ...cellChanges(
          mine.map((c) => ({ childId: c.childId, key: c.date, before: c.from, after: c.to })),
        ),
      });
    }
    return { saved: changed.length };
  });
}

/**
 * Confirms a group's day. Confirming twice keeps the first confirmation: it is the one the
 * deadline judges. A substitute confirms on behalf of the absent teacher of that date.
 */
export async function confirmDay(
  ctx: Context,
  groupId: number,
  date: string,
): Promise<Confirmation> {
  const now = ctx.now();
  const access = ctx.access();
  const calendar = await workingCalendar(ctx.db);
  return ctx.db.transaction(async (m) => {
    await loadGroup(m, groupId);
    await access.assertGroup(m, 'attendance', 'write', groupId, date, date, NOT_YOUR_GROUP);
    assertOpenDay(calendar, date, rigaDate(now), ctx.state.locale);
    const existing = await m.findOneBy(AttendanceDay, { groupId, date });
    if (existing) {
      const names = await userNames(m, [existing.confirmedBy, existing.onBehalfOf]);
      return confirmationOf(existing, names, ctx.state.locale)!;
    }
    const late = isLate(date, now, (await institutionRow(m)).deadline);
    const onBehalfOf = await access.onBehalfOf(m, groupId, date);
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
      action: 'attendance.day.confirm',
      actorId: ctx.user.id,
      onBehalfOfId: onBehalfOf,
      entity: 'group',
      entityId: groupId,
      groupId,
      after: { date, late },
    });
    const names = await userNames(m, [ctx.user.id, onBehalfOf]);
    return confirmationOf(row as AttendanceDay, names, ctx.state.locale)!;
  });
}
