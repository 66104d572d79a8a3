import type { QueryRunner } from 'typeorm';

/** Every migration ends here: a migration that leaves a dangling reference fails and rolls back. */
export async function assertForeignKeys(q: QueryRunner): Promise<void> {
  const problems = (await q.query('PRAGMA foreign_key_check')) as unknown[];
  if (problems.length > 0) {
    throw new Error(
      `foreign_key_check found ${problems.length} problem(s): ${JSON.stringify(problems.slice(0, 5))}`,
    );
  }
}
