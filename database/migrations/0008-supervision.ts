import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/** The deputy head's diary and journal checks (the rules' 3.8, 3.9, 3.12). */
export class Supervision0000000000008 implements MigrationInterface {
  name = 'Supervision0000000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'diary_entry',
        columns: [
          id,
          { name: 'date', type: 'text' },
          { name: 'kind', type: 'text' },
          { name: 'participants', type: 'text' },
          { name: 'content', type: 'text' },
          { name: 'late', type: 'boolean', default: false },
          { name: 'author_id', type: 'integer' },
          { name: 'created_at', type: 'text' },
          { name: 'updated_at', type: 'text' },
        ],
        foreignKeys: [fk('author_id', 'user')],
        indices: [{ name: 'idx_diary_entry_date', columnNames: ['date'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'journal_check',
        columns: [
          id,
          { name: 'date', type: 'text' },
          { name: 'group_id', type: 'integer' },
          { name: 'topic_id', type: 'integer', isNullable: true },
          { name: 'topic_title', type: 'text' },
          { name: 'topic_start', type: 'text' },
          { name: 'findings', type: 'text' },
          { name: 'recommendations', type: 'text' },
          { name: 'correction_date', type: 'text', isNullable: true },
          { name: 'author_id', type: 'integer' },
          { name: 'author_role', type: 'text' },
          { name: 'created_at', type: 'text' },
          { name: 'updated_at', type: 'text' },
        ],
        // A plan's topic may be deleted later; the check stays, with the topic's title kept.
        foreignKeys: [
          fk('group_id', 'group'),
          { ...fk('topic_id', 'topic'), onDelete: 'SET NULL' },
          fk('author_id', 'user'),
        ],
        indices: [
          { name: 'idx_journal_check_topic', columnNames: ['topic_id'] },
          { name: 'idx_journal_check_group', columnNames: ['group_id'] },
        ],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('journal_check');
    await q.dropTable('diary_entry');
  }
}
