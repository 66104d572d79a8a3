import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** Migrations end in a 13-digit number: TypeORM orders them by it (it calls it a timestamp). */
export class Initial0000000000001 implements MigrationInterface {
  name = 'Initial0000000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'institution',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'name', type: 'text' },
          { name: 'reg_no', type: 'text' },
          { name: 'address', type: 'text' },
          { name: 'attendance_deadline', type: 'text', default: "'09:00'" },
          { name: 'idle_minutes', type: 'integer', default: 10 },
          { name: 'school_year_start', type: 'text', default: "'09-01'" },
          { name: 'recovery_key_confirmed', type: 'boolean', default: false },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'username', type: 'text', isUnique: true },
          { name: 'full_name', type: 'text' },
          { name: 'role', type: 'text' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'must_change_password', type: 'boolean', default: false },
          { name: 'created_at', type: 'text' },
          { name: 'password_changed_at', type: 'text', isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'at', type: 'text' },
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'on_behalf_of_id', type: 'integer', isNullable: true },
          { name: 'action', type: 'text' },
          { name: 'entity', type: 'text', isNullable: true },
          { name: 'entity_id', type: 'text', isNullable: true },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['actor_id'], referencedTableName: 'user', referencedColumnNames: ['id'] },
          {
            columnNames: ['on_behalf_of_id'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'idx_audit_event_at', columnNames: ['at'] }],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_event');
    await q.dropTable('user');
    await q.dropTable('institution');
  }
}
