import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../common/calendar';
import { AREAS, MARK_NAMES, SKILLS, VALUE_WORDS } from '../../common/planning-reference';
import { monthBounds, shiftMonths } from '../../common/dates';
import { assessmentDueDate, planDueDate, schoolYearOf } from '../../common/planning-rules';

describe('planning rules', () => {
  const calendar = new WorkingCalendar();

  it('dates the plan deadline on the last working day of the previous month', () => {
    expect(planDueDate(calendar, '2027-01')).toBe('2026-12-30');
    expect(planDueDate(calendar, '2026-11')).toBe('2026-10-30');
    expect(planDueDate(calendar, '2027-03')).toBe('2027-02-26');
    // A closure of the whole of August moves September's deadline into July.
    const closed = new WorkingCalendar({
      closures: Array.from({ length: 31 }, (_, i) => ({
        date: `2027-08-${String(i + 1).padStart(2, '0')}`,
      })),
    });
    expect(planDueDate(closed, '2027-09')).toBe('2027-07-30');
  });

  it('counts the assessment due date and shifts copied dates', () => {
    expect(assessmentDueDate('2027-01-29', 5)).toBe('2027-02-03');
    expect(shiftMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(shiftMonths('2026-12-15', 2)).toBe('2027-02-15');
    expect(monthBounds('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(schoolYearOf('2027-01-10', '09-01')).toBe(2026);
    expect(schoolYearOf('2026-09-01', '09-01')).toBe(2026);
  });

  it('ships the reference lists with their Latvian names', () => {
    expect(Object.values(AREAS).map((a) => a.lv)).toHaveLength(7);
    expect(AREAS.VES.lv).toBe('Veselības un fiziskās aktivitātes mācību joma');
    expect(Object.keys(SKILLS)).toHaveLength(6);
    expect(MARK_NAMES.P.lv).toBe('apguvis padziļināti');
    expect(VALUE_WORDS).toContain('dzīvība');
    expect(VALUE_WORDS).toContain('godīgums');
  });
});
