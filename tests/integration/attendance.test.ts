import { describe, expect, it } from 'vitest';
import { attendanceContract } from '../../common/contract/attendance';
import { isLate, rigaTime } from '../../electron/api/attendance/riga-time';
import { attendanceFixture, walkRoles } from './attendance-fixtures';

const MONDAY = '2026-11-30';

describe('attendance deadline (Europe/Riga)', () => {
  it('knows the Riga wall clock in winter (UTC+2) and summer (UTC+3)', () => {
    expect(rigaTime(new Date('2026-11-30T06:59:00Z'))).toBe('08:59');
    expect(rigaTime(new Date('2027-06-02T05:59:00Z'))).toBe('08:59');
    expect(isLate('2026-11-30', new Date('2026-11-30T07:01:00Z'), '09:00')).toBe(true);
    expect(isLate('2026-11-27', new Date('2026-11-30T06:00:00Z'), '09:00')).toBe(true);
  });

  for (const [season, date, onTime, late] of [
    ['winter', MONDAY, '2026-11-30T06:59:00Z', '2026-11-30T07:01:00Z'],
    ['summer', '2027-06-02', '2027-06-02T05:59:00Z', '2027-06-02T06:01:00Z'],
  ] as const) {
    it(`confirms at 08:59 on time and at 09:01 late in ${season} time`, async () => {
      const f = await attendanceFixture(onTime);
      const { b } = f;
      await f.as('anna');
      expect((await b.ok('attendance.day', { groupId: f.zilites, date })).late).toBe(false);
      const first = await b.ok('attendance.confirm', { groupId: f.zilites, date });
      expect(first).toMatchObject({ byName: 'Anna Kalniņa', late: false });
      await f.as('ieva');
      b.clock.set(new Date(late));
      const day = await b.ok('attendance.day', { groupId: f.cielavinas, date });
      expect(day.late).toBe(true);
      expect(day.confirmation).toBeNull();
      const second = await b.ok('attendance.confirm', { groupId: f.cielavinas, date });
      expect(second).toMatchObject({
        byName: 'Ieva Liepiņa',
        late: true,
        at: expect.stringMatching(late.slice(0, 16)) as unknown,
      });
      await f.as('marta');
      const nurse = await b.ok('attendance.nurseDay', { date });
      expect(nurse.groups.map((g) => [g.group.name, g.confirmation?.late])).toEqual([
        ['Zīlītes', false],
        ['Cielaviņas', true],
      ]);
    });
  }
});

