import type { EntityManager } from 'typeorm';
import { AUDIT_ACTION_LIST, type AuditAction } from '../../../common/audit-actions';
import type { AuditFilter } from '../../../common/contract/audit';
import { addDays } from '../../../common/dates';
import { rigaDate } from '../clock';

/** An audit_event row as the viewer reads it. */
export interface EventRow {
  id: number;
  at: string;
  actorId: number | null;
  onBehalfOfId: number | null;
  action: AuditAction;
  entity: string | null;
  entityId: string | null;
  groupId: number | null;
  before: string | null;
  after: string | null;
}

/** The UTC instant at which a Riga date begins (EET or EEST; midnight is never skipped). */
export function rigaMidnight(date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const hours of [3, 2]) {
    const instant = new Date(utcMidnight - hours * 3600_000);
    if (rigaDate(instant) === date && rigaDate(new Date(instant.getTime() - 1)) !== date) {
      return instant.toISOString();
    }
  }
  return new Date(utcMidnight).toISOString();
}

/**
 * The WHERE clause of a filter, all in SQL: the period on the indexed instant, the person as
 * actor, as the one a substitute acted for, or as the account the event is about; the child
 * through audit_event_child; the kind as one action or every action of a domain.
 */
export function whereOf(filter: AuditFilter): { sql: string; params: unknown[] } {
  const parts = ['a.at >= ?', 'a.at < ?'];
  const params: unknown[] = [rigaMidnight(filter.from), rigaMidnight(addDays(filter.to, 1))];
  if (filter.userId !== undefined) {
    parts.push(
      "(a.actor_id = ? OR a.on_behalf_of_id = ? OR (a.entity = 'user' AND a.entity_id = ?))",
    );
    params.push(filter.userId, filter.userId, String(filter.userId));
  }
  if (filter.groupId !== undefined) {
    parts.push('a.group_id = ?');
    params.push(filter.groupId);
  }
  if (filter.childId !== undefined) {
    parts.push('a.id IN (SELECT event_id FROM audit_event_child WHERE child_id = ?)');
    params.push(filter.childId);
  }
  if (filter.action !== undefined) {
    parts.push('a.action = ?');
    params.push(filter.action);
  } else if (filter.domain !== undefined) {
    const actions = AUDIT_ACTION_LIST.filter((a) => a.startsWith(`${filter.domain}.`));
    parts.push(`a.action IN (${actions.map(() => '?').join(', ')})`);
    params.push(...actions);
  }
  return { sql: parts.join(' AND '), params };
}

const COLUMNS =
  'a.id, a.at, a.actor_id AS "actorId", a.on_behalf_of_id AS "onBehalfOfId", a.action, a.entity, ' +
  'a.entity_id AS "entityId", a.group_id AS "groupId", a.before, a.after';

export async function countEvents(m: EntityManager, filter: AuditFilter): Promise<number> {
  const where = whereOf(filter);
  const [row] = await m.query<{ n: number }[]>(
    `SELECT count(*) AS n FROM audit_event a WHERE ${where.sql}`,
    where.params,
  );
  return Number(row.n);
}

/** One page, newest first; the page is cut in SQL. */
export async function eventPage(
  m: EntityManager,
  filter: AuditFilter,
  offset: number,
  limit: number,
): Promise<EventRow[]> {
  const where = whereOf(filter);
  return m.query<EventRow[]>(
    `SELECT ${COLUMNS} FROM audit_event a WHERE ${where.sql} ` +
      'ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?',
    [...where.params, limit, offset],
  );
}

/** The events about one child, oldest first (a child's data on request). */
export async function childEvents(m: EntityManager, childId: number): Promise<EventRow[]> {
  return m.query<EventRow[]>(
    `SELECT ${COLUMNS} FROM audit_event a JOIN audit_event_child c ON c.event_id = a.id ` +
      'WHERE c.child_id = ? ORDER BY a.at, a.id',
    [childId],
  );
}
