import { describe, expect, it } from 'vitest';
import { winterTopic } from './planning-fixtures';

/**
 * The assessment history keeps only superseded values (migration 0015): the change that made a
 * cell what it is now is the cell itself. The history screens still tell every change.
 */
describe('the assessment history without the current value twice', () => {
  async function markedTopic() {
    const { f, topicId } = await winterTopic();
    const [elza, janis] = f.children;
    // A day later: the idle logout has come, she logs in again.
    const at = async (instant: string) => {
      f.b.clock.set(new Date(instant));
      await f.as('anna');
    };
    const mark = (changes: object[]) => f.b.ok('assessment.mark', { topicId, changes } as never);
    // Elza's VAL: S, then T, then cleared, then A; Jānis's MAT excused and then marked P.
    await mark([
      { childId: elza, area: 'VAL', mark: 'S' },
      { childId: janis, area: 'MAT', mark: null, reason: 'excused' },
    ]);
    await at('2027-01-19T08:00:00Z');
    await mark([{ childId: elza, area: 'VAL', mark: 'T' }]);
    await at('2027-01-20T08:00:00Z');
    await mark([{ childId: elza, area: 'VAL', mark: null }]);
    await at('2027-01-21T08:00:00Z');
    await mark([
      { childId: elza, area: 'VAL', mark: 'A' },
      { childId: janis, area: 'MAT', mark: 'P' },
    ]);
    return { f, topicId, elza, janis };
  }

  const stored = (f: Awaited<ReturnType<typeof markedTopic>>['f']) =>
    f.b.router.state.db.query<{ after: string; before: string }[]>(
      'SELECT "before", "after" FROM assessment_history ORDER BY id',
    );

  it('stores each superseded value once, the current one only in the cell, and shows every change', async () => {
    const { f, topicId } = await markedTopic();
    // Written: S (when T replaced it), T and its clearing; the excused cell when P replaced it.
    expect(await stored(f)).toEqual([
      { before: '', after: 'S' },
      { before: 'S', after: 'T' },
      { before: 'T', after: '' },
      { before: '', after: 'excused' },
    ]);
    const history = await f.b.ok('assessment.history', { topicId });
    expect(
      history.map((h) => [h.at.slice(0, 10), h.childName, h.area, h.before, h.after, h.byName]),
    ).toEqual([
      ['2027-01-21', 'Jānis Bērziņš', 'MAT', 'attaisnots kavējums', 'P', 'Anna Kalniņa'],
      ['2027-01-21', 'Elza Ozoliņa', 'VAL', '', 'A', 'Anna Kalniņa'],
      ['2027-01-20', 'Elza Ozoliņa', 'VAL', 'T', '', 'Anna Kalniņa'],
      ['2027-01-19', 'Elza Ozoliņa', 'VAL', 'S', 'T', 'Anna Kalniņa'],
      ['2027-01-18', 'Jānis Bērziņš', 'MAT', '', 'attaisnots kavējums', 'Anna Kalniņa'],
      ['2027-01-18', 'Elza Ozoliņa', 'VAL', '', 'S', 'Anna Kalniņa'],
    ]);
  });

  it('migration 0015 removes history rows that repeat the cell, keeping the story and who stood in', async () => {
    const { f, topicId, janis } = await markedTopic();
    const db = f.b.router.state.db;
    const before = await f.b.ok('assessment.history', { topicId });
    const applied = async () =>
      (await db.query<{ name: string }[]>('SELECT name FROM migrations')).map((m) => m.name);
    while ((await applied()).includes('HistoryIndexes0000000000015')) {
      await db.undoLastMigration({ transaction: 'each' });
    }
    // As the older version kept it: every change a row, the current one too (6 changes).
    expect((await stored(f)).map((r) => r.after).sort()).toEqual(
      ['', 'A', 'P', 'S', 'T', 'excused'].sort(),
    );
    // Jānis's P was entered by a substitute standing in for ieva (only the history knew that).
    await db.query(
      `UPDATE assessment_history SET on_behalf_of = ? WHERE child_id = ? AND "after" = 'P'`,
      [f.users.ieva, janis],
    );
    await db.runMigrations({ transaction: 'each' });
    expect((await stored(f)).map((r) => r.after)).toEqual(['S', 'T', '', 'excused']);
    const after = await f.b.ok('assessment.history', { topicId });
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).toEqual({
      ...before[0],
      byName: 'Anna Kalniņa (aizvieto kolēģi: Ieva Liepiņa)',
    });
  });

  it("keeps a substitute's mark as hers on behalf of the absent teacher, in the cell and once superseded", async () => {
    const { f, topicId } = await winterTopic();
    const [elza] = f.children;
    await f.as('dace');
    await f.b.ok('substitution.create', {
      groupId: f.zilites,
      absentId: f.users.anna,
      substituteId: f.users.ieva,
      fromDate: '2027-01-18',
      toDate: '2027-01-18',
      note: '',
    });
    await f.as('ieva');
    await f.b.ok('assessment.mark', {
      topicId,
      changes: [{ childId: elza, area: 'VAL', mark: 'S' }],
    });
    const cell = await f.b.router.state.db.query<{ o: number | null }[]>(
      'SELECT on_behalf_of AS o FROM assessment WHERE child_id = ?',
      [elza],
    );
    expect(cell).toEqual([{ o: f.users.anna }]);
    const byIeva = 'Ieva Liepiņa (aizvieto kolēģi: Anna Kalniņa)';
    expect((await f.b.ok('assessment.history', { topicId })).map((h) => h.byName)).toEqual([
      byIeva,
    ]);
    f.b.clock.set(new Date('2027-01-19T08:00:00Z'));
    await f.as('anna');
    await f.b.ok('assessment.mark', {
      topicId,
      changes: [{ childId: elza, area: 'VAL', mark: 'T' }],
    });
    const history = await f.b.ok('assessment.history', { topicId });
    expect(history.map((h) => [h.before, h.after, h.byName])).toEqual([
      ['S', 'T', 'Anna Kalniņa'],
      ['', 'S', byIeva],
    ]);
  });
});
