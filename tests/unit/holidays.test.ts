import Holidays from 'date-holidays';
import { describe, it, expect } from 'vitest';
import data from '../../resources/calendar-lv.json';
import {
  PRELOADED_MOVED_DAYS,
  holidaysOn,
  publicHolidays,
  type PublicHoliday,
} from '../../common/holidays';
import { WorkingCalendar } from '../../common/calendar';
import { holidayNames, isWeekend, utcDay } from './calendar-days';

/** The holiday law's days and the Cabinet's transfers, as the working calendar sees them. */
const cal = new WorkingCalendar();

describe('public holidays', () => {
  const on = (date: string): PublicHoliday[] =>
    publicHolidays(Number(date.slice(0, 4))).filter((h) => h.date === date);

  it('carries the names of the law in Latvian and English', () => {
    const names2026 = publicHolidays(2026).map((h) => h.name.lv);
    expect(names2026).toEqual([
      'Jaungada diena',
      'Lielā Piektdiena',
      'Pirmās Lieldienas',
      'Otrās Lieldienas',
      'Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena',
      'Latvijas Republikas Neatkarības atjaunošanas diena',
      'Mātes diena',
      'Vasarsvētki',
      'Līgo diena',
      'Jāņu diena',
      'Latvijas Republikas Proklamēšanas diena',
      'Ziemassvētku vakars',
      'Pirmie Ziemassvētki',
      'Otrie Ziemassvētki',
      'Vecgada diena',
    ]);
    for (const h of publicHolidays(2026)) expect(h.name.en).not.toBe('');
    expect(on('2026-05-10').map((h) => h.name.lv)).toEqual(['Mātes diena']);
    expect(holidaysOn('2026-12-25').map((h) => h.name.en)).toEqual(['Christmas Day']);
    expect(holidaysOn('2026-12-27')).toEqual([]);
    expect(on('2026-05-24').map((h) => h.name.en)).toEqual(['Pentecost']);
  });

  it('18 November 2026 is a Wednesday holiday', () => {
    const info = cal.dayInfo('2026-11-18');
    expect(utcDay('2026-11-18')).toBe(3);
    expect(info.kind).toBe('holiday');
    expect(holidayNames(info)).toEqual(['Latvijas Republikas Proklamēšanas diena']);
  });

  it('4 May and 18 November on a weekend give the next working day off', () => {
    // 4 May 2024 was a Saturday, 18 November 2023 a Saturday, 4 May 2025 a Sunday.
    for (const [holiday, substitute] of [
      ['2024-05-04', '2024-05-06'],
      ['2023-11-18', '2023-11-20'],
      ['2025-05-04', '2025-05-05'],
      ['2018-11-18', '2018-11-19'],
    ]) {
      expect(on(holiday)[0].substituteFor).toBeNull();
      expect(on(substitute)[0].substituteFor).toBe(holiday);
      expect(on(substitute)[0].name).toEqual(on(holiday)[0].name);
      expect(cal.isWorkingDay(substitute)).toBe(false);
    }
    // Other holidays have no substitute: Christmas Eve 2023 (Sunday) leaves no Monday off.
    expect(on('2024-01-01')).toHaveLength(1);
    expect(on('2023-12-27')).toHaveLength(0);
  });

  it("matches date-holidays' own 4 May / 18 November substitutes 2010-2050", () => {
    const hd = new Holidays('LV');
    for (let year = 2010; year <= 2050; year++) {
      const theirs = hd
        .getHolidays(year)
        .filter((h) => h.substitute)
        .map((h) => h.date.slice(0, 10));
      const ours = publicHolidays(year)
        .filter((h) => h.substituteFor && !h.name.lv.includes('Dziesmu'))
        .map((h) => h.date);
      expect(ours, String(year)).toEqual(theirs);
    }
  });

  it('ignores observances and has no duplicate holidays per date and name', () => {
    for (let year = 2018; year <= 2030; year++) {
      const list = publicHolidays(year);
      const keys = list.map((h) => `${h.date} ${h.name.lv}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...list].sort((a, b) => a.date.localeCompare(b.date))).toEqual(list);
    }
  });

  it('Song and Dance Festival closing day moves to the next working day (reference list)', () => {
    for (const f of data.songFestivalClosingDays) {
      const year = Number(f.date.slice(0, 4));
      const substitute = publicHolidays(year).find((h) => h.substituteFor === f.date);
      expect(substitute?.date).toBe(f.expectedDayOff);
      expect(substitute?.projected).toBe(!f.verified);
      expect(cal.isWorkingDay(f.expectedDayOff)).toBe(false);
    }
    expect(cal.isWorkingDay('2018-07-09')).toBe(false);
    expect(cal.isWorkingDay('2023-07-10')).toBe(false);
    expect(cal.dayInfo('2023-07-09').kind).toBe('holiday');
    // No festival in 2024: 8 July is an ordinary Monday.
    expect(cal.isWorkingDay('2024-07-08')).toBe(true);
  });

  it('the 2023 hockey day is a holiday with the name of the amendment', () => {
    const info = cal.dayInfo('2023-05-29');
    expect(info.working).toBe(false);
    expect(holidayNames(info)).toEqual([data.oneOffHolidays[0].lv]);
    expect(cal.isWorkingDay('2024-05-29')).toBe(true);
  });
});

describe('moved working days', () => {
  it('every preloaded transfer takes a weekday off and works a Saturday', () => {
    expect(PRELOADED_MOVED_DAYS).toHaveLength(data.movedWorkingDays.length);
    for (const m of data.movedWorkingDays) {
      expect(isWeekend(m.dayOff), m.dayOff).toBe(false);
      expect(utcDay(m.workSaturday), m.workSaturday).toBe(6);
      expect(cal.isWorkingDay(m.dayOff)).toBe(false);
      expect(cal.isWorkingDay(m.workSaturday)).toBe(true);
      // Darba likums art. 133(4): the Saturday is in the same month.
      expect(m.workSaturday.slice(0, 7)).toBe(m.dayOff.slice(0, 7));
    }
  });

  it('dayInfo explains both ends of a transfer', () => {
    const off = cal.dayInfo('2026-01-02');
    expect(off.kind).toBe('movedDayOff');
    if (off.kind === 'movedDayOff') expect(off.moved.workSaturday).toBe('2026-01-17');
    const sat = cal.dayInfo('2026-01-17');
    expect(sat).toMatchObject({
      working: true,
      kind: 'movedWorkday',
      weekday: 6,
    });
    if (sat.kind === 'movedWorkday') expect(sat.moved.dayOff).toBe('2026-01-02');
    expect(cal.dayInfo('2026-01-10')).toMatchObject({
      working: false,
      kind: 'weekend',
    });
    expect(cal.dayInfo('2026-01-12')).toMatchObject({
      working: true,
      kind: 'workday',
    });
  });

  it('an extra moved day from the database takes effect', () => {
    // 3 May 2027 is a lone Monday between the weekend and 4 May.
    const extra = new WorkingCalendar({
      movedDays: [{ date: '2027-05-03', workSaturday: '2027-05-15', basis: 'test order' }],
    });
    expect(cal.isWorkingDay('2027-05-03')).toBe(true);
    expect(extra.isWorkingDay('2027-05-03')).toBe(false);
    expect(extra.isWorkingDay('2027-05-15')).toBe(true);
    expect(extra.dayInfo('2027-05-03')).toMatchObject({ kind: 'movedDayOff' });
    expect(cal.workingDaysOfMonth(2027, 5)).toHaveLength(20);
    expect(extra.workingDaysOfMonth(2027, 5)).toHaveLength(20);
    expect(extra.workingDaysOfMonth(2027, 5)).toContain('2027-05-15');
    // The preloaded transfers stay in force next to the extra one.
    expect(extra.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('the state transfers can be switched off', () => {
    const own = new WorkingCalendar({ stateTransfers: false });
    expect(own.isWorkingDay('2026-01-02')).toBe(true);
    expect(own.isWorkingDay('2026-01-17')).toBe(false);
    expect(own.isWorkingDay('2026-01-01')).toBe(false);
  });
});
