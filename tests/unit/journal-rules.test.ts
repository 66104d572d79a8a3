import { describe, expect, it } from 'vitest';
import { isFutureEntry, isLateEntry, maySendToParents } from '../../common/journal-rules';
import { ROLES } from '../../common/roles';

describe('journal rules', () => {
  it('keeps today on time, flags a past day late and refuses a future day', () => {
    expect(isLateEntry('2026-12-10', '2026-12-10')).toBe(false);
    expect(isLateEntry('2026-12-09', '2026-12-10')).toBe(true);
    expect(isFutureEntry('2026-12-11', '2026-12-10')).toBe(true);
    expect(isFutureEntry('2026-12-10', '2026-12-10')).toBe(false);
  });

  it('keeps an edited entry’s lateness while its day stays, and judges a new day anew', () => {
    const onTime = { date: '2026-12-09', late: false };
    expect(isLateEntry('2026-12-09', '2026-12-10', onTime)).toBe(false);
    expect(isLateEntry('2026-12-08', '2026-12-10', onTime)).toBe(true);
    const late = { date: '2026-12-01', late: true };
    expect(isLateEntry('2026-12-01', '2026-12-10', late)).toBe(true);
    expect(isLateEntry('2026-12-10', '2026-12-10', late)).toBe(false);
  });

  it('lets group teachers alone send notes to parents (3.7)', () => {
    expect(ROLES.filter(maySendToParents)).toEqual(['teacher']);
  });
});
