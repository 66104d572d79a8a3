import type { ParsedInput } from '../../../common/contract';
import type { CalendarEntry } from '../../../common/contract/calendar';
import { isoWeekday } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { CalendarDay } from '../../../database/entities/attendance';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { invalidateCalendar } from './working-calendar';

const entry = (row: CalendarDay): CalendarEntry => ({
  id: row.id,
  date: row.date,
  kind: row.kind,
  workSaturday: row.workSaturday,
  reason: row.reason,
});

/** The head's entries of one year, by date. */
export async function list(ctx: Context, year: number): Promise<CalendarEntry[]> {
  const rows = await ctx.db
    .getRepository(CalendarDay)
    .createQueryBuilder('c')
    .where('c.date >= :from AND c.date <= :to', { from: `${year}-01-01`, to: `${year}-12-31` })
    .orderBy('c.date')
    .getMany();
  return rows.map(entry);
}

/** One closure or moved day per date; a moved day off is a weekday, its worked day a Saturday. */
export async function add(
  ctx: Context,
  input: ParsedInput<'calendar.add'>,
): Promise<CalendarEntry> {
  const fields: Record<string, string> = {};
  if (input.kind === 'moved') {
    if (isoWeekday(input.date) > 5) fields.date = 'calendar.notWeekday';
    if (input.workSaturday && isoWeekday(input.workSaturday) !== 6) {
      fields.workSaturday = 'calendar.notSaturday';
    }
  }
  return ctx.db.transaction(async (m) => {
    if (await m.existsBy(CalendarDay, { date: input.date })) fields.date = 'calendar.dayTaken';
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
      action: 'calendar.day.add',
      actorId: ctx.user.id,
      entity: 'calendar_day',
      entityId: row.id,
      after: entry(row),
    });
    invalidateCalendar(ctx.db);
    return entry(row);
  });
}

export async function remove(ctx: Context, id: number): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const row = await m.findOneBy(CalendarDay, { id });
    if (!row) throw new AppError('NOT_FOUND');
    await m.delete(CalendarDay, { id: row.id });
    await audit(m, ctx.now(), {
      action: 'calendar.day.remove',
      actorId: ctx.user.id,
      entity: 'calendar_day',
      entityId: row.id,
      before: entry(row),
    });
  });
  invalidateCalendar(ctx.db);
}
