import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { engineOf } from '../engine';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/**
 * Mail (the rules' 4): staff messages and their recipients, the outbox of e-mail to parents,
 * the SMTP settings, and the guardian's (and the written application's) consent to e-mail.
 */
export class Mail0000000000012 implements MigrationInterface {
  name = 'Mail0000000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'message',
        columns: [
          id,
          { name: 'author_id', type: 'integer' },
          { name: 'subject', type: 'text' },
          { name: 'body', type: 'text' },
          { name: 'to_labels', type: 'text' },
          { name: 'search_text', type: 'text' },
          { name: 'reply_to_id', type: 'integer', isNullable: true },
          { name: 'author_removed', type: 'boolean', default: false },
          { name: 'created_at', type: 'text' },
        ],
        foreignKeys: [fk('author_id', 'user'), fk('reply_to_id', 'message')],
        indices: [{ name: 'idx_message_author', columnNames: ['author_id', 'id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'message_recipient',
        columns: [
          { name: 'message_id', type: 'integer', isPrimary: true },
          { name: 'user_id', type: 'integer', isPrimary: true },
          { name: 'read_at', type: 'text', isNullable: true },
          { name: 'removed', type: 'boolean', default: false },
        ],
        foreignKeys: [fk('message_id', 'message'), fk('user_id', 'user')],
        indices: [
          {
            name: 'idx_message_recipient_user',
            columnNames: ['user_id', 'removed', 'message_id'],
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          id,
          { name: 'kind', type: 'text' },
          { name: 'status', type: 'text' },
          { name: 'to_address', type: 'text' },
          { name: 'to_name', type: 'text' },
          { name: 'guardian_id', type: 'integer', isNullable: true },
          { name: 'child_id', type: 'integer', isNullable: true },
          { name: 'entry_id', type: 'integer', isNullable: true },
          { name: 'subject', type: 'text' },
          { name: 'body', type: 'text' },
          // Base64 text: one column type on SQLite and PostgreSQL (no blob/bytea split).
          { name: 'attachment', type: 'text', isNullable: true },
          { name: 'attachment_name', type: 'text', isNullable: true },
          { name: 'message_id', type: 'text' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'text', isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'server_reply', type: 'text', isNullable: true },
          { name: 'sent_at', type: 'text', isNullable: true },
          { name: 'claim', type: 'text', isNullable: true },
          { name: 'created_by', type: 'integer' },
          { name: 'created_at', type: 'text' },
          { name: 'updated_at', type: 'text' },
        ],
        // No key to the entry or the guardian: a sent e-mail stays history when they go.
        foreignKeys: [fk('created_by', 'user')],
        indices: [
          { name: 'idx_outbox_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'idx_outbox_creator', columnNames: ['created_by', 'id'] },
          { name: 'idx_outbox_entry', columnNames: ['entry_id'] },
          { name: 'idx_outbox_message_id', columnNames: ['message_id'], isUnique: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mail_settings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'host', type: 'text' },
          { name: 'port', type: 'integer' },
          { name: 'tls', type: 'text' },
          { name: 'username', type: 'text', default: "''" },
          { name: 'password_wrapped', type: 'text', isNullable: true },
          { name: 'from_address', type: 'text' },
          { name: 'from_name', type: 'text' },
          { name: 'updated_at', type: 'text' },
          { name: 'updated_by', type: 'integer' },
        ],
        foreignKeys: [fk('updated_by', 'user')],
      }),
    );
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    const no = engineOf(q) === 'postgres' ? 'false' : '(0)';
    await q.query(`ALTER TABLE guardian ADD COLUMN agrees_email boolean NOT NULL DEFAULT ${no}`);
    await q.query('ALTER TABLE parent_application ADD COLUMN email text');
    await q.query(
      `ALTER TABLE parent_application ADD COLUMN agrees_email boolean NOT NULL DEFAULT ${no}`,
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE parent_application DROP COLUMN agrees_email');
    await q.query('ALTER TABLE parent_application DROP COLUMN email');
    await q.query('ALTER TABLE guardian DROP COLUMN agrees_email');
    for (const table of ['mail_settings', 'outbox', 'message_recipient', 'message']) {
      await q.dropTable(table);
    }
  }
}
