import type { Scenario } from './audit-scenarios';

/** The completeness test's steps of the office: accounts, settings, calendar, people. */

const code = '32412345678';

const groupInput = {
  number: 5,
  name: 'Pūces',
  ageFromMonths: 36,
  ageToMonths: 72,
  capacity: 20,
  schoolYear: 2026,
  activeFrom: '2026-09-01',
  activeTo: '2027-08-31',
};

const csv = (text: string) => Buffer.from(`\uFEFF${text}`).toString('base64');

export const OFFICE: Scenario[] = [
  {
    method: 'users.create',
    as: 'ilze',
    run: async (w) => {
      const user = await w.ok('users.create', {
        username: 'ruta',
        fullName: 'Rūta Lapiņa',
        role: 'teacher',
        temporaryPassword: 'pagaidu-parole-9',
      });
      w.ids.ruta = user.id;
    },
    expect: ['users.account.create'],
  },
  {
    method: 'users.update',
    as: 'ilze',
    run: (w) =>
      w
        .ok('users.update', { userId: w.ids.ruta, fullName: 'Rūta Kalna', role: 'teacher' })
        .then(() => undefined),
    expect: ['users.account.update'],
  },
  {
    method: 'users.resetPassword',
    as: 'ilze',
    run: (w) =>
      w.ok('users.resetPassword', { userId: w.ids.ruta, temporaryPassword: 'pagaidu-parole-8' }),
    expect: ['users.password.reset'],
  },
  {
    method: 'users.deactivate',
    as: 'ilze',
    run: (w) => w.ok('users.deactivate', { userId: w.ids.ruta }).then(() => undefined),
    expect: ['users.account.deactivate'],
  },
  {
    method: 'settings.update',
    as: 'ilze',
    run: async (w) => {
      const s = await w.ok('settings.get', {});
      await w.ok('settings.update', {
        name: s.name,
        regNo: s.regNo,
        address: s.address,
        attendanceDeadline: s.attendanceDeadline,
        schoolYearStart: s.schoolYearStart,
        idleMinutes: 30,
      });
    },
    expect: ['settings.institution.update'],
  },
  {
    method: 'auth.confirmRecoveryKey',
    as: 'ilze',
    run: (w) => w.ok('auth.confirmRecoveryKey', {}).then(() => undefined),
    expect: ['auth.recoveryKey.confirm'],
  },
  {
    method: 'auth.newRecoveryKey',
    as: 'ilze',
    run: async (w) => {
      w.state.recoveryKey = (await w.ok('auth.newRecoveryKey', {})).recoveryKey;
    },
    expect: ['auth.recoveryKey.replace'],
  },
  {
    method: 'calendar.add',
    as: 'ilze',
    run: async (w) => {
      const day = await w.ok('calendar.add', {
        kind: 'closure',
        date: '2026-12-28',
        reason: 'Remonts',
      });
      w.ids.closure = day.id;
    },
    expect: ['calendar.day.add'],
  },
  {
    method: 'calendar.remove',
    as: 'ilze',
    run: (w) => w.ok('calendar.remove', { id: w.ids.closure }),
    expect: ['calendar.day.remove'],
  },
  {
    method: 'groups.create',
    as: 'dace',
    run: async (w) => {
      w.ids.puces = (await w.ok('groups.create', groupInput)).id;
    },
    expect: ['people.group.create'],
  },
  {
    method: 'groups.update',
    as: 'dace',
    run: (w) =>
      w.ok('groups.update', { id: w.ids.puces, ...groupInput, capacity: 22 }).then(() => undefined),
    expect: ['people.group.update'],
  },
  {
    method: 'groups.assignTeacher',
    as: 'dace',
    run: async (w) => {
      const row = await w.ok('groups.assignTeacher', {
        groupId: w.ids.puces,
        userId: w.users.ieva,
        fromDate: '2026-12-01',
      });
      w.ids.assignment = row.id;
    },
    expect: ['people.groupTeacher.assign'],
  },
  {
    method: 'groups.endTeacher',
    as: 'dace',
    run: (w) => w.ok('groups.endTeacher', { assignmentId: w.ids.assignment, toDate: '2026-12-31' }),
    expect: ['people.groupTeacher.end'],
  },
  {
    method: 'children.create',
    as: 'dace',
    run: async (w) => {
      const child = await w.ok('children.create', {
        firstName: 'Toms',
        lastName: 'Egle',
        personalCode: code,
        birthDate: '2022-04-04',
        groupId: w.zilites,
        fromDate: '2026-12-01',
      });
      w.ids.toms = child.id;
    },
    expect: ['people.child.create'],
  },
  {
    method: 'children.update',
    as: 'dace',
    run: (w) =>
      w
        .ok('children.update', {
          id: w.ids.toms,
          firstName: 'Tomass',
          lastName: 'Egle',
          personalCode: code,
          birthDate: '2022-04-04',
        })
        .then(() => undefined),
    expect: ['people.child.update'],
  },
  {
    method: 'children.move',
    as: 'dace',
    run: (w) =>
      w
        .ok('children.move', { childId: w.ids.toms, groupId: w.ids.puces, fromDate: '2026-12-07' })
        .then(() => undefined),
    expect: ['people.child.move'],
  },
  {
    method: 'children.leave',
    as: 'dace',
    run: (w) =>
      w.ok('children.leave', { childId: w.ids.toms, toDate: '2026-12-09' }).then(() => undefined),
    expect: ['people.child.leave'],
  },
  {
    method: 'children.revealCode',
    as: 'dace',
    run: (w) => w.ok('children.revealCode', { id: w.elza }).then(() => undefined),
    expect: ['people.child.revealCode'],
  },
  {
    method: 'guardians.create',
    as: 'dace',
    run: async (w) => {
      const g = await w.ok('guardians.create', {
        firstName: 'Inga',
        lastName: 'Ozoliņa',
        phone: '26123456',
        email: 'inga@example.lv',
        consents: ['register'],
        childId: w.elza,
        relation: 'mother',
      });
      w.ids.inga = g.id;
    },
    expect: ['people.guardian.create'],
  },
  {
    method: 'guardians.update',
    as: 'dace',
    run: (w) =>
      w
        .ok('guardians.update', {
          id: w.ids.inga,
          firstName: 'Inga',
          lastName: 'Ozoliņa',
          phone: '26123457',
          email: 'inga@example.lv',
          consents: ['register'],
        })
        .then(() => undefined),
    expect: ['people.guardian.update'],
  },
  {
    method: 'guardians.link',
    as: 'dace',
    run: (w) =>
      w.ok('guardians.link', { guardianId: w.ids.inga, childId: w.janis, relation: 'other' }),
    expect: ['people.guardian.link'],
  },
  {
    method: 'guardians.unlink',
    as: 'dace',
    run: (w) => w.ok('guardians.unlink', { guardianId: w.ids.inga, childId: w.janis }),
    expect: ['people.guardian.unlink'],
  },
  {
    method: 'applications.create',
    as: 'dace',
    run: async (w) => {
      const a = await w.ok('applications.create', {
        receivedOn: '2026-12-08',
        parentName: 'Pēteris Ozoliņš',
        parentPhone: '29123456',
        childId: w.elza,
      });
      w.ids.application = a.id;
    },
    expect: ['people.application.create'],
  },
  {
    method: 'applications.connect',
    as: 'dace',
    run: (w) =>
      w
        .ok('applications.connect', {
          id: w.ids.application,
          connectedOn: '2026-12-09',
          relation: 'father',
        })
        .then(() => undefined),
    expect: ['people.application.connect'],
  },
  {
    method: 'applications.refuse',
    as: 'dace',
    setup: async (w) => {
      const a = await w.ok('applications.create', {
        receivedOn: '2026-12-08',
        parentName: 'Nezināms Vīrs',
        parentPhone: '29123450',
        childId: w.janis,
      });
      w.ids.refused = a.id;
    },
    run: (w) =>
      w
        .ok('applications.refuse', { id: w.ids.refused, reason: 'Nav likumiskais pārstāvis.' })
        .then(() => undefined),
    expect: ['people.application.refuse'],
  },
  {
    method: 'applications.pdf',
    as: 'dace',
    run: (w) => w.ok('applications.pdf', { id: w.ids.application }).then(() => undefined),
    expect: ['people.application.print'],
  },
  {
    method: 'import.confirm',
    as: 'dace',
    run: (w) =>
      w
        .ok('import.confirm', {
          fileName: 'berni.csv',
          base64: csv(
            'Vārds;Uzvārds;Personas kods;Dzimšanas datums;Grupa;Uzņemts no\nLīva;Ābele;321234-56785;04.03.2022;3;01.12.2026\n',
          ),
        })
        .then(() => undefined),
    expect: ['people.import.confirm'],
  },
];
