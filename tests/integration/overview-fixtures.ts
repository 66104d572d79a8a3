import { addDays, addMonths, monthBounds } from '../../common/dates';
import { EXTRA_PARTS } from '../../common/contract/planning';
import { AREA_CODES } from '../../common/planning-reference';
import { SeedApi } from '../../tools/seed/api';
import { GROUP_NAMES } from '../../tools/seed/names';
import { seedSchoolYear, seedStaff, type SeedGroup } from '../../tools/seed/people';
import { seedRouter, TEST_SCRYPT } from './helpers';
import { TEST_ENGINE } from '../postgres/databases';
import { fileDatabase } from '../postgres/server-client';

/**
 * A kindergarten generated through the API (the demo seed's staff and groups; two groups of four
 * children in 2026/2027) where every obligation from 1 September to Tuesday 3 November 2026 was
 * met on time, except the gaps planted below. "Today" is Wednesday 4 November 2026, 08:30.
 */
export const TODAY = '2026-11-04';

/** The planted gaps, by what the report should find. */
export const GAPS = {
  /** g2's October plan, submitted on 2 October (due Wednesday 30 September). */
  latePlan: { group: 1, month: '2026-10' },
  /** g1's November plan (due Friday 30 October), never started. */
  missingPlan: { group: 0, month: '2026-11' },
  /** A day each group never confirmed. */
  unconfirmed: [
    { group: 0, date: '2026-10-07' },
    { group: 1, date: '2026-10-21' },
  ],
  /** g2's topic of 15–30 September: one child's mark given on 8 October (due 5 October). */
  lateMarks: { group: 1, month: '2026-09', topic: 1 },
  /** g1's topic from 15 October: no journal check (due on its fifth working day, 21 October). */
  uncheckedTopic: { group: 0, month: '2026-10', topic: 1 },
  /** Received on 20 October, not connected by the 27th. */
  overdueApplication: '2026-10-20',
} as const;

export interface Dataset {
  dataDir: string;
  groups: { id: number; name: string; teachers: string[]; children: number[] }[];
  /** Topic ids by group index and month, in date order. */
  topics: Map<string, number[]>;
  /** Application ids by the day received. */
  applications: Map<string, number>;
}

const topicKey = (group: number, month: string) => `${group}.${month}`;

/** The two areas every topic plans, so each child has two cells a topic. */
const AREAS = ['VAL', 'MAT'] as const;
const emptyExtra = Object.fromEntries(EXTRA_PARTS.map((p) => [p, '']));
const results = (areas: string[], title: string) =>
  Object.fromEntries(
    AREA_CODES.map((a) => [a, areas.includes(a) ? `Iepazīst tēmu «${title}».` : '']),
  );

/** Every day's attendance confirmed at 08:20 and the nurse's check at 12:00, but the planted gaps. */
async function attendance(api: SeedApi, groups: SeedGroup[], children: Map<number, number[]>) {
  for (let day = '2026-09-01'; day < TODAY; day = addDays(day, 1)) {
    if (!api.calendar.isWorkingDay(day)) continue;
    api.at(day, '08:20');
    for (const [i, group] of groups.entries()) {
      // A few absences for the charts: the first child is ill mid-September.
      if (day >= '2026-09-14' && day <= '2026-09-16') {
        const childId = children.get(group.id)![0];
        await api.as(group.teachers[0], 'attendance.save', {
          groupId: group.id,
          changes: [{ childId, date: day, expected: null, code: i === 0 ? 'NS' : 'NC' }],
          reason: '',
        });
      }
      if (GAPS.unconfirmed.some((u) => u.group === i && u.date === day)) continue;
      await api.as(group.teachers[0], 'attendance.confirm', { groupId: group.id, date: day });
    }
    api.at(day, '12:00');
    await api.as('masa', 'attendance.nurseConfirm', { date: day });
  }
}

