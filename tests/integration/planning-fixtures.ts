import type { Role } from '../../common/roles';
import type { TopicInput } from '../../common/contract/planning';
import { AREA_CODES } from '../../common/planning-reference';
import { Child, Enrolment, Group, GroupTeacher } from '../../database/entities/people';
import { SETUP, STAFF_PASSWORD, TEMPORARY_PASSWORD, staffLogin, testBackend } from './helpers';

/**
 * A valid new-format personal code (from 1 July 2017: '32…', no date in it), as children born
 * in 2022 have; the date of birth is given separately.
 */
export function personalCode(_birth: string, n: number): string {
  const code = `32${String(4100 + n).padStart(4, '0')}${String(52000 + n * 37).padStart(5, '0')}`;
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

/** A topic with every field filled (results in the areas given). */
export function topic(
  title: string,
  startDate: string,
  endDate: string,
  areas: string[] = ['VAL', 'MAT'],
): TopicInput {
  return {
    title,
    startDate,
    endDate,
    message: `Ziņa bērnam: ${title}`,
    content: 'Rotaļnodarbības un pētīšana.',
    values: ['daba', 'atbildība'],
    valuesText: '',
    skills: ['SAD'],
    results: Object.fromEntries(
      AREA_CODES.map((c) => [c, areas.includes(c) ? `Rezultāts jomā ${c}.` : '']),
    ),
    extra: {
      excursions: '',
      walks: 'Pastaiga parkā.',
      safety: '',
      parents: '',
      events: '',
      areaProcess: '',
      talkingWall: '',
      other: '',
    },
  };
}

/**
 * Two groups of school year 2026/2027: «Zīlītes» (teacher anna, five children, one more who
 * leaves on 15 January) and «Cielaviņas» (teacher ieva). People rows are inserted directly.
 */
export async function planningFixture(start = '2026-12-10T08:00:00Z') {
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
  const group = (number: number, name: string) =>
    groups.save(
      groups.create({
        number,
        name,
        ageFromMonths: 36,
        ageToMonths: 60,
        capacity: 20,
        schoolYear: 2026,
        activeFrom: '2026-09-01',
        activeTo: '2027-08-31',
      }),
    );
  const zilites = await group(3, 'Zīlītes');
  const cielavinas = await group(4, 'Cielaviņas');
  await db.getRepository(GroupTeacher).insert([
    { groupId: zilites.id, userId: users.anna, fromDate: '2026-09-01', toDate: null },
    { groupId: cielavinas.id, userId: users.ieva, fromDate: '2026-09-01', toDate: null },
  ]);
  const addChild = async (
    first: string,
    last: string,
    i: number,
    groupId: number,
    from: string,
    to: string | null = null,
  ) => {
    const birth = `2022-0${(i % 9) + 1}-1${i % 9}`;
    const child = await db.getRepository(Child).save({
      firstName: first,
      lastName: last,
      searchName: `${last} ${first}`.toLowerCase(),
      personalCode: personalCode(birth, i + 1),
      birthDate: birth,
      createdAt: '2026-08-01T00:00:00.000Z',
    });
    await db
      .getRepository(Enrolment)
      .insert({ childId: child.id, groupId, fromDate: from, toDate: to });
    return child.id;
  };
  const children: number[] = [];
  for (const [i, [first, last]] of CHILDREN.entries()) {
    children.push(await addChild(first, last, i, zilites.id, '2026-09-01'));
  }
  // Left «Zīlītes» on 30 November: not enrolled during January's topics.
  const left = await addChild('Paula', 'Jansone', 7, zilites.id, '2026-09-01', '2026-11-30');
  const other = await addChild('Kārlis', 'Grava', 8, cielavinas.id, '2026-09-01');

  const as = staffLogin(b);

  return { b, users, zilites: zilites.id, cielavinas: cielavinas.id, children, left, other, as };
}

/**
 * The fixture on 18 January 2027 with anna's topic «Ziema» (4–15 January, VAL and MAT) saved in
 * «Zīlītes»: its assessment sheet is due; she is logged in.
 */
export async function winterTopic() {
  const f = await planningFixture('2027-01-18T08:00:00Z');
  await f.as('anna');
  const plan = await f.b.ok('planning.saveTopic', {
    groupId: f.zilites,
    month: '2027-01',
    topic: topic('Ziema', '2027-01-04', '2027-01-15', ['VAL', 'MAT']),
  });
  return { f, topicId: plan.topics[0].id };
}