describe('marks, corrections and history', () => {
  it('keeps the teacher’s mark and the nurse’s correction in the history', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    await f.as('anna');
    const [elza, janis] = f.children;
    await b.ok('attendance.save', {
      groupId: f.zilites,
      changes: [
        { childId: elza, date: MONDAY, expected: null, code: 'N' },
        { childId: janis, date: MONDAY, expected: null, code: 'NC' },
      ],
    });
    b.clock.advance(3600);
    await f.as('marta');
    await b.ok('attendance.save', {
      groupId: f.zilites,
      changes: [{ childId: elza, date: MONDAY, expected: 'N', code: 'NS' }],
      reason: 'Ārsta zīme atnesta',
    });
    const day = await b.ok('attendance.day', { groupId: f.zilites, date: MONDAY });
    expect(day.children.find((c) => c.childId === elza)).toMatchObject({
      code: 'NS',
      corrected: true,
    });
    expect(day.children.find((c) => c.childId === janis)).toMatchObject({
      code: 'NC',
      corrected: false,
    });
    const history = await b.ok('attendance.history', { childId: elza, date: MONDAY });
    expect(history).toEqual([
      {
        at: expect.stringMatching(/^2026-11-30T06:30/) as unknown,
        byName: 'Anna Kalniņa',
        as: 'teacher',
        oldCode: null,
        newCode: 'N',
        reason: null,
      },
      {
        at: expect.stringMatching(/^2026-11-30T07:3/) as unknown,
        byName: 'Mārta Ābele',
        as: 'nurse',
        oldCode: 'N',
        newCode: 'NS',
        reason: 'Ārsta zīme atnesta',
      },
    ]);
    // Back to present: the row goes, the history stays.
    await b.ok('attendance.save', {
      groupId: f.zilites,
      changes: [{ childId: elza, date: MONDAY, expected: 'NS', code: null }],
    });
    expect((await b.ok('attendance.history', { childId: elza, date: MONDAY })).length).toBe(3);
    const nurseDay = await b.ok('attendance.nurseDay', { date: MONDAY });
    expect(nurseDay.groups[0].absentees.map((a) => a.lastName)).toEqual(['Bērziņš']);
    expect(await b.ok('attendance.nurseConfirm', { date: MONDAY })).toMatchObject({
      byName: 'Mārta Ābele',
    });
    expect((await b.ok('attendance.nurseDay', { date: MONDAY })).check?.byName).toBe('Mārta Ābele');
  });

  it('refuses a future day, a holiday, a weekend, outside enrolment, a foreign child and a bad code, writing nothing', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    await f.as('anna');
    const [elza] = f.children;
    const cell = (childId: number, date: string, code = 'N') => ({
      groupId: f.zilites,
      changes: [
        { childId: f.children[1], date: MONDAY, expected: null, code: 'N' },
        { childId, date, expected: null, code },
      ],
    });
    const cases: [ReturnType<typeof cell>, string, string][] = [
      [cell(elza, '2026-12-01'), `cells.${elza}.2026-12-01`, '01.12.2026 vēl nav pienācis'],
      [
        cell(elza, '2026-11-18'),
        `cells.${elza}.2026-11-18`,
        '18.11.2026 nav darba diena (Latvijas Republikas Proklamēšanas diena)',
      ],
      [cell(elza, '2026-11-28'), `cells.${elza}.2026-11-28`, 'nav darba diena (brīvdiena)'],
      [
        cell(f.late, '2026-11-13'),
        `cells.${f.late}.2026-11-13`,
        'Bērns 13.11.2026 nav šīs grupas sarakstā.',
      ],
      [cell(f.other, MONDAY), `cells.${f.other}.${MONDAY}`, 'nav šīs grupas sarakstā'],
    ];
    for (const [input, field, text] of cases) {
      const error = await b.fail('attendance.save', input);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe('Nekas netika saglabāts: atzīmētās šūnas mainīt nevar.');
      expect(error.fields?.[field]).toContain(text);
    }
    const badCode = await b.fail('attendance.save', cell(elza, MONDAY, 'X'));
    expect(badCode.fields?.['changes.1.code']).toBe('Kods var būt tikai NS, NC vai N.');
    const grid = await b.ok('attendance.month', { groupId: f.zilites, month: '2026-11' });
    expect(grid.totals).toMatchObject({ NS: 0, NC: 0, N: 0 });
    expect(await b.ok('attendance.history', { childId: f.children[1], date: MONDAY })).toEqual([]);
  });

  it('does not let a later save overwrite a code changed since it was loaded', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    const [elza, janis] = f.children;
    await f.as('marta');
    const loaded = await b.ok('attendance.day', { groupId: f.zilites, date: MONDAY });
    expect(loaded.children.find((c) => c.childId === elza)?.code).toBeNull();
    await f.as('anna');
    await b.ok('attendance.save', {
      groupId: f.zilites,
      changes: [{ childId: elza, date: MONDAY, expected: null, code: 'N' }],
    });
    await f.as('marta');
    const error = await b.fail('attendance.save', {
      groupId: f.zilites,
      changes: [
        { childId: janis, date: MONDAY, expected: null, code: 'NC' },
        { childId: elza, date: MONDAY, expected: null, code: 'NS' },
      ],
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({
      [`cells.${elza}.${MONDAY}`]: 'Pa to laiku mainīts: tagad „N”.',
    });
    const day = await b.ok('attendance.day', { groupId: f.zilites, date: MONDAY });
    expect(day.children.find((c) => c.childId === janis)?.code).toBeNull();
    expect(day.children.find((c) => c.childId === elza)?.code).toBe('N');
  });
});

describe('attendance permissions', () => {
  it('walks every attendance method × every role', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    const inputs: Record<keyof typeof attendanceContract, unknown> = {
      'attendance.groups': { date: MONDAY },
      'attendance.day': { groupId: f.zilites, date: MONDAY },
      'attendance.save': {
        groupId: f.zilites,
        changes: [{ childId: f.children[0], date: MONDAY, expected: null, code: null }],
      },
      'attendance.confirm': { groupId: f.zilites, date: MONDAY },
      'attendance.month': { groupId: f.zilites, month: '2026-11' },
      'attendance.nurseDay': { date: MONDAY },
      'attendance.nurseConfirm': { date: MONDAY },
      'attendance.history': { childId: f.children[0], date: MONDAY },
      'attendance.export': { groupId: f.zilites, month: '2026-11', format: 'xlsx' },
      'attendance.summary': { month: '2026-11' },
    };
    await walkRoles(f, inputs);
    // Group narrowing: the other group's teacher may neither read nor write «Zīlītes».
    await f.as('ieva');
    for (const method of [
      'attendance.day',
      'attendance.month',
      'attendance.save',
      'attendance.history',
      'attendance.export',
    ] as const) {
      const error = await b.fail(method, inputs[method] as never);
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'Jūs šajā datumā nestrādājat šajā grupā.',
      });
    }
    expect((await b.ok('attendance.groups', { date: MONDAY })).map((g) => g.name)).toEqual([
      'Cielaviņas',
    ]);
  });
});
