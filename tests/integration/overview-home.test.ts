import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeItem } from '../../common/contract/overview';
import { PASSWORD } from '../../tools/seed/api';
import { testBackend } from './helpers';
import { GAPS, TODAY, buildDataset, type Dataset } from './overview-fixtures';

/** Wednesday 4 November 2026 in Riga (UTC+2): 08:30 and 09:05. */
const AT_0830 = '2026-11-04T06:30:00Z';
const AT_0905 = '2026-11-04T07:05:00Z';

let dir: string;
let data: Dataset;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'register-home-'));
  data = await buildDataset(dir);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function homeOf(username: string, start = AT_0830) {
  const b = testBackend({ dataDir: data.dataDir, start });
  await b.ok('auth.login', { username, password: PASSWORD });
  return { b, items: (await b.ok('overview.home', {})).items };
}

/** A line as the test compares it: what, overdue or not, which group, what it opens, how many. */
const line = (
  i: Pick<HomeItem, 'kind' | 'overdue' | 'groupId' | 'ref'> & { count?: number | null },
) =>
  `${i.kind}|${i.overdue ? 'overdue' : 'due'}|${i.groupId ?? '-'}|${JSON.stringify(i.ref)}|${i.count ?? '-'}`;

describe("each role's home list", () => {
  it('holds exactly her own items, soonest first', async () => {
    const [g1, g2] = data.groups;
    const topic = (g: number, month: string, n: number) => data.topics.get(`${g}.${month}`)![n];
    const app = (day: string) => data.applications.get(day)!;
    const expected: Record<string, string[]> = {};
    for (const teacher of g1.teachers) {
      expected[teacher] = [
        line({
          kind: 'attendance',
          overdue: true,
          groupId: g1.id,
          ref: { date: GAPS.unconfirmed[0].date },
        }),
        line({
          kind: 'plan',
          overdue: true,
          groupId: g1.id,
          ref: { month: GAPS.missingPlan.month },
        }),
        line({ kind: 'attendance', overdue: false, groupId: g1.id, ref: { date: TODAY } }),
        // The topic of 15–31 October ended; its marks are due on 5 November.
        line({
          kind: 'marks',
          overdue: false,
          groupId: g1.id,
          ref: { topicId: topic(0, '2026-10', 1) },
        }),
      ];
    }
    for (const teacher of g2.teachers) {
      expected[teacher] = [
        line({
          kind: 'attendance',
          overdue: true,
          groupId: g2.id,
          ref: { date: GAPS.unconfirmed[1].date },
        }),
        line({ kind: 'attendance', overdue: false, groupId: g2.id, ref: { date: TODAY } }),
        line({
          kind: 'marks',
          overdue: false,
          groupId: g2.id,
          ref: { topicId: topic(1, '2026-10', 1) },
        }),
      ];
    }
    expected.masa = [
      line({ kind: 'nurseCheck', overdue: false, groupId: null, ref: { date: TODAY }, count: 2 }),
    ];
    expected.vietniece = [
      line({
        kind: 'journalCheck',
        overdue: true,
        groupId: g1.id,
        ref: { topicId: topic(0, '2026-10', 1) },
      }),
      line({
        kind: 'application',
        overdue: true,
        groupId: null,
        ref: { applicationId: app(GAPS.overdueApplication) },
      }),
      line({ kind: 'diary', overdue: false, groupId: null, ref: { date: TODAY } }),
      // Due on 6 November: within two days. The one received on 2 November is not yet shown.
      line({
        kind: 'application',
        overdue: false,
        groupId: null,
        ref: { applicationId: app('2026-10-30') },
      }),
      // g2's topic from Sunday 1 November: its check is due on Friday 6 November.
      line({
        kind: 'journalCheck',
        overdue: false,
        groupId: g2.id,
        ref: { topicId: topic(1, '2026-11', 0) },
      }),
    ];
    // The head: everything overdue in the kindergarten, summed per obligation and group, and her
    // second check of the year (one done), due by 31 August.
    expected.vaditaja = [
      line({ kind: 'plan', overdue: true, groupId: g1.id, ref: {}, count: 1 }),
      line({ kind: 'attendance', overdue: true, groupId: g1.id, ref: {}, count: 1 }),
      line({ kind: 'attendance', overdue: true, groupId: g2.id, ref: {}, count: 1 }),
      line({ kind: 'journalCheck', overdue: true, groupId: g1.id, ref: {}, count: 1 }),
      line({ kind: 'application', overdue: true, groupId: null, ref: {}, count: 1 }),
      line({
        kind: 'headCheck',
        overdue: false,
        groupId: null,
        ref: { date: '2027-08-31' },
        count: 1,
      }),
    ];
    expected.logopede = [];
    for (const [username, lines] of Object.entries(expected)) {
      const { items } = await homeOf(username);
      const got = items.map(line);
      expect({ username, lines: [...got].sort() }).toEqual({ username, lines: [...lines].sort() });
      if (username === g1.teachers[0]) {
        // Soonest first; the morning's line counts the minutes to 09:00.
        expect(got).toEqual(lines);
        expect(items.find((i) => i.ref.date === TODAY)).toMatchObject({
          dueTime: '09:00',
          minutesLeft: 30,
        });
      }
    }
  });

  it("turns today's attendance overdue after 09:00 and drops it once confirmed", async () => {
    const [g1] = data.groups;
    const { b, items } = await homeOf(g1.teachers[1], AT_0905);
    const today = items.find((i) => i.kind === 'attendance' && i.ref.date === TODAY)!;
    expect(today).toMatchObject({ overdue: true, minutesLeft: null, groupName: g1.name });
    await b.ok('attendance.confirm', { groupId: g1.id, date: TODAY });
    const after = (await b.ok('overview.home', {})).items;
    expect(after.some((i) => i.kind === 'attendance' && i.ref.date === TODAY)).toBe(false);
    expect(after).toHaveLength(items.length - 1);
  });
});
