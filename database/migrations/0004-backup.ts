import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** The backup tables. */
export class Backup0000000000004 implements MigrationInterface {
  name = 'Backup0000000000004';

  async up(q: QueryRunner): Promise<void> {
    await assertForeignKeys(q);
  }

  async down(): Promise<void> {}
}
