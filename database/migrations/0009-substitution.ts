import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/**
 * Substitutes (the rules' 3.11), and who an entry was made on behalf of in the histories that
 * did not have it yet: plan versions, mark history, the day's confirmation.
 */
export class Substitution0000000000009 implements MigrationInterface {
  name = 'Substitution0000000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'substitution',
        columns: [
          id,
          { name: 'group_id', type: 'integer' },
          { name: 'substitute_id', type: 'integer' },
          { name: 'absent_id', type: 'integer' },
          { name: 'from_date', type: 'text' },
          { name: 'to_date', type: 'text' },
          { name: 'note', type: 'text', default: "''" },
          { name: 'created_at', type: 'text' },
          { name: 'created_by', type: 'integer' },
        ],
        foreignKeys: [
          fk('group_id', 'group'),
          fk('substitute_id', 'user'),
          fk('absent_id', 'user'),
          fk('created_by', 'user'),
        ],
        indices: [
          { name: 'idx_substitution_substitute', columnNames: ['substitute_id', 'from_date'] },
          { name: 'idx_substitution_group', columnNames: ['group_id', 'from_date'] },
        ],
      }),
    );
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    for (const table of ['attendance_day', 'plan_version', 'assessment_history']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN on_behalf_of integer REFERENCES "user"(id)`);
    }
    // "What was entered on her behalf" reads the audit by absent teacher and substitute.
    await q.query('CREATE INDEX idx_audit_on_behalf ON audit_event (on_behalf_of_id, actor_id)');
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('substitution');
  }
}
