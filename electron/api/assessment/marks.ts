import type { ParsedInput } from '../../../common/contract';
import type { SheetData } from '../../../common/contract/assessment';
import { AREAS } from '../../../common/planning-reference';
import { assessmentDueDate } from '../../../common/planning-rules';
import { Child } from '../../../database/entities/people';
import { Assessment, AssessmentHistory, TopicArea } from '../../../database/entities/planning';
import { audit, cellChanges } from '../audit/audit';
import type { Context } from '../context';
import { assertWritable, childName, dueDays, fieldError, topicContext } from '../planning/records';
import { cellKey, cellValue, newestHistory } from './changes';
import { enrolledChildren, sheet } from './sheet';

/**
 * A batch of marks (or cleared cells, or "attaisnots kavējums") on a topic's sheet, all or
 * nothing; every change stays readable (assessment/changes.ts): the value a change replaces goes
 * to the history, the new one is the cell. Marks after the due date are flagged late.
 */
export async function mark(
  ctx: Context,
  input: ParsedInput<'assessment.mark'>,
): Promise<SheetData> {
  return ctx.db.transaction(async (m) => {
    const { topic, plan } = await topicContext(m, input.topicId);
    await assertWritable(m, ctx, 'assessment', plan.groupId, topic.startDate, topic.endDate);
    const planned = new Set((await m.findBy(TopicArea, { topicId: topic.id })).map((a) => a.area));
    const enrolled = new Set(
      (await enrolledChildren(m, plan.groupId, topic.startDate, topic.endDate)).map((c) => c.id),
    );
    // Every change is checked before anything is written: a batch is all or nothing.
    for (const [i, change] of input.changes.entries()) {
      if (!planned.has(change.area)) {
        throw fieldError(ctx, `changes.${i}.area`, 'planning.areaNotPlanned', {
          area: AREAS[change.area][ctx.state.locale],
        });
      }
      if (!enrolled.has(change.childId)) {
        const child = await m.findOneBy(Child, { id: change.childId });
        throw fieldError(ctx, `changes.${i}.childId`, 'planning.notEnrolled', {
          name: child ? childName(child) : `#${change.childId}`,
        });
      }
    }
    const late = ctx.today() > assessmentDueDate(topic.endDate, await dueDays(m));
    const at = ctx.now().toISOString();
    const absentId = await ctx.access().onBehalfOf(m, plan.groupId, ctx.today());
    const changed: { childId: number; area: string; before: string; after: string }[] = [];
    const newest = await newestHistory(m, topic.id);
    for (const change of input.changes) {
      const key = { topicId: topic.id, childId: change.childId, area: change.area };
      const row = await m.findOneBy(Assessment, key);
      const before = row ? cellValue(row.mark, row.reason) : '';
      const after = cellValue(change.mark, change.reason);
      if (before === after) continue;
      const cell = cellKey(change.childId, change.area);
      const last = newest.get(cell);
      // The replaced value goes to the history with its own who and when (the cell held them),
      // unless a history row from before migration 0015 already holds that change.
      if (
        row &&
        !(last?.after === before && last.at === row.updatedAt && last.userId === row.updatedBy)
      ) {
        await m.insert(AssessmentHistory, {
          ...key,
          before: last?.after ?? '',
          after: before,
          late: row.late,
          at: row.updatedAt,
          userId: row.updatedBy,
          onBehalfOf: row.onBehalfOf,
        });
        newest.set(cell, { after: before, at: row.updatedAt, userId: row.updatedBy });
      }
      const written = { mark: change.mark, reason: change.reason, late, updatedAt: at };
      const by = { updatedBy: ctx.user.id, onBehalfOf: absentId };
      if (after === '') {
        // A cleared cell has no row: its clearing is the history's to keep.
        await m.delete(Assessment, key);
        await m.insert(AssessmentHistory, {
          ...key,
          before,
          after,
          late,
          at,
          userId: ctx.user.id,
          onBehalfOf: absentId,
        });
        newest.set(cell, { after, at, userId: ctx.user.id });
      } else if (row) {
        await m.update(Assessment, { id: row.id }, { ...written, ...by });
      } else {
        await m.insert(Assessment, { ...key, ...written, ...by });
      }
      changed.push({ childId: change.childId, area: change.area, before, after });
    }
    if (changed.length) {
      // Only the changed cells, as "<childId>.<area>" → mark: a first fill stores no "before".
      await audit(m, ctx.now(), {
        action: 'assessment.mark.save',
        actorId: ctx.user.id,
        onBehalfOfId: absentId,
        entity: 'topic',
        entityId: topic.id,
        groupId: plan.groupId,
        childIds: changed.map((c) => c.childId),
        ...cellChanges(changed.map((c) => ({ ...c, key: c.area }))),
      });
    }
    return sheet(m, ctx, topic.id);
  });
}
