import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../common/calendar';
import type { ReportItem } from '../../common/contract/overview';
import { addDays } from '../../common/dates';
import { PASSWORD } from '../../tools/seed/api';
import { testBackend } from './helpers';
import { GAPS, TODAY, buildDataset, type Dataset } from './overview-fixtures';

/** Wednesday 4 November 2026, 08:30 in Riga (UTC+2). */
const AT_0830 = '2026-11-04T06:30:00Z';
const YEAR = { from: '2026-09-01', to: '2027-08-31' };

let dir: string;
let data: Dataset;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'register-overview-'));
  data = await buildDataset(dir);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function as(username: string, start = AT_0830) {
  const b = testBackend({ dataDir: data.dataDir, start });
  await b.ok('auth.login', { username, password: PASSWORD });
  return b;
}

/** An item as the test compares it: what, which group, what it opens. */
const key = (i: { obligation: string; outcome: string; groupId: number | null; ref: object }) =>
  `${i.obligation}|${i.outcome}|${i.groupId ?? '-'}|${JSON.stringify(i.ref)}`;

describe('the supervision report over a generated kindergarten with planted gaps', () => {
  it('finds exactly the planted late and missing items, and each opens its place', async () => {
    const b = await as('vaditaja');
    const report = await b.ok('overview.report', YEAR);
    const found: ReportItem[] = [];
    for (const row of report.rows) {
      for (const outcome of ['late', 'missing'] as const) {
        if (row[outcome] === 0) continue;
        const items = await b.ok('overview.reportItems', {
          ...YEAR,
          obligation: row.obligation,
          groupId: row.groupId,
          personId: row.personId,
          outcome,
        });
        expect(items).toHaveLength(row[outcome]);
        found.push(...items);
      }
    }
    const [g1, g2] = data.groups;
    const group = (i: number) => data.groups[i].id;
    const topic = (g: number, month: string, n: number) => data.topics.get(`${g}.${month}`)![n];
    expect(found.map(key).sort()).toEqual(
      [
        key({
          obligation: 'plan',
          outcome: 'late',
          groupId: group(GAPS.latePlan.group),
          ref: { month: GAPS.latePlan.month },
        }),
        key({
          obligation: 'plan',
          outcome: 'missing',
          groupId: group(GAPS.missingPlan.group),
          ref: { month: GAPS.missingPlan.month },
        }),
        ...GAPS.unconfirmed.map((u) =>
          key({
            obligation: 'attendance',
            outcome: 'missing',
            groupId: group(u.group),
            ref: { date: u.date },
          }),
        ),
        key({
          obligation: 'marks',
          outcome: 'late',
          groupId: group(GAPS.lateMarks.group),
          ref: { topicId: topic(GAPS.lateMarks.group, GAPS.lateMarks.month, GAPS.lateMarks.topic) },
        }),
        key({
          obligation: 'journalCheck',
          outcome: 'missing',
          groupId: group(GAPS.uncheckedTopic.group),
          ref: {
            topicId: topic(
              GAPS.uncheckedTopic.group,
              GAPS.uncheckedTopic.month,
              GAPS.uncheckedTopic.topic,
            ),
          },
        }),
        key({
          obligation: 'application',
          outcome: 'missing',
          groupId: null,
          ref: { applicationId: data.applications.get(GAPS.overdueApplication)! },
        }),
      ].sort(),
    );

    // The counts around the gaps: every working day up to yesterday confirmed but one per
    // group, today's still before 09:00; the head's first check on time, the second to come.
    const calendar = new WorkingCalendar();
    let working = 0;
    for (let d = YEAR.from; d < TODAY; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) working++;
    const row = (obligation: string, groupId: number | null) =>
      report.rows.find((r) => r.obligation === obligation && r.groupId === groupId)!;
    for (const g of [g1, g2]) {
      expect(row('attendance', g.id)).toMatchObject({
        onTime: working - 1,
        late: 0,
        missing: 1,
        pending: 1,
      });
    }
    expect(row('nurseCheck', null)).toMatchObject({ onTime: working, missing: 0, pending: 1 });
    expect(row('headCheck', null)).toMatchObject({ onTime: 1, pending: 1, missing: 0 });
    // The group's lines name its two teachers.
    const users = (await b.ok('users.list', { limit: 200 })).rows;
    const fullName = (username: string) => users.find((u) => u.username === username)!.fullName;
    expect(row('attendance', g1.id).people.split(', ').sort()).toEqual(
      g1.teachers.map(fullName).sort(),
    );
    // Entries are counted per author, all written on their day.
    const entries = report.rows.filter((r) => r.obligation === 'individualWork');
    expect(entries.map((r) => [r.onTime, r.late])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('refuses a period that ends before it starts, or runs over a year, with the reason', async () => {
    const b = await as('vaditaja');
    const backwards = await b.fail('overview.report', { from: '2026-11-04', to: '2026-09-01' });
    expect(backwards.code).toBe('VALIDATION');
    expect(backwards.fields?.to).toBe('Perioda beigas nevar būt pirms tā sākuma.');
    const long = await b.fail('overview.report', { from: '2025-09-01', to: '2026-11-04' });
    expect(long.fields?.to).toBe('Periods nevar būt garāks par vienu gadu.');
    const items = await b.fail('overview.reportItems', {
      from: '2026-11-04',
      to: '2026-09-01',
      obligation: 'plan',
      groupId: null,
      outcome: 'missing',
    });
    expect(items.fields?.to).toBe('Perioda beigas nevar būt pirms tā sākuma.');
    // A teacher has no report at all.
    const teacher = await as(data.groups[0].teachers[0]);
    expect((await teacher.fail('overview.report', YEAR)).code).toBe('FORBIDDEN');
  });

  it('shows a plan never started as overdue in the planning overview', async () => {
    const b = await as('vaditaja');
    const { rows } = await b.ok('planning.overview', { month: GAPS.missingPlan.month });
    const missing = rows.find((r) => r.groupId === data.groups[GAPS.missingPlan.group].id)!;
    expect(missing).toMatchObject({ status: 'none', overdue: true, dueDate: '2026-10-30' });
    const other = rows.find((r) => r.groupId !== missing.groupId)!;
    expect(other).toMatchObject({ status: 'submitted', overdue: false });
    const next = (await b.ok('planning.overview', { month: '2026-12' })).rows;
    expect(next.every((r) => !r.overdue)).toBe(true);
  });
});
