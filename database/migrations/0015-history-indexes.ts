import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertForeignKeys } from './checks';

/** A cell's value as the history spells it: the mark, else the reason, else ''. */
const CURRENT = "COALESCE(a.mark, a.reason, '')";
/** The newest history row of the cell of assessment `a` (idx_assessment_history_cell). */
const NEWEST =
  '(SELECT MAX(x.id) FROM assessment_history x ' +
  'WHERE x.topic_id = a.topic_id AND x.child_id = a.child_id AND x.area = a.area)';
/** History row `h` is the change that made `a` what it is now: nothing the cell does not say. */
const REPEATS =
  `h.id = ${NEWEST} AND h."after" = ${CURRENT} AND h.at = a.updated_at AND ` +
  'h.user_id = a.updated_by AND h.late = a.late';

/**
 * Ten years of history without walking it (issue 12):
 * - indexes for the hot reads: the excused cells of "Jānovērtē vēlāk" (a partial index: ~700 a
 *   year of the bench's 21 000 cells a year), the plans of a month or a school year, the journal checks of
 *   a school year, and a mark's history by cell;
 * - the assessment history keeps only superseded values. Every cell used to be stored twice:
 *   in `assessment` and as the history row of its last change. That row goes; the cell itself
 *   now holds who it was entered on behalf of, the one thing only the history row had.
 */
export class HistoryIndexes0000000000015 implements MigrationInterface {
  name = 'HistoryIndexes0000000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX idx_plan_month ON plan (month, group_id)');
    await q.query('CREATE INDEX idx_journal_check_date ON journal_check (date)');
    await q.query(
      'CREATE INDEX idx_assessment_excused ON assessment (topic_id, child_id) ' +
        "WHERE reason = 'excused' AND mark IS NULL",
    );
    // By cell: the writer reads a cell's newest row, and so does this migration.
    await q.query('DROP INDEX idx_assessment_history_topic');
    await q.query(
      'CREATE INDEX idx_assessment_history_cell ON assessment_history (topic_id, child_id, area)',
    );
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await q.query('ALTER TABLE assessment ADD COLUMN on_behalf_of integer REFERENCES "user"(id)');
    await q.query(
      'UPDATE assessment SET on_behalf_of = (SELECT h.on_behalf_of FROM assessment_history h, ' +
        `assessment a WHERE a.id = assessment.id AND ${REPEATS}) ` +
        'WHERE EXISTS (SELECT 1 FROM assessment_history h WHERE h.topic_id = assessment.topic_id ' +
        'AND h.child_id = assessment.child_id AND h.area = assessment.area AND h.on_behalf_of IS NOT NULL)',
    );
    await q.query(
      'DELETE FROM assessment_history WHERE id IN (SELECT h.id FROM assessment_history h ' +
        'JOIN assessment a ON a.topic_id = h.topic_id AND a.child_id = h.child_id AND a.area = h.area ' +
        `WHERE ${REPEATS})`,
    );
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    // Each cell's last change back into the history, unless the history still holds it.
    await q.query(
      'INSERT INTO assessment_history (topic_id, child_id, area, "before", "after", late, at, user_id, on_behalf_of) ' +
        `SELECT a.topic_id, a.child_id, a.area, COALESCE((SELECT h."after" FROM assessment_history h WHERE h.id = ${NEWEST}), ''), ` +
        `${CURRENT}, a.late, a.updated_at, a.updated_by, a.on_behalf_of FROM assessment a ` +
        `WHERE NOT EXISTS (SELECT 1 FROM assessment_history h WHERE ${REPEATS}) ORDER BY a.updated_at, a.id`,
    );
    await q.query('DROP INDEX idx_assessment_excused');
    await q.query('DROP INDEX idx_journal_check_date');
    await q.query('DROP INDEX idx_plan_month');
    await q.query('DROP INDEX idx_assessment_history_cell');
    await q.query('CREATE INDEX idx_assessment_history_topic ON assessment_history (topic_id)');
    // SQLite drops no column that holds a reference: TypeORM rebuilds the table there.
    await q.dropColumn('assessment', 'on_behalf_of');
  }
}
