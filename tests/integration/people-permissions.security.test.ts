import { describe, expect, it } from 'vitest';
import type { Method } from '../../common/contract';
import { applicationsContract } from '../../common/contract/applications';
import { peopleContract } from '../../common/contract/people';
import { settingsContract } from '../../common/contract/settings';
import { usersContract } from '../../common/contract/users';
import { ROLES, type Role } from '../../common/roles';
import { hasPassword } from './helpers';
import { GROUP, PASSWORD, registerWithStaff } from './people-helpers';

const ALL: Role[] = ['head', 'deputy', 'teacher', 'speech', 'nurse'];
const MANAGERS: Role[] = ['head', 'deputy'];

/**
 * Who may call what, written out from the ARCHITECTURE roles table (not read from the code's
 * own table): children, parents, applications — head read, deputy write, teacher read own
 * groups, speech therapist and nurse read; settings — head; staff accounts — head all,
 * deputy teachers' data.
 */
const EXPECTED: Partial<Record<Method, Role[]>> = {
  'settings.get': ['head'],
  'settings.update': ['head'],
  'users.list': MANAGERS,
  'users.create': MANAGERS,
  'users.update': MANAGERS,
  'users.deactivate': MANAGERS,
  'users.resetPassword': ['head'],
  'groups.list': ALL,
  'groups.create': MANAGERS,
  'groups.update': MANAGERS,
  'groups.assignTeacher': MANAGERS,
  'groups.endTeacher': MANAGERS,
  'groups.teachers': MANAGERS,
  'children.list': ALL,
  'children.get': ALL,
  'children.create': ['deputy'],
  'children.update': ['deputy'],
  'children.move': ['deputy'],
  'children.leave': ['deputy'],
  'children.revealCode': MANAGERS,
  'guardians.list': MANAGERS,
  'guardians.create': ['deputy'],
  'guardians.update': ['deputy'],
  'guardians.link': ['deputy'],
  'guardians.unlink': ['deputy'],
  'applications.list': ALL,
  'applications.create': ['deputy'],
  'applications.connect': ['deputy'],
  'applications.refuse': ['deputy'],
  'applications.pdf': MANAGERS,
  'import.preview': ['deputy'],
  'import.confirm': ['deputy'],
};

