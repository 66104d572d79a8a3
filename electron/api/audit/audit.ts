import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../../../common/audit-actions';
import { hotQuery } from '../../../database/hot-query';
import type { PendingAuditEvent } from '../../../database/keyslots';

export interface AuditEntry {
  /** One of common/audit-actions.ts: a free string does not compile. */
  action: AuditAction;
  actorId: number | null;
  onBehalfOfId?: number | null;
  entity?: string;
  entityId?: string | number;
  /** The group the event concerns: the viewer filters by it. */
  groupId?: number | null;
  /** The children the event concerns (audit_event_child): the viewer and a child's data read it. */
  childIds?: readonly number[];
  /** What changed: field → value before and after (see changedFields and cellChanges). */
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** SQLite takes at most 32 766 parameters; the child links go in batches well below it. */
const LINK_BATCH = 400;

/**
 * Records one audit event in the same transaction as the change it describes, with its links to
 * the children it concerns. Plain SQL: every save writes one, and TypeORM's insert builder costs
 * more than the insert itself.
 */
export async function audit(manager: EntityManager, at: Date, entry: AuditEntry): Promise<void> {
  const result = await hotQuery<{ id: number }>(
    manager,
    'INSERT INTO audit_event (at, actor_id, on_behalf_of_id, action, entity, entity_id, ' +
      'group_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [
      at.toISOString(),
      entry.actorId,
      entry.onBehalfOfId ?? null,
      entry.action,
      entry.entity ?? null,
      entry.entityId === undefined ? null : String(entry.entityId),
      entry.groupId ?? null,
      json(entry.before),
      json(entry.after),
    ],
  );
  const children = [...new Set(entry.childIds ?? [])];
  for (let i = 0; i < children.length; i += LINK_BATCH) {
    const batch = children.slice(i, i + LINK_BATCH);
    await hotQuery(
      manager,
      `INSERT INTO audit_event_child (event_id, child_id) VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      batch.flatMap((childId) => [result[0].id, childId]),
    );
  }
}

type Fields = Record<string, unknown>;

/**
 * Only the fields of the new version that differ from the old one, each side keeping its own
 * value: "field: before → after" without the whole record twice (issue 12's audit size).
 * `keep` names fields recorded on both sides even when equal, to say which record it was.
 */
export function changedFields(
  before: object,
  after: object,
  keep: readonly string[] = [],
): { before: Fields; after: Fields } {
  const b = before as Fields;
  const a = after as Fields;
  const out = { before: {} as Fields, after: {} as Fields };
  for (const key of Object.keys(a)) {
    const same = JSON.stringify(b[key]) === JSON.stringify(a[key]);
    if (same && !keep.includes(key)) continue;
    if (b[key] !== undefined) out.before[key] = b[key];
    if (a[key] !== undefined) out.after[key] = a[key];
  }
  return out;
}

const empty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * A batch of cells (attendance days, marks) as two maps keyed "<childId>.<day or area>": an
 * empty value is left out, so a first fill stores no "before" at all and each cell costs a key
 * and a letter instead of a whole object per side.
 */
export function cellChanges(
  cells: readonly { childId: number; key: string; before: unknown; after: unknown }[],
): { before: Fields | undefined; after: Fields | undefined } {
  const before: Fields = {};
  const after: Fields = {};
  for (const cell of cells) {
    const key = `${cell.childId}.${cell.key}`;
    if (!empty(cell.before)) before[key] = cell.before;
    if (!empty(cell.after)) after[key] = cell.after;
  }
  return {
    before: Object.keys(before).length ? before : undefined,
    after: Object.keys(after).length ? after : undefined,
  };
}

/** The cells of a cellChanges event: every key on either side, with its two values. */
export function cellsOf(
  before: unknown,
  after: unknown,
): { childId: number; key: string; before: unknown; after: unknown }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Fields;
  const a = (after && typeof after === 'object' ? after : {}) as Fields;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((full) => {
    const dot = full.indexOf('.');
    return {
      childId: Number(full.slice(0, dot)),
      key: full.slice(dot + 1),
      before: b[full] ?? null,
      after: a[full] ?? null,
    };
  });
}

/**
 * Moves events that happened while the database was closed (failed logins, lockouts) into the
 * log. They name the account by id when the name typed was one; an unknown name is not kept
 * anywhere (it may have been a password typed into the wrong field).
 */
export async function flushPending(
  manager: EntityManager,
  events: PendingAuditEvent[],
): Promise<void> {
  for (const event of events) {
    await manager.query(
      'INSERT INTO audit_event (at, actor_id, on_behalf_of_id, action, entity, entity_id, ' +
        'before, after) VALUES (?, NULL, NULL, ?, ?, ?, NULL, ?)',
      [
        event.at,
        event.action,
        'user',
        event.userId === undefined ? null : String(event.userId),
        JSON.stringify({ ...(event.detail ?? {}), knownUser: event.userId !== undefined }),
      ],
    );
  }
}