/** Plans of September to November, two topics a month, submitted on the due date at 14:00. */
async function planning(api: SeedApi, groups: SeedGroup[], topics: Map<string, number[]>) {
  for (let month = '2026-09'; month <= '2026-11'; month = addMonths(month, 1)) {
    const [first, last] = monthBounds(month);
    const due = api.calendar.previousWorkingDay(first);
    for (const [i, group] of groups.entries()) {
      if (GAPS.missingPlan.group === i && GAPS.missingPlan.month === month) continue;
      api.at(due, '14:00');
      let planId = 0;
      for (const [start, end, title] of [
        [first, `${month}-14`, `Temats ${month} A`],
        [`${month}-15`, last, `Temats ${month} B`],
      ]) {
        const plan = await api.as(group.teachers[0], 'planning.saveTopic', {
          groupId: group.id,
          month,
          topic: {
            title,
            startDate: start,
            endDate: end,
            message: 'Runāsim par tēmu.',
            content: 'Rotaļnodarbības un pastaigas.',
            values: [],
            valuesText: '',
            skills: [],
            results: results([...AREAS], title),
            extra: emptyExtra,
          },
        });
        planId = plan.id!;
        topics.set(
          topicKey(i, month),
          plan.topics.map((t) => t.id),
        );
      }
      if (GAPS.latePlan.group === i && GAPS.latePlan.month === month) {
        api.at(`${month}-02`, '10:00');
      }
      await api.as(group.teachers[0], 'planning.submit', { planId });
    }
  }
}

/** Marks the day after each topic ends; the deputy's check on each topic's first working day. */
async function marksAndChecks(
  api: SeedApi,
  groups: SeedGroup[],
  topics: Map<string, number[]>,
  children: Map<number, number[]>,
) {
  for (const [key, ids] of topics) {
    const [i, month] = [Number(key.split('.')[0]), key.split('.')[1]];
    const group = groups[i];
    for (const [n, topicId] of ids.entries()) {
      const sheet = await api.as(group.teachers[0], 'assessment.sheet', { topicId });
      const checkDay = api.calendar.isWorkingDay(sheet.startDate)
        ? sheet.startDate
        : api.calendar.nextWorkingDay(sheet.startDate);
      const unchecked = GAPS.uncheckedTopic.group === i && GAPS.uncheckedTopic.month === month;
      if (
        checkDay < TODAY &&
        !(unchecked && GAPS.uncheckedTopic.topic === n) &&
        checkDay <= '2026-10-30'
      ) {
        api.at(checkDay, '15:00');
        await api.as('vietniece', 'supervision.checkSave', {
          date: checkDay,
          groupId: group.id,
          topicId,
          findings: 'Plāns un apmeklējums kārtībā.',
          recommendations: '',
          correctionDate: null,
        });
      }
      const markDay = addDays(sheet.endDate, 1);
      if (markDay >= TODAY || sheet.endDate >= '2026-10-31') continue; // not marked yet
      const late =
        GAPS.lateMarks.group === i && GAPS.lateMarks.month === month && GAPS.lateMarks.topic === n;
      const kids = children.get(group.id)!;
      api.at(markDay, '15:00');
      await api.as(group.teachers[0], 'assessment.mark', {
        topicId,
        changes: kids
          .slice(late ? 1 : 0)
          .flatMap((childId) =>
            AREAS.map((area) => ({ childId, area, mark: 'T' as const, reason: null })),
          ),
      });
      if (late) {
        api.at('2026-10-08', '15:00');
        await api.as(group.teachers[0], 'assessment.mark', {
          topicId,
          changes: AREAS.map((area) => ({
            childId: kids[0],
            area,
            mark: 'A' as const,
            reason: null,
          })),
        });
      }
    }
  }
}

