/**
 * The kindergarten's working-day calendar: Monday to Friday, less Latvian public holidays
 * (holidays.ts), with the Cabinet's moved working days and the kindergarten's own closures.
 * Pure: shared by the Node backend and the renderer.
 */
import {
  checkMonth,
  checkYear,
  civilFromDays,
  dayNumberOf,
  fromDayNumber,
  monthLength,
  toDayNumber,
  weekdayOfDayNumber,
  type IsoDate,
  type IsoWeekday,
} from './dates';
import {
  PRELOADED_MOVED_DAYS,
  yearHolidays,
  type MovedWorkingDay,
  type PublicHoliday,
} from './holidays';

// Give up after ten years without a working day: the closures must be wrong.
const SEARCH_LIMIT_DAYS = 3653;

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
