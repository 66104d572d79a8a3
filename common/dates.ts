/**
 * Pure date arithmetic on ISO `YYYY-MM-DD` strings, and the Latvian month names: the one module
 * every layer uses for them (no second daysInMonth). No Node built-ins and no data, so the
 * renderer may import it. Arithmetic runs on UTC day numbers so the host's time zone can never
 * shift a date.
 */
import type { Locale } from './locale';

/** `YYYY-MM-DD`. */
export type IsoDate = string;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

// Plain integer day numbers (days since 1970-01-01, proleptic Gregorian = UTC dates): no Date
// objects in the hot paths, so no time zone and no allocation.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of range: ${year}`);
  }
}

export function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month must be 1-12: ${month}`);
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function monthLength(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

export function daysInMonth(year: number, month: number): number {
  checkYear(year);
  checkMonth(month);
  return monthLength(year, month);
}

// H. Hinnant's days_from_civil / civil_from_days (years >= 0 only, which MIN_YEAR guarantees).
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function civilFromDays(n: number): [year: number, month: number, day: number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Days since 1970-01-01 of a valid ISO date; throws RangeError otherwise. */
export function toDayNumber(date: IsoDate): number {
  if (typeof date === 'string' && date.length === 10 && date[4] === '-' && date[7] === '-') {
    const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
    const m = digit(date, 5) * 10 + digit(date, 6);
    const d = digit(date, 8) * 10 + digit(date, 9);
    // NaN fails every comparison, so a non-digit anywhere lands on the throw.
    if (y >= MIN_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m)) {
      return dayNumberOf(y, m, d);
    }
  }
  throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
}

export function fromDayNumber(n: number): IsoDate {
  const [y, m, d] = civilFromDays(n);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function weekdayOfDayNumber(n: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** 'YYYY-MM-DD' as the staff write it: 'dd.mm.yyyy'. */
export function dmy(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** First and last day of a 'YYYY-MM' month. */
export function monthBounds(month: string): [IsoDate, IsoDate] {
  const last = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return [`${month}-01`, `${month}-${last < 10 ? '0' : ''}${last}`];
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

/** 'YYYY-MM' moved by n months. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const mo = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${mo < 10 ? '0' : ''}${mo}`;
}

/** Month names in the nominative, as a heading says them ("2027. gada janvāris"). */
export const MONTH_NAMES: Readonly<Record<Locale, readonly string[]>> = {
  lv: [
    'janvāris',
    'februāris',
    'marts',
    'aprīlis',
    'maijs',
    'jūnijs',
    'jūlijs',
    'augusts',
    'septembris',
    'oktobris',
    'novembris',
    'decembris',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
};

/** "2027. gada janvāris" / "January 2027" / "январь 2027 г." for 'YYYY-MM'. */
export function monthTitle(month: string, locale: Locale = 'lv'): string {
  const name = MONTH_NAMES[locale][Number(month.slice(5, 7)) - 1];
  const year = month.slice(0, 4);
  if (locale === 'lv') return `${year}. gada ${name}`;
  return locale === 'ru' ? `${name} ${year} г.` : `${name} ${year}`;
}

/** The ISO date of a local calendar date (a DatePicker's value), never shifted through UTC. */
export function isoOfLocal(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of an ISO date, for a DatePicker's value or bounds. */
export function localOfIso(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}
