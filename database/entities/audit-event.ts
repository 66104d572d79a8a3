import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, when, on whose behalf, with the values before and after (JSON). */
@Entity('audit_event')
@Index('idx_audit_event_at', ['at'])
// "What was entered on her behalf" reads the audit by absent teacher and substitute.
@Index('idx_audit_on_behalf', ['onBehalfOfId', 'actorId'])
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

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  entity!: string | null;

  @Column({ type: 'text', name: 'entity_id', nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;
}
