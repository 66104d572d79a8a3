import { describe, it, expect, vi } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../common/dates';
import { WorkingCalendar } from '../../common/calendar';
import { datesOfYear, holidayNames, isWeekend, utcDay } from './calendar-days';

/**
 * Worked out by hand from art. 1 of the holiday law, the Easter dates and the Cabinet's
 * transfers in reference.json (working_day_transfers.known); not produced by the module.
 */
const EXPECTED: Record<number, { weekdaysOff: string[]; workSaturdays: string[] }> = {
  2023: {
    weekdaysOff: [
      '2023-04-07', // Lielā Piektdiena (Easter 9 April)
      '2023-04-10', // Otrās Lieldienas
      '2023-05-01',
      '2023-05-04',
      '2023-05-05', // moved to Saturday 20 May
      '2023-05-29', // hockey bronze, one-off
      '2023-06-23', // Līgo; Jāņi is a Saturday, no substitute
      '2023-07-10', // Song and Dance Festival closed on Sunday 9 July
      '2023-11-20', // 18 November was a Saturday
      '2023-12-25',
      '2023-12-26', // 24 and 31 December are Sundays, no substitute
    ],
    workSaturdays: ['2023-05-20'],
  },
  2024: {
    weekdaysOff: [
      '2024-01-01',
      '2024-03-29', // Easter 31 March
      '2024-04-01',
      '2024-05-01',
      '2024-05-06', // 4 May was a Saturday
      '2024-06-24', // Līgo is a Sunday, no substitute
      '2024-11-18',
      '2024-12-23', // moved to 14 December
      '2024-12-24',
      '2024-12-25',
      '2024-12-26',
      '2024-12-30', // moved to 28 December
      '2024-12-31',
    ],
    workSaturdays: ['2024-12-14', '2024-12-28'],
  },
  2025: {
    weekdaysOff: [
      '2025-01-01',
      '2025-04-18', // Easter 20 April
      '2025-04-21',
      '2025-05-01',
      '2025-05-05', // 4 May was a Sunday
      '2025-06-23',
      '2025-06-24',
      '2025-11-18',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2025-12-31',
    ],
    workSaturdays: [],
  },
  2026: {
    weekdaysOff: [
      '2026-01-01',
      '2026-01-02', // moved to 17 January
      '2026-04-03', // Easter 5 April
      '2026-04-06',
      '2026-05-01',
      '2026-05-04',
      '2026-06-22', // moved to 27 June
      '2026-06-23',
      '2026-06-24',
      '2026-11-18', // a Wednesday
      '2026-12-24',
      '2026-12-25', // 26 December is a Saturday, no substitute
      '2026-12-31',
    ],
    workSaturdays: ['2026-01-17', '2026-06-27'],
  },
  2027: {
    weekdaysOff: [
      '2027-01-01',
      '2027-03-26', // Easter 28 March
      '2027-03-29',
      '2027-05-04', // 1 May is a Saturday, no substitute
      '2027-06-23',
      '2027-06-24',
      '2027-11-18',
      '2027-12-24', // 25 and 26 December are at the weekend, no substitute
      '2027-12-31',
    ],
    workSaturdays: [],
  },
};

const cal = new WorkingCalendar();

