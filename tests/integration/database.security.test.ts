import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey, databasePath, openDatabase } from '../../database/data-source';
import { KeySlotFile, SLOT_FILE } from '../../database/keyslots';
import { SETUP, tempDir, testBackend } from './helpers';

describe('the encrypted database file', () => {
  it('opens with the right key only; a known string is not in the file', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const db = await openDatabase({ dataDir, key, create: true });
    await db.query(
      "INSERT INTO institution (id, name, reg_no, address) VALUES (1, 'Bērziņu PII «Saulīte»', '40900000000', 'Rīga')",
    );
    await db.destroy();

    const file = databasePath(dataDir);
    expect(readFileSync(file).includes(Buffer.from('Saulīte'))).toBe(false);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

    const right = new Database(file);
    applyKey(right, key);
    expect(right.prepare('SELECT name FROM institution').get()).toEqual({
      name: 'Bērziņu PII «Saulīte»',
    });
    right.close();

    const wrong = new Database(file);
    expect(() => applyKey(wrong, randomBytes(32))).toThrow();
    wrong.close();
    const none = new Database(file);
    expect(() => none.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
      /not a database/,
    );
    none.close();
  });

  it('holds the institution set up at the first run unreadable without the key', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    expect(readFileSync(databasePath(b.dataDir)).includes(Buffer.from('Zīlīte'))).toBe(false);
  });

  it('uses WAL, synchronous=FULL and foreign keys', async () => {
    const db = await openDatabase({ dataDir: tempDir(), key: randomBytes(32), create: true });
    expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await db.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    await db.destroy();
  });

  it('refuses a database written by a newer program and leaves it as it was', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const db = await openDatabase({ dataDir, key, create: true });
    await db.query(
      "INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')",
    );
    await db.destroy();
    const before = readFileSync(databasePath(dataDir));
    await expect(openDatabase({ dataDir, key })).rejects.toMatchObject({
      code: 'DATABASE_TOO_NEW',
    });
    expect(readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
  });
});

describe('a damaged or foreign data folder', () => {
  it('reports a corrupt slot file and never overwrites it', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    const slotFile = KeySlotFile.pathIn(b.dataDir);
    writeFileSync(slotFile, '{"this is": "not ours"}');
    const state = await b.ok('app.state', {});
    expect(state.phase).toBe('error');
    expect(state.problem).toBe(
      `Datu mapē ir bojāts vai svešs fails: ${SLOT_FILE}. Tas netika mainīts.`,
    );
    expect((await b.fail('auth.login', { username: 'ilze', password: 'x' })).code).toBe(
      'DATA_CORRUPT',
    );
    expect(readFileSync(slotFile, 'utf8')).toBe('{"this is": "not ours"}');
  });

  it('reports a foreign database file at login and leaves it unchanged', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    const foreign = Buffer.from('PK\u0003\u0004 this is a zip, not a register'.repeat(100));
    writeFileSync(databasePath(b.dataDir), foreign);
    const error = await b.fail('auth.login', {
      username: 'ilze',
      password: SETUP.head.newPassword,
    });
    expect(error).toMatchObject({ code: 'DATA_CORRUPT' });
    expect(error.message).toContain('register.db');
    expect(readFileSync(databasePath(b.dataDir)).equals(foreign)).toBe(true);
  });

  it('does not offer first-run setup when only the database is left', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    const slots = readFileSync(KeySlotFile.pathIn(b.dataDir));
    writeFileSync(KeySlotFile.pathIn(b.dataDir) + '.moved', slots);
    rmSync(KeySlotFile.pathIn(b.dataDir));
    expect((await b.ok('app.state', {})).phase).toBe('error');
    expect((await b.fail('auth.setup', SETUP)).code).toBe('SETUP_DONE');
  });
});
