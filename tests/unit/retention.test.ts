import { describe, expect, it } from 'vitest';
import { addDays } from '../../common/dates';
import { keepUntil, retentionCutoff, schoolYearOf } from '../../common/retention';

describe('retention of a left child', () => {
  it('keeps the record to the end of the fifth school year after the one of leaving', () => {
    // Left in 2026/27: the fifth school year after it is 2031/32, which ends on 31 August 2032.
    expect(keepUntil('2026-11-30', 5, '09-01')).toBe('2032-08-31');
    expect(keepUntil('2027-08-31', 5, '09-01')).toBe('2032-08-31');
    expect(keepUntil('2027-09-01', 5, '09-01')).toBe('2033-08-31');
    expect(keepUntil('2026-11-30', 1, '09-01')).toBe('2028-08-31');
    // A school year that starts on 1 January ends on 31 December of the same year.
    expect(keepUntil('2026-11-30', 5, '01-01')).toBe('2031-12-31');
    expect(schoolYearOf('2026-08-31', '09-01')).toBe(2025);
  });

  it('agrees with its cutoff on every day around the boundaries', () => {
    for (const start of ['09-01', '01-01', '06-15']) {
      for (const today of ['2032-08-31', '2032-09-01', '2033-01-01', '2031-12-31']) {
        const cutoff = retentionCutoff(today, 5, start);
        for (let d = -800; d <= 800; d += 7) {
          const leftOn = addDays('2026-09-01', d);
          expect(keepUntil(leftOn, 5, start) < today, `${start} ${today} ${leftOn}`).toBe(
            leftOn < cutoff,
          );
        }
      }
    }
  });
});
