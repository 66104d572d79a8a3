import type { QueryRunner } from 'typeorm';
import { engineOf } from '../engine';

/**
 * Every migration ends here: a migration that leaves a dangling reference fails and rolls back.
 * PostgreSQL checks each reference as it is written, so only SQLite needs the pass at the end.
 */
export async function assertForeignKeys(q: QueryRunner): Promise<void> {
  if (engineOf(q) !== 'sqlite') return;
  const problems = (await q.query('PRAGMA foreign_key_check')) as unknown[];
  if (problems.length > 0) {
    throw new Error(
      `foreign_key_check found ${problems.length} problem(s): ${JSON.stringify(problems.slice(0, 5))}`,
    );
  }
}
