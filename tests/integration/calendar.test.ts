import { describe, expect, it } from 'vitest';
import type { calendarContract } from '../../common/contract/calendar';
import { attendanceFixture, walkRoles } from './attendance-fixtures';

describe('the working-day calendar', () => {
  it('takes the head’s closures into the calendar at once and back out on removal', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    const friday = '2026-11-27';
    const closure = await b.ok('calendar.add', {
      kind: 'closure',
      date: friday,
      reason: 'Remonts',
    });
    const dup = await b.fail('calendar.add', { kind: 'closure', date: friday });
    expect(dup.fields?.date).toBe('Šim datumam jau ir ieraksts.');
    const sat = await b.fail('calendar.add', {
      kind: 'moved',
      date: '2026-11-26',
      workSaturday: '2026-11-29',
    });
    expect(sat.fields?.workSaturday).toBe('Jānorāda sestdiena.');
    expect(await b.ok('calendar.list', { year: 2026 })).toEqual([
      { id: closure.id, date: friday, kind: 'closure', workSaturday: null, reason: 'Remonts' },
    ]);
    await f.as('anna');
    const refused = await b.fail('attendance.save', {
      groupId: f.zilites,
      changes: [{ childId: f.children[0], date: friday, expected: null, code: 'N' }],
    });
    expect(Object.values(refused.fields ?? {})[0]).toBe('27.11.2026 nav darba diena (Remonts).');
    await f.as('ilze');
    await b.ok('calendar.remove', { id: closure.id });
    await f.as('anna');
    await b.ok('attendance.save', {
      groupId: f.zilites,
      changes: [{ childId: f.children[0], date: friday, expected: null, code: 'N' }],
    });
  });

  it('walks every calendar method × every role', async () => {
    const f = await attendanceFixture();
    const inputs: Record<keyof typeof calendarContract, unknown> = {
      'calendar.list': { year: 2026 },
      'calendar.add': { kind: 'closure', date: '2026-12-31' },
      'calendar.remove': { id: 999 },
    };
    await walkRoles(f, inputs);
  });
});
