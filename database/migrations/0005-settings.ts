import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** The settings tables. */
export class Settings0000000000005 implements MigrationInterface {
  name = 'Settings0000000000005';

  async up(q: QueryRunner): Promise<void> {
    await assertForeignKeys(q);
  }

  async down(): Promise<void> {}
}
