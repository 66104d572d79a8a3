import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaterRow } from '../../common/contract/assessment';
import { AREA_CODES, type AreaCode } from '../../common/planning-reference';
import { PASSWORD } from '../../tools/seed/api';
import { recordQueries } from '../../tools/dbperf/plans';
import { Generator } from '../../tools/seed/generator';
import { TEST_SCRYPT, testBackend } from './helpers';

/**
 * "Jānovērtē vēlāk" on a generated kindergarten of three school years, against the list worked
 * out the plain way (every excused empty cell read and grouped here in TypeScript, as the list
 * was made before it became one query): the same rows in the same order, page by page, the right
 * total, and a number of queries that does not grow with the page.
 */
const TODAY = '2026-11-30';
let dataDir = '';

// Made once for the file (tempDir's folders go after each test).
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'register-later-'));
  await new Generator({
    dataDir,
    today: TODAY,
    years: 3,
    groupsPerYear: 2,
    childrenPerGroup: 8,
    attendance: 'lastMonth',
    journals: 'all',
    scrypt: TEST_SCRYPT,
  }).run();
}, 300_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Cell {
  childId: number;
  firstName: string;
  lastName: string;
  groupId: number;
  groupName: string;
  topicId: number;
  topicTitle: string;
  topicEnd: string;
  month: string;
  area: AreaCode;
}

type Backend = ReturnType<typeof testBackend>;

/** The list the plain way: every excused cell of every year, filtered and grouped here. */
async function expected(b: Backend, year: number, groups?: number[]): Promise<LaterRow[]> {
  const cells = await b.router.state.db.query<Cell[]>(
    'SELECT a.child_id AS "childId", c.first_name AS "firstName", c.last_name AS "lastName", ' +
      'g.id AS "groupId", g.name AS "groupName", t.id AS "topicId", t.title AS "topicTitle", ' +
      't.end_date AS "topicEnd", p.month, a.area FROM assessment a JOIN topic t ON t.id = a.topic_id ' +
      'JOIN plan p ON p.id = t.plan_id JOIN "group" g ON g.id = p.group_id JOIN child c ON c.id = a.child_id ' +
      "WHERE a.reason = 'excused' AND a.mark IS NULL",
  );
  const rows = new Map<string, LaterRow & { firstName: string; lastName: string }>();
  for (const c of cells) {
    if (c.month < `${year}-09` || c.month > `${year + 1}-08`) continue;
    if (groups && !groups.includes(c.groupId)) continue;
    const key = `${c.childId}:${c.topicId}`;
    const row = rows.get(key) ?? {
      childId: c.childId,
      childName: `${c.firstName} ${c.lastName}`,
      firstName: c.firstName,
      lastName: c.lastName,
      groupId: c.groupId,
      groupName: c.groupName,
      topicId: c.topicId,
      topicTitle: c.topicTitle,
      topicEnd: c.topicEnd,
      areas: [],
    };
    row.areas = AREA_CODES.filter((a) => a === c.area || row.areas.includes(a));
    rows.set(key, row);
  }
  const by = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows.values()]
    .sort(
      (a, b) =>
        by(b.topicEnd, a.topicEnd) ||
        b.topicId - a.topicId ||
        by(a.lastName, b.lastName) ||
        by(a.firstName, b.firstName) ||
        a.childId - b.childId,
    )
    .map(({ firstName: _f, lastName: _l, ...row }) => row);
}

/** Every page of the list, `limit` rows at a time, and the total each page reported. */
async function allPages(b: Backend, input: object, limit: number) {
  const rows: LaterRow[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const page = await b.ok('assessment.later', { ...input, limit, offset });
    totals.add(page.total);
    rows.push(...page.rows);
    if (page.rows.length < limit) return { rows, totals: [...totals] };
  }
}

describe('assessment.later on several school years', () => {
  it('pages the same rows as the plain reading, for each year and group, with the right total', async () => {
    const b = testBackend({ dataDir, start: `${TODAY}T10:00:00Z` });
    await b.ok('auth.login', { username: 'vaditaja', password: PASSWORD });
    let seen = 0;
    for (const year of [2024, 2025, 2026]) {
      const want = await expected(b, year);
      seen += want.length;
      const got = await allPages(b, { schoolYear: year }, 7);
      expect(got.rows).toEqual(want);
      expect(got.totals).toEqual([want.length]);
      const [group] = (await b.ok('assessment.later', { schoolYear: year, limit: 1 })).groups;
      const mine = await allPages(b, { schoolYear: year, groupId: group.id }, 5);
      expect(mine.rows).toEqual(await expected(b, year, [group.id]));
    }
    // The generator leaves a few excused cells in every year: the comparison is not of nothing.
    expect(seen).toBeGreaterThan(10);
  }, 60_000);

  it("shows a teacher her groups' rows only", async () => {
    const b = testBackend({ dataDir, start: `${TODAY}T10:00:00Z` });
    await b.ok('auth.login', { username: 'skolotaja1', password: PASSWORD });
    const teaches = (
      await b.router.state.db.query<{ g: number }[]>(
        'SELECT group_id AS g FROM group_teacher WHERE user_id = ? AND from_date <= ? ' +
          'AND (to_date IS NULL OR to_date >= ?)',
        [b.router.state.user!.id, TODAY, TODAY],
      )
    ).map((r) => r.g);
    expect(teaches.length).toBeGreaterThan(0);
    const got = await allPages(b, {}, 4);
    expect(got.rows).toEqual(await expected(b, 2026, teaches));
  }, 60_000);

  it('asks the database the same few queries whatever the page holds', async () => {
    const b = testBackend({ dataDir, start: `${TODAY}T10:00:00Z` });
    await b.ok('auth.login', { username: 'vaditaja', password: PASSWORD });
    const queries = async (limit: number) => {
      const stop = recordQueries(b.router.state.db);
      const page = await b.ok('assessment.later', { schoolYear: 2025, limit });
      return { rows: page.rows.length, sql: stop().map((q) => q.sql) };
    };
    await queries(1); // the session's first call also reads settings once
    const one = await queries(1);
    const many = await queries(100);
    expect(many.rows).toBeGreaterThan(one.rows);
    expect(many.sql.length).toBe(one.sql.length);
    expect(many.sql.length).toBeLessThanOrEqual(8);
  });
});
