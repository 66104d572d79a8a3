import { addDays } from '../../common/dates';
import { PASSWORD, type SeedApi } from './api';
import { GROUP_NAMES, personName, personalCode, staffName } from './names';

const INSTITUTION = {
  name: 'Rīgas pirmsskolas izglītības iestāde «Zīlīte»',
  regNo: '40900012345',
  address: 'Skolas iela 1, Rīga, LV-1010',
};

/** Age bands of the groups; a child moves up one band each September. */
export const BANDS = [
  { from: 18, to: 36 },
  { from: 36, to: 48 },
  { from: 48, to: 60 },
  { from: 60, to: 84 },
];

export interface ChildState {
  id: number;
  band: number;
  /** An illness or a holiday goes on for some days. */
  absentCode: 'NS' | 'NC' | 'N' | null;
  /** Her parents in the register (tools/seed/families.ts). */
  guardianIds?: number[];
}

/** A group of one school year and its two teachers (user names). */
export interface SeedGroup {
  id: number;
  band: number;
  teachers: string[];
}

/** The children of each group, by group id. */
export type Members = Map<number, ChildState[]>;

/**
 * Setup by the head, then every role: a deputy, a nurse, a speech therapist and two teachers
 * per group. Returns the teachers' user names.
 */
export async function seedStaff(api: SeedApi, groupsPerYear: number): Promise<string[]> {
  await api.call('auth.setup', {
    institution: INSTITUTION,
    head: {
      fullName: 'Ilze Bērziņa',
      username: 'vaditaja',
      newPassword: PASSWORD,
      newPasswordRepeat: PASSWORD,
    },
  });
  api.addHead('vaditaja', 'Ilze Bērziņa');
  await api.as('vaditaja', 'auth.confirmRecoveryKey', {});
  await api.addUser('deputy', 'vietniece', 'Dace Kalniņa');
  await api.addUser('nurse', 'masa', 'Inese Ozola');
  await api.addUser('speech', 'logopede', 'Laura Liepa');
  const teachers: string[] = [];
  for (let i = 0; i < groupsPerYear * 2; i++) {
    const username = `skolotaja${i + 1}`;
    await api.addUser('teacher', username, staffName(api.random));
    teachers.push(username);
  }
  return teachers;
}

/**
 * A school year's groups, each with two of the teachers; the children move up a band, the
 * oldest go to school, and new ones fill the youngest groups.
 */
export async function seedSchoolYear(
  api: SeedApi,
  shape: { year: number; groupsPerYear: number; childrenPerGroup: number },
  teachers: string[],
  previous: ChildState[],
): Promise<{ groups: SeedGroup[]; members: Members }> {
  const { year, childrenPerGroup } = shape;
  const start = `${year}-09-01`;
  const end = `${year + 1}-08-31`;
  api.at(`${year}-08-25`, '10:00');
  const groups: SeedGroup[] = [];
  for (let g = 0; g < shape.groupsPerYear; g++) {
    const band = g % BANDS.length;
    const group = await api.as('vietniece', 'groups.create', {
      number: g + 1,
      name: GROUP_NAMES[g % GROUP_NAMES.length],
      ageFromMonths: BANDS[band].from,
      ageToMonths: BANDS[band].to,
      capacity: childrenPerGroup + 3,
      schoolYear: year,
      activeFrom: start,
      activeTo: end,
    });
    const own = [teachers[2 * g], teachers[2 * g + 1]];
    for (const teacher of own) {
      await api.as('vietniece', 'groups.assignTeacher', {
        groupId: group.id,
        userId: api.userId(teacher),
        fromDate: start,
        toDate: end,
      });
    }
    groups.push({ id: group.id, band, teachers: own });
  }

  const staying = previous.filter((c) => c.band < BANDS.length - 1);
  const members: Members = new Map(groups.map((g) => [g.id, []]));
  for (const child of staying) {
    const band = child.band + 1;
    const options = groups.filter(
      (g) => g.band === band && members.get(g.id)!.length < childrenPerGroup,
    );
    if (options.length === 0) continue;
    const group = api.random.pick(options);
    await api.as('vietniece', 'children.move', {
      childId: child.id,
      groupId: group.id,
      fromDate: start,
    });
    members.get(group.id)!.push({ ...child, band, absentCode: null });
  }
  for (const child of previous.filter((c) => c.band === BANDS.length - 1)) {
    await api.as('vietniece', 'children.leave', { childId: child.id, toDate: `${year}-08-31` });
  }
  for (const group of groups) {
    const list = members.get(group.id)!;
    while (list.length < childrenPerGroup) {
      const ageMonths = api.random.int(BANDS[group.band].from, BANDS[group.band].to - 1);
      const birth = addDays(start, -Math.round(ageMonths * 30.4) - api.random.int(0, 20));
      const name = personName(api.random);
      const child = await api.as('vietniece', 'children.create', {
        firstName: name.firstName,
        lastName: name.lastName,
        personalCode: personalCode(api.random, birth),
        birthDate: birth,
        groupId: group.id,
        fromDate: start,
      });
      list.push({ id: child.id, band: group.band, absentCode: null });
    }
  }
  return { groups, members };
}
