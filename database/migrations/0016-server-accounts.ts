import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';
import { fk, id } from './columns';

/**
 * Server mode's accounts: password and recovery-key hashes, failed-login counters. Made on both
 * engines so that one migration list gives one schema; the single-PC register leaves them empty
 * (its key-slot file holds the same things, encrypted, outside the database).
 */
export class ServerAccounts0000000000016 implements MigrationInterface {
  name = 'ServerAccounts0000000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'credential',
        columns: [
          id,
          { name: 'kind', type: 'text' },
          { name: 'user_id', type: 'integer', isNullable: true, isUnique: true },
          { name: 'kdf', type: 'text' },
          { name: 'hash', type: 'text' },
          { name: 'changed_at', type: 'text' },
        ],
        foreignKeys: [fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_lockout',
        columns: [
          { name: 'name', type: 'text', isPrimary: true },
          { name: 'failures', type: 'integer' },
          { name: 'locked_until', type: 'text', isNullable: true },
        ],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_lockout');
    await q.dropTable('credential');
  }
}