describe('working days 2023-2027 against the reference lists', () => {
  for (const year of [2023, 2024, 2025, 2026, 2027]) {
    it(`${year}: weekdays off and moved Saturdays`, () => {
      const days = datesOfYear(year);
      const weekdaysOff = days.filter((d) => !isWeekend(d) && !cal.isWorkingDay(d));
      const workSaturdays = days.filter((d) => isWeekend(d) && cal.isWorkingDay(d));
      expect(weekdaysOff).toEqual(EXPECTED[year].weekdaysOff);
      expect(workSaturdays).toEqual(EXPECTED[year].workSaturdays);
      for (const d of workSaturdays) expect(utcDay(d)).toBe(6);
    });
  }

  it('dayInfo agrees with isWorkingDay on every day 2015-2035', () => {
    const wrong: string[] = [];
    for (let year = 2015; year <= 2035; year++) {
      for (const d of datesOfYear(year)) {
        const info = cal.dayInfo(d);
        if (info.working !== cal.isWorkingDay(d) || info.weekday % 7 !== utcDay(d)) wrong.push(d);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('closures', () => {
  it('a closure removes a day', () => {
    const closed = new WorkingCalendar({
      closures: [{ date: '2026-03-16', reason: 'Dezinfekcija' }],
    });
    expect(cal.isWorkingDay('2026-03-16')).toBe(true);
    expect(closed.isWorkingDay('2026-03-16')).toBe(false);
    expect(closed.dayInfo('2026-03-16')).toEqual({
      date: '2026-03-16',
      weekday: 1,
      working: false,
      kind: 'closure',
      reason: 'Dezinfekcija',
    });
    expect(closed.workingDaysOfMonth(2026, 3).length).toBe(
      cal.workingDaysOfMonth(2026, 3).length - 1,
    );
    expect(closed.addWorkingDays('2026-03-13', 1)).toBe('2026-03-17');
  });

  it('a closure on a moved Saturday cancels it', () => {
    const closed = new WorkingCalendar({ closures: [{ date: '2026-06-27' }] });
    expect(closed.isWorkingDay('2026-06-27')).toBe(false);
    expect(closed.dayInfo('2026-06-27')).toMatchObject({
      kind: 'closure',
      reason: null,
    });
  });

  it('a month closed for the summer has no last working day', () => {
    const closures = datesOfYear(2026)
      .filter((d) => d.startsWith('2026-07'))
      .map((date) => ({ date, reason: 'Vasaras slēgšana' }));
    const summer = new WorkingCalendar({ closures });
    expect(summer.workingDaysOfMonth(2026, 7)).toEqual([]);
    expect(summer.lastWorkingDayOfMonth(2026, 7)).toBeNull();
    expect(summer.lastWorkingDayOfMonth(2026, 6)).toBe('2026-06-30');
    expect(summer.addWorkingDays('2026-06-30', 1)).toBe('2026-08-03');
  });
});

describe('month helpers and arithmetic', () => {
  it('last working day of December 2026 is the 30th (31st is Vecgada diena)', () => {
    expect(cal.dayInfo('2026-12-31')).toMatchObject({
      kind: 'holiday',
      weekday: 4,
    });
    expect(holidayNames(cal.dayInfo('2026-12-31'))).toEqual(['Vecgada diena']);
    expect(cal.lastWorkingDayOfMonth(2026, 12)).toBe('2026-12-30');
    // December 2024 ends with two days off (30 moved, 31 holiday).
    expect(cal.lastWorkingDayOfMonth(2024, 12)).toBe('2024-12-28');
    expect(cal.lastWorkingDayOfMonth(2026, 5)).toBe('2026-05-29');
    expect(cal.firstWorkingDayOfMonth(2026, 1)).toBe('2026-01-05');
  });

  it('counts working days of a month', () => {
    // Hand counts: weekdays, minus weekdays off, plus moved Saturdays.
    expect(cal.workingDaysOfMonth(2026, 1)).toHaveLength(21); // 22 - 2 + 1
    expect(cal.workingDaysOfMonth(2026, 12)).toHaveLength(20); // 23 - 3
    expect(cal.workingDaysOfMonth(2023, 5)).toHaveLength(20); // 23 - 4 + 1
    expect(cal.workingDaysOfMonth(2024, 12)).toHaveLength(18); // 22 - 6 + 2
    expect(cal.workingDaysOfMonth(2026, 2)).toHaveLength(20); // 20 weekdays
    expect(cal.workingDaysOfMonth(2026, 1).slice(0, 3)).toEqual([
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
    ]);
  });

  it('adds working days across holidays, a moved Saturday and a year end', () => {
    // 19 June 2026 is a Friday; 22 June moved off, 23-24 Līgo and Jāņi, 27 June worked.
    expect(cal.addWorkingDays('2026-06-19', 1)).toBe('2026-06-25');
    expect(cal.addWorkingDays('2026-06-19', 3)).toBe('2026-06-27');
    expect(cal.addWorkingDays('2026-06-19', 4)).toBe('2026-06-29');
    expect(cal.addWorkingDays('2026-06-25', -1)).toBe('2026-06-19');
    expect(cal.addWorkingDays('2026-06-20', 0)).toBe('2026-06-20');
    // 31 Dec and 1 Jan holidays, 2 Jan 2026 moved.
    expect(cal.addWorkingDays('2025-12-30', 1)).toBe('2026-01-05');
    expect(cal.addWorkingDays('2026-11-13', 5)).toBe('2026-11-23'); // skips 18 November
  });

  it('previous and next working day', () => {
    expect(cal.previousWorkingDay('2026-01-05')).toBe('2025-12-30');
    expect(cal.previousWorkingDay('2026-01-19')).toBe('2026-01-17');
    expect(cal.previousWorkingDay('2024-05-07')).toBe('2024-05-03');
    expect(cal.nextWorkingDay('2023-05-26')).toBe('2023-05-30');
  });

  it('day numbers agree with Date.UTC from 1600 to 2400', () => {
    const wrong: string[] = [];
    // A 13-day-and-an-hour stride visits every weekday and day of month over the range.
    for (let t = Date.UTC(1600, 0, 1); t < Date.UTC(2400, 0, 1); t += 86_400_000 * 13 + 3_600_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const n = Math.floor(t / 86_400_000);
      if (toDayNumber(date) !== n || fromDayNumber(n) !== date) wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('rejects malformed dates and months', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-1-5')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-01-05T00:00:00Z')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-0a-05')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2023-02-29')).toThrow(RangeError);
    expect(() => cal.workingDaysOfMonth(2026, 13)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => new WorkingCalendar({ closures: [{ date: '16.03.2026' }] })).toThrow(RangeError);
    expect(cal.isWorkingDay('2024-02-29')).toBe(true);
  });

  it('gives the same answers whatever the host time zone', async () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        vi.resetModules();
        const mod = await import('../../common/calendar');
        const other = new mod.WorkingCalendar();
        for (const year of [2023, 2024, 2025, 2026, 2027]) {
          const off = datesOfYear(year).filter((d) => !isWeekend(d) && !other.isWorkingDay(d));
          expect(off, `${tz} ${year}`).toEqual(EXPECTED[year].weekdaysOff);
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
      vi.resetModules();
    }
  });

  // Its speed over the same ten years is measured by `npm run bench` (tests/bench/run.ts).
  it('counts as many working days per month as isWorkingDay finds, over ten years', () => {
    const fresh = new WorkingCalendar({ closures: [{ date: '2026-03-16' }] });
    let count = 0;
    for (let year = 2020; year < 2030; year++) {
      for (let month = 1; month <= 12; month++) {
        count += fresh.workingDaysOfMonth(year, month).length;
        fresh.lastWorkingDayOfMonth(year, month);
      }
      for (const d of datesOfYear(year)) if (fresh.isWorkingDay(d)) count--;
    }
    expect(count).toBe(0);
  });
});
