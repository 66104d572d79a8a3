import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { CheckPage, CheckRow } from '../../../common/contract/supervision';
import { Group } from '../../../database/entities/people';
import type { JournalCheck } from '../../../database/entities/supervision';
import type { Context } from '../context';
import { count, groupChoices, marks, schoolYear, yearPage } from '../lists';
import { userNames } from '../users/names';
import { writableIds } from './authored';

/** The list of journal checks: a school year's, filtered, counted and paged in SQL. */

export async function checkRows(
  m: EntityManager,
  ctx: Context,
  checks: JournalCheck[],
): Promise<CheckRow[]> {
  const names = await userNames(
    m,
    checks.map((c) => c.authorId),
  );
  const groupIds = [...new Set(checks.map((c) => c.groupId))];
  const groups = groupIds.length ? await m.findBy(Group, { id: In(groupIds) }) : [];
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const editable = await writableIds(m, ctx, 'journalChecks', checks);
  return checks.map((c): CheckRow => ({
    id: c.id,
    date: c.date,
    groupId: c.groupId,
    groupName: groupNames.get(c.groupId) ?? '',
    topicId: c.topicId,
    topicTitle: c.topicTitle,
    topicStart: c.topicStart,
    findings: c.findings,
    recommendations: c.recommendations,
    correctionDate: c.correctionDate,
    authorId: c.authorId,
    authorName: names.get(c.authorId) ?? '',
    authorRole: c.authorRole as CheckRow['authorRole'],
    canEdit: editable.has(c.id),
  }));
}

const COLUMNS =
  'c.id, c.date, c.group_id AS "groupId", c.topic_id AS "topicId", c.topic_title AS "topicTitle", ' +
  'c.topic_start AS "topicStart", c.findings, c.recommendations, ' +
  'c.correction_date AS "correctionDate", c.author_id AS "authorId", c.author_role AS "authorRole"';

/**
 * The checks of a school year in the groups whose checks she reads today (head and deputy:
 * every group; a teacher: the groups she works in today, with their earlier checks, whose
 * recommendations apply to her now), newest first, one page of them.
 */
export async function list(
  ctx: Context,
  input: ParsedInput<'supervision.checks'>,
): Promise<CheckPage> {
  const m = ctx.db.manager;
  const access = ctx.access();
  const day = ctx.today();
  const year = await schoolYear(m, ctx, input.schoolYear);
  let groupIds = await access.groups(m, 'journalChecks', 'read', day);
  if (input.groupId !== undefined) {
    await access.assertGroup(
      m,
      'journalChecks',
      'read',
      input.groupId,
      day,
      day,
      'supervision.notYourGroup',
    );
    groupIds = [input.groupId];
  }
  const where = ['c.date >= ?', 'c.date <= ?'];
  const params: unknown[] = [year.from, year.to];
  if (groupIds !== 'all') {
    if (groupIds.length === 0) where.push('1 = 0');
    else where.push(`c.group_id IN (${marks(groupIds.length)})`);
    params.push(...groupIds);
  }
  const byAuthor = input.authorId === undefined ? [] : ['c.author_id = ?'];
  const filter = `FROM journal_check c WHERE ${[...where, ...byAuthor].join(' AND ')}`;
  const filterParams = input.authorId === undefined ? params : [...params, input.authorId];
  const [rows, total, groups, authors] = await Promise.all([
    m.query<JournalCheck[]>(
      `SELECT ${COLUMNS} ${filter} ORDER BY c.date DESC, c.id DESC LIMIT ? OFFSET ?`,
      [...filterParams, input.limit, input.offset],
    ),
    count(m, `SELECT COUNT(*) AS n ${filter}`, filterParams),
    groupChoices(m, year.from, year.to, await access.groups(m, 'journalChecks', 'read', day)),
    // The authors of the year's checks she reads, whichever one is chosen now.
    m.query<{ id: number }[]>(
      `SELECT DISTINCT c.author_id AS id FROM journal_check c WHERE ${where.join(' AND ')}`,
      params,
    ),
  ]);
  const names = await userNames(
    m,
    authors.map((a) => a.id),
  );
  return {
    ...(await yearPage(m, year, await checkRows(m, ctx, rows), total)),
    groups,
    authors: [...names].map(([id, name]) => ({ id, name })),
  };
}
