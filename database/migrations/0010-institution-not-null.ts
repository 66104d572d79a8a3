import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { engineOf } from '../engine';
import { assertForeignKeys } from './checks';

const COLUMNS = [
  'id',
  'name',
  'reg_no',
  'address',
  'attendance_deadline',
  'idle_minutes',
  'school_year_start',
  'recovery_key_confirmed',
  'assessment_due_days',
].join(', ');

/** The institution table with `assessment_due_days` NOT NULL (or nullable, to go back). */
async function rebuildInstitution(q: QueryRunner, dueDaysNullable: boolean): Promise<void> {
  await q.createTable(
    new Table({
      name: 'institution_rebuilt',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true },
        { name: 'name', type: 'text' },
        { name: 'reg_no', type: 'text' },
        { name: 'address', type: 'text' },
        { name: 'attendance_deadline', type: 'text', default: "'09:00'" },
        { name: 'idle_minutes', type: 'integer', default: 10 },
        { name: 'school_year_start', type: 'text', default: "'09-01'" },
        { name: 'recovery_key_confirmed', type: 'boolean', default: false },
        { name: 'assessment_due_days', type: 'integer', default: 5, isNullable: dueDaysNullable },
      ],
    }),
  );
  const dueDays = dueDaysNullable ? 'assessment_due_days' : 'COALESCE(assessment_due_days, 5)';
  await q.query(
    `INSERT INTO institution_rebuilt (${COLUMNS}) SELECT ${COLUMNS.replace('assessment_due_days', dueDays)} FROM institution`,
  );
  // Nothing references institution, so it can be dropped with foreign keys on.
  await q.query('DROP TABLE institution');
  await q.query('ALTER TABLE institution_rebuilt RENAME TO institution');
}

/** PostgreSQL changes NOT NULL in place. */
async function alterInstitution(q: QueryRunner, dueDaysNullable: boolean): Promise<void> {
  if (dueDaysNullable) {
    await q.query('ALTER TABLE institution ALTER COLUMN assessment_due_days DROP NOT NULL');
    return;
  }
  await q.query('UPDATE institution SET assessment_due_days = 5 WHERE assessment_due_days IS NULL');
  await q.query('ALTER TABLE institution ALTER COLUMN assessment_due_days SET NOT NULL');
}

/**
 * 0006 added `assessment_due_days` with a plain ALTER TABLE that left it nullable, while the
 * entity and the code read it as a number. SQLite cannot change a column's NOT NULL in place,
 * so the one-row table is rebuilt there (the schema drift test found it); PostgreSQL alters it.
 */
export class InstitutionNotNull0000000000010 implements MigrationInterface {
  name = 'InstitutionNotNull0000000000010';

  async up(q: QueryRunner): Promise<void> {
    if (engineOf(q) === 'postgres') await alterInstitution(q, false);
    else await rebuildInstitution(q, false);
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    if (engineOf(q) === 'postgres') await alterInstitution(q, true);
    else await rebuildInstitution(q, true);
  }
}
