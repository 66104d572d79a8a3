import type { ParsedInput } from '../../../common/contract';
import type { LaterPage, LaterRow } from '../../../common/contract/assessment';
import { AREA_CODES, type AreaCode } from '../../../common/planning-reference';
import type { Context } from '../context';
import { count, groupChoices, marks, schoolYear, yearPage } from '../lists';

/**
 * "Jānovērtē vēlāk": empty cells with the reason "attaisnots kavējums", one row per child and
 * topic, in the topics of a school year: one query, driven by the year's plans (idx_plan_month),
 * their topics (idx_topic_plan) and the excused cells' partial index (idx_assessment_excused), so
 * neither the years before nor the marked cells are read. CROSS JOIN fixes that order on SQLite
 * (without it SQLite reads every year's excused cells first); PostgreSQL plans it as a join.
 */
const FROM =
  'FROM plan p CROSS JOIN topic t CROSS JOIN assessment a ' +
  'JOIN "group" g ON g.id = p.group_id JOIN child c ON c.id = a.child_id';
const JOINED = "t.plan_id = p.id AND a.topic_id = t.id AND a.reason = 'excused' AND a.mark IS NULL";

interface LaterSql {
  childId: number;
  firstName: string;
  lastName: string;
  groupId: number;
  groupName: string;
  topicId: number;
  topicTitle: string;
  topicEnd: string;
}

export async function later(
  ctx: Context,
  input: ParsedInput<'assessment.later'>,
): Promise<LaterPage> {
  const m = ctx.db.manager;
  // A group's list is of its own school year unless another is asked for.
  const groupYear =
    input.groupId === undefined || input.schoolYear !== undefined
      ? undefined
      : (
          await m.query<{ y: number }[]>('SELECT school_year AS y FROM "group" WHERE id = ?', [
            input.groupId,
          ])
        )[0]?.y;
  const year = await schoolYear(m, ctx, input.schoolYear ?? groupYear);
  const visible = await ctx.access().groups(m, 'assessment', 'read', ctx.today());
  const groups = await groupChoices(m, year.from, year.to, visible);
  if (visible !== 'all' && visible.length === 0) {
    return { ...(await yearPage(m, year, [], 0)), groups };
  }
  const where = ['p.month >= ?', 'p.month <= ?', JOINED];
  const params: unknown[] = [year.from.slice(0, 7), year.to.slice(0, 7)];
  if (visible !== 'all') {
    where.push(`p.group_id IN (${marks(visible.length)})`);
    params.push(...visible);
  }
  if (input.groupId !== undefined) {
    where.push('p.group_id = ?');
    params.push(input.groupId);
  }
  if (input.childId !== undefined) {
    where.push('a.child_id = ?');
    params.push(input.childId);
  }
  // Grouped by every selected column: PostgreSQL wants them all, SQLite takes them too.
  const filter =
    `${FROM} WHERE ${where.join(' AND ')} GROUP BY a.child_id, a.topic_id, ` +
    'c.first_name, c.last_name, g.id, g.name, t.id, t.title, t.end_date';
  const [rows, total] = await Promise.all([
    m.query<LaterSql[]>(
      'SELECT a.child_id AS "childId", c.first_name AS "firstName", c.last_name AS "lastName", ' +
        'g.id AS "groupId", g.name AS "groupName", t.id AS "topicId", t.title AS "topicTitle", ' +
        `t.end_date AS "topicEnd" ${filter} ` +
        'ORDER BY t.end_date DESC, t.id DESC, c.last_name, c.first_name, a.child_id ' +
        'LIMIT ? OFFSET ?',
      [...params, input.limit, input.offset],
    ),
    count(m, `SELECT COUNT(*) AS n FROM (SELECT 1 ${filter}) AS later`, params),
  ]);
  // The page's excused areas in one more query (no group_concat: it is SQLite's alone).
  const areas = new Map<string, string[]>();
  if (rows.length > 0) {
    const cells = await m.query<{ childId: number; topicId: number; area: string }[]>(
      'SELECT child_id AS "childId", topic_id AS "topicId", area FROM assessment ' +
        `WHERE reason = 'excused' AND mark IS NULL AND topic_id IN (${marks(rows.length)}) ` +
        `AND child_id IN (${marks(rows.length)})`,
      [...rows.map((r) => r.topicId), ...rows.map((r) => r.childId)],
    );
    for (const c of cells) {
      const key = `${c.childId}:${c.topicId}`;
      areas.set(key, [...(areas.get(key) ?? []), c.area]);
    }
  }
  const page = await yearPage(
    m,
    year,
    rows.map((r): LaterRow => {
      const excused = areas.get(`${r.childId}:${r.topicId}`) ?? [];
      return {
        childId: r.childId,
        childName: `${r.firstName} ${r.lastName}`,
        groupId: r.groupId,
        groupName: r.groupName,
        topicId: r.topicId,
        topicTitle: r.topicTitle,
        topicEnd: r.topicEnd,
        areas: AREA_CODES.filter((code: AreaCode) => excused.includes(code)),
      };
    }),
    total,
  );
  return { ...page, groups };
}
