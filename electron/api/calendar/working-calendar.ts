import type { DataSource, EntityManager } from 'typeorm';
import { WorkingCalendar } from '../../../common/calendar';
import { isoDate } from '../../../common/validation';
import { CalendarDay } from '../../../database/entities/attendance';

/**
 * The working calendar with the head's moved days and closures, built once per open database:
 * every save and every grid asks it, so it is cached and dropped when a calendar row changes.
 */
const cache = new WeakMap<DataSource, WorkingCalendar>();

export async function workingCalendar(db: DataSource): Promise<WorkingCalendar> {
  const cached = cache.get(db);
  if (cached) return cached;
  // A row saved before the contract refused such dates (year 0) would make the calendar throw
  // on every attendance call; it is left in the file and left out of the calendar.
  const rows = (await db.getRepository(CalendarDay).find()).filter(
    (r) =>
      isoDate.safeParse(r.date).success &&
      (r.workSaturday === null || isoDate.safeParse(r.workSaturday).success),
  );
  const calendar = new WorkingCalendar({
    movedDays: rows
      .filter((r) => r.kind === 'moved')
      .map((r) => ({ date: r.date, workSaturday: r.workSaturday, basis: r.reason })),
    closures: rows
      .filter((r) => r.kind === 'closure')
      .map((r) => ({ date: r.date, reason: r.reason })),
  });
  cache.set(db, calendar);
  return calendar;
}

export function invalidateCalendar(db: DataSource | EntityManager): void {
  cache.delete('connection' in db ? db.connection : db);
}
