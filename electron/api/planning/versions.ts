import {
  EXTRA_PARTS,
  type PlanChange,
  type PlanVersionRow,
  type TopicData,
} from '../../../common/contract/planning';
import { monthBounds } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { AREA_CODES } from '../../../common/planning-reference';
import { Plan, PlanVersion } from '../../../database/entities/planning';
import type { Context } from '../context';
import { byline } from '../substitution/byline';
import { userNames } from '../users/names';
import { assertReadable } from './records';

/** A plan's topics as a version stores them. */
export type Snapshot = Omit<TopicData, 'assessmentDue' | 'areas'>[];

const flat = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';

/** What changed from one version to the next, topic by topic and field by field. */
export function planChanges(before: Snapshot, after: Snapshot): PlanChange[] {
  const changes: PlanChange[] = [];
  const old = new Map(before.map((t) => [t.id, t]));
  for (const t of after) {
    const prev = old.get(t.id);
    if (!prev) {
      changes.push({ kind: 'topicAdded', topic: t.title });
      continue;
    }
    old.delete(t.id);
    const pairs: [string, unknown, unknown][] = [
      ['title', prev.title, t.title],
      ['startDate', prev.startDate, t.startDate],
      ['endDate', prev.endDate, t.endDate],
      ['message', prev.message, t.message],
      ['content', prev.content, t.content],
      ['values', prev.values, t.values],
      ['valuesText', prev.valuesText, t.valuesText],
      ['skills', prev.skills, t.skills],
      ...AREA_CODES.map((c): [string, unknown, unknown] => [
        `results.${c}`,
        prev.results[c],
        t.results[c],
      ]),
      ...EXTRA_PARTS.map((p): [string, unknown, unknown] => [
        `extra.${p}`,
        prev.extra[p],
        t.extra[p],
      ]),
    ];
    for (const [field, a, b] of pairs) {
      if (flat(a) !== flat(b)) {
        changes.push({
          kind: 'fieldChanged',
          topic: t.title,
          field,
          before: flat(a),
          after: flat(b),
        });
      }
    }
  }
  for (const t of old.values()) changes.push({ kind: 'topicRemoved', topic: t.title });
  return changes;
}

/** Every submitted version of a plan, newest first, each with its difference from the one before. */
export async function versions(ctx: Context, planId: number): Promise<PlanVersionRow[]> {
  const m = ctx.db.manager;
  const plan = await m.findOneBy(Plan, { id: planId });
  if (!plan) throw new AppError('NOT_FOUND');
  const [from, to] = monthBounds(plan.month);
  await assertReadable(m, ctx, 'planning', plan.groupId, from, to);
  const rows = await m.find(PlanVersion, { where: { planId }, order: { number: 'ASC' } });
  const names = await userNames(m, [
    ...rows.map((r) => r.userId),
    ...rows.map((r) => r.onBehalfOf),
  ]);
  let previous: Snapshot = [];
  const out: PlanVersionRow[] = [];
  for (const row of rows) {
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    out.push({
      number: row.number,
      at: row.at,
      byName: byline(ctx.state.locale, names, row.userId, row.onBehalfOf),
      late: row.late,
      changes: planChanges(previous, snapshot),
    });
    previous = snapshot;
  }
  return out.reverse();
}
