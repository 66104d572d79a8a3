import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/** Groups, teachers in groups, children, enrolments, guardians, parent applications. */
export class People0000000000002 implements MigrationInterface {
  name = 'People0000000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'group',
        columns: [
          id,
          { name: 'number', type: 'integer', isNullable: true },
          { name: 'name', type: 'text' },
          { name: 'age_from_months', type: 'integer' },
          { name: 'age_to_months', type: 'integer' },
          { name: 'capacity', type: 'integer' },
          { name: 'school_year', type: 'integer' },
          { name: 'active_from', type: 'text' },
          { name: 'active_to', type: 'text' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'group_teacher',
        columns: [
          id,
          { name: 'group_id', type: 'integer' },
          { name: 'user_id', type: 'integer' },
          { name: 'from_date', type: 'text' },
          { name: 'to_date', type: 'text', isNullable: true },
        ],
        foreignKeys: [fk('group_id', 'group'), fk('user_id', 'user')],
        indices: [
          { name: 'idx_group_teacher_user', columnNames: ['user_id'] },
          { name: 'idx_group_teacher_group', columnNames: ['group_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'child',
        columns: [
          id,
          { name: 'first_name', type: 'text' },
          { name: 'last_name', type: 'text' },
          { name: 'search_name', type: 'text' },
          { name: 'personal_code', type: 'text', isUnique: true },
          { name: 'birth_date', type: 'text' },
          { name: 'created_at', type: 'text' },
        ],
        indices: [{ name: 'idx_child_search', columnNames: ['search_name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'enrolment',
        columns: [
          id,
          { name: 'child_id', type: 'integer' },
          { name: 'group_id', type: 'integer' },
          { name: 'from_date', type: 'text' },
          { name: 'to_date', type: 'text', isNullable: true },
        ],
        foreignKeys: [fk('child_id', 'child'), fk('group_id', 'group')],
        indices: [
          { name: 'idx_enrolment_group', columnNames: ['group_id', 'from_date'] },
          { name: 'idx_enrolment_child', columnNames: ['child_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'guardian',
        columns: [
          id,
          { name: 'first_name', type: 'text' },
          { name: 'last_name', type: 'text' },
          { name: 'search_name', type: 'text' },
          { name: 'phone', type: 'text', isNullable: true },
          { name: 'email', type: 'text', isNullable: true },
          { name: 'consents', type: 'text', default: "'[]'" },
        ],
        indices: [{ name: 'idx_guardian_search', columnNames: ['search_name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'child_guardian',
        columns: [
          { name: 'child_id', type: 'integer', isPrimary: true },
          { name: 'guardian_id', type: 'integer', isPrimary: true },
          { name: 'relation', type: 'text' },
        ],
        foreignKeys: [fk('child_id', 'child'), fk('guardian_id', 'guardian')],
        indices: [{ name: 'idx_child_guardian_guardian', columnNames: ['guardian_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'parent_application',
        columns: [
          id,
          { name: 'received_on', type: 'text' },
          { name: 'parent_name', type: 'text' },
          { name: 'parent_phone', type: 'text' },
          { name: 'child_name', type: 'text' },
          { name: 'child_id', type: 'integer', isNullable: true },
          { name: 'group_id', type: 'integer', isNullable: true },
          { name: 'status', type: 'text' },
          { name: 'connected_on', type: 'text', isNullable: true },
          { name: 'refusal_reason', type: 'text', isNullable: true },
          { name: 'guardian_id', type: 'integer', isNullable: true },
          { name: 'created_by', type: 'integer' },
          { name: 'created_at', type: 'text' },
        ],
        foreignKeys: [
          fk('child_id', 'child'),
          fk('group_id', 'group'),
          fk('guardian_id', 'guardian'),
          fk('created_by', 'user'),
        ],
        indices: [
          { name: 'idx_parent_application_status', columnNames: ['status', 'received_on'] },
        ],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'parent_application',
      'child_guardian',
      'guardian',
      'enrolment',
      'child',
      'group_teacher',
      'group',
    ]) {
      await q.dropTable(table);
    }
  }
}
