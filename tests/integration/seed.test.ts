import { describe, expect, it } from 'vitest';
import { Generator } from '../../tools/seed/generator';
import { seedRouter, TEST_SCRYPT, tempDir, testBackend } from './helpers';

describe('the demo kindergarten', () => {
  it('is made through the API and every role can log in with the printed password', async () => {
    const dataDir = tempDir();
    const accounts = await new Generator({
      dataDir,
      today: '2026-11-30',
      years: 1,
      groupsPerYear: 1,
      childrenPerGroup: 6,
      attendance: 'lastMonth',
      scrypt: TEST_SCRYPT,
      router: seedRouter(dataDir),
    }).run();
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set(['head', 'deputy', 'teacher', 'speech', 'nurse']),
    );
    const b = testBackend({ dataDir, start: '2026-11-30T12:00:00Z' });
    for (const account of accounts) {
      const session = await b.ok('auth.login', {
        username: account.username,
        password: account.password,
      });
      expect(session).toMatchObject({ role: account.role, mustChangePassword: false });
    }
    // The head sees a month of attendance and a submitted plan, as the generator made them.
    await b.ok('auth.login', { username: 'vaditaja', password: accounts[0].password });
    const [group] = await b.ok('groups.list', {});
    const grid = await b.ok('attendance.month', { groupId: group.id, month: '2026-11' });
    expect(grid.children).toHaveLength(6);
    expect(grid.totals.present).toBeGreaterThan(0);
    const plan = await b.ok('planning.plan', { groupId: group.id, month: '2026-11' });
    expect(plan.topics.length).toBeGreaterThan(0);
    expect(plan.status).not.toBe('draft');
    // …the month's journals: individual work, the deputy's diary, a check of the first topic.
    const entries = (await b.ok('journals.entries', { from: '2026-11-01', to: '2026-11-30' })).rows;
    expect(new Set(entries.map((e) => e.authorName))).toEqual(
      new Set([accounts.find((a) => a.role === 'teacher')!.fullName, 'Laura Liepa']),
    );
    expect((await b.ok('supervision.diary', { month: '2026-11' })).total).toBe(3);
    const checks = (await b.ok('supervision.checks', {})).rows;
    expect(checks.map((c) => c.topicId)).toEqual([plan.topics[0].id]);
  }, 120_000);
});
