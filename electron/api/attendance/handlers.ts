import { AppError } from '../../../common/errors';
import { isoWeekday } from '../../../common/dates';
import type { CalendarEntry } from '../../../common/contract/attendance';
import { CalendarDay } from '../../../database/entities/attendance';
import { audit } from '../audit/audit';
import type { HandlerMap } from '../context';
import { invalidateCalendar } from './calendar';
import { monthPdf, monthXlsx } from './export';
import {
  cellHistory,
  confirmDay,
  dayView,
  groupsOn,
  monthGrid,
  monthSummary,
  nurseConfirm,
  nurseDay,
  saveMarks,
} from './service';

const entry = (row: CalendarDay): CalendarEntry => ({
  id: row.id,
  date: row.date,
  kind: row.kind,
  workSaturday: row.workSaturday,
  reason: row.reason,
});

export const attendanceHandlers = {
  'attendance.groups': (input, ctx) => groupsOn(ctx, input.date),
  'attendance.day': (input, ctx) => dayView(ctx, input.groupId, input.date),
  'attendance.save': (input, ctx) => saveMarks(ctx, input),
  'attendance.confirm': (input, ctx) => confirmDay(ctx, input.groupId, input.date),
  'attendance.month': (input, ctx) => monthGrid(ctx, input.groupId, input.month),
  'attendance.nurseDay': (input, ctx) => nurseDay(ctx, input.date),
  'attendance.nurseConfirm': (input, ctx) => nurseConfirm(ctx, input.date),
  'attendance.history': (input, ctx) => cellHistory(ctx, input.childId, input.date),
  'attendance.export': async (input, ctx) => {
    const grid = await monthGrid(ctx, input.groupId, input.month);
    return input.format === 'pdf' ? monthPdf(grid) : monthXlsx(grid);
  },
  'attendance.summary': (input, ctx) => monthSummary(ctx, input.month),
  'calendar.list': async (input, ctx) => {
    const rows = await ctx.db
      .getRepository(CalendarDay)
      .createQueryBuilder('c')
      .where('c.date >= :from AND c.date <= :to', {
        from: `${input.year}-01-01`,
        to: `${input.year}-12-31`,
      })
      .orderBy('c.date')
      .getMany();
    return rows.map(entry);
  },
  'calendar.add': async (input, ctx) => {
    const fields: Record<string, string> = {};
    if (input.kind === 'moved') {
      if (isoWeekday(input.date) > 5) fields.date = 'attendance.notWeekday';
      if (input.workSaturday && isoWeekday(input.workSaturday) !== 6) {
        fields.workSaturday = 'attendance.notSaturday';
      }
    }
    return ctx.db.transaction(async (m) => {
      if (await m.existsBy(CalendarDay, { date: input.date })) fields.date = 'attendance.dayTaken';
      if (Object.keys(fields).length > 0) {
        throw new AppError('VALIDATION', 'error.VALIDATION', {}, fields);
      }
      const row = await m.save(
        m.create(CalendarDay, {
          date: input.date,
          kind: input.kind,
          workSaturday: input.kind === 'moved' ? input.workSaturday : null,
          reason: input.reason || null,
          createdBy: ctx.user.id,
          createdAt: ctx.now().toISOString(),
        }),
      );
      await audit(m, ctx.now(), {
        action: 'calendar.add',
        actorId: ctx.user.id,
        entity: 'calendar_day',
        entityId: row.id,
        after: entry(row),
      });
      invalidateCalendar(ctx.db);
      return entry(row);
    });
  },
  'calendar.remove': async (input, ctx) => {
    await ctx.db.transaction(async (m) => {
      const row = await m.findOneBy(CalendarDay, { id: input.id });
      if (!row) throw new AppError('NOT_FOUND');
      await m.delete(CalendarDay, { id: row.id });
      await audit(m, ctx.now(), {
        action: 'calendar.remove',
        actorId: ctx.user.id,
        entity: 'calendar_day',
        entityId: row.id,
        before: entry(row),
      });
    });
    invalidateCalendar(ctx.db);
  },
} satisfies Partial<HandlerMap>;
