import { describe, expect, it } from 'vitest';
import { addMonths, isoOfLocal, localOfIso, monthBounds, monthTitle } from '../../common/dates';

describe('dates', () => {
  it('bounds a month, leap February included', () => {
    expect(monthBounds('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(monthBounds('2027-02')).toEqual(['2027-02-01', '2027-02-28']);
    expect(monthBounds('2026-12')).toEqual(['2026-12-01', '2026-12-31']);
  });

  it('moves months across a year end both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-09', -21)).toBe('2024-12');
  });

  it('titles a month as a Latvian heading says it, and in English', () => {
    expect(monthTitle('2027-01')).toBe('2027. gada janvāris');
    expect(monthTitle('2026-07', 'lv')).toBe('2026. gada jūlijs');
    expect(monthTitle('2026-07', 'en')).toBe('July 2026');
  });

  it('turns a DatePicker value into an ISO date and back without a time-zone shift', () => {
    expect(isoOfLocal(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
    expect(isoOfLocal(localOfIso('2026-03-29'))).toBe('2026-03-29');
  });
});
