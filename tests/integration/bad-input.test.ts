import { describe, expect, it } from 'vitest';
import { CalendarDay } from '../../database/entities/attendance';
import { AuditEvent } from '../../database/entities/audit-event';
import { attendanceFixture } from './attendance-fixtures';
import { SETUP, testBackend } from './helpers';
import { GROUP, registerWithStaff, type Backend } from './people-helpers';

/**
 * Input that once broke the register or stayed in it (issue 15, point 10): each is refused
 * with a message that names the rule, and nothing is written, not even an audit line.
 */

const DATE_RANGE = 'Datumam jābūt no 01.01.2000 līdz 31.12.2100.';
const BIRTH_RANGE = 'Dzimšanas datumam jābūt no 01.01.1900 līdz 31.12.2100.';
const MONTH_RANGE = 'Mēnesim jābūt no 2000. gada janvāra līdz 2100. gada decembrim.';
const NAME_CHARS =
  'Nosaukumā vai vārdā drīkst būt tikai redzamas rakstzīmes vienā rindā (bez vadības un teksta virziena rakstzīmēm).';
const TEXT_CHARS = 'Tekstā nedrīkst būt neredzamu vadības vai teksta virziena rakstzīmju.';

/** The whole register's rows that a refused call might have touched. */
async function snapshotOf(b: Backend): Promise<string> {
  const db = b.router.state.db;
  const tables = [
    'calendar_day',
    'child',
    'enrolment',
    'guardian',
    '"group"',
    '"user"',
    'institution',
    'parent_application',
    'child_guardian',
    'diary_entry',
  ];
  const rows: Record<string, unknown> = {};
  for (const table of tables) rows[table] = await db.query(`SELECT * FROM ${table} ORDER BY 1`);
  rows.audit = await db.getRepository(AuditEvent).count();
  return JSON.stringify(rows);
}

/** Calls, expects a refusal with `message` on `field`, and checks that nothing changed. */
async function refused(
  b: Backend,
  method: Parameters<Backend['fail']>[0],
  input: Record<string, unknown>,
  field: string,
  message: string,
): Promise<void> {
  const before = await snapshotOf(b);
  const error = await b.fail(method, input);
  expect(error.code, `${method} ${JSON.stringify(input)}`).toBe('VALIDATION');
  expect(error.fields?.[field], `${method} ${field}`).toBe(message);
  expect(await snapshotOf(b)).toBe(before);
}

describe('dates outside 2000–2100 (birth dates from 1900)', () => {
  it('a calendar entry outside the years calendar.list shows cannot be created', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    await f.as('ilze');
    for (const date of ['0000-01-01', '1999-12-31', '2101-01-03', '9999-12-31']) {
      await refused(b, 'calendar.add', { kind: 'closure', date }, 'date', DATE_RANGE);
    }
    await refused(
      b,
      'calendar.add',
      { kind: 'moved', date: '2026-12-28', workSaturday: '0001-01-06' },
      'workSaturday',
      DATE_RANGE,
    );
    await refused(
      b,
      'calendar.add',
      { kind: 'closure', date: '2026-02-30' },
      'date',
      'Datums jāievada formātā dd.mm.gggg.',
    );
    // The edges themselves are days of the register.
    await b.ok('calendar.add', { kind: 'closure', date: '2000-01-03' });
    await b.ok('calendar.add', { kind: 'closure', date: '2100-12-31' });
    expect(await b.ok('calendar.list', { year: 2100 })).toHaveLength(1);
  });

  it('a year-0 entry already in an old file no longer breaks attendance for everyone', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    await b.router.state.db.getRepository(CalendarDay).insert({
      date: '0000-01-01',
      kind: 'closure',
      workSaturday: null,
      reason: null,
      createdBy: f.users.anna,
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    await f.as('anna');
    const day = await b.ok('attendance.day', { groupId: f.zilites, date: '2026-11-30' });
    expect(day.children).toHaveLength(6);
    const month = await b.ok('attendance.month', { groupId: f.zilites, month: '2026-11' });
    expect(month.days.filter((d) => d.working)).toHaveLength(20);
  });

  it('months and dates of attendance, applications and groups are refused, not a 500', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    await f.as('anna');
    for (const month of ['0000-01', '1999-12', '2101-01']) {
      await refused(b, 'attendance.month', { groupId: f.zilites, month }, 'month', MONTH_RANGE);
      await refused(
        b,
        'attendance.export',
        { groupId: f.zilites, month, format: 'pdf' },
        'month',
        MONTH_RANGE,
      );
    }
    await refused(
      b,
      'attendance.day',
      { groupId: f.zilites, date: '0000-01-01' },
      'date',
      DATE_RANGE,
    );
    await refused(b, 'planning.overview', { month: '0000-01' }, 'month', MONTH_RANGE);
    await f.as('dace');
    await refused(
      b,
      'applications.create',
      {
        receivedOn: '0000-01-01',
        parentName: 'Ieva Bērziņa',
        parentPhone: '26123456',
        childId: f.children[0],
      },
      'receivedOn',
      DATE_RANGE,
    );
    await refused(b, 'supervision.diary', { month: '0000-01' }, 'month', MONTH_RANGE);
    const group = { ...GROUP, name: 'Pūcītes', number: 9 };
    await refused(
      b,
      'groups.create',
      { ...group, activeFrom: '0001-01-01' },
      'activeFrom',
      DATE_RANGE,
    );
    await refused(b, 'groups.create', { ...group, activeTo: '9999-12-31' }, 'activeTo', DATE_RANGE);
    await refused(
      b,
      'groups.create',
      { ...group, schoolYear: 1 },
      'schoolYear',
      'Gadam jābūt no 2000 līdz 2100.',
    );
    await refused(
      b,
      'children.create',
      {
        firstName: 'Līva',
        lastName: 'Ābele',
        personalCode: '321234-56785',
        birthDate: '1899-12-31',
        groupId: f.zilites,
        fromDate: '2026-11-02',
      },
      'birthDate',
      BIRTH_RANGE,
    );
    await refused(
      b,
      'children.move',
      { childId: f.children[0], groupId: f.cielavinas, fromDate: '0000-01-01' },
      'fromDate',
      DATE_RANGE,
    );
  });
});

