import { In } from 'typeorm';
import type { MarkHistoryRow } from '../../../common/contract/assessment';
import type { AreaCode } from '../../../common/planning-reference';
import { Child } from '../../../database/entities/people';
import type { Context } from '../context';
import { assertReadable, childName, topicContext } from '../planning/records';
import { byline } from '../substitution/byline';
import { userNames } from '../users/names';
import { markChanges } from './changes';

const shownValue = (v: string) => (v === 'excused' ? 'attaisnots kavējums' : v);

/** Every change of a topic's marks, newest first, with who made it (and for whom). */
export async function history(ctx: Context, topicId: number): Promise<MarkHistoryRow[]> {
  const m = ctx.db.manager;
  const { topic, plan } = await topicContext(m, topicId);
  await assertReadable(m, ctx, 'assessment', plan.groupId, topic.startDate, topic.endDate);
  const rows = (await markChanges(m, { topicId })).reverse();
  const names = await userNames(m, [
    ...rows.map((r) => r.userId),
    ...rows.map((r) => r.onBehalfOf),
  ]);
  const children = new Map(
    (rows.length ? await m.findBy(Child, { id: In(rows.map((r) => r.childId)) }) : []).map((c) => [
      c.id,
      childName(c),
    ]),
  );
  return rows.map((r) => ({
    at: r.at,
    byName: byline(ctx.state.locale, names, r.userId, r.onBehalfOf),
    childName: children.get(r.childId) ?? '',
    area: r.area as AreaCode,
    before: shownValue(r.before),
    after: shownValue(r.after),
    late: r.late,
  }));
}
