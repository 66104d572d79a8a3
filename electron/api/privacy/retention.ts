import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { RetentionPage } from '../../../common/contract/privacy';
import { keepUntil, retentionCutoff } from '../../../common/retention';
import { Institution } from '../../../database/entities';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { groupLabels } from '../people/shared';

/** How long a left child's record is kept, and the records past that time (issue 16). */

export interface RetentionRule {
  years: number;
  schoolYearStart: string;
  /** Children who left before this day are past their time. */
  cutoff: string;
}

export async function retentionRule(m: EntityManager, today: string): Promise<RetentionRule> {
  const i = await m.findOneByOrFail(Institution, { id: 1 });
  return {
    years: i.retentionYears,
    schoolYearStart: i.schoolYearStart,
    cutoff: retentionCutoff(today, i.retentionYears, i.schoolYearStart),
  };
}

/**
 * Children not yet anonymised whose every enrolment has ended, with the day of leaving (the
 * last enrolment's end) and their last group: grouped and filtered in SQL.
 */
const LEFT_CHILDREN =
  'SELECT c.id AS "childId", c.first_name AS "firstName", c.last_name AS "lastName", ' +
  'c.birth_date AS "birthDate", max(e.to_date) AS "leftOn", ' +
  '(SELECT e2.group_id FROM enrolment e2 WHERE e2.child_id = c.id ' +
  'ORDER BY e2.from_date DESC LIMIT 1) AS "groupId" ' +
  'FROM child c JOIN enrolment e ON e.child_id = c.id WHERE c.anonymised_at IS NULL ' +
  'GROUP BY c.id HAVING sum(CASE WHEN e.to_date IS NULL OR e.to_date >= ? THEN 1 ELSE 0 END) = 0';

interface LeftChild {
  childId: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  leftOn: string;
  groupId: number;
}

/** The children past retention, oldest leaving first, paged in SQL. */
export async function retention(
  ctx: Context,
  input: ParsedInput<'privacy.retention'>,
): Promise<RetentionPage> {
  const m = ctx.db.manager;
  const today = ctx.today();
  const rule = await retentionRule(m, today);
  // Aliased subqueries and quoted names: PostgreSQL requires the one and folds the other.
  const past = `SELECT * FROM (${LEFT_CHILDREN}) AS l WHERE "leftOn" < ?`;
  const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*) AS n FROM (${past}) AS p`, [
    today,
    rule.cutoff,
  ]);
  const rows = await m.query<LeftChild[]>(
    `${past} ORDER BY "leftOn", "lastName", "firstName", "childId" LIMIT ? OFFSET ?`,
    [today, rule.cutoff, input.limit, input.offset],
  );
  const labels = await groupLabels(m);
  return {
    years: rule.years,
    total: Number(n),
    rows: rows.map((r) => ({
      childId: Number(r.childId),
      name: `${r.firstName} ${r.lastName}`,
      birthDate: r.birthDate,
      lastGroup: labels.get(Number(r.groupId)) ?? '',
      leftOn: r.leftOn,
      keepUntil: keepUntil(r.leftOn, rule.years, rule.schoolYearStart),
    })),
  };
}

export async function setRetention(
  ctx: Context,
  input: ParsedInput<'privacy.setRetention'>,
): Promise<RetentionPage> {
  await ctx.db.transaction(async (m) => {
    const institution = await m.findOneByOrFail(Institution, { id: 1 });
    if (institution.retentionYears === input.years) return;
    await m.update(Institution, { id: 1 }, { retentionYears: input.years });
    await audit(m, ctx.now(), {
      action: 'privacy.retention.update',
      actorId: ctx.user.id,
      entity: 'institution',
      entityId: 1,
      before: { years: institution.retentionYears },
      after: { years: input.years },
    });
  });
  return retention(ctx, { offset: 0, limit: 50 });
}

/** One child's standing: where the refusal of an anonymising comes from. */
export async function standing(
  m: EntityManager,
  childIds: number[],
  today: string,
): Promise<
  Map<number, { name: string; open: boolean; leftOn: string | null; anonymised: boolean }>
> {
  const marks = childIds.map(() => '?').join(', ');
  const rows = await m.query<
    {
      id: number;
      name: string;
      anonymisedAt: string | null;
      open: number;
      leftOn: string | null;
    }[]
  >(
    'SELECT c.id, c.first_name || \' \' || c.last_name AS name, c.anonymised_at AS "anonymisedAt", ' +
      'sum(CASE WHEN e.id IS NOT NULL AND (e.to_date IS NULL OR e.to_date >= ?) THEN 1 ELSE 0 END) ' +
      'AS open, ' +
      'max(e.to_date) AS "leftOn" FROM child c LEFT JOIN enrolment e ON e.child_id = c.id ' +
      `WHERE c.id IN (${marks}) GROUP BY c.id`,
    [today, ...childIds],
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        name: r.name,
        open: Number(r.open) > 0,
        leftOn: r.leftOn,
        anonymised: r.anonymisedAt !== null,
      },
    ]),
  );
}
