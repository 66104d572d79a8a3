import type { LaterRow } from '../../../common/contract/assessment';
import { AREA_CODES, type AreaCode } from '../../../common/planning-reference';
import { Child } from '../../../database/entities/people';
import { Assessment } from '../../../database/entities/planning';
import type { Context } from '../context';
import { childName, topicContext } from '../planning/records';

/** Empty cells with the reason "attaisnots kavējums", one row per child and topic. */
export async function later(ctx: Context, groupId?: number): Promise<LaterRow[]> {
  const m = ctx.db.manager;
  const visible = await ctx.access().groups(m, 'assessment', 'read', ctx.today());
  const rows = await m.find(Assessment, { where: { reason: 'excused' }, order: { id: 'ASC' } });
  const out = new Map<string, LaterRow>();
  for (const r of rows) {
    if (r.mark !== null) continue;
    const { topic, plan, group } = await topicContext(m, r.topicId);
    if (groupId !== undefined && plan.groupId !== groupId) continue;
    if (visible !== 'all' && !visible.includes(plan.groupId)) continue;
    const key = `${r.childId}:${r.topicId}`;
    let row = out.get(key);
    if (!row) {
      const child = await m.findOneByOrFail(Child, { id: r.childId });
      row = {
        childId: r.childId,
        childName: childName(child),
        groupId: group.id,
        groupName: group.name,
        topicId: topic.id,
        topicTitle: topic.title,
        topicEnd: topic.endDate,
        areas: [],
      };
      out.set(key, row);
    }
    row.areas.push(r.area as AreaCode);
  }
  return [...out.values()].map((row) => ({
    ...row,
    areas: AREA_CODES.filter((c) => row.areas.includes(c)),
  }));
}
