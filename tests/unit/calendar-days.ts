import type { DayInfo } from '../../common/calendar';

// Weekdays and dates computed here on their own, so the tests do not lean on the module's
// arithmetic (common/dates.ts) to check the calendar built on it.

export const utcDay = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export const isWeekend = (date: string): boolean => utcDay(date) === 0 || utcDay(date) === 6;

export function datesOfYear(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The Latvian names of the holidays on a day (none on a day that is not a holiday). */
export function holidayNames(info: DayInfo): string[] {
  return info.kind === 'holiday' ? info.holidays.map((h) => h.name.lv) : [];
}
