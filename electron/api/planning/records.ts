import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { RowDomain } from '../../../common/access-scope';
import type { ParsedInput } from '../../../common/contract';
import { EXTRA_PARTS, type TopicData } from '../../../common/contract/planning';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { AREA_CODES, type AreaCode, type SkillCode } from '../../../common/planning-reference';
import { assessmentDueDate } from '../../../common/planning-rules';
import { Institution } from '../../../database/entities';
import { Child, Group } from '../../../database/entities/people';
import { Plan, Topic, TopicArea } from '../../../database/entities/planning';
import type { Context } from '../context';

/**
 * Groups, plans and topics as the planning and assessment services load them, and the checks
 * both make before reading one.
 */

export type TopicInput = ParsedInput<'planning.saveTopic'>['topic'];

export const childName = (c: Child) => `${c.firstName} ${c.lastName}`;

/** A refusal of one field, worded here because the message has parameters. */
export function fieldError(ctx: Context, field: string, key: string, params = {}): AppError {
  return new AppError(
    'VALIDATION',
    'error.VALIDATION',
    {},
    { [field]: message(ctx.state.locale, key, params) },
  );
}

export async function findGroup(m: EntityManager, groupId: number): Promise<Group> {
  const group = await m.findOneBy(Group, { id: groupId });
  if (!group) throw new AppError('NOT_FOUND', 'planning.groupNotFound');
  return group;
}

export async function dueDays(m: EntityManager): Promise<number> {
  const institution = await m.findOneBy(Institution, { id: 1 });
  return institution?.assessmentDueDays ?? 5;
}

/**
 * Reading a plan (a month) or a topic (its dates) of a group: her groups during that period, or
 * her groups today, so that a teacher who takes a group over reads its earlier plans and marks.
 */
export async function mayRead(
  m: EntityManager,
  ctx: Context,
  domain: RowDomain,
  groupId: number,
  from: string,
  to: string,
): Promise<boolean> {
  const access = ctx.access();
  return (
    (await access.mayGroup(m, domain, 'read', groupId, from, to)) ||
    access.mayGroup(m, domain, 'read', groupId, ctx.today())
  );
}

export async function assertReadable(
  m: EntityManager,
  ctx: Context,
  domain: RowDomain,
  groupId: number,
  from: string,
  to: string,
): Promise<void> {
  if (!(await mayRead(m, ctx, domain, groupId, from, to))) throw new AppError('FORBIDDEN');
}

/** Writing: only the group's teachers (or substitutes) of the period (the rules' 3.1, 3.4). */
export const assertWritable = (
  m: EntityManager,
  ctx: Context,
  domain: RowDomain,
  groupId: number,
  from: string,
  to: string,
) => ctx.access().assertGroup(m, domain, 'write', groupId, from, to, 'planning.notGroupTeacher');

const parseList = <T>(json: string): T[] => JSON.parse(json) as T[];

/** Topics with their planned results per area (one query for every topic's areas). */
export async function topicData(
  m: EntityManager,
  topics: Topic[],
  days: number,
): Promise<TopicData[]> {
  const areaRows = topics.length
    ? await m.findBy(TopicArea, { topicId: In(topics.map((t) => t.id)) })
    : [];
  return topics.map((t) => {
    const results = Object.fromEntries(AREA_CODES.map((c) => [c, ''])) as Record<AreaCode, string>;
    for (const row of areaRows) {
      if (row.topicId === t.id) results[row.area as AreaCode] = row.results;
    }
    const extra = {
      ...Object.fromEntries(EXTRA_PARTS.map((p) => [p, ''])),
      ...(JSON.parse(t.extra) as Record<string, string>),
    } as TopicData['extra'];
    return {
      id: t.id,
      version: t.version,
      title: t.title,
      startDate: t.startDate,
      endDate: t.endDate,
      message: t.message,
      content: t.content,
      values: parseList<string>(t.values),
      valuesText: t.valuesText,
      skills: parseList<SkillCode>(t.skills),
      results,
      extra,
      areas: AREA_CODES.filter((c) => results[c] !== ''),
      assessmentDue: assessmentDueDate(t.endDate, days),
    };
  });
}

export async function planTopics(m: EntityManager, planId: number): Promise<Topic[]> {
  return m.find(Topic, { where: { planId }, order: { position: 'ASC', id: 'ASC' } });
}

/** A topic with its plan and group; NOT_FOUND when there is no such topic. */
export async function topicContext(m: EntityManager, topicId: number) {
  const topic = await m.findOneBy(Topic, { id: topicId });
  if (!topic) throw new AppError('NOT_FOUND');
  const plan = await m.findOneByOrFail(Plan, { id: topic.planId });
  const group = await findGroup(m, plan.groupId);
  return { topic, plan, group };
}
