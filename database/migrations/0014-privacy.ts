import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { engineOf } from '../engine';
import { assertForeignKeys } from './checks';
import { fk } from './columns';

/**
 * The audit's action names before issue 16 (mixed styles) and the `<domain>.<entity>.<verb>`
 * names of common/audit-actions.ts. Literals on purpose: a migration describes the data as it
 * was, and must not change when the list in common/ grows.
 */
const RENAMED: [string, string][] = [
  ['setup', 'auth.institution.setup'],
  ['login', 'auth.login.success'],
  ['login.failed', 'auth.login.fail'],
  ['login.lockout', 'auth.login.lockout'],
  ['logout', 'auth.session.logout'],
  ['logout.idle', 'auth.session.expire'],
  ['logout.moved', 'auth.session.move'],
  ['password.change', 'auth.password.change'],
  ['password.recover', 'auth.password.recover'],
  ['recoveryKey.confirm', 'auth.recoveryKey.confirm'],
  ['recoveryKey.replace', 'auth.recoveryKey.replace'],
  ['user.create', 'users.account.create'],
  ['user.update', 'users.account.update'],
  ['user.deactivate', 'users.account.deactivate'],
  ['password.reset', 'users.password.reset'],
  ['settings.update', 'settings.institution.update'],
  ['group.create', 'people.group.create'],
  ['group.update', 'people.group.update'],
  ['group.assignTeacher', 'people.groupTeacher.assign'],
  ['group.endTeacher', 'people.groupTeacher.end'],
  ['child.create', 'people.child.create'],
  ['child.update', 'people.child.update'],
  ['child.move', 'people.child.move'],
  ['child.leave', 'people.child.leave'],
  ['child.revealCode', 'people.child.revealCode'],
  ['guardian.create', 'people.guardian.create'],
  ['guardian.update', 'people.guardian.update'],
  ['guardian.link', 'people.guardian.link'],
  ['guardian.unlink', 'people.guardian.unlink'],
  ['application.create', 'people.application.create'],
  ['application.connect', 'people.application.connect'],
  ['application.refuse', 'people.application.refuse'],
  ['application.pdf', 'people.application.print'],
  ['import.children', 'people.import.confirm'],
  ['attendance.mark', 'attendance.mark.save'],
  ['attendance.correct', 'attendance.mark.correct'],
  ['attendance.confirm', 'attendance.day.confirm'],
  ['attendance.nurseCheck', 'attendance.nurseCheck.confirm'],
  ['calendar.add', 'calendar.day.add'],
  ['calendar.remove', 'calendar.day.remove'],
  ['topic.create', 'planning.topic.create'],
  ['topic.update', 'planning.topic.update'],
  ['topic.delete', 'planning.topic.delete'],
  ['topic.copy', 'planning.topic.copy'],
  ['plan.submit', 'planning.plan.submit'],
  ['plan.amend', 'planning.plan.amend'],
  ['assessment.mark', 'assessment.mark.save'],
  ['journals.entryCreated', 'journals.entry.create'],
  ['journals.entryUpdated', 'journals.entry.update'],
  ['journals.entryDeleted', 'journals.entry.delete'],
  ['journals.talkCreated', 'journals.talk.create'],
  ['journals.talkUpdated', 'journals.talk.update'],
  ['journals.talkDeleted', 'journals.talk.delete'],
  ['diary.create', 'supervision.diary.create'],
  ['diary.update', 'supervision.diary.update'],
  ['diary.delete', 'supervision.diary.delete'],
  ['journalCheck.create', 'supervision.check.create'],
  ['journalCheck.update', 'supervision.check.update'],
  ['journalCheck.delete', 'supervision.check.delete'],
  ['substitution.create', 'substitution.period.create'],
  ['substitution.end', 'substitution.period.end'],
  ['substitution.remove', 'substitution.period.remove'],
  ['backup.export', 'backup.file.export'],
  ['backup.restore', 'backup.file.restore'],
  ['backup.auto', 'backup.auto.success'],
  ['backup.auto.failed', 'backup.auto.fail'],
  ['backup.settings', 'backup.settings.update'],
  ['update.install', 'release.update.install'],
];

/** The JSON of an old event's "after", or of its "before" for deletions (`a` its alias). */
const body = (a = 'audit_event') =>
  `COALESCE(CASE WHEN json_valid(${a}.after) THEN ${a}.after END, ` +
  `CASE WHEN json_valid(${a}.before) THEN ${a}.before END)`;

/**
 * Issue 16: the audit trail the head reads (typed action names; the group and the children an
 * event concerns, for the viewer's filters and a child's data on request), the privacy notice's
 * acknowledgement, the retention setting and the mark of an anonymised child.
 */
export class Privacy0000000000014 implements MigrationInterface {
  name = 'Privacy0000000000014';

