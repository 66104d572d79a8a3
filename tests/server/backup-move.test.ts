import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Credential } from '../../database/entities/accounts';
import { compareRegisters, describeDifference } from '../../database/logical/compare';
import type { Value } from '../../database/logical/rows';
import { postgresDataSource } from '../../database/postgres';
import { collect, exportBackup } from '../../electron/api/backup/export';
import { encryptBackup } from '../../electron/api/backup/format/encrypt';
import { exportServerBackup, restoreOnServer } from '../../electron/api/backup/server-backup';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { ServerRouter, serverRegister } from '../../electron/api/server-router';
import { Generator } from '../../tools/seed/generator';
import { freshPostgres } from '../postgres/databases';
import { TEST_SCRYPT, tempDir } from '../integration/helpers';

/**
 * Issue 18, "moving between them": a generated register of several years exported on one PC as
 * a logical dump (payload version 2), restored on the other engine, compared table by table, and
 * everyone logs in with her old password; then the server's backup back onto a new PC.
 */

const PASSPHRASE = 'pārcelšanās-parole-2026';
const PASSWORD = 'demo-parole-2026';
const NOW = '2026-11-30T15:00:00Z';
const ADDRESS = '192.0.2.10';

/** The audit record a restore adds, and whatever the test itself did after `lastId`. */
const skipAfter =
  (lastId = Infinity) =>
  (table: string, row: Record<string, Value>) =>
    table === 'audit_event' && (row.action === 'backup.file.restore' || Number(row.id) > lastId);

async function pc(dataDir: string) {
  const router = new Router({
    dataDir,
    clock: new TestClock(new Date(NOW)),
    testMode: true,
    scrypt: TEST_SCRYPT,
  });
  const call = async (method: string, input: unknown) => router.call(method, input);
  return { router, call };
}

async function generated() {
  const dataDir = tempDir();
  const accounts = await new Generator({
    dataDir,
    today: '2026-11-30',
    years: 2,
    groupsPerYear: 1,
    childrenPerGroup: 5,
    attendance: 'lastMonth',
    scrypt: TEST_SCRYPT,
  }).run();
  const teacher = accounts.find((a) => a.role === 'teacher')!.username;
  const nurse = accounts.find((a) => a.role === 'nurse')!.username;
  return { dataDir, teacher, nurse };
}

async function maxAuditId(db: DataSource): Promise<number> {
  const [row] = await db.query<{ n: number }[]>('SELECT MAX(id) AS n FROM audit_event');
  return Number(row.n);
}

