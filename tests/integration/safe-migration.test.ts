import { createReadStream, existsSync, readdirSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey, databasePath } from '../../database/data-source';
import { KeySlotFile, unwrapKey } from '../../database/keyslots';
import { MIGRATIONS } from '../../database/migrations';
import {
  decryptBackup,
  readBackupHeader,
  verifyBackup,
} from '../../electron/api/backup/format/decrypt';
import { parsePayload } from '../../electron/api/backup/payload';
import { programVersion } from '../../electron/api/backup/export';
import { PRE_UPDATE_FOLDER } from '../../electron/api/release/safe-migration';
import { SETUP } from './helpers';
import { GROUP, registerWithStaff, type Backend } from './people-helpers';

/**
 * A new program version that brings migrations: the first login takes an encrypted backup before
 * the first of them runs, and when one fails the backup is put back, so the register is exactly
 * what the previous version left (a logical dump of every table and of the schema compares equal),
 * and the user learns why. Real encrypted files throughout.
 */

const HEAD = { username: SETUP.head.username, password: SETUP.head.newPassword };
const AUTO_PASSPHRASE = 'Automātiskā-kopija-2026';
const SHIPPED = MIGRATIONS.length;

/** A migration of the "new version" that works: it changes data and adds a table. */
class RenameInstitution0000000000098 implements MigrationInterface {
  name = 'RenameInstitution0000000000098';
  async up(q: QueryRunner): Promise<void> {
    await q.query("UPDATE institution SET name = 'Pārdēvēta' WHERE id = 1");
    await q.query('CREATE TABLE update_probe (id integer PRIMARY KEY, note text)');
    await q.query("INSERT INTO update_probe (note) VALUES ('jaunā versija')");
  }
  async down(): Promise<void> {}
}

/** A migration of the "new version" that drops much, as 0015 empties the assessment history. */
class DropBallast0000000000097 implements MigrationInterface {
  name = 'DropBallast0000000000097';
  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ballast');
  }
  async down(): Promise<void> {}
}

/** A migration of the "new version" that breaks halfway. */
class BrokenStep0000000000099 implements MigrationInterface {
  name = 'BrokenStep0000000000099';
  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM audit_event');
    throw new Error('no such column: child.shoe_size');
  }
  async down(): Promise<void> {}
}

/** A failing step that also damages the pre-update backup, so that the restore fails too. */
const damage = { folder: '' };
class BrokenStepAndBackup0000000000099 implements MigrationInterface {
  name = 'BrokenStepAndBackup0000000000099';
  async up(): Promise<void> {
    for (const name of readdirSync(damage.folder)) {
      truncateSync(path.join(damage.folder, name), 100);
    }
    throw new Error('no such table: shoe');
  }
  async down(): Promise<void> {}
}

afterEach(() => {
  MIGRATIONS.splice(SHIPPED); // the shipped list again for the next test
});

/** A register as the previous version leaves it: staff, a group, a child, backup settings. */
async function previousVersionRegister(): Promise<Backend> {
  const { b, as } = await registerWithStaff();
  await as('head');
  const group = await b.ok('groups.create', GROUP);
  await b.ok('backup.saveAuto', {
    enabled: false,
    folder: '',
    passphrase: AUTO_PASSPHRASE,
    passphraseRepeat: AUTO_PASSPHRASE,
  });
  await as('deputy');
  await b.ok('children.create', {
    firstName: 'Jānis',
    lastName: 'Bērziņš',
    personalCode: '12078512347',
    groupId: group.id,
    fromDate: '2026-09-01',
  });
  await b.ok('auth.logout', {});
  return b;
}

async function masterKey(dataDir: string): Promise<Buffer> {
  const slot = (await KeySlotFile.load(dataDir)).userSlot(HEAD.username);
  const key = slot && (await unwrapKey(slot, HEAD.password));
  if (!key) throw new Error('the head cannot unlock the register');
  return key;
}

type Dump = { schema: unknown[]; userVersion: unknown; tables: Record<string, unknown[]> };

/** Every schema object and every row of every table, read from the encrypted file itself. */
function dump(file: string, key: Buffer): Dump {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    applyKey(db, key);
    const schema = db
      .prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name",
      )
      .all() as { type: string; name: string; sql: string }[];
    const tables: Record<string, unknown[]> = {};
    for (const { name, sql } of schema.filter((o) => o.type === 'table')) {
      // A WITHOUT ROWID table (audit_event_child: two key columns) in its key's order.
      const order = /WITHOUT ROWID\s*$/i.test(sql) ? '1, 2' : 'rowid';
      tables[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
    }
    return { schema, userVersion: db.pragma('user_version', { simple: true }), tables };
  } finally {
    db.close();
  }
}

function preUpdateBackups(dataDir: string): string[] {
  const folder = path.join(dataDir, PRE_UPDATE_FOLDER);
  return existsSync(folder) ? readdirSync(folder).map((name) => path.join(folder, name)) : [];
}

