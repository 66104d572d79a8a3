import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** The deputy head's diary and journal checks (the rules' 3.8, 3.9, 3.12). */
export class Supervision0000000000008 implements MigrationInterface {
  name = 'Supervision0000000000008';

  async up(q: QueryRunner): Promise<void> {
    await assertForeignKeys(q);
  }

  async down(): Promise<void> {}
}
