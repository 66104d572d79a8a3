import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import {
  ANONYMISED_NAME,
  ANONYMISED_TEXT,
  type AnonymiseResult,
} from '../../../common/contract/privacy';
import { dmy } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { keepUntil } from '../../../common/retention';
import { personSearchName } from '../../../common/text';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { anonymiseMessages } from './outbox-mail';
import { namePatterns, replaceNames, type PersonName } from './names';
import { retentionRule, standing } from './retention';
import { scrubAudit } from './scrub-audit';

/**
 * Anonymising the records of children past their retention (issue 16), after the head has
 * confirmed the list: names, personal codes, guardians' contacts and free text are replaced;
 * enrolments, attendance codes and marks stay, so past months' totals do not change. All or
 * nothing: one child that may not be anonymised refuses the whole batch, with the reason.
 */

const marks = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** Refuses the batch unless every child has left and is past the retention period. */
async function checkAll(m: EntityManager, ctx: Context, childIds: number[]): Promise<void> {
  const today = ctx.today();
  const rule = await retentionRule(m, today);
  const found = await standing(m, childIds, today);
  for (const id of childIds) {
    const child = found.get(id);
    if (!child) throw new AppError('NOT_FOUND', 'privacy.childNotFound');
    if (child.anonymised) throw new AppError('CONFLICT', 'privacy.alreadyAnonymised');
    if (child.open) throw new AppError('CONFLICT', 'privacy.stillEnrolled', { name: child.name });
    if (child.leftOn === null || child.leftOn >= rule.cutoff) {
      const until = child.leftOn
        ? dmy(keepUntil(child.leftOn, rule.years, rule.schoolYearStart))
        : '—';
      throw new AppError('CONFLICT', 'privacy.notYet', { name: child.name, date: until });
    }
  }
}

async function children(m: EntityManager, ids: number[], at: string): Promise<PersonName[]> {
  const rows = await m.query<
    { id: number; firstName: string; lastName: string; birthDate: string }[]
  >(
    'SELECT id, first_name AS "firstName", last_name AS "lastName", birth_date AS "birthDate" ' +
      `FROM child WHERE id IN (${marks(ids)})`,
    ids,
  );
  for (const c of rows) {
    // The birth month stays: past groups' ages in months are still right.
    await m.query(
      'UPDATE child SET first_name = ?, last_name = ?, search_name = ?, personal_code = ?, ' +
        'birth_date = ?, anonymised_at = ? WHERE id = ?',
      [
        ANONYMISED_NAME,
        `#${c.id}`,
        personSearchName(ANONYMISED_NAME, `#${c.id}`),
        `anon:${c.id}`,
        `${c.birthDate.slice(0, 7)}-01`,
        at,
        c.id,
      ],
    );
  }
  return rows.map((c) => ({ first: c.firstName, last: c.lastName }));
}

/** Guardians none of whose children is still kept: names and contacts go. */
async function guardians(
  m: EntityManager,
  ids: number[],
): Promise<{ ids: number[]; names: PersonName[] }> {
  const rows = await m.query<{ id: number; first: string; last: string }[]>(
    'SELECT g.guardian_id AS id, p.first_name AS first, p.last_name AS last FROM child_guardian g ' +
      'JOIN child c ON c.id = g.child_id JOIN guardian p ON p.id = g.guardian_id ' +
      `WHERE g.guardian_id IN (SELECT guardian_id FROM child_guardian WHERE child_id IN (${marks(ids)})) ` +
      'GROUP BY g.guardian_id, p.first_name, p.last_name HAVING sum(CASE WHEN c.anonymised_at IS NULL THEN 1 ELSE 0 END) = 0',
    ids,
  );
  for (const { id } of rows) {
    await m.query(
      "UPDATE guardian SET first_name = ?, last_name = ?, search_name = ?, phone = NULL, email = NULL, consents = '[]' WHERE id = ?",
      [ANONYMISED_NAME, `#${id}`, personSearchName(ANONYMISED_NAME, `#${id}`), id],
    );
  }
  return {
    ids: rows.map((r) => Number(r.id)),
    names: rows.map((r) => ({ first: r.first, last: r.last })),
  };
}

async function changes(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  // Every statement here ends with RETURNING id: the rows it changed come back. The structured
  // result, because TypeORM answers a plain UPDATE query on PostgreSQL with [rows, rowCount].
  if (!m.queryRunner) throw new Error('changes() runs inside the anonymising transaction');
  const result = await m.queryRunner.query(sql, params, true);
  return (result.records as unknown[]).length;
}

