/**
 * Latvian working-day calendar. Pure: shared by the Node backend and the renderer, so no Node
 * built-ins. Dates are ISO `YYYY-MM-DD` strings; arithmetic runs on UTC day numbers so the host's
 * time zone can never shift a date.
 *
 * Public holidays come from `date-holidays`, corrected by resources/calendar-lv.json (see
 * /work/shared/reference/reference.json → date_holidays_npm_check): the Song and Dance Festival
 * closing day is added, the weekend rule of art. 1 is applied here, observances are ignored and
 * names follow the law.
 */
import Holidays from 'date-holidays';
import data from '../resources/calendar-lv.json';
import type { Locale } from './locale';

/** `YYYY-MM-DD`. */
export type IsoDate = string;

export type HolidayName = Record<Locale, string>;

export interface PublicHoliday {
  date: IsoDate;
  name: HolidayName;
  /** Set on the weekday given off because this holiday fell on Sat/Sun: the holiday's own date. */
  substituteFor: IsoDate | null;
  /** From planned dates only, not yet confirmed (the 2028 Song and Dance Festival). */
  projected: boolean;
}

/** A Cabinet (or institution) transfer: a weekday off, worked on a Saturday instead. */
export interface MovedWorkingDay {
  dayOff: IsoDate;
  workSaturday: IsoDate | null;
  basis: string | null;
  source: string | null;
}

/** Extra moved day as stored in the database; `date` is the weekday made a day off. */
export interface MovedDayRow {
  date: IsoDate;
  workSaturday?: IsoDate | null;
  basis?: string | null;
}

/** The kindergarten's own closure of one day. */
export interface ClosureRow {
  date: IsoDate;
  reason?: string | null;
}

export interface WorkingCalendarOptions {
  /**
   * Follow the Cabinet's transfers preloaded from resources/calendar-lv.json. Default true; the
   * rīkojums only recommends them to municipalities, so an institution may switch them off.
   */
  stateTransfers?: boolean;
  /** Moved days the head added; one with the same `date` replaces a preloaded transfer. */
  movedDays?: readonly MovedDayRow[];
  closures?: readonly ClosureRow[];
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

interface DayBase {
  date: IsoDate;
  weekday: IsoWeekday;
}

export type DayInfo =
  | (DayBase & { working: true; kind: 'workday' })
  | (DayBase & { working: true; kind: 'movedWorkday'; moved: MovedWorkingDay })
  | (DayBase & { working: false; kind: 'weekend' })
  /** Usually one holiday; two only when Pentecost falls on Mother's Day. */
  | (DayBase & {
      working: false;
      kind: 'holiday';
      holidays: readonly PublicHoliday[];
    })
  | (DayBase & { working: false; kind: 'movedDayOff'; moved: MovedWorkingDay })
  | (DayBase & { working: false; kind: 'closure'; reason: string | null });

// ---------------------------------------------------------------------------------------------
// Dates

// Plain integer day numbers (days since 1970-01-01, proleptic Gregorian = UTC dates): no Date
// objects in the hot paths, so no time zone and no allocation.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
// Give up after ten years without a working day: the closures must be wrong.
const SEARCH_LIMIT_DAYS = 3653;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of range: ${year}`);
  }
}

function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month must be 1-12: ${month}`);
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

export function daysInMonth(year: number, month: number): number {
  checkYear(year);
  checkMonth(month);
  return monthLength(year, month);
}

