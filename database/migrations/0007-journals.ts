import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/** Individual work journal and talks with parents (the rules' 3.6, 3.7, 3.10). */
export class Journals0000000000007 implements MigrationInterface {
  name = 'Journals0000000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'individual_work_entry',
        columns: [
          id,
          { name: 'date', type: 'text' },
          { name: 'kind', type: 'text' },
          { name: 'content', type: 'text' },
          { name: 'duration_minutes', type: 'integer', isNullable: true },
          { name: 'author_id', type: 'integer' },
          { name: 'on_behalf_of', type: 'integer', isNullable: true },
          { name: 'late', type: 'boolean', default: false },
          { name: 'send_status', type: 'text', isNullable: true },
          { name: 'created_at', type: 'text' },
          { name: 'updated_at', type: 'text' },
        ],
        foreignKeys: [fk('author_id', 'user'), fk('on_behalf_of', 'user')],
        indices: [
          { name: 'idx_individual_work_date', columnNames: ['date'] },
          { name: 'idx_individual_work_author', columnNames: ['author_id', 'date'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'individual_work_child',
        columns: [
          { name: 'entry_id', type: 'integer', isPrimary: true },
          { name: 'child_id', type: 'integer', isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
        foreignKeys: [
          { ...fk('entry_id', 'individual_work_entry'), onDelete: 'CASCADE' },
          fk('child_id', 'child'),
        ],
        indices: [{ name: 'idx_individual_work_child', columnNames: ['child_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'parent_talk',
        columns: [
          id,
          { name: 'date', type: 'text' },
          { name: 'child_id', type: 'integer' },
          { name: 'subject', type: 'text' },
          { name: 'content', type: 'text' },
          { name: 'agreed', type: 'text' },
          { name: 'author_id', type: 'integer' },
          { name: 'on_behalf_of', type: 'integer', isNullable: true },
          { name: 'late', type: 'boolean', default: false },
          { name: 'created_at', type: 'text' },
          { name: 'updated_at', type: 'text' },
        ],
        foreignKeys: [fk('child_id', 'child'), fk('author_id', 'user'), fk('on_behalf_of', 'user')],
        indices: [
          { name: 'idx_parent_talk_date', columnNames: ['date'] },
          { name: 'idx_parent_talk_child', columnNames: ['child_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'parent_talk_guardian',
        columns: [
          { name: 'talk_id', type: 'integer', isPrimary: true },
          { name: 'guardian_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [
          { ...fk('talk_id', 'parent_talk'), onDelete: 'CASCADE' },
          fk('guardian_id', 'guardian'),
        ],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'parent_talk_guardian',
      'parent_talk',
      'individual_work_child',
      'individual_work_entry',
    ]) {
      await q.dropTable(table);
    }
  }
}
