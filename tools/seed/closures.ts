import { WorkingCalendar, type ClosureRow } from '../../common/calendar';
import type { SeedApi } from './api';

/**
 * The head's closures of a school year, entered in August before the year starts: a day in the
 * summer for repairs and the last working day before Christmas. The generator's own calendar
 * learns them, so no attendance is written on a closed day.
 */
export async function seedClosures(
  api: SeedApi,
  year: number,
  closures: ClosureRow[],
): Promise<void> {
  const wanted = [
    { date: api.calendar.lastWorkingDayOfMonth(year + 1, 6), reason: 'Telpu kosmētiskais remonts' },
    { date: lastWorkingDayBefore(api, `${year}-12-24`), reason: 'Iestāde slēgta pirms svētkiem' },
  ];
  api.at(`${year}-08-24`, '09:00');
  for (const { date, reason } of wanted) {
    if (!date) continue;
    await api.as('vaditaja', 'calendar.add', { kind: 'closure', date, workSaturday: null, reason });
    closures.push({ date, reason });
  }
  api.calendar = new WorkingCalendar({ closures });
}

function lastWorkingDayBefore(api: SeedApi, date: string): string | null {
  const days = api.calendar.workingDaysOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return [...days].reverse().find((d) => d < date) ?? null;
}
