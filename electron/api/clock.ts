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

/** The calendar date in Riga of an instant, YYYY-MM-DD. */
export function rigaDate(instant: Date): string {
  return dateFormat.format(instant);
}
