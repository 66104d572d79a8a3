import { expect } from 'vitest';
import { contract, type Method } from '../../common/contract';
import { PERMISSIONS } from '../../common/permissions';
import { ROLES, type Role } from '../../common/roles';
import { parsePersonalCode } from '../../common/personal-code';
import { Child, Enrolment, Group, GroupTeacher } from '../../database/entities/people';
import { SETUP, STAFF_PASSWORD, TEMPORARY_PASSWORD, staffLogin, testBackend } from './helpers';

/** A new-format personal code (32xxxx-xxxxx, stored without the hyphen; birth date beside it). */
export function personalCode(n: number): string {
  const code = `32${String(4100 + n).padStart(4, '0')}${String(52000 + n * 37).padStart(5, '0')}`;
  if (parsePersonalCode(code).ok !== true) throw new Error(`bad test code ${code}`);
  return code;
}

export const PASSWORD = STAFF_PASSWORD;

export const CHILDREN = [
  ['Elza', 'Ozoliņa'],
  ['Jānis', 'Bērziņš'],
  ['Mārtiņš', 'Kalniņš'],
  ['Līga', 'Šmite'],
  ['Rūta', 'Žagare'],
] as const;

/**
 * A kindergarten with two groups: «Zīlītes» (teacher anna, five children) and «Cielaviņas»
 * (teacher ieva, one child), a nurse, a deputy and a speech therapist. Rows of the people
 * domain are inserted directly, so these tests do not depend on its API.
 */
export async function attendanceFixture(start = '2026-11-30T06:30:00Z') {
  const b = testBackend({ start });
  await b.ok('auth.setup', SETUP);
  const users: Record<string, number> = {};
  const staff: [string, string, Role][] = [
    ['anna', 'Anna Kalniņa', 'teacher'],
    ['ieva', 'Ieva Liepiņa', 'teacher'],
    ['marta', 'Mārta Ābele', 'nurse'],
    ['dace', 'Dace Vītola', 'deputy'],
    ['sarma', 'Sarma Krūmiņa', 'speech'],
  ];
  for (const [username, fullName, role] of staff) {
    const user = await b.ok('users.create', {
      username,
      fullName,
      role,
      temporaryPassword: TEMPORARY_PASSWORD,
    });
    users[username] = user.id;
  }
  const db = b.router.state.db;
  const groups = db.getRepository(Group);
  const zilites = await groups.save(
    groups.create({
      number: 3,
      name: 'Zīlītes',
      ageFromMonths: 36,
      ageToMonths: 60,
      capacity: 20,
      schoolYear: 2026,
      activeFrom: '2026-09-01',
      activeTo: '2027-08-31',
    }),
  );
  const cielavinas = await groups.save(
    groups.create({
      number: 4,
      name: 'Cielaviņas',
      ageFromMonths: 36,
      ageToMonths: 60,
      capacity: 20,
      schoolYear: 2026,
      activeFrom: '2026-09-01',
      activeTo: '2027-08-31',
    }),
  );
  await db.getRepository(GroupTeacher).insert([
    { groupId: zilites.id, userId: users.anna, fromDate: '2026-09-01', toDate: null },
    { groupId: cielavinas.id, userId: users.ieva, fromDate: '2026-09-01', toDate: null },
  ]);
  const children: number[] = [];
  const addChild = async (
    first: string,
    last: string,
    i: number,
    groupId: number,
    from: string,
  ) => {
    const birth = `2022-0${(i % 9) + 1}-1${i % 9}`;
    const child = await db.getRepository(Child).save({
      firstName: first,
      lastName: last,
      searchName: `${last} ${first}`.toLowerCase(),
      personalCode: personalCode(i + 1),
      birthDate: birth,
      createdAt: '2026-08-01T00:00:00.000Z',
    });
    await db
      .getRepository(Enrolment)
      .insert({ childId: child.id, groupId, fromDate: from, toDate: null });
    return child.id;
  };
  for (const [i, [first, last]] of CHILDREN.entries()) {
    children.push(await addChild(first, last, i, zilites.id, '2026-09-01'));
  }
  // Joins «Zīlītes» on 16 November: the days before are outside her enrolment.
  const late = await addChild('Paula', 'Jansone', 7, zilites.id, '2026-11-16');
  const other = await addChild('Kārlis', 'Grava', 8, cielavinas.id, '2026-09-01');

  const as = staffLogin(b);

  return { b, users, zilites: zilites.id, cielavinas: cielavinas.id, children, late, other, as };
}

/** The fixture's login of each role. */
export const LOGIN: Record<Role, string> = {
  head: 'ilze',
  deputy: 'dace',
  teacher: 'anna',
  speech: 'sarma',
  nurse: 'marta',
};

/**
 * Calls every method of `inputs` as every role: refused (FORBIDDEN, in Latvian) exactly where
 * the method table does not list the role.
 */
export async function walkRoles(
  f: Awaited<ReturnType<typeof attendanceFixture>>,
  inputs: Partial<Record<Method, unknown>>,
): Promise<void> {
  for (const role of ROLES) {
    await f.as(LOGIN[role]);
    for (const method of Object.keys(inputs) as Method[]) {
      expect(contract[method]).toBeDefined();
      const allowed = (PERMISSIONS[method] as readonly Role[]).includes(role);
      const result = await f.b.router.call(method, inputs[method]);
      const forbidden = !result.ok && result.error.code === 'FORBIDDEN';
      expect({ role, method, forbidden }).toEqual({ role, method, forbidden: !allowed });
      if (!allowed && !result.ok) {
        expect(result.error.message).toBe('Jums nav tiesību veikt šo darbību.');
      }
    }
  }
}
