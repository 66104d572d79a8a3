import type { AbsenceCode, NurseDay } from '../../../common/contract/attendance';
import { AttendanceDay, NurseCheck } from '../../../database/entities/attendance';
import { audit } from '../audit/audit';
import { userNames } from '../users/names';
import { rigaDate } from '../clock';
import { workingCalendar } from '../calendar/working-calendar';
import type { Context } from '../context';
import { groupsOn } from './day';
import { byName, confirmationOf } from './format';
import { institutionRow } from './queries';
import { isLate } from './riga-time';
import { assertOpenDay, offReason } from './working-day';

/** The nurse's day: every group's confirmation and absentees on one screen, and her check. */

export async function nurseDay(ctx: Context, date: string): Promise<NurseDay> {
  const m = ctx.db.manager;
  const calendar = await workingCalendar(ctx.db);
  const now = ctx.now();
  const { deadline } = await institutionRow(m);
  const groups = await groupsOn(ctx, date);
  const counts = await m.query<{ groupId: number; n: number }[]>(
    'SELECT group_id AS "groupId", COUNT(*) AS n FROM enrolment ' +
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
    'SELECT a.group_id AS "groupId", a.child_id AS "childId", a.code, a.corrected, ' +
      'c.first_name AS "firstName", c.last_name AS "lastName" ' +
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
          .sort(byName),
      };
    }),
  };
}

/** The nurse confirms she has checked the day; the first confirmation stays. */
export async function nurseConfirm(
  ctx: Context,
  date: string,
): Promise<{ byName: string; at: string }> {
  const now = ctx.now();
  const calendar = await workingCalendar(ctx.db);
  assertOpenDay(calendar, date, rigaDate(now), ctx.state.locale);
  return ctx.db.transaction(async (m) => {
    const existing = await m.findOneBy(NurseCheck, { date });
    if (existing) {
      const names = await userNames(m, [existing.checkedBy]);
      return { byName: names.get(existing.checkedBy) ?? '', at: existing.checkedAt };
    }
    const at = now.toISOString();
    await m.insert(NurseCheck, { date, checkedBy: ctx.user.id, checkedAt: at });
    await audit(m, now, {
      action: 'attendance.nurseCheck.confirm',
      actorId: ctx.user.id,
      entity: 'nurse_check',
      entityId: date,
    });
    return { byName: ctx.user.fullName, at };
  });
}