describe('people, settings and staff accounts: every method for every role', () => {
  it('lists every new method in the expected table', () => {
    const methods = [
      ...Object.keys(peopleContract),
      ...Object.keys(applicationsContract),
      ...Object.keys(settingsContract),
      ...Object.keys(usersContract),
    ].sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(methods);
  });

  it('allows or refuses each call as the roles table says', async () => {
    const { b, ids, as } = await registerWithStaff();
    await as('deputy');
    const group = await b.ok('groups.create', GROUP);
    await b.ok('groups.assignTeacher', {
      groupId: group.id,
      userId: ids.teacher,
      fromDate: '2026-09-01',
    });
    const child = await b.ok('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '120785-12347',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    // Inputs that would pass validation; an allowed call may still be refused for its data
    // (NOT_FOUND, CONFLICT, VALIDATION), never FORBIDDEN.
    const csv = Buffer.from('Vārds;Uzvārds;Personas kods;Grupa\nAnna;Ozola;030190-10457;3\n');
    const inputs: Record<string, unknown> = {
      'settings.get': {},
      'settings.update': {
        name: 'PII «Zīlīte»',
        regNo: '40900012345',
        address: 'Skolas iela 1, Rīga',
        attendanceDeadline: '09:00',
        idleMinutes: 10,
        schoolYearStart: '09-01',
      },
      'users.list': {},
      'users.create': {
        username: 'x-teacher',
        fullName: 'X',
        role: 'teacher',
        temporaryPassword: 'pagaidu-parole-9',
      },
      'users.update': { userId: 999, fullName: 'X', role: 'teacher' },
      'users.deactivate': { userId: 999 },
      'users.resetPassword': { userId: 999, temporaryPassword: 'pagaidu-parole-9' },
      'groups.list': {},
      'groups.create': { ...GROUP, number: null, name: 'Vasaras grupa' },
      'groups.update': { ...GROUP, id: 999 },
      'groups.assignTeacher': { groupId: 999, userId: ids.teacher, fromDate: '2026-09-01' },
      'groups.endTeacher': { assignmentId: 999, toDate: '2026-12-01' },
      'groups.teachers': {},
      'children.list': {},
      'children.get': { id: child.id },
      'children.create': {
        firstName: 'A',
        lastName: 'B',
        personalCode: '120785-12347',
        groupId: group.id,
        fromDate: '2026-09-01',
      },
      'children.update': {
        id: 999,
        firstName: 'A',
        lastName: 'B',
        personalCode: '030190-10457',
      },
      'children.move': { childId: 999, groupId: group.id, fromDate: '2026-10-01' },
      'children.leave': { childId: 999, toDate: '2026-10-01' },
      'children.revealCode': { id: child.id },
      'guardians.list': {},
      'guardians.create': { childId: 999, firstName: 'A', lastName: 'B', relation: 'mother' },
      'guardians.update': { id: 999, firstName: 'A', lastName: 'B' },
      'guardians.link': { guardianId: 999, childId: child.id, relation: 'mother' },
      'guardians.unlink': { guardianId: 999, childId: child.id },
      'applications.list': {},
      'applications.create': {
        receivedOn: '2030-01-01',
        parentName: 'A B',
        parentPhone: '26123456',
        childId: child.id,
      },
      'applications.connect': { id: 999, connectedOn: '2026-11-30', relation: 'mother' },
      'applications.refuse': { id: 999, reason: 'x' },
      'applications.pdf': {},
      'import.preview': { fileName: 'x.txt', base64: csv.toString('base64') },
      'import.confirm': { fileName: 'x.txt', base64: Buffer.from('x').toString('base64') },
    };
    for (const role of ROLES) {
      await as(role);
      for (const [method, allowed] of Object.entries(EXPECTED)) {
        const result = await b.router.call(method, inputs[method]);
        const code = result.ok ? 'OK' : result.error.code;
        expect({ role, method, forbidden: code === 'FORBIDDEN' }).toEqual({
          role,
          method,
          forbidden: !allowed.includes(role),
        });
        if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
      }
    }
  });

  it('shows a teacher only the children of her own groups, with masked codes', async () => {
    const { b, ids, as } = await registerWithStaff();
    await as('deputy');
    const mine = await b.ok('groups.create', GROUP);
    const other = await b.ok('groups.create', { ...GROUP, number: 4, name: 'Vāverītes' });
    await b.ok('groups.assignTeacher', {
      groupId: mine.id,
      userId: ids.teacher,
      fromDate: '2026-09-01',
    });
    await b.ok('groups.assignTeacher', {
      groupId: other.id,
      userId: ids.teacher2,
      fromDate: '2026-09-01',
    });
    const a = await b.ok('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '120785-12347',
      groupId: mine.id,
      fromDate: '2026-09-01',
    });
    const c = await b.ok('children.create', {
      firstName: 'Anna',
      lastName: 'Ozola',
      personalCode: '030190-10457',
      groupId: other.id,
      fromDate: '2026-09-01',
    });
    await as('teacher');
    expect((await b.ok('groups.list', {})).map((g) => g.label)).toEqual(['3. grupa «Zīlītes»']);
    const list = await b.ok('children.list', {});
    expect(list).toEqual([expect.objectContaining({ id: a.id, personalCode: '120785-*****' })]);
    expect(await b.ok('children.list', { groupId: other.id })).toEqual([]);
    expect((await b.ok('children.get', { id: a.id })).personalCode).toBe('120785-*****');
    expect((await b.fail('children.get', { id: c.id })).code).toBe('FORBIDDEN');
    for (const role of ['nurse', 'speech', 'head'] as const) {
      await as(role);
      const seen = await b.ok('children.list', {});
      expect(seen.map((s) => s.personalCode)).toEqual(['120785-*****', '030190-*****']);
    }
  });

  it('lets the deputy manage teachers only, and never deactivates the last head', async () => {
    const { b, ids, as } = await registerWithStaff();
    await as('deputy');
    const listed = await b.ok('users.list', {});
    expect(new Set(listed.map((u) => u.role))).toEqual(new Set(['teacher']));
    const asHead = await b.fail('users.create', {
      username: 'vad2',
      fullName: 'Otra Vadītāja',
      role: 'head',
      temporaryPassword: 'pagaidu-parole-2',
    });
    expect(asHead.fields).toEqual({
      role: 'Vadītāja vietnieks var pārvaldīt tikai grupu skolotāju kontus.',
    });
    expect((await b.fail('users.deactivate', { userId: ids.nurse })).code).toBe('FORBIDDEN');
    expect((await b.fail('users.deactivate', { userId: ids.head })).code).toBe('FORBIDDEN');
    await b.ok('users.update', {
      userId: ids.teacher2,
      fullName: 'Baiba Vītola-Kalna',
      role: 'teacher',
    });
    const off = await b.ok('users.deactivate', { userId: ids.teacher2 });
    expect(off.active).toBe(false);
    expect(await hasPassword(b, 'teacher2')).toBe(false);
    const login = await b.fail('auth.login', { username: 'teacher2', password: PASSWORD });
    expect(login.code).toBe('BAD_CREDENTIALS');

    await as('head');
    const last = await b.fail('users.update', {
      userId: ids.head,
      fullName: 'Ilze',
      role: 'deputy',
    });
    expect(last.fields?.role).toBe(
      'Pēdējo aktīvo vadītājas kontu nevar deaktivizēt vai mainīt tā lomu.',
    );
    expect((await b.fail('users.deactivate', { userId: ids.head })).code).toBe('CONFLICT');
    await b.ok('users.update', { userId: ids.speech, fullName: 'Laura Ozola', role: 'head' });
    await as('speech');
    await b.ok('users.deactivate', { userId: ids.head }); // two heads: one may go
    const self = await b.fail('users.deactivate', { userId: ids.speech });
    expect(self.message).toBe('Savu kontu deaktivizēt nevar.');
    const demote = await b.fail('users.update', {
      userId: ids.speech,
      fullName: 'Laura Ozola',
      role: 'speech',
    });
    expect(demote.fields?.role).toBe(
      'Pēdējo aktīvo vadītājas kontu nevar deaktivizēt vai mainīt tā lomu.',
    );
  });
});