/** Applications (one on time, the planted overdue one, two still open), a talk, entries, a diary. */
async function journalsAndApplications(
  api: SeedApi,
  groups: SeedGroup[],
  topics: Map<string, number[]>,
  children: Map<number, number[]>,
): Promise<Map<string, number>> {
  const kids = groups.map((g) => children.get(g.id)!);
  const applications = new Map<string, number>();
  for (const [receivedOn, group, child] of [
    ['2026-09-10', 0, 1],
    [GAPS.overdueApplication, 1, 2],
    ['2026-10-30', 0, 2],
    ['2026-11-02', 1, 3],
  ] as const) {
    api.at(receivedOn, '10:00');
    const a = await api.as('vietniece', 'applications.create', {
      receivedOn,
      parentName: `Vecāks ${receivedOn}`,
      parentPhone: '20000001',
      childId: kids[group][child],
    });
    applications.set(receivedOn, a.id);
  }
  api.at('2026-09-12', '10:00');
  const connected = await api.as('vietniece', 'applications.connect', {
    id: applications.get('2026-09-10')!,
    connectedOn: '2026-09-12',
    relation: 'mother',
  });
  api.at('2026-10-06', '16:00');
  await api.as(groups[0].teachers[0], 'journals.saveTalk', {
    date: '2026-10-06',
    childId: kids[0][1],
    guardianIds: [connected.guardianId!],
    subject: 'results',
    content: 'Sarunā pārrunāti rudens sasniegumi.',
    agreed: 'Vairāk lasīt kopā.',
  });
  api.at('2026-09-10', '13:00');
  await api.as(groups[0].teachers[0], 'journals.saveEntry', {
    date: '2026-09-10',
    childIds: [kids[0][0]],
    kind: 'individualWork',
    content: 'Skaitīšana līdz desmit ar kociņiem.',
    durationMinutes: 20,
    sendToParents: false,
  });
  api.at('2026-10-05', '11:00');
  await api.as('logopede', 'journals.saveEntry', {
    date: '2026-10-05',
    childIds: [kids[1][1]],
    kind: 'play',
    content: 'Skaņu izrunas vingrinājumi ar spoguli.',
    durationMinutes: 30,
    sendToParents: false,
  });
  api.at('2026-09-09', '16:00');
  await api.as('vietniece', 'supervision.diarySave', {
    date: '2026-09-09',
    kind: 'meeting',
    participants: 'Grupu skolotājas',
    content: 'Mācību gada sākuma sanāksme.',
  });
  // The head's first check of the year, in October (her second is due by 31 August).
  api.at('2026-10-12', '15:00');
  await api.as('vaditaja', 'supervision.checkSave', {
    date: '2026-10-12',
    groupId: groups[1].id,
    topicId: topics.get(topicKey(1, '2026-10'))![0],
    findings: 'Žurnāls aizpildīts kārtīgi.',
    recommendations: '',
    correctionDate: null,
  });
  return applications;
}

/** Builds the kindergarten in `dataDir` (a folder the caller keeps for the whole test file). */
export async function buildDataset(dataDir: string): Promise<Dataset> {
  // On PostgreSQL the kindergarten is built through a server's client, in a database the
  // whole test file reads.
  if (TEST_ENGINE === 'postgres') fileDatabase(dataDir);
  const api = new SeedApi({
    dataDir,
    start: '2026-08-20T06:00:00Z',
    seed: 14,
    scrypt: TEST_SCRYPT,
    router: seedRouter(dataDir),
  });
  const teachers = await seedStaff(api, 2);
  const { groups, members } = await seedSchoolYear(
    api,
    { year: 2026, groupsPerYear: 2, childrenPerGroup: 4 },
    teachers,
    [],
  );
  const children = new Map([...members].map(([id, list]) => [id, list.map((c) => c.id)]));
  const topics = new Map<string, number[]>();
  await planning(api, groups, topics);
  await attendance(api, groups, children);
  await marksAndChecks(api, groups, topics, children);
  const applications = await journalsAndApplications(api, groups, topics, children);
  await api.router.dispose();
  return {
    dataDir,
    groups: groups.map((g, i) => ({
      id: g.id,
      name: GROUP_NAMES[i],
      teachers: g.teachers,
      children: children.get(g.id)!,
    })),
    topics,
    applications,
  };
}