// H. Hinnant's days_from_civil / civil_from_days (years >= 0 only, which MIN_YEAR guarantees).
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function civilFromDays(n: number): [year: number, month: number, day: number] {
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

function weekdayOfDayNumber(n: number): IsoWeekday {
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

// ---------------------------------------------------------------------------------------------
// Reference data

interface ReferenceMovedDay {
  dayOff: string;
  workSaturday: string;
  basis: string | null;
  source: string;
}

interface ReferenceFestivalDay {
  date: string;
  expectedDayOff: string;
  verified: boolean;
}

interface ReferenceOneOff {
  date: string;
  lv: string;
  en: string;
}

interface CalendarReference {
  movedWorkingDays: readonly ReferenceMovedDay[];
  songFestivalClosingDays: readonly ReferenceFestivalDay[];
  oneOffHolidays: readonly ReferenceOneOff[];
}

// Assigning (not casting) lets the compiler check the JSON against the shape used here.
const reference: CalendarReference = data;

/** The Cabinet's transfers known to resources/calendar-lv.json. */
export const PRELOADED_MOVED_DAYS: readonly MovedWorkingDay[] = Object.freeze(
  reference.movedWorkingDays.map((m) =>
    Object.freeze({
      dayOff: m.dayOff,
      workSaturday: m.workSaturday,
      basis: m.basis,
      source: m.source,
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// Public holidays

/** Names as in the law (art. 1), keyed by the date part of date-holidays' rule. */
const LAW_NAMES: Readonly<Partial<Record<string, HolidayName>>> = {
  '01-01': { lv: 'Jaungada diena', en: "New Year's Day" },
  'easter -2': { lv: 'Lielā Piektdiena', en: 'Good Friday' },
  easter: { lv: 'Pirmās Lieldienas', en: 'Easter Sunday' },
  'easter 1': { lv: 'Otrās Lieldienas', en: 'Easter Monday' },
  '05-01': {
    lv: 'Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena',
    en: 'Labour Day, Convocation Day of the Constituent Assembly of the Republic of Latvia',
  },
  '05-04': {
    lv: 'Latvijas Republikas Neatkarības atjaunošanas diena',
    en: 'Restoration of Independence Day of the Republic of Latvia',
  },
  '06-23': { lv: 'Līgo diena', en: 'Midsummer Eve' },
  '06-24': { lv: 'Jāņu diena', en: 'Midsummer Day' },
  '11-18': {
    lv: 'Latvijas Republikas Proklamēšanas diena',
    en: 'Proclamation Day of the Republic of Latvia',
  },
  '12-24': { lv: 'Ziemassvētku vakars', en: 'Christmas Eve' },
  '12-25': { lv: 'Pirmie Ziemassvētki', en: 'Christmas Day' },
  '12-26': { lv: 'Otrie Ziemassvētki', en: 'Second Day of Christmas' },
  '12-31': { lv: 'Vecgada diena', en: "New Year's Eve" },
};

const MOTHERS_DAY: HolidayName = { lv: 'Mātes diena', en: "Mother's Day" };
const PENTECOST: HolidayName = { lv: 'Vasarsvētki', en: 'Pentecost' };
const SONG_FESTIVAL: HolidayName = {
  lv: 'Vispārējo latviešu Dziesmu un deju svētku noslēguma diena',
  en: 'Closing day of the General Latvian Song and Dance Festival',
};

/** Only these move to the next working day when they fall on a weekend (art. 1, last para). */
const WEEKEND_RULE_KEYS = new Set(['05-04', '11-18', 'song-festival']);

let holidaysApi: Holidays | undefined;
function api(): Holidays {
  // Created on first use: loading the country data is the slow part.
  holidaysApi ??= new Holidays('LV');
  return holidaysApi;
}

interface RawHoliday {
  key: string;
  date: IsoDate;
  name: HolidayName;
  projected: boolean;
}

function lawHolidays(year: number): RawHoliday[] {
  const raw: RawHoliday[] = [];
  let easter: number | null = null;
  let englishNames: Map<string, string> | null = null;
  for (const h of api().getHolidays(year, 'lv')) {
    // Observances (e.g. their Mother's Day) are not days off; we add the law's Sundays below.
    // Their substitutes use "next Monday"; we apply the law's "next working day" ourselves.
    if (h.type !== 'public' || h.substitute) continue;
    const date = h.date.slice(0, 10);
    const key = h.rule.split(' and ')[0].trim();
    if (key === 'easter') easter = toDayNumber(date);
    let name = LAW_NAMES[key];
    if (!name) {
      // A rule this table does not know (a newer date-holidays): keep its own names.
      englishNames ??= new Map(
        api()
          .getHolidays(year, 'en')
          .map((e) => [e.rule, e.name]),
      );
      name = { lv: h.name, en: englishNames.get(h.rule) ?? h.name };
    }
    raw.push({ key, date, name, projected: false });
  }
  for (const o of reference.oneOffHolidays) {
    if (!o.date.startsWith(`${year}-`)) continue;
    const name = { lv: o.lv, en: o.en };
    const existing = raw.find((r) => r.date === o.date);
    // date-holidays also has the hockey day, under a shorter name than the amendment's.
    if (existing) existing.name = name;
    else raw.push({ key: o.date, date: o.date, name, projected: false });
  }
  for (const f of reference.songFestivalClosingDays) {
    if (f.date.startsWith(`${year}-`)) {
      raw.push({
        key: 'song-festival',
        date: f.date,
        name: SONG_FESTIVAL,
        projected: !f.verified,
      });
    }
  }
  // Sunday holidays of the law that date-holidays lacks or types as observance.
  const may1 = dayNumberOf(year, 5, 1);
  const firstSunday = may1 + ((7 - weekdayOfDayNumber(may1)) % 7);
  raw.push({
    key: 'mothers-day',
    date: fromDayNumber(firstSunday + 7),
    name: MOTHERS_DAY,
    projected: false,
  });
  if (easter !== null) {
    raw.push({
      key: 'pentecost',
      date: fromDayNumber(easter + 49),
      name: PENTECOST,
      projected: false,
    });
  }
  return raw;
}

function computePublicHolidays(year: number): readonly PublicHoliday[] {
  const raw = lawHolidays(year);
  const taken = new Set(raw.map((r) => r.date));
  const result: PublicHoliday[] = raw.map((r) => ({
    date: r.date,
    name: r.name,
    substituteFor: null,
    projected: r.projected,
  }));
  for (const r of raw) {
    const n = toDayNumber(r.date);
    if (!WEEKEND_RULE_KEYS.has(r.key) || weekdayOfDayNumber(n) < 6) continue;
    // "Nākamo darbdienu nosaka par brīvdienu": skip the weekend and any holiday already off.
    let off = n + 1;
    while (weekdayOfDayNumber(off) >= 6 || taken.has(fromDayNumber(off))) off++;
    const date = fromDayNumber(off);
    taken.add(date);
    result.push({
      date,
      name: r.name,
      substituteFor: r.date,
      projected: r.projected,
    });
  }
  result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Frozen: the lists are cached and shared by every caller.
  return Object.freeze(
    result.map((h) => Object.freeze({ ...h, name: Object.freeze({ ...h.name }) })),
  );
}

interface YearHolidays {
  list: readonly PublicHoliday[];
  byDate: Map<IsoDate, readonly PublicHoliday[]>;
}

const holidayCache = new Map<number, YearHolidays>();

function yearHolidays(year: number): YearHolidays {
  let cached = holidayCache.get(year);
  if (!cached) {
    checkYear(year);
    const list = computePublicHolidays(year);
    const byDate = new Map<IsoDate, PublicHoliday[]>();
    for (const h of list) {
      const same = byDate.get(h.date);
      if (same) same.push(h);
      else byDate.set(h.date, [h]);
    }
    cached = { list, byDate };
    holidayCache.set(year, cached);
  }
  return cached;
}

/**
 * Latvian public holidays (svētku dienas) of a year, sorted, including weekend ones and the
 * weekday given off for 4 May, 18 November or the Song Festival closing day on a weekend.
 */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  return yearHolidays(year).list;
}

/** The holidays on one date (usually none or one). */
export function holidaysOn(date: IsoDate): readonly PublicHoliday[] {
  toDayNumber(date);
  return yearHolidays(Number(date.slice(0, 4))).byDate.get(date) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Working calendar

interface YearData {
  /** Day number of 1 January. */
  start: number;
  /** Day number of 1 January of the next year. */
  end: number;
  /** 1 = working day, by day of year. */
  working: Uint8Array;
}

export class WorkingCalendar {
  private readonly movedByDayOff = new Map<IsoDate, MovedWorkingDay>();
  private readonly movedBySaturday = new Map<IsoDate, MovedWorkingDay>();
  private readonly closures = new Map<IsoDate, string | null>();
  private readonly years = new Map<number, YearData>();
  private lastYear: YearData | null = null;

  constructor(options: WorkingCalendarOptions = {}) {
    const moved = new Map<IsoDate, MovedWorkingDay>();
    if (options.stateTransfers ?? true) {
      for (const m of PRELOADED_MOVED_DAYS) moved.set(m.dayOff, m);
    }
    for (const row of options.movedDays ?? []) {
      toDayNumber(row.date);
      if (row.workSaturday) toDayNumber(row.workSaturday);
      moved.set(row.date, {
        dayOff: row.date,
        workSaturday: row.workSaturday ?? null,
        basis: row.basis ?? null,
        source: null,
      });
    }
    for (const m of moved.values()) {
      this.movedByDayOff.set(m.dayOff, m);
      if (m.workSaturday) this.movedBySaturday.set(m.workSaturday, m);
    }
    for (const c of options.closures ?? []) {
      toDayNumber(c.date);
      // Two rows for one day: the first reason wins.
      if (!this.closures.has(c.date)) this.closures.set(c.date, c.reason ?? null);
    }
  }

  /** The transfers in effect (preloaded and extra), by day off. */
  movedWorkingDays(): MovedWorkingDay[] {
    return [...this.movedByDayOff.values()].sort((a, b) => (a.dayOff < b.dayOff ? -1 : 1));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingN(toDayNumber(date));
  }

  /** Working days of a month (1-12), in order. */
  workingDaysOfMonth(year: number, month: number): IsoDate[] {
    checkYear(year);
    checkMonth(month);
    const first = dayNumberOf(year, month, 1);
    const last = first + monthLength(year, month);
    const days: IsoDate[] = [];
    for (let n = first; n < last; n++) if (this.isWorkingN(n)) days.push(fromDayNumber(n));
    return days;
  }

  /** Null when the kindergarten is closed the whole month (a summer closure). */
  lastWorkingDayOfMonth(year: number, month: number): IsoDate | null {
    checkYear(year);
    checkMonth(month);
    const first = dayNumberOf(year, month, 1);
    for (let n = first + monthLength(year, month) - 1; n >= first; n--) {
      if (this.isWorkingN(n)) return fromDayNumber(n);
    }
    return null;
  }

  /** Null when the kindergarten is closed the whole month. */
  firstWorkingDayOfMonth(year: number, month: number): IsoDate | null {
    checkYear(year);
    checkMonth(month);
    const first = dayNumberOf(year, month, 1);
    const last = first + monthLength(year, month);
    for (let n = first; n < last; n++) if (this.isWorkingN(n)) return fromDayNumber(n);
    return null;
  }

  /**
   * The n-th working day after `date` (before it when n < 0); `date` itself need not be a
   * working day. n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Not an integer: ${n}`);
    let d = toDayNumber(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; left--) d = this.seek(d, step);
    return fromDayNumber(d);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    return fromDayNumber(this.seek(toDayNumber(date), -1));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return fromDayNumber(this.seek(toDayNumber(date), 1));
  }

  /** Why a day is or is not a working day. */
  dayInfo(date: IsoDate): DayInfo {
    const weekday = weekdayOfDayNumber(toDayNumber(date));
    const holidays = yearHolidays(Number(date.slice(0, 4))).byDate.get(date);
    if (holidays) return { date, weekday, working: false, kind: 'holiday', holidays };
    const closure = this.closures.get(date);
    if (closure !== undefined) {
      return { date, weekday, working: false, kind: 'closure', reason: closure };
    }
    const off = this.movedByDayOff.get(date);
    if (off) return { date, weekday, working: false, kind: 'movedDayOff', moved: off };
    const saturday = this.movedBySaturday.get(date);
    if (saturday) return { date, weekday, working: true, kind: 'movedWorkday', moved: saturday };
    if (weekday >= 6) return { date, weekday, working: false, kind: 'weekend' };
    return { date, weekday, working: true, kind: 'workday' };
  }

  private seek(from: number, step: 1 | -1): number {
    for (let d = from + step, i = 0; i < SEARCH_LIMIT_DAYS; d += step, i++) {
      if (this.isWorkingN(d)) return d;
    }
    throw new RangeError(`No working day within ten years of ${fromDayNumber(from)}`);
  }

  private isWorkingN(n: number): boolean {
    let yd = this.lastYear;
    if (!yd || n < yd.start || n >= yd.end) {
      yd = this.yearData(civilFromDays(n)[0]);
      this.lastYear = yd;
    }
    return yd.working[n - yd.start] === 1;
  }

  private yearData(year: number): YearData {
    let yd = this.years.get(year);
    if (yd) return yd;
    checkYear(year);
    const start = dayNumberOf(year, 1, 1);
    const end = dayNumberOf(year + 1, 1, 1);
    const working = new Uint8Array(end - start);
    for (let n = start; n < end; n++) working[n - start] = weekdayOfDayNumber(n) <= 5 ? 1 : 0;
    const prefix = `${year}-`;
    const mark = (date: IsoDate, value: 0 | 1): void => {
      if (date.startsWith(prefix)) working[toDayNumber(date) - start] = value;
    };
    // Order matters: a holiday or closure beats a moved working Saturday.
    for (const date of this.movedBySaturday.keys()) mark(date, 1);
    for (const date of this.movedByDayOff.keys()) mark(date, 0);
    for (const date of yearHolidays(year).byDate.keys()) mark(date, 0);
    for (const date of this.closures.keys()) mark(date, 0);
    yd = { start, end, working };
    this.years.set(year, yd);
    return yd;
  }
}