describe('names with control or text-direction characters', () => {
  const SPOOFS = ['Anna\u0000', 'An\u0007na', 'Anna \u202Eanavl', '\u2066Anna\u2069', 'An\nna'];

  it('are refused for children, guardians, groups, staff, applications and the institution', async () => {
    const { b, as, ids } = await registerWithStaff();
    await as('deputy');
    const group = await b.ok('groups.create', GROUP);
    const child = await b.ok('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '120785-12347',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    for (const spoof of SPOOFS) {
      const childInput = {
        firstName: spoof,
        lastName: 'Ābele',
        personalCode: '321234-56785',
        birthDate: '2022-03-04',
        groupId: group.id,
        fromDate: '2026-11-02',
      };
      await refused(b, 'children.create', childInput, 'firstName', NAME_CHARS);
      await refused(
        b,
        'children.update',
        { id: child.id, firstName: 'Jānis', lastName: spoof, personalCode: '120785-12347' },
        'lastName',
        NAME_CHARS,
      );
      await refused(
        b,
        'guardians.create',
        { childId: child.id, firstName: 'Ieva', lastName: spoof, relation: 'mother' },
        'lastName',
        NAME_CHARS,
      );
      await refused(b, 'groups.create', { ...GROUP, name: spoof, number: 7 }, 'name', NAME_CHARS);
      await refused(
        b,
        'applications.create',
        { receivedOn: '2026-11-02', parentName: spoof, parentPhone: '26123456', childId: child.id },
        'parentName',
        NAME_CHARS,
      );
    }
    await as('head');
    for (const spoof of SPOOFS) {
      await refused(
        b,
        'users.create',
        {
          username: 'liga',
          fullName: spoof,
          role: 'teacher',
          temporaryPassword: 'pagaidu-parole-9',
        },
        'fullName',
        NAME_CHARS,
      );
      await refused(
        b,
        'users.update',
        { userId: ids.teacher, fullName: spoof, role: 'teacher' },
        'fullName',
        NAME_CHARS,
      );
      const settings = await b.ok('settings.get', {});
      await refused(
        b,
        'settings.update',
        {
          name: spoof,
          regNo: settings.regNo,
          address: settings.address,
          attendanceDeadline: settings.attendanceDeadline,
          idleMinutes: settings.idleMinutes,
          schoolYearStart: settings.schoolYearStart,
        },
        'name',
        NAME_CHARS,
      );
    }
    // Latvian and Russian letters, hyphens and apostrophes are names.
    await as('deputy');
    const named = await b.ok('guardians.create', {
      childId: child.id,
      firstName: 'Анна-Марія',
      lastName: "O'Konore-Ābele",
      relation: 'mother',
    });
    expect(named.lastName).toBe("O'Konore-Ābele");
  });

  it('an imported file with such names refuses those rows and writes nothing for them', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    await b.ok('groups.create', GROUP);
    const csv = [
      'Vārds;Uzvārds;Personas kods;Dzimšanas datums;Grupa;Vecāka vārds;Vecāka uzvārds',
      'Anna;Ozola\u202Eanavl;03019010457;;3;;',
      'Jānis;Bērziņš;120785-12347;;3;Ieva\u0007;Bērziņa',
      'Līva;Ābele;321234-56785;04.03.2022;3;Kārlis;Ābele',
    ].join('\n');
    const file = { fileName: 'berni.csv', base64: Buffer.from(csv).toString('base64') };
    const preview = await b.ok('import.preview', file);
    expect(preview.rows.map((r) => r.reasons)).toEqual([
      [`Uzvārds: ${NAME_CHARS}`],
      [`Vecāka vārds: ${NAME_CHARS}`],
      [],
    ]);
    expect(await b.ok('import.confirm', file)).toEqual({ imported: 1, skipped: 2 });
    const children = await b.ok('children.list', {});
    expect(children.map((c) => c.lastName)).toEqual(['Ābele']);
  });

  it('a free-text field refuses NUL and direction overrides but keeps line breaks', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    const group = await b.ok('groups.create', GROUP);
    await b.ok('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '120785-12347',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    await as('head');
    await refused(
      b,
      'calendar.add',
      { kind: 'closure', date: '2026-12-28', reason: 'Remonts\u202E' },
      'reason',
      TEXT_CHARS,
    );
    const entry = await b.ok('calendar.add', {
      kind: 'closure',
      date: '2026-12-28',
      reason: 'Remonts:\nvirtuve',
    });
    expect(entry.reason).toBe('Remonts:\nvirtuve');
  });

  it('the first-run setup refuses such a head or institution name and sets up nothing', async () => {
    const fresh = testBackend();
    for (const [path, input] of [
      ['institution.name', { ...SETUP, institution: { ...SETUP.institution, name: 'PII\u202E' } }],
      ['head.fullName', { ...SETUP, head: { ...SETUP.head, fullName: 'Ilze\u0000' } }],
    ] as const) {
      const error = await fresh.fail('auth.setup', input);
      expect(error.fields?.[path]).toBe(NAME_CHARS);
      expect(await fresh.ok('app.state', {})).toMatchObject({ phase: 'setup' });
    }
  });
});
