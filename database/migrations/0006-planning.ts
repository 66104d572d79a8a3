import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/** Plans, topics, results per area, versions, marks and their history; the assessment days. */
export class Planning0000000000006 implements MigrationInterface {
  name = 'Planning0000000000006';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await q.query('ALTER TABLE institution ADD COLUMN assessment_due_days integer DEFAULT 5');
    await q.createTable(
      new Table({
        name: 'plan',
        columns: [
          id,
          { name: 'group_id', type: 'integer' },
          { name: 'month', type: 'text' },
          { name: 'submitted_at', type: 'text', isNullable: true },
          { name: 'submitted_by', type: 'integer', isNullable: true },
          { name: 'late', type: 'boolean', default: false },
          { name: 'pending_changes', type: 'boolean', default: true },
          { name: 'updated_at', type: 'text' },
          { name: 'updated_by', type: 'integer' },
        ],
        foreignKeys: [
          fk('group_id', 'group'),
          fk('submitted_by', 'user'),
          fk('updated_by', 'user'),
        ],
        uniques: [{ name: 'uq_plan_group_month', columnNames: ['group_id', 'month'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'topic',
        columns: [
          id,
          { name: 'plan_id', type: 'integer' },
          { name: 'position', type: 'integer' },
          { name: 'title', type: 'text' },
          { name: 'start_date', type: 'text' },
          { name: 'end_date', type: 'text' },
          { name: 'message', type: 'text' },
          { name: 'content', type: 'text' },
          { name: 'values', type: 'text' },
          { name: 'values_text', type: 'text' },
          { name: 'skills', type: 'text' },
          { name: 'extra', type: 'text' },
        ],
        foreignKeys: [fk('plan_id', 'plan')],
        indices: [{ name: 'idx_topic_plan', columnNames: ['plan_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'topic_area',
        columns: [
          id,
          { name: 'topic_id', type: 'integer' },
          { name: 'area', type: 'text' },
          { name: 'results', type: 'text' },
        ],
        foreignKeys: [fk('topic_id', 'topic')],
        uniques: [{ name: 'uq_topic_area', columnNames: ['topic_id', 'area'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_version',
        columns: [
          id,
          { name: 'plan_id', type: 'integer' },
          { name: 'number', type: 'integer' },
          { name: 'at', type: 'text' },
          { name: 'user_id', type: 'integer' },
          { name: 'late', type: 'boolean', default: false },
          { name: 'snapshot', type: 'text' },
        ],
        foreignKeys: [fk('plan_id', 'plan'), fk('user_id', 'user')],
        uniques: [{ name: 'uq_plan_version', columnNames: ['plan_id', 'number'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment',
        columns: [
          id,
          { name: 'topic_id', type: 'integer' },
          { name: 'child_id', type: 'integer' },
          { name: 'area', type: 'text' },
          { name: 'mark', type: 'text', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'late', type: 'boolean', default: false },
          { name: 'updated_at', type: 'text' },
          { name: 'updated_by', type: 'integer' },
        ],
        foreignKeys: [fk('topic_id', 'topic'), fk('child_id', 'child'), fk('updated_by', 'user')],
        uniques: [{ name: 'uq_assessment', columnNames: ['topic_id', 'child_id', 'area'] }],
        indices: [{ name: 'idx_assessment_child', columnNames: ['child_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_history',
        columns: [
          id,
          { name: 'topic_id', type: 'integer' },
          { name: 'child_id', type: 'integer' },
          { name: 'area', type: 'text' },
          { name: 'before', type: 'text' },
          { name: 'after', type: 'text' },
          { name: 'late', type: 'boolean', default: false },
          { name: 'at', type: 'text' },
          { name: 'user_id', type: 'integer' },
        ],
        foreignKeys: [fk('topic_id', 'topic'), fk('child_id', 'child'), fk('user_id', 'user')],
        indices: [{ name: 'idx_assessment_history_topic', columnNames: ['topic_id'] }],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'assessment_history',
      'assessment',
      'plan_version',
      'topic_area',
      'topic',
      'plan',
    ]) {
      await q.dropTable(table);
    }
    await q.query('ALTER TABLE institution DROP COLUMN assessment_due_days');
  }
}
