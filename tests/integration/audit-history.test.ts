import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../database/data-source';
import { renderEvents } from '../../electron/api/audit/render';
import type { EventRow } from '../../electron/api/audit/query';
import { tempDir } from './helpers';
import { planningFixture, topic } from './planning-fixtures';

const opened: DataSource[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) if (db.isInitialized) await db.destroy();
});

describe('the size of an assessment sheet’s audit (issue 12, point 5)', () => {
  it('stores the changed cells only, a key and a letter each, not two objects per cell', async () => {
    const f = await planningFixture();
    await f.as('anna');
    const plan = await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2026-12',
      topic: topic('Ziema', '2026-12-01', '2026-12-04', ['VAL', 'MAT', 'DAB']),
    });
    const topicId = plan.topics[0].id;
    const changes = f.children.flatMap((childId) =>
      (['VAL', 'MAT', 'DAB'] as const).map((area, i) => ({
        childId,
        area,
        mark: (['S', 'T', 'A'] as const)[i],
        reason: null,
      })),
    );
    await f.b.ok('assessment.mark', { topicId, changes });
    const [row] = await f.b.router.state.db.query<{ before: string | null; after: string }[]>(
      "SELECT before, after FROM audit_event WHERE action = 'assessment.mark.save'",
    );
    // What the event held before issue 16: every cell as an object, on both sides.
    const old =
      JSON.stringify(changes.map((c) => ({ childId: c.childId, area: c.area, mark: '' }))).length +
      JSON.stringify(changes.map((c) => ({ childId: c.childId, area: c.area, mark: c.mark })))
        .length;
    const now = row.after.length + (row.before?.length ?? 0);
    expect(row.before).toBeNull(); // a first fill: nothing was there
    expect(JSON.parse(row.after)).toEqual(
      Object.fromEntries(changes.map((c) => [`${c.childId}.${c.area}`, c.mark])),
    );
    expect(now).toBeLessThan(old * 0.25);
    // A second save of one changed cell records that cell alone.
    await f.b.ok('assessment.mark', { topicId, changes: [{ ...changes[0], mark: 'P' }] });
    const [second] = await f.b.router.state.db.query<{ before: string; after: string }[]>(
      "SELECT before, after FROM audit_event WHERE action = 'assessment.mark.save' ORDER BY id DESC LIMIT 1",
    );
    const key = `${changes[0].childId}.VAL`;
    expect([JSON.parse(second.before), JSON.parse(second.after)]).toEqual([
      { [key]: 'S' },
      { [key]: 'P' },
    ]);
  });
});

describe('migration 0014 on a register written before it', () => {
  it('renames the old action names, links the children and groups, and compacts old cells', async () => {
    const db = await openDatabase({ dataDir: tempDir(), key: randomBytes(32), create: true });
    opened.push(db);
    // Back to the schema before 0014: the later migrations are undone first, newest first.
    const applied = async () =>
      (await db.query<{ name: string }[]>('SELECT name FROM migrations')).map((m) => m.name);
    while ((await applied()).includes('Privacy0000000000014')) {
      await db.undoLastMigration({ transaction: 'each' });
    }
    await db.query(
      "INSERT INTO user (id, username, full_name, role, active, must_change_password, created_at) VALUES (1, 'marta', 'Mārta Ābele', 'nurse', 1, 0, '2026-01-01')",
    );
    await db.query(
      "INSERT INTO \"group\" (id, number, name, age_from_months, age_to_months, capacity, school_year, active_from, active_to) VALUES (7, 3, 'Zīlītes', 36, 72, 20, 2026, '2026-09-01', '2027-08-31')",
    );
    await db.query(
      "INSERT INTO child (id, first_name, last_name, search_name, personal_code, birth_date, created_at) VALUES (4, 'Jānis', 'Bērziņš', 'berzins janis', '32410000004', '2022-01-01', '2026-01-01')",
    );
    const old = (
      action: string,
      entity: string,
      entityId: string,
      before: unknown,
      after: unknown,
    ) =>
      db.query(
        'INSERT INTO audit_event (at, actor_id, action, entity, entity_id, before, after) VALUES (?, 1, ?, ?, ?, ?, ?)',
        [
          '2026-11-30T08:00:00.000Z',
          action,
          entity,
          entityId,
          JSON.stringify(before),
          JSON.stringify(after),
        ],
      );
    await old(
      'attendance.correct',
      'group',
      '7',
      [{ childId: 4, date: '2026-11-30', code: 'N' }],
      [{ childId: 4, date: '2026-11-30', code: 'NS' }],
    );
    await old('child.create', 'child', '4', null, { firstName: 'Jānis', lastName: 'Bērziņš' });
    await db.runMigrations({ transaction: 'each' });

    const rows = await db.query<EventRow[]>(
      'SELECT id, at, actor_id AS actorId, on_behalf_of_id AS onBehalfOfId, action, entity, ' +
        'entity_id AS entityId, group_id AS groupId, before, after FROM audit_event ORDER BY id',
    );
    expect(rows.map((r) => [r.action, r.groupId])).toEqual([
      ['attendance.mark.correct', 7],
      ['people.child.create', null],
    ]);
    expect(
      await db.query('SELECT event_id AS e, child_id AS c FROM audit_event_child ORDER BY e'),
    ).toEqual([
      { e: rows[0].id, c: 4 },
      { e: rows[1].id, c: 4 },
    ]);
    expect([JSON.parse(rows[0].before!), JSON.parse(rows[0].after!)]).toEqual([
      { '4.2026-11-30': 'N' },
      { '4.2026-11-30': 'NS' },
    ]);
    // The viewer reads the old events like new ones.
    const [correction] = await renderEvents(db.manager, rows, 'lv');
    expect(correction).toMatchObject({
      actorName: 'Mārta Ābele',
      subject: '3. grupa «Zīlītes»',
      changes: [{ field: 'Jānis Bērziņš · 30.11.2026', before: 'N', after: 'NS' }],
    });
  });
});
