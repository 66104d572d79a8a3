import type { ParsedInput } from '../../../common/contract';
import type { PlanDetail } from '../../../common/contract/planning';
import { monthBounds, monthsBetween, shiftMonths } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { Plan } from '../../../database/entities/planning';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { planDetail } from './plans';
import {
  assertReadable,
  assertWritable,
  findGroup,
  planTopics,
  topicData,
  type TopicInput,
} from './records';
import { checkTopicDates, findOrCreatePlan, touchPlan, writeTopic } from './topics';

/**
 * Copies a plan she may read, or one of its topics, into a group's month she may write, as a
 * starting point: the dates move by as many months as the plans lie apart.
 */
export async function copy(ctx: Context, input: ParsedInput<'planning.copy'>): Promise<PlanDetail> {
  return ctx.db.transaction(async (m) => {
    const source = await m.findOneBy(Plan, { id: input.fromPlanId });
    if (!source) throw new AppError('NOT_FOUND');
    const [sFrom, sTo] = monthBounds(source.month);
    await assertReadable(m, ctx, 'planning', source.groupId, sFrom, sTo);
    const group = await findGroup(m, input.groupId);
    const [from, to] = monthBounds(input.month);
    await assertWritable(m, ctx, 'planning', group.id, from, to);
    if (source.groupId === group.id && source.month === input.month) {
      throw new AppError('CONFLICT', 'planning.copySame');
    }
    let topics = await topicData(m, await planTopics(m, source.id), 0);
    if (input.topicId !== undefined) {
      topics = topics.filter((t) => t.id === input.topicId);
      if (topics.length === 0) throw new AppError('NOT_FOUND');
    }
    const shift = monthsBetween(source.month, input.month);
    const plan = await findOrCreatePlan(m, ctx, group.id, input.month);
    for (const t of topics) {
      const topic: TopicInput = {
        title: t.title,
        startDate: shiftMonths(t.startDate, shift),
        endDate: shiftMonths(t.endDate, shift),
        message: t.message,
        content: t.content,
        values: t.values,
        valuesText: t.valuesText,
        skills: t.skills,
        results: t.results,
        extra: t.extra,
      };
      checkTopicDates(ctx, group, input.month, topic);
      const saved = await writeTopic(m, plan, topic, null);
      await audit(m, ctx.now(), {
        action: 'planning.topic.copy',
        actorId: ctx.user.id,
        entity: 'topic',
        entityId: saved.id,
        groupId: group.id,
        before: { fromTopicId: t.id },
        after: topic,
      });
    }
    await touchPlan(m, ctx, plan);
    return planDetail(m, ctx, group.id, input.month);
  });
}