/** Individual work: an entry about these children only loses its text; a shared one their names. */
async function entries(m: EntityManager, ids: number[], people: PersonName[]) {
  const any = namePatterns(people, true);
  const rows = await m.query<{ id: number; content: string; others: number }[]>(
    'SELECT e.id, e.content, (SELECT count(*) FROM individual_work_child k JOIN child c ON ' +
      'c.id = k.child_id WHERE k.entry_id = e.id AND c.anonymised_at IS NULL) AS others ' +
      'FROM individual_work_entry e WHERE e.id IN (SELECT entry_id FROM individual_work_child ' +
      `WHERE child_id IN (${marks(ids)}))`,
    ids,
  );
  for (const row of rows) {
    const content = Number(row.others) === 0 ? ANONYMISED_TEXT : replaceNames(row.content, any);
    await m.query('UPDATE individual_work_entry SET content = ? WHERE id = ?', [content, row.id]);
  }
  return rows.length;
}

/**
 * The deputy's diary and the nurse's reasons are about the whole kindergarten: only the
 * children's full names go from them (a first name alone may be another child's).
 */
async function diary(m: EntityManager, full: RegExp[]): Promise<number> {
  let count = 0;
  const rows = await m.query<{ id: number; participants: string; content: string }[]>(
    'SELECT id, participants, content FROM diary_entry',
  );
  for (const row of rows) {
    const participants = replaceNames(row.participants, full);
    const content = replaceNames(row.content, full);
    if (participants === row.participants && content === row.content) continue;
    await m.query('UPDATE diary_entry SET participants = ?, content = ? WHERE id = ?', [
      participants,
      content,
      row.id,
    ]);
    count++;
  }
  return count;
}

/** The nurse's reasons: the children's own rows lose theirs, others lose the names in them. */
async function reasons(m: EntityManager, ids: number[], full: RegExp[]): Promise<number> {
  const rows = await m.query<{ id: number; childId: number; reason: string }[]>(
    'SELECT id, child_id AS "childId", reason FROM attendance_mark_history WHERE reason IS NOT NULL',
  );
  let count = 0;
  for (const row of rows) {
    const own = ids.includes(Number(row.childId));
    const reason = own ? ANONYMISED_TEXT : replaceNames(row.reason, full);
    if (reason === row.reason) continue;
    await m.query('UPDATE attendance_mark_history SET reason = ? WHERE id = ?', [reason, row.id]);
    count++;
  }
  return count;
}

export async function anonymise(
  ctx: Context,
  input: ParsedInput<'privacy.anonymise'>,
): Promise<AnonymiseResult> {
  const ids = [...new Set(input.childIds)];
  return ctx.db.transaction(async (m) => {
    await checkAll(m, ctx, ids);
    const people = await children(m, ids, ctx.now().toISOString());
    const { ids: guardianIds, names: parents } = await guardians(m, ids);
    // Free text about the kindergarten loses these children's and these parents' full names.
    const full = namePatterns([...people, ...parents], false);
    const guardianMarks = guardianIds.length ? marks(guardianIds) : 'NULL';
    const result: AnonymiseResult = {
      children: ids.length,
      guardians: guardianIds.length,
      applications: await changes(
        m,
        'UPDATE parent_application SET parent_name = ?, parent_phone = ?, child_name = ?, ' +
          'refusal_reason = CASE WHEN refusal_reason IS NULL THEN NULL ELSE ? END ' +
          `WHERE child_id IN (${marks(ids)}) OR guardian_id IN (${guardianMarks}) RETURNING id`,
        [
          ANONYMISED_TEXT,
          ANONYMISED_TEXT,
          ANONYMISED_TEXT,
          ANONYMISED_TEXT,
          ...ids,
          ...guardianIds,
        ],
      ),
      talks: await changes(
        m,
        `UPDATE parent_talk SET content = ?, agreed = ? WHERE child_id IN (${marks(ids)}) RETURNING id`,
        [ANONYMISED_TEXT, ANONYMISED_TEXT, ...ids],
      ),
      entries: await entries(m, ids, people),
      attendanceReasons: await reasons(m, ids, full),
      diaryEntries: await diary(m, full),
      auditEvents: await scrubAudit(m, ids, guardianIds, full),
      messages: await anonymiseMessages(m, ids, guardianIds),
    };
    // Counts and ids only: the log must not keep the names it has just lost.
    await audit(m, ctx.now(), {
      action: 'privacy.child.anonymise',
      actorId: ctx.user.id,
      childIds: ids,
      after: result,
    });
    return result;
  });
}
