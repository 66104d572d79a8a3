import { describe, expect, it } from 'vitest';
import { TIME_ZONE } from '../../common/locale';
import { rigaDate } from '../../electron/api/clock';

const HOUR = 3_600_000;
const fresh = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Every hour from `from` up to `to` (UTC instants). */
function* hours(from: number, to: number): Generator<number> {
  for (let t = from; t < to; t += HOUR) yield t;
}

describe('rigaDate keeps one answer per UTC hour', () => {
  it('is right because the date never changes inside a UTC hour (DST months 2000–2100, every hour 2024–2040)', () => {
    const ranges: [number, number][] = [[Date.UTC(2024, 0, 1), Date.UTC(2041, 0, 1)]];
    for (let year = 2000; year <= 2100; year++) {
      for (const month of [2, 9]) {
        ranges.push([Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)]);
      }
    }
    const wrong: string[] = [];
    for (const [from, to] of ranges) {
      for (const t of hours(from, to)) {
        if (fresh.format(new Date(t)) !== fresh.format(new Date(t + HOUR - 1))) {
          wrong.push(new Date(t).toISOString());
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers as a fresh formatter at midnight, across a DST change and in the next hour', () => {
    const instants = [
      '2026-11-29T21:59:59.999Z', // 23:59:59 in Riga (EET)
      '2026-11-29T22:00:00.000Z', // midnight
      '2026-03-28T21:59:59.999Z',
      '2026-03-28T22:00:00.000Z',
      '2026-03-29T00:59:59.999Z', // the hour before the change to EEST
      '2026-03-29T01:00:00.000Z',
      '2026-06-30T20:59:59.999Z', // 23:59:59 in Riga (EEST)
      '2026-06-30T21:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '1999-12-31T21:59:59.999Z', // before 2000: formatted each time
      '1925-06-01T22:30:00.000Z', // local mean time, +1:36
    ];
    for (const iso of instants) {
      // Asked twice: the second answer comes from the kept hour.
      const instant = new Date(iso);
      expect([rigaDate(instant), rigaDate(instant)]).toEqual([
        fresh.format(instant),
        fresh.format(instant),
      ]);
    }
  });

  it('still refuses an invalid date', () => {
    expect(() => rigaDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
