import type { EntityManager } from 'typeorm';
import { addMonths, monthBounds } from '../../../../common/dates';
import { marksDeadline, outcomeOf, planDeadline } from '../../../../common/deadlines';
import { enrolmentsIn, placeholders, type Rules } from '../facts';
import { earlier, later, type Frame, type Judged } from './judged';

/**
 * Plans (3.1) and marks (3.4). A plan never started is as overdue as a draft once its due date
 * has passed: both are missing. Months after the coming one are not counted yet.
 */
export async function planItems(m: EntityManager, rules: Rules, frame: Frame): Promise<Judged[]> {
  const first = frame.from.slice(0, 7);
  const last = earlier(frame.to.slice(0, 7), addMonths(rules.now.date.slice(0, 7), 1));
  if (frame.groups.length === 0 || last < first) return [];
  const ids = frame.groups.map((g) => g.id);
  const rows = await m.query<
    { id: number; groupId: number; month: string; at: string | null; late: unknown }[]
  >(
    'SELECT id, group_id AS "groupId", month, submitted_at AS at, late FROM plan ' +
      `WHERE group_id IN (${placeholders(ids)}) AND month >= ? AND month <= ?`,
    [...ids, first, last],
  );
  const plans = new Map(rows.map((r) => [`${Number(r.groupId)}.${r.month}`, r]));
  const items: Judged[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const [start, end] = monthBounds(month);
    const deadline = planDeadline(rules.calendar, month);
    for (const group of frame.groups) {
      if (group.activeFrom > end || group.activeTo < start) continue;
      const plan = plans.get(`${group.id}.${month}`);
      const done = plan?.at ? { late: Boolean(plan.late) } : null;
      items.push({
        obligation: 'plan',
        outcome: outcomeOf(deadline, done, rules.now),
        deadline,
        doneAt: plan?.at ?? null,
        groupId: group.id,
        personId: null,
        subject: month,
        ref: { month },
        scopeDate: later(start, group.activeFrom),
      });
    }
  }
  return items;
}

interface TopicRow {
  id: number;
  title: string;
  startDate: string;
  endDate: string;
  groupId: number;
  areas: number;
}

/**
 * A topic's marks are done when every child of the group during the topic has a mark or an
 * "excused" reason in every planned area; late when any of them came after the due date.
 * Topics without planned areas have nothing to assess.
 */
export async function marksItems(m: EntityManager, rules: Rules, frame: Frame): Promise<Judged[]> {
  if (frame.groups.length === 0) return [];
  const ids = frame.groups.map((g) => g.id);
  const inFrame =
    `FROM topic t JOIN plan p ON p.id = t.plan_id WHERE p.group_id IN (${placeholders(ids)}) ` +
    'AND t.end_date >= ? AND t.end_date <= ?';
  const params = [...ids, frame.from, frame.to];
  const topics = (
    await m.query<TopicRow[]>(
      'SELECT t.id, t.title, t.start_date AS "startDate", t.end_date AS "endDate", ' +
        'p.group_id AS "groupId", (SELECT COUNT(*) FROM topic_area a WHERE a.topic_id = t.id) ' +
        `AS areas ${inFrame}`,
      params,
    )
  ).filter((t) => Number(t.areas) > 0);
  if (topics.length === 0) return [];
  const cells = await m.query<{ topicId: number; done: number; late: number; at: string }[]>(
    'SELECT a.topic_id AS "topicId", COUNT(*) AS done, ' +
      'SUM(CASE WHEN a.late THEN 1 ELSE 0 END) AS late, MAX(a.updated_at) AS at ' +
      'FROM assessment a JOIN topic_area ta ON ta.topic_id = a.topic_id AND ta.area = a.area ' +
      `JOIN topic t ON t.id = a.topic_id JOIN plan p ON p.id = t.plan_id ` +
      `WHERE p.group_id IN (${placeholders(ids)}) AND t.end_date >= ? AND t.end_date <= ? ` +
      'AND (a.mark IS NOT NULL OR a.reason IS NOT NULL) GROUP BY a.topic_id',
    params,
  );
  const byTopic = new Map(cells.map((c) => [Number(c.topicId), c]));
  const earliest = topics.reduce((d, t) => earlier(d, t.startDate), topics[0].startDate);
  const spans = await enrolmentsIn(m, ids, earliest, frame.to);
  return topics.map((t): Judged => {
    const groupId = Number(t.groupId);
    const children = new Set(
      spans
        .filter(
          (s) =>
            s.groupId === groupId && s.from <= t.endDate && (s.to === null || s.to >= t.startDate),
        )
        .map((s) => s.childId),
    );
    const cell = byTopic.get(Number(t.id));
    const complete = Number(cell?.done ?? 0) >= children.size * Number(t.areas);
    const deadline = marksDeadline(t.endDate, rules.marksDays);
    return {
      obligation: 'marks',
      outcome: outcomeOf(
        deadline,
        complete ? { late: Number(cell?.late ?? 0) > 0 } : null,
        rules.now,
      ),
      deadline,
      doneAt: complete ? (cell?.at ?? null) : null,
      groupId,
      personId: null,
      subject: t.title,
      ref: { topicId: Number(t.id) },
      scopeDate: t.endDate,
    };
  });
}
