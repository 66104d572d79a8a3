import { TIME_ZONE } from '../../common/locale';

/** The one clock of the program: the UI asks the backend for "now" and "today". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Test mode's clock: starts at a given instant and then runs on with real time;
 * tests move it forward (lockout delays, idle logout, the 09:00 deadline).
 */
export class TestClock implements Clock {
  private offsetMs: number;

  constructor(
    start: Date,
    private readonly real: Clock = systemClock,
  ) {
    this.offsetMs = start.getTime() - real.now().getTime();
  }

  now(): Date {
    return new Date(this.real.now().getTime() + this.offsetMs);
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.real.now().getTime();
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
/** From 2000 on (the register's dates) Riga's offset is whole hours, changed on a UTC hour. */
const WHOLE_HOURS_FROM = Date.UTC(2000, 0, 1);
let memo = { hour: NaN, date: '' };

/**
 * The calendar date in Riga of an instant, YYYY-MM-DD. The same all through a UTC hour, so the
 * last hour's answer is kept: every call asks it a few times, and formatting is not cheap.
 */
export function rigaDate(instant: Date): string {
  const time = instant.getTime();
  if (!(time >= WHOLE_HOURS_FROM)) return dateFormat.format(instant);
  const hour = Math.floor(time / HOUR_MS);
  if (hour !== memo.hour) memo = { hour, date: dateFormat.format(instant) };
  return memo.date;
}
