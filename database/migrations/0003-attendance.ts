import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/** The attendance tables: confirmed days, marks and their history, nurse checks, calendar days. */
export class Attendance0000000000003 implements MigrationInterface {
  name = 'Attendance0000000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'attendance_day',
        columns: [
          id,
          { name: 'group_id', type: 'integer' },
          { name: 'date', type: 'text' },
          { name: 'confirmed_by', type: 'integer' },
          { name: 'confirmed_at', type: 'text' },
          { name: 'late', type: 'boolean' },
        ],
        foreignKeys: [fk('group_id', 'group'), fk('confirmed_by', 'user')],
        indices: [
          {
            name: 'idx_attendance_day_group_date',
            columnNames: ['group_id', 'date'],
            isUnique: true,
          },
          { name: 'idx_attendance_day_date', columnNames: ['date'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'attendance_mark',
        columns: [
          id,
          { name: 'child_id', type: 'integer' },
          { name: 'group_id', type: 'integer' },
          { name: 'date', type: 'text' },
          { name: 'code', type: 'text' },
          { name: 'corrected', type: 'boolean' },
          { name: 'updated_by', type: 'integer' },
          { name: 'updated_at', type: 'text' },
        ],
        foreignKeys: [fk('child_id', 'child'), fk('group_id', 'group'), fk('updated_by', 'user')],
        indices: [
          {
            name: 'idx_attendance_mark_child_date',
            columnNames: ['child_id', 'date'],
            isUnique: true,
          },
          { name: 'idx_attendance_mark_group_date', columnNames: ['group_id', 'date'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'attendance_mark_history',
        columns: [
          id,
          { name: 'child_id', type: 'integer' },
          { name: 'group_id', type: 'integer' },
          { name: 'date', type: 'text' },
          { name: 'old_code', type: 'text', isNullable: true },
          { name: 'new_code', type: 'text', isNullable: true },
          { name: 'actor_id', type: 'integer' },
          { name: 'acted_as', type: 'text' },
          { name: 'on_behalf_of', type: 'integer', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'at', type: 'text' },
        ],
        foreignKeys: [
          fk('child_id', 'child'),
          fk('group_id', 'group'),
          fk('actor_id', 'user'),
          fk('on_behalf_of', 'user'),
        ],
        indices: [{ name: 'idx_attendance_mark_history_cell', columnNames: ['child_id', 'date'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'nurse_check',
        columns: [
          id,
          { name: 'date', type: 'text' },
          { name: 'checked_by', type: 'integer' },
          { name: 'checked_at', type: 'text' },
        ],
        foreignKeys: [fk('checked_by', 'user')],
        indices: [{ name: 'idx_nurse_check_date', columnNames: ['date'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_day',
        columns: [
          id,
          { name: 'date', type: 'text' },
          { name: 'kind', type: 'text' },
          { name: 'work_saturday', type: 'text', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'created_by', type: 'integer' },
          { name: 'created_at', type: 'text' },
        ],
        foreignKeys: [fk('created_by', 'user')],
        indices: [{ name: 'idx_calendar_day_date', columnNames: ['date'], isUnique: true }],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_day',
      'nurse_check',
      'attendance_mark_history',
      'attendance_mark',
      'attendance_day',
    ]) {
      await q.dropTable(table);
    }
  }
}