describe('a register moves to a server and back', () => {
  it('keeps every row and every password', async () => {
    const { dataDir, teacher, nurse } = await generated();
    const source = await pc(dataDir);
    expect((await source.call('auth.login', { username: 'vaditaja', password: PASSWORD })).ok).toBe(
      true,
    );
    const stick = tempDir();
    const { file } = await exportBackup(source.router.state, {
      folder: stick,
      passphrase: PASSPHRASE,
      format: 'logical',
    });

    const db = postgresDataSource({ ...(await freshPostgres(false)), poolSize: 4 });
    await db.initialize();
    try {
      // Bad input first: each is refused with its message and leaves the database empty.
      const damaged = path.join(stick, 'damaged.kgbak');
      const bytes = await fs.readFile(file);
      bytes[bytes.length - 40] ^= 0xff;
      await fs.writeFile(damaged, bytes);
      const newer = path.join(stick, 'newer.kgbak');
      const payload = Buffer.from('KGREGPL9\n{}\n');
      await fs.writeFile(
        newer,
        Buffer.concat(
          await collect(
            encryptBackup([payload], {
              passphrase: PASSPHRASE,
              scrypt: TEST_SCRYPT,
              metadata: {
                programVersion: '9.0.0',
                schemaVersion: 1,
                createdAt: NOW.replace('Z', '.000Z'),
                originalSize: payload.length,
              },
            }),
          ),
        ),
      );
      for (const [bad, passphrase, key] of [
        [file, 'nepareiza-parole-1', 'backup.wrongPassphrase'],
        [damaged, PASSPHRASE, 'backup.chunkTampered'],
        [newer, PASSPHRASE, 'backup.newerFormat'],
      ] as const) {
        const err = await restoreOnServer(db, bad, passphrase, new Date(NOW)).catch(
          (e: unknown) => e,
        );
        expect(err).toMatchObject({ code: 'VALIDATION', key });
      }
      expect(await db.query("SELECT to_regclass('institution') AS t")).toEqual([{ t: null }]);

      const restored = await restoreOnServer(db, file, PASSPHRASE, new Date(NOW));
      expect(restored.accounts).toBeGreaterThan(2);
      const there = await compareRegisters(source.router.state.db, db, { skipRow: skipAfter() });
      expect(describeDifference(there.difference)).toBe('equal');
      expect(there.rows.attendance_mark).toBeGreaterThan(0);
      expect(there.rows.child).toBeGreaterThan(5);
      // The compare sees a single changed value, and names where it is.
      const [child] = await db.query<{ id: number; last_name: string }[]>(
        'SELECT id, last_name FROM child ORDER BY id LIMIT 1',
      );
      await db.query('UPDATE child SET last_name = ? WHERE id = ?', ['Citāda', child.id]);
      const changed = await compareRegisters(source.router.state.db, db, { skipRow: skipAfter() });
      expect(changed.difference).toMatchObject({
        table: 'child',
        row: `id=${child.id}`,
        column: 'last_name',
        right: 'Citāda',
      });
      await db.query('UPDATE child SET last_name = ? WHERE id = ?', [child.last_name, child.id]);

      // Everyone logs in on the server with her old password; the slot becomes a hash.
      const server = new ServerRouter(
        serverRegister({
          db,
          dataDir: tempDir(),
          clock: new TestClock(new Date(NOW)),
          testMode: true,
          scrypt: TEST_SCRYPT,
          maxIdleMinutes: 60,
        }),
      );
      try {
        const login = (username: string, password: string) =>
          server.call({ address: ADDRESS }, 'auth.login', { username, password });
        expect((await login(teacher, 'nav-tā-parole')).result).toMatchObject({
          ok: false,
          error: { code: 'BAD_CREDENTIALS' },
        });
        for (const user of [teacher, 'vaditaja']) {
          expect((await login(user, PASSWORD)).result).toMatchObject({ ok: true });
        }
        // Lockout as before, on an account still in its moved slot (from another address, so
        // that the address's own counter does not lock the logins that follow).
        const attempt = (password: string) =>
          server.call({ address: '192.0.2.20' }, 'auth.login', { username: nurse, password });
        const codes: string[] = [];
        for (let i = 0; i < 5; i++) {
          const answer = (await attempt('nav-tā-parole')).result;
          codes.push(answer.ok ? 'ok' : answer.error.code);
        }
        expect(codes).toEqual([...Array<string>(4).fill('BAD_CREDENTIALS'), 'LOCKED']);
        expect((await attempt(PASSWORD)).result).toMatchObject({
          ok: false,
          error: { code: 'LOCKED' },
        });
        // A temporary password from the head, as before: it must be changed at the next login.
        const head = await login('vaditaja', PASSWORD);
        const [speech] = await db.query<{ id: number }[]>(
          'SELECT id FROM "user" WHERE username = ?',
          ['logopede'],
        );
        const reset = await server.call(
          { address: ADDRESS, token: head.token },
          'users.resetPassword',
          {
            userId: speech.id,
            temporaryPassword: 'pagaidu-parole-1',
          },
        );
        expect(reset.result).toMatchObject({ ok: true });
        expect((await login('logopede', 'pagaidu-parole-1')).result).toMatchObject({
          ok: true,
          result: { mustChangePassword: true },
        });
        const kdfs = (await db.getRepository(Credential).find()).map(
          (c) => (JSON.parse(c.kdf) as { name: string }).name,
        );
        expect(kdfs.filter((k) => k === 'scrypt')).toHaveLength(3);
        expect(kdfs.filter((k) => k === 'key-slot').length).toBeGreaterThan(0);

        // …and back: the server's backup restored on a new PC, the same rows, the same passwords.
        const back = await exportServerBackup(db, {
          folder: stick,
          passphrase: PASSPHRASE,
          now: new Date(NOW),
          scrypt: TEST_SCRYPT,
        });
        const lastId = await maxAuditId(db);
        const target = await pc(tempDir());
        expect(
          await target.call('backup.restoreSetup', { file: back.file, passphrase: PASSPHRASE }),
        ).toMatchObject({ ok: true });
        // A rehashed account (the teacher), one still in its moved slot (the nurse: a lockout
        // stays on the server), and a temporary password that is still temporary.
        expect(
          await target.call('auth.login', { username: 'logopede', password: 'pagaidu-parole-1' }),
        ).toMatchObject({ ok: true, result: { mustChangePassword: true } });
        for (const user of [teacher, nurse, 'vaditaja']) {
          expect(
            await target.call('auth.login', { username: user, password: PASSWORD }),
          ).toMatchObject({ ok: true });
        }
        const home = await compareRegisters(db, target.router.state.db, {
          skipRow: skipAfter(lastId),
        });
        expect(describeDifference(home.difference)).toBe('equal');
        await target.router.dispose();
      } finally {
        await server.dispose();
      }
    } finally {
      await source.router.dispose();
      await db.destroy();
    }
  }, 180_000);

  it("restores today's backup files (the SQLite image, payload version 1) on a server too", async () => {
    const { dataDir, teacher } = await generated();
    const source = await pc(dataDir);
    await source.call('auth.login', { username: 'vaditaja', password: PASSWORD });
    const { file } = await exportBackup(source.router.state, {
      folder: tempDir(),
      passphrase: PASSPHRASE,
    });
    expect((await fs.readFile(file)).length).toBeGreaterThan(0);
    const db = postgresDataSource({ ...(await freshPostgres(false)), poolSize: 4 });
    await db.initialize();
    await restoreOnServer(db, file, PASSPHRASE, new Date(NOW));
    const server = new ServerRouter(
      serverRegister({ db, dataDir: tempDir(), scrypt: TEST_SCRYPT, maxIdleMinutes: 60 }),
    );
    try {
      const compared = await compareRegisters(source.router.state.db, db, {
        skipRow: skipAfter(),
      });
      expect(describeDifference(compared.difference)).toBe('equal');
      const answer = await server.call({ address: ADDRESS }, 'auth.login', {
        username: teacher,
        password: PASSWORD,
      });
      expect(answer.result).toMatchObject({ ok: true });
      // A second restore into the same database is refused: it holds a register now.
      const again = await restoreOnServer(db, file, PASSPHRASE, new Date(NOW)).catch(
        (e: unknown) => e,
      );
      expect(again).toMatchObject({ key: 'backup.serverNotEmpty' });
    } finally {
      await server.dispose();
      await source.router.dispose();
      await db.destroy();
    }
  }, 120_000);
});
