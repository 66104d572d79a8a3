import { addDays, addMonths, monthBounds } from '../../common/dates';
import { EXTRA_PARTS } from '../../common/contract/planning';
import { AREA_CODES, MARKS, SKILL_CODES, VALUE_WORDS } from '../../common/planning-reference';
import type { SeedApi } from './api';
import type { SeedGroup } from './people';

/** A topic of a monthly plan, for the journal checks made when it starts. */
export interface StartedTopic {
  id: number;
  groupId: number;
  startDate: string;
}

const TOPICS = [
  'Rudens',
  'Mana ģimene',
  'Ziema',
  'Sniegs un ledus',
  'Pavasaris',
  'Putni',
  'Mājdzīvnieki',
  'Drošība',
  'Latvija',
  'Grāmatas',
  'Kosmoss',
  'Vasara',
  'Dārzs',
  'Ūdens',
];

/**
 * Each month of each group: two topics planned and submitted by the deadline (a few late),
 * then every child assessed in the topic's areas a few days after it ends.
 */
export async function seedPlanning(
  api: SeedApi,
  groups: SeedGroup[],
  first: string,
  last: string,
  today: string,
): Promise<StartedTopic[]> {
  const random = api.random;
  const started: StartedTopic[] = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7);) {
    const [, monthEnd] = monthBounds(month);
    const ranges: [string, string][] = [
      [`${month}-01`, `${month}-14`],
      [`${month}-15`, monthEnd],
    ].filter(([, end]) => addDays(end, 7) <= today) as [string, string][];
    const previous = addMonths(month, -1);
    const due =
      api.calendar.lastWorkingDayOfMonth(Number(previous.slice(0, 4)), Number(previous.slice(5))) ??
      `${month}-01`;
    for (const group of groups) {
      if (ranges.length === 0) break;
      const teacher = group.teachers[0];
      api.at(due, '14:00');
      let planId = 0;
      for (const [startDate, endDate] of ranges) {
        const areas = AREA_CODES.filter(() => random.chance(0.5)).slice(0, 4);
        if (areas.length === 0) areas.push('VAL');
        const title = random.pick(TOPICS);
        const plan = await api.as(teacher, 'planning.saveTopic', {
          groupId: group.id,
          month,
          topic: {
            title,
            startDate,
            endDate,
            message: `Šonedēļ runāsim par tēmu «${title}».`,
            content: 'Rotaļnodarbības, sarunas, pastaigas un radošie darbi.',
            values: [random.pick(VALUE_WORDS)],
            valuesText: '',
            skills: [random.pick(SKILL_CODES)],
            results: Object.fromEntries(
              AREA_CODES.map((a) => [
                a,
                areas.includes(a) ? `Bērns iepazīst tēmu «${title}».` : '',
              ]),
            ),
            extra: Object.fromEntries(EXTRA_PARTS.map((part) => [part, ''])),
          },
        });
        planId = plan.id!;
      }
      if (random.chance(0.05)) api.at(`${month}-02`, '10:00'); // a late plan
      await api.as(teacher, 'planning.submit', { planId });
      const plan = await api.as(teacher, 'planning.plan', { groupId: group.id, month });
      for (const topic of plan.topics) {
        started.push({ id: topic.id, groupId: group.id, startDate: topic.startDate });
        api.at(addDays(topic.endDate, random.int(1, 4)), '15:00');
        await assessTopic(api, teacher, topic.id);
      }
    }
    month = addMonths(month, 1);
  }
  return started;
}

/** Every child of the sheet marked in every area of the topic; now and then one excused. */
async function assessTopic(api: SeedApi, teacher: string, topicId: number): Promise<void> {
  const sheet = await api.as(teacher, 'assessment.sheet', { topicId });
  const changes = sheet.children.flatMap((child) =>
    sheet.areas.map((area) => {
      const excused = api.random.chance(0.03);
      return {
        childId: child.id,
        area,
        mark: excused ? null : api.random.pick(MARKS),
        reason: excused ? ('excused' as const) : null,
      };
    }),
  );
  if (changes.length > 0) {
    await api.as(teacher, 'assessment.mark', { topicId, changes });
  }
}
