import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../database/data-source';
import { whereOf } from '../../electron/api/audit/query';
import { freshPostgresPool, TEST_ENGINE } from '../postgres/databases';
import { tempDir } from './helpers';

/**
 * Migration 0018 stores the audit in fewer pages (issue 12's size) and changes nothing a reader
 * sees: every event and child link survives it both ways, and the viewer's and the substitution
 * screen's reads still find their rows through an index on both engines.
 */

const opened: DataSource[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) if (db.isInitialized) await db.destroy();
});

const MIGRATION = 'AuditStorage0000000000018';

async function freshDatabase(): Promise<DataSource> {
  if (TEST_ENGINE === 'postgres') return freshPostgresPool();
  const db = await openDatabase({ dataDir: tempDir(), key: randomBytes(32), create: true });
  opened.push(db);
  return db;
}

/** The viewer's group filter, the substitution screen's count, the viewer's child filter. */
function reads(): { name: string; sql: string; params: unknown[] }[] {
  const group = whereOf({ from: '2026-11-01', to: '2026-11-30', groupId: 7 });
  const child = whereOf({ from: '2026-11-01', to: '2026-11-30', childId: 4 });
  return [
    {
      name: 'group',
      sql: `SELECT a.id FROM audit_event a WHERE ${group.sql} ORDER BY a.at DESC, a.id DESC LIMIT 50`,
      params: group.params,
    },
    {
      name: 'on behalf',
      sql:
        'SELECT COUNT(*) AS n FROM audit_event a ' +
        'WHERE a.on_behalf_of_id = ? AND a.actor_id = ? AND a.at >= ? AND a.at < ?',
      params: [1, 2, '2026-11-01', '2026-12-01'],
    },
    {
      name: 'child',
      sql: `SELECT count(*) AS n FROM audit_event a WHERE ${child.sql}`,
      params: child.params,
    },
  ];
}

async function plan(db: DataSource, sql: string, params: unknown[]): Promise<string> {
  if (TEST_ENGINE === 'postgres') {
    // An empty table: forbid the sequential scan to see which index the planner can use.
    return db.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows = await m.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }
  const rows = await db.query<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, params);
  return rows.map((r) => r.detail).join('\n');
}

describe('migration 0018: the audit in fewer pages', () => {
  it('each read of a partial or rebuilt index is still answered by it', async () => {
    const db = await freshDatabase();
    const [group, onBehalf, child] = await Promise.all(
      reads().map((r) => plan(db, r.sql, r.params)),
    );
    expect(group).toContain('idx_audit_event_group');
    expect(onBehalf).toContain('idx_audit_on_behalf');
    expect(child).toContain('idx_audit_event_child');
    expect(`${group}\n${onBehalf}\n${child}`).not.toContain('idx_audit_event_actor');
  });

  it('keeps every event and link through up and down (on SQLite the link table loses its rowid)', async () => {
    const db = await freshDatabase();
    const applied = async () =>
      (await db.query<{ name: string }[]>('SELECT name FROM migrations')).map((m) => m.name);
    while ((await applied()).includes(MIGRATION)) {
      await db.undoLastMigration({ transaction: 'each' });
    }
    await db.query(
      'INSERT INTO "user" (id, username, full_name, role, active, must_change_password, created_at) VALUES ' +
        "(1, 'ilze', 'Ilze Kalna', 'teacher', TRUE, FALSE, '2026-01-01'), (2, 'anna', 'Anna Liepa', 'teacher', TRUE, FALSE, '2026-01-01')",
    );
    await db.query(
      "INSERT INTO \"group\" (id, number, name, age_from_months, age_to_months, capacity, school_year, active_from, active_to) VALUES (7, 3, 'Zīlītes', 36, 72, 20, 2026, '2026-09-01', '2027-08-31')",
    );
    await db.query(
      "INSERT INTO child (id, first_name, last_name, search_name, personal_code, birth_date, created_at) VALUES (4, 'Jānis', 'Bērziņš', 'berzins janis', '32410000004', '2022-01-01', '2026-01-01'), (5, 'Līga', 'Ozola', 'ozola liga', '32410000005', '2022-02-01', '2026-01-01')",
    );
    await db.query(
      'INSERT INTO audit_event (id, at, actor_id, on_behalf_of_id, action, entity, entity_id, group_id, before, after) VALUES ' +
        "(1, '2026-11-02T06:00:00.000Z', 1, NULL, 'auth.login.success', 'user', '1', NULL, NULL, NULL), " +
        "(2, '2026-11-02T06:05:00.000Z', 2, 1, 'attendance.mark.save', 'group', '7', 7, NULL, '{\"4.2026-11-02\":\"NS\"}'), " +
        "(3, '2026-11-02T06:06:00.000Z', 1, NULL, 'attendance.day.confirm', 'group', '7', 7, NULL, '{\"date\":\"2026-11-02\",\"late\":false}')",
    );
    await db.query('INSERT INTO audit_event_child (event_id, child_id) VALUES (2, 5), (2, 4)');
    const rows = async () => ({
      events: await db.query<unknown[]>('SELECT * FROM audit_event ORDER BY id'),
      links: await db.query<unknown[]>(
        'SELECT event_id, child_id FROM audit_event_child ORDER BY event_id, child_id',
      ),
    });
    const indexes = async () =>
      TEST_ENGINE === 'postgres'
        ? (
            await db.query<{ name: string; def: string }[]>(
              "SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'audit_event' AND indexname LIKE 'idx%'",
            )
          )
            .map((i) => `${i.name}${/ WHERE /.test(i.def) ? ' partial' : ''}`)
            .sort()
        : (await db.query<{ name: string; partial: number }[]>("PRAGMA index_list('audit_event')"))
            .map((i) => `${i.name}${i.partial ? ' partial' : ''}`)
            .sort();
    const withoutRowid = async () =>
      TEST_ENGINE === 'sqlite' &&
      (
        await db.query<{ sql: string }[]>(
          "SELECT sql FROM sqlite_master WHERE name = 'audit_event_child'",
        )
      )[0].sql.endsWith('WITHOUT ROWID');
    const before = await rows();
    const old = [
      'idx_audit_event_actor',
      'idx_audit_event_at',
      'idx_audit_event_group',
      'idx_audit_on_behalf',
    ];
    expect(await indexes()).toEqual(old);
    expect(await withoutRowid()).toBe(false);

    await db.runMigrations({ transaction: 'each' });
    expect(await rows()).toEqual(before);
    expect(await indexes()).toEqual([
      'idx_audit_event_at',
      'idx_audit_event_group partial',
      'idx_audit_on_behalf partial',
    ]);
    expect(await withoutRowid()).toBe(TEST_ENGINE === 'sqlite');
    // A link that names no event is refused as before.
    await expect(
      db.query('INSERT INTO audit_event_child (event_id, child_id) VALUES (99, 4)'),
    ).rejects.toThrow(/foreign key/i);

    await db.undoLastMigration({ transaction: 'each' });
    expect(await rows()).toEqual(before);
    expect(await indexes()).toEqual(old);
    expect(await withoutRowid()).toBe(false);
  });
});
