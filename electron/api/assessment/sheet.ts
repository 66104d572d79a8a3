import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { SheetData } from '../../../common/contract/assessment';
import { AREA_CODES, type AreaCode, type Mark } from '../../../common/planning-reference';
import { assessmentDueDate } from '../../../common/planning-rules';
import { compareLv } from '../../../common/text';
import { Child, Enrolment } from '../../../database/entities/people';
import { Assessment, TopicArea } from '../../../database/entities/planning';
import type { Context } from '../context';
import { assertReadable, childName, dueDays, topicContext } from '../planning/records';

/** Children in the group on at least one day of the topic, sorted the Latvian way. */
export async function enrolledChildren(
  m: EntityManager,
  groupId: number,
  from: string,
  to: string,
) {
  const enrolments = await m
    .createQueryBuilder(Enrolment, 'e')
    .where('e.group_id = :groupId', { groupId })
    .andWhere('e.from_date <= :to', { to })
    .andWhere('(e.to_date IS NULL OR e.to_date >= :from)', { from })
    .getMany();
  const ids = [...new Set(enrolments.map((e) => e.childId))];
  const children = ids.length ? await m.findBy(Child, { id: In(ids) }) : [];
  return children.sort(
    (a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName),
  );
}

/** A topic's sheet: its children × the areas with planned results, and the marks so far. */
export async function sheet(m: EntityManager, ctx: Context, topicId: number): Promise<SheetData> {
  const { topic, plan, group } = await topicContext(m, topicId);
  await assertReadable(m, ctx, 'assessment', plan.groupId, topic.startDate, topic.endDate);
  const planned = new Set((await m.findBy(TopicArea, { topicId })).map((a) => a.area));
  const children = await enrolledChildren(m, plan.groupId, topic.startDate, topic.endDate);
  const rows = await m.find(Assessment, { where: { topicId }, order: { id: 'ASC' } });
  const topicAreas = AREA_CODES.filter((a) => planned.has(a));
  const summary: SheetData['summary'] = {};
  for (const area of topicAreas) {
    summary[area] = { S: 0, T: 0, A: 0, P: 0 };
  }
  for (const r of rows) if (r.mark && summary[r.area]) summary[r.area][r.mark as Mark]++;
  return {
    topicId,
    title: topic.title,
    startDate: topic.startDate,
    endDate: topic.endDate,
    planId: plan.id,
    groupId: group.id,
    groupName: group.name,
    month: plan.month,
    due: assessmentDueDate(topic.endDate, await dueDays(m)),
    canWrite: await ctx
      .access()
      .mayGroup(m, 'assessment', 'write', group.id, topic.startDate, topic.endDate),
    areas: topicAreas,
    children: children.map((c) => ({ id: c.id, name: childName(c) })),
    cells: rows.map((r) => ({
      childId: r.childId,
      area: r.area as AreaCode,
      mark: r.mark as Mark | null,
      reason: r.reason === 'excused' ? 'excused' : null,
      late: r.late,
    })),
    summary,
  };
}
