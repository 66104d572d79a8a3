import type { MigrationInterface, QueryRunner } from 'typeorm';
import { engineOf } from '../engine';
import { assertForeignKeys } from './checks';

/** audit_event_child as 0014 made it (a rowid table beside its primary key), or without rowid. */
const childTable = (name: string, withoutRowid: boolean) =>
  `CREATE TABLE "${name}" ("event_id" integer NOT NULL, "child_id" integer NOT NULL, ` +
  'CONSTRAINT "FK_6090c87d32f38d518f3fe5f07be" FOREIGN KEY ("event_id") REFERENCES "audit_event" ("id"), ' +
  'CONSTRAINT "FK_3e892c238d5a3af16ae121af52e" FOREIGN KEY ("child_id") REFERENCES "child" ("id"), ' +
  `PRIMARY KEY ("event_id", "child_id"))${withoutRowid ? ' WITHOUT ROWID' : ''}`;

/** SQLite: the link table rebuilt in the other shape, its rows and its index kept. */
async function rebuildChildLinks(q: QueryRunner, withoutRowid: boolean): Promise<void> {
  await q.query(childTable('audit_event_child_new', withoutRowid));
  await q.query(
    'INSERT INTO audit_event_child_new (event_id, child_id) ' +
      'SELECT event_id, child_id FROM audit_event_child ORDER BY event_id, child_id',
  );
  await q.query('DROP TABLE audit_event_child');
  await q.query('ALTER TABLE audit_event_child_new RENAME TO audit_event_child');
  await q.query('CREATE INDEX idx_audit_event_child ON audit_event_child (child_id, event_id)');
}

/**
 * Issue 12's size: the audit stored the same, in fewer pages (ten years: 140 000 events, 60 000
 * of them logins). Nothing is deleted and no event's content changes.
 * - idx_audit_event_actor (actor_id, at) goes: no read uses it (docs/query-plans.md, "Audit
 *   storage"). The viewer's person filter is an OR that also matches the event's subject, so
 *   neither engine can answer it from this index; it walks the period on idx_audit_event_at.
 *   The substitution reads (absent teacher AND substitute AND period) get their own index below.
 *   Users are never deleted, so no foreign-key check needs it either.
 * - idx_audit_event_group and idx_audit_on_behalf hold only the rows that have a value: half
 *   of the events concern no group, and almost none are entered on someone's behalf. Every
 *   read of them asks `column = ?`, which both engines know implies IS NOT NULL.
 *   The on-behalf index gains `at`, so that the substitution reads are answered from it alone.
 * - SQLite: audit_event_child is a pure link table, so its primary key is the table
 *   (WITHOUT ROWID) instead of a rowid table plus a copy of both columns in the key's index.
 *   PostgreSQL has no rowid table to spare.
 */
export class AuditStorage0000000000018 implements MigrationInterface {
  name = 'AuditStorage0000000000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX idx_audit_event_actor');
    await q.query('DROP INDEX idx_audit_event_group');
    await q.query(
      'CREATE INDEX idx_audit_event_group ON audit_event (group_id, at) WHERE group_id IS NOT NULL',
    );
    await q.query('DROP INDEX idx_audit_on_behalf');
    await q.query(
      'CREATE INDEX idx_audit_on_behalf ON audit_event (on_behalf_of_id, actor_id, at) ' +
        'WHERE on_behalf_of_id IS NOT NULL',
    );
    if (engineOf(q) === 'sqlite') await rebuildChildLinks(q, true);
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    if (engineOf(q) === 'sqlite') await rebuildChildLinks(q, false);
    await q.query('DROP INDEX idx_audit_on_behalf');
    await q.query('CREATE INDEX idx_audit_on_behalf ON audit_event (on_behalf_of_id, actor_id)');
    await q.query('DROP INDEX idx_audit_event_group');
    await q.query('CREATE INDEX idx_audit_event_group ON audit_event (group_id, at)');
    await q.query('CREATE INDEX idx_audit_event_actor ON audit_event (actor_id, at)');
    await assertForeignKeys(q);
  }
}
