import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** The planning tables. */
export class Planning0000000000006 implements MigrationInterface {
  name = 'Planning0000000000006';

  async up(q: QueryRunner): Promise<void> {
    await assertForeignKeys(q);
  }

  async down(): Promise<void> {}
}
