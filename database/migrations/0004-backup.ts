import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** The backup tables. */
export class Backup0000000000004 implements MigrationInterface {
  name = 'Backup0000000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'backup_settings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'enabled', type: 'boolean', default: false },
          { name: 'folder', type: 'text', default: "''" },
          { name: 'passphrase_wrapped', type: 'text', isNullable: true },
          { name: 'last_success_at', type: 'text', isNullable: true },
          { name: 'last_success_file', type: 'text', isNullable: true },
          { name: 'last_failure_at', type: 'text', isNullable: true },
          { name: 'last_failure_key', type: 'text', isNullable: true },
        ],
      }),
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('backup_settings');
  }
}
