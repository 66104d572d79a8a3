import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** The attendance tables. */
export class Attendance0000000000003 implements MigrationInterface {
  name = 'Attendance0000000000003';

  async up(q: QueryRunner): Promise<void> {
    await assertForeignKeys(q);
  }

  async down(): Promise<void> {}
}
