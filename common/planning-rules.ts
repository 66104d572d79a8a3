/**
 * Pure date rules of the planning domain, shared by the backend and the renderer. Only types
 * come from calendar.ts, so the renderer does not load the holiday data through this module.
 */
import { addDays, type IsoDate } from './dates';
import type { WorkingCalendar } from './calendar';

/**
 * The plan for a month is due on the last working day of the previous month (the rules' 3.1):
 * the working day before the month's first day, so a holiday or weekend at the month's end, or
 * a closure of the whole previous month, moves it earlier.
 */
export function planDueDate(calendar: WorkingCalendar, month: string): IsoDate {
  return calendar.previousWorkingDay(`${month}-01`);
}

/** Marks are due `days` calendar days after the topic ends (the rules' 3.4: within 5 days). */
export function assessmentDueDate(topicEnd: IsoDate, days: number): IsoDate {
  return addDays(topicEnd, days);
}

/** The school year (by its starting calendar year) a date falls in, given the start 'MM-DD'. */
export function schoolYearOf(date: IsoDate, start: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= start ? year : year - 1;
}

/** First and last day of a school year starting on 'MM-DD' of `year`. */
export function schoolYearBounds(year: number, start: string): [IsoDate, IsoDate] {
  return [`${year}-${start}`, addDays(`${year + 1}-${start}`, -1)];
}
