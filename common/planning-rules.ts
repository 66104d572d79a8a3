/**
 * Pure date rules of the planning domain, shared by the backend and the renderer. Only types
 * come from calendar.ts, so the renderer does not load the holiday data through this module.
 */
import type { IsoDate, WorkingCalendar } from './calendar';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** First and last day of a 'YYYY-MM' month. */
export function monthBounds(month: string): [IsoDate, IsoDate] {
  const [y, m] = month.split('-').map(Number);
  return [`${month}-01`, `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`];
}

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

/** The same day `months` later, clamped to the month's length (31 Jan + 1 → 28/29 Feb). */
export function shiftMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months from `from` ('YYYY-MM') to `to`. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return ty * 12 + tm - (fy * 12 + fm);
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
