import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../../../database/entities';
import type { PendingAuditEvent } from '../../../database/keyslots';

export interface AuditEntry {
  action: string;
  actorId: number | null;
  onBehalfOfId?: number | null;
  entity?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Records one audit event in the same transaction as the change it describes. Plain SQL: every
 * save writes one, and TypeORM's insert builder costs more than the insert itself.
 */
export async function audit(manager: EntityManager, at: Date, entry: AuditEntry): Promise<void> {
  await manager.query(
    'INSERT INTO audit_event (at, actor_id, on_behalf_of_id, action, entity, entity_id, ' +
      'before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      at.toISOString(),
      entry.actorId,
      entry.onBehalfOfId ?? null,
      entry.action,
      entry.entity ?? null,
      entry.entityId === undefined ? null : String(entry.entityId),
      json(entry.before),
      json(entry.after),
    ],
  );
}

/** Moves events that happened while the database was closed (failed logins) into the log. */
export async function flushPending(
  manager: EntityManager,
  events: PendingAuditEvent[],
): Promise<void> {
  for (const event of events) {
    await manager.insert(AuditEvent, {
      at: event.at,
      actorId: null,
      onBehalfOfId: null,
      action: event.action,
      entity: 'user',
      entityId: event.username,
      before: null,
      after: event.detail ? JSON.stringify(event.detail) : null,
    });
  }
}