describe('a new version whose migration fails', () => {
  it('restores the pre-update backup: the data is exactly as before, and the user is told why', async () => {
    const b = await previousVersionRegister();
    const key = await masterKey(b.dataDir);
    const before = dump(databasePath(b.dataDir), key);
    expect(before.tables.child).toHaveLength(1);
    expect(before.tables.audit_event.length).toBeGreaterThan(10);
    expect(before.tables.migrations).toHaveLength(SHIPPED);

    MIGRATIONS.push(RenameInstitution0000000000098, BrokenStep0000000000099);
    const refusal = await b.fail('auth.login', HEAD);

    expect(refusal.code).toBe('MIGRATION_FAILED');
    expect(refusal.message).toContain(
      `Programmas versija ${programVersion()} nevarēja pārveidot datubāzi`,
    );
    expect(refusal.message).toContain('no such column: child.shoe_size');
    expect(refusal.message).toContain('nekas nav zudis');
    const after = dump(databasePath(b.dataDir), key);
    expect(after).toEqual(before); // the first step had committed; the restore undid it too
    expect(b.router.state.isOpen()).toBe(false);

    // One verified backup, in the backup format, of the old schema; nothing half-made is left.
    const [backup, ...others] = preUpdateBackups(b.dataDir);
    expect(others).toEqual([]);
    expect(path.basename(backup)).toMatch(
      new RegExp(
        `^pre-update_\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ_schema-${SHIPPED}-to-${SHIPPED + 2}\\.kgbak$`,
      ),
    );
    expect(refusal.message).toContain(path.basename(backup));
    expect(
      (await readBackupHeader(createReadStream(backup), { passphrase: AUTO_PASSPHRASE })).metadata,
    ).toMatchObject({
      schemaVersion: SHIPPED,
      programVersion: programVersion(),
    });
    expect(
      readdirSync(b.dataDir).filter((n) => n.startsWith('.') || n.endsWith('.partial')),
    ).toEqual([]);
    // The head's automatic-backup passphrase opens it, so she can also restore it by hand.
    await expect(verifyBackup(createReadStream(backup), AUTO_PASSPHRASE)).resolves.toBeTruthy();

    // The same program keeps refusing safely; the fixed version opens the untouched register.
    expect((await b.fail('auth.login', HEAD)).code).toBe('MIGRATION_FAILED');
    expect(dump(databasePath(b.dataDir), key)).toEqual(before);
    MIGRATIONS.splice(SHIPPED);
    await b.ok('auth.login', HEAD);
    expect((await b.ok('app.about', {})).schemaVersion).toBe(SHIPPED);
    const children = (await b.ok('children.list', {})).rows;
    expect(JSON.stringify(children)).toContain('Bērziņš');
  });
});

describe('a new version whose migrations succeed', () => {
  it('keeps the backup of the old schema and opens the migrated register', async () => {
    const b = await previousVersionRegister();
    const key = await masterKey(b.dataDir);
    const before = dump(databasePath(b.dataDir), key);
    MIGRATIONS.push(RenameInstitution0000000000098);
    await b.ok('auth.login', HEAD);
    expect((await b.ok('app.about', {})).schemaVersion).toBe(SHIPPED + 1);
    expect((await b.ok('app.state', {})).session?.institutionName).toBe('Pārdēvēta');

    const [backup] = preUpdateBackups(b.dataDir);
    const parts: Buffer[] = [];
    for await (const part of decryptBackup(createReadStream(backup), {
      passphrase: AUTO_PASSPHRASE,
    })) {
      parts.push(part);
    }
    const payload = parsePayload(Buffer.concat(parts));
    expect(payload?.masterKey.equals(key)).toBe(true);
    // The image in the backup is the register before the migration.
    const copy = Buffer.from(payload!.image);
    copy[18] = copy[19] = 1; // a WAL database opens in memory in rollback mode only
    const image = new Database(copy);
    expect(image.prepare('SELECT name FROM institution').get()).toEqual({
      name: SETUP.institution.name,
    });
    expect(before.tables.institution).toMatchObject([{ name: SETUP.institution.name }]);
    expect(
      image.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'update_probe'").get(),
    ).toEqual({ n: 0 });
    image.close();

    // Up to date now: the next login takes no second backup.
    await b.ok('auth.logout', {});
    await b.ok('auth.login', HEAD);
    expect(preUpdateBackups(b.dataDir)).toHaveLength(1);
  });

  it('gives back the space a migration freed, so the file and its backups shrink', async () => {
    const b = await previousVersionRegister();
    const file = databasePath(b.dataDir);
    const key = await masterKey(b.dataDir);
    const db = new Database(file, { fileMustExist: true });
    applyKey(db, key);
    db.exec(
      'CREATE TABLE ballast AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n ' +
        'WHERE i < 2000) SELECT i, randomblob(1000) AS b FROM n',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const grown = statSync(file).size;
    expect(grown).toBeGreaterThan(2_000_000);

    MIGRATIONS.push(DropBallast0000000000097);
    await b.ok('auth.login', HEAD);
    await b.ok('auth.logout', {});
    expect(statSync(file).size).toBeLessThan(grown / 3);
    const after = dump(file, key);
    expect(after.tables.child).toHaveLength(1);
    expect(after.tables.ballast).toBeUndefined();
  });

  it('takes no backup when the register is already up to date', async () => {
    const b = await previousVersionRegister();
    await b.ok('auth.login', HEAD);
    expect(preUpdateBackups(b.dataDir)).toEqual([]);
  });
});

describe('a failed migration whose backup cannot be restored', () => {
  it('says where the backup is and opens nothing more until a person has looked', async () => {
    const b = await previousVersionRegister();
    damage.folder = path.join(b.dataDir, PRE_UPDATE_FOLDER);
    MIGRATIONS.push(RenameInstitution0000000000098, BrokenStepAndBackup0000000000099);
    const refusal = await b.fail('auth.login', HEAD);
    expect(refusal.code).toBe('MIGRATION_FAILED');
    expect(refusal.message).toContain('automātiski atjaunot datus neizdevās');
    const [backup] = preUpdateBackups(b.dataDir).filter((f) => f.endsWith('.kgbak'));
    expect(refusal.message).toContain(backup);
    // Later attempts refuse at once: no second backup of the half-migrated database.
    const again = await b.fail('auth.login', HEAD);
    expect(again.message).toBe(refusal.message);
    expect(preUpdateBackups(b.dataDir).filter((f) => f.endsWith('.kgbak'))).toEqual([backup]);
  });
});
