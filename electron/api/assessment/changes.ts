import type { EntityManager } from 'typeorm';
import { AREA_CODES, type AreaCode } from '../../../common/planning-reference';

/**
 * A cell's story is its superseded values (assessment_history) followed by the change that made
 * it what it is now, which the cell itself holds (assessment: value, updated_at/by, late,
 * on_behalf_of) and is therefore not stored twice. A cleared cell has no row; its clearing is a
 * history row. This joins the two back into every change, as the history screens show them.
 */
export interface MarkChange {
  topicId: number;
  childId: number;
  area: string;
  before: string;
  after: string;
  late: boolean;
  at: string;
  userId: number;
  onBehalfOf: number | null;
}

/** A cell's value as the history spells it: the mark, else the reason, else ''. */
export const cellValue = (mark: string | null, reason: string | null): string =>
  mark ?? reason ?? '';

export const cellKey = (childId: number, area: string): string => `${childId}:${area}`;

interface HistorySql {
  id: number;
  topicId: number;
  childId: number;
  area: string;
  before: string;
  after: string;
  late: boolean | number;
  at: string;
  userId: number;
  onBehalfOf: number | null;
}

interface CellSql {
  id: number;
  topicId: number;
  childId: number;
  area: string;
  mark: string | null;
  reason: string | null;
  late: boolean | number;
  at: string;
  userId: number;
  onBehalfOf: number | null;
}

const HISTORY =
  'SELECT id, topic_id AS "topicId", child_id AS "childId", area, "before", "after", late, at, ' +
  'user_id AS "userId", on_behalf_of AS "onBehalfOf" FROM assessment_history';

/** The newest history row of each cell of a topic (idx_assessment_history_cell). */
export async function newestHistory(
  m: EntityManager,
  topicId: number,
): Promise<Map<string, Pick<MarkChange, 'after' | 'at' | 'userId'>>> {
  const rows = await m.query<HistorySql[]>(
    `${HISTORY} h WHERE topic_id = ? AND id = (SELECT MAX(x.id) FROM assessment_history x ` +
      'WHERE x.topic_id = h.topic_id AND x.child_id = h.child_id AND x.area = h.area)',
    [topicId],
  );
  return new Map(rows.map((r) => [cellKey(r.childId, r.area), r]));
}

/** Every change of a topic's cells, or of one child's, oldest first: two queries. */
export async function markChanges(
  m: EntityManager,
  by: { topicId: number } | { childId: number },
): Promise<MarkChange[]> {
  const [column, value] = 'topicId' in by ? ['topic_id', by.topicId] : ['child_id', by.childId];
  const history = await m.query<HistorySql[]>(`${HISTORY} WHERE ${column} = ? ORDER BY id`, [
    value,
  ]);
  const cells = await m.query<CellSql[]>(
    'SELECT id, topic_id AS "topicId", child_id AS "childId", area, mark, reason, late, ' +
      'updated_at AS at, updated_by AS "userId", on_behalf_of AS "onBehalfOf" FROM assessment ' +
      `WHERE ${column} = ? ORDER BY id`,
    [value],
  );
  const newest = new Map<string, HistorySql>();
  for (const h of history) newest.set(`${h.topicId}:${cellKey(h.childId, h.area)}`, h);
  const past = history.map((h) => ({ change: toChange(h), order: orderOf(h, 0) }));
  const current = cells.flatMap((c) => {
    const last = newest.get(`${c.topicId}:${cellKey(c.childId, c.area)}`);
    const after = cellValue(c.mark, c.reason);
    // A history row written before the history kept only superseded values may already be it.
    if (last && last.after === after && last.at === c.at && last.userId === c.userId) return [];
    const change = toChange({ ...c, before: last?.after ?? '', after });
    return [{ change, order: orderOf(c, 1) }];
  });
  return [...past, ...current]
    .sort((a, b) => compare(a.order, b.order))
    .map((entry) => entry.change);
}

function toChange(r: Omit<HistorySql, 'id'>): MarkChange {
  return {
    topicId: r.topicId,
    childId: r.childId,
    area: r.area,
    before: r.before,
    after: r.after,
    late: Boolean(r.late),
    at: r.at,
    userId: r.userId,
    onBehalfOf: r.onBehalfOf,
  };
}

/**
 * Oldest first. Changes saved together (one instant) go by child and then area in the sheet's
 * order, as the save listed them; a cell's superseded value before its current one.
 */
function orderOf(r: { at: string; childId: number; area: string; id: number }, kind: number) {
  return [r.at, r.childId, AREA_CODES.indexOf(r.area as AreaCode), kind, r.id] as const;
}

type Order = ReturnType<typeof orderOf>;

function compare(a: Order, b: Order): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || a[4] - b[4];
}
