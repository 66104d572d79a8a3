import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** Individual work journal and talks with parents (the rules' 3.6, 3.7, 3.10). */
export class Journals0000000000007 implements MigrationInterface {
  name = 'Journals0000000000007';

  async up(q: QueryRunner): Promise<void> {
    await assertForeignKeys(q);
  }

  async down(): Promise<void> {}
}