  async up(q: QueryRunner): Promise<void> {
    for (const [from, to] of RENAMED) {
      await q.query('UPDATE audit_event SET action = ? WHERE action = ?', [to, from]);
    }
    await q.query('ALTER TABLE audit_event ADD COLUMN group_id integer');
    await q.query('CREATE INDEX idx_audit_event_group ON audit_event (group_id, at)');
    await q.query('CREATE INDEX idx_audit_event_actor ON audit_event (actor_id, at)');
    await q.createTable(
      new Table({
        name: 'audit_event_child',
        columns: [
          { name: 'event_id', type: 'integer', isPrimary: true },
          { name: 'child_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [fk('event_id', 'audit_event'), fk('child_id', 'child')],
        indices: [{ name: 'idx_audit_event_child', columnNames: ['child_id', 'event_id'] }],
      }),
    );
    // Old rows exist only in single-PC files (SQLite's JSON functions); a PostgreSQL register is
    // created by this program version, its audit empty when this runs.
    if (engineOf(q) === 'sqlite') {
      await backfill(q);
      await compactCells(q);
    }
    await q.query('ALTER TABLE "user" ADD COLUMN privacy_notice_version integer');
    await q.query('ALTER TABLE "user" ADD COLUMN privacy_notice_at text');
    await q.query('ALTER TABLE institution ADD COLUMN retention_years integer NOT NULL DEFAULT 5');
    await q.query('ALTER TABLE child ADD COLUMN anonymised_at text');
    await assertForeignKeys(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE child DROP COLUMN anonymised_at');
    await q.query('ALTER TABLE institution DROP COLUMN retention_years');
    await q.query('ALTER TABLE "user" DROP COLUMN privacy_notice_at');
    await q.query('ALTER TABLE "user" DROP COLUMN privacy_notice_version');
    await q.dropTable('audit_event_child');
    await q.query('DROP INDEX idx_audit_event_actor');
    await q.query('DROP INDEX idx_audit_event_group');
    await q.query('ALTER TABLE audit_event DROP COLUMN group_id');
    for (const [from, to] of RENAMED) {
      await q.query('UPDATE audit_event SET action = ? WHERE action = ?', [from, to]);
    }
  }
}

/** The group and the children of the events written before, from what each kind recorded. */
async function backfill(q: QueryRunner): Promise<void> {
  const link = (select: string) =>
    q.query(
      `INSERT OR IGNORE INTO audit_event_child (event_id, child_id) SELECT e, c FROM (${select}) ` +
        'WHERE c IN (SELECT id FROM child)',
    );
  await link(
    "SELECT id AS e, CAST(entity_id AS integer) AS c FROM audit_event WHERE entity = 'child'",
  );
  // Batches of cells (attendance, marks): arrays of { childId, … } on either side.
  await link(
    "SELECT a.id AS e, json_extract(j.value, '$.childId') AS c FROM audit_event a, " +
      `json_each(${body('a')}) j ` +
      "WHERE a.action IN ('attendance.mark.save', 'attendance.mark.correct', 'assessment.mark.save') " +
      "AND json_type(j.value) = 'object'",
  );
  // One child named in the record (talks, guardian links, applications).
  await link(
    `SELECT id AS e, json_extract(${body()}, '$.childId') AS c FROM audit_event ` +
      "WHERE entity IN ('parent_talk', 'guardian', 'parent_application')",
  );
  // Individual work entries name their children in a list.
  await link(
    `SELECT a.id AS e, j.value AS c FROM audit_event a, json_each(${body('a')}, '$.childIds') j ` +
      "WHERE a.entity = 'individual_work_entry'",
  );
  await q.query(
    "UPDATE audit_event SET group_id = CAST(entity_id AS integer) WHERE entity = 'group' " +
      'AND CAST(entity_id AS integer) IN (SELECT id FROM "group")',
  );
  await q.query(
    'UPDATE audit_event SET group_id = (SELECT p.group_id FROM topic t JOIN plan p ON p.id = t.plan_id ' +
      "WHERE t.id = CAST(audit_event.entity_id AS integer)) WHERE entity = 'topic'",
  );
  await q.query(
    `UPDATE audit_event SET group_id = json_extract(${body()}, '$.groupId') ` +
      "WHERE group_id IS NULL AND entity IN ('substitution', 'journal_check', 'child', 'group_teacher') " +
      `AND json_extract(${body()}, '$.groupId') IN (SELECT id FROM "group")`,
  );
}

/**
 * Old batches of cells stored an object per cell and side; the new ones a map
 * "<childId>.<day or area>" → value with empty values left out (electron/api/audit/audit.ts).
 */
async function compactCells(q: QueryRunner): Promise<void> {
  const kinds: [string, string, string][] = [
    ["('attendance.mark.save', 'attendance.mark.correct')", '$.date', '$.code'],
    ["('assessment.mark.save')", '$.area', '$.mark'],
  ];
  for (const [actions, key, value] of kinds) {
    for (const side of ['before', 'after']) {
      await q.query(
        `UPDATE audit_event SET ${side} = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE ` +
          `json_group_object(json_extract(j.value, '$.childId') || '.' || json_extract(j.value, '${key}'), ` +
          `json_extract(j.value, '${value}')) END FROM json_each(audit_event.${side}) j ` +
          `WHERE json_extract(j.value, '${value}') IS NOT NULL AND json_extract(j.value, '${value}') <> '') ` +
          `WHERE action IN ${actions} AND json_valid(${side}) AND json_type(${side}) = 'array'`,
      );
    }
  }
}
