import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per topic: in server mode the group's teacher and her substitute may edit the same
 * topic from two PCs at once, and the later save must be told, not overwrite the earlier one.
 */
export class TopicVersion0000000000017 implements MigrationInterface {
  name = 'TopicVersion0000000000017';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await q.query('ALTER TABLE topic ADD COLUMN version integer NOT NULL DEFAULT 1');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE topic DROP COLUMN version');
  }
}
