import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '../../common/audit-actions';

/** Who did what, when, on whose behalf, with the values before and after (JSON). */
@Entity('audit_event')
@Index('idx_audit_event_at', ['at'])
// "What was entered on her behalf" reads the audit by absent teacher, substitute and period;
// partial, as the group's: only the rows with a value (migration 0018).
@Index('idx_audit_on_behalf', ['onBehalfOfId', 'actorId', 'at'], {
  where: 'on_behalf_of_id IS NOT NULL',
})
// The viewer's filter by group, newest first.
@Index('idx_audit_event_group', ['groupId', 'at'], { where: 'group_id IS NOT NULL' })
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** UTC instant, ISO 8601. */
  @Column({ type: 'text' })
  at!: string;

  /** The acting user; null for events before anyone logged in (e.g. a failed login). */
  @Column({ type: 'integer', name: 'actor_id', nullable: true })
  actorId!: number | null;

  /** The absent teacher a substitute acted for. */
  @Column({ type: 'integer', name: 'on_behalf_of_id', nullable: true })
  onBehalfOfId!: number | null;

  /** One of common/audit-actions.ts (`<domain>.<entity>.<verb>`). */
  @Column({ type: 'text' })
  action!: AuditAction;

  @Column({ type: 'text', nullable: true })
  entity!: string | null;

  @Column({ type: 'text', name: 'entity_id', nullable: true })
  entityId!: string | null;

  /** The group the event concerns, for the viewer's filter. */
  @Column({ type: 'integer', name: 'group_id', nullable: true })
  groupId!: number | null;

  /** Only what changed (electron/api/audit/audit.ts), as JSON. */
  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;
}

/** The children an event concerns: the viewer's filter by child and a child's data on request. */
// On SQLite the primary key is the table (WITHOUT ROWID): a pure link table (migration 0018).
@Entity('audit_event_child', { withoutRowid: true })
@Index('idx_audit_event_child', ['childId', 'eventId'])
export class AuditEventChild {
  @PrimaryColumn({ type: 'integer', name: 'event_id' })
  eventId!: number;

  @PrimaryColumn({ type: 'integer', name: 'child_id' })
  childId!: number;
}
