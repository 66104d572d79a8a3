import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, databasePath } from '../../database/data-source';
import { SLOT_FILE } from '../../database/keyslots';
import { MIGRATIONS } from '../../database/migrations';
import { decryptBackup, readBackupHeader } from '../../electron/api/backup/format/decrypt';
import { encryptBackup } from '../../electron/api/backup/format/encrypt';
import type { BackupMetadata } from '../../electron/api/backup/format/header';
import {
  type Backend,
  exportTo,
  HEAD_LOGIN,
  PASSPHRASE,
  populated,
  TEACHER_PASSWORD,
} from './backup-helpers';
import { TEST_SCRYPT, tempDir, testBackend } from './helpers';

type Dump = Record<string, Record<string, unknown>[]>;

/** Every row of every table of the open register, in rowid order (a WITHOUT ROWID table's, in key order). */
async function dump(b: Backend): Promise<Dump> {
  const db = b.router.state.db;
  const tables = await db.query<{ name: string; sql: string }[]>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  const out: Dump = {};
  for (const { name, sql } of tables) {
    const order = /WITHOUT ROWID\s*$/i.test(sql) ? '1, 2' : 'rowid';
    out[name] = await db.query<Record<string, unknown>[]>(
      `SELECT * FROM "${name}" ORDER BY ${order}`,
    );
  }
  return out;
}

const digest = (file: string) =>
  existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;

/** The live files a restore must leave byte for byte as they were when it fails. */
function liveFiles(dataDir: string) {
  return {
    db: digest(databasePath(dataDir)),
    wal: digest(databasePath(dataDir) + '-wal'),
    slots: digest(path.join(dataDir, SLOT_FILE)),
    entries: readdirSync(dataDir).sort(),
  };
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

/** Re-encrypts a backup's payload with other options (small chunks, other metadata). */
async function reencrypt(
  file: string,
  target: string,
  options: { chunkSize?: number; metadata?: Partial<BackupMetadata> } = {},
): Promise<void> {
  const header = await readBackupHeader([readFileSync(file)], { passphrase: PASSPHRASE });
  const payload = await collect(decryptBackup([readFileSync(file)], { passphrase: PASSPHRASE }));
  const out = await collect(
    encryptBackup([payload], {
      passphrase: PASSPHRASE,
      scrypt: TEST_SCRYPT,
      chunkSize: options.chunkSize,
      metadata: { ...header.metadata, ...options.metadata },
    }),
  );
  writeFileSync(target, out);
}
describe('backup export and restore', () => {
  it('round-trips a populated register: every table, every row, field by field', async () => {
    const b = await populated();
    const before = await dump(b);
    const file = await exportTo(b);
    expect(path.basename(file)).toMatch(/^PII-Zīlīte_2026-11-30_09-00-\d{2}\.kgbak$/);
    expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('KGREGBAK');

    // A visible change after the backup: a new user.
    await b.ok('users.create', {
      username: 'janis',
      fullName: 'Jānis Ozols',
      role: 'nurse',
      temporaryPassword: 'pagaidu-parole-3',
    });
    const restored = await b.ok('backup.restore', { file, passphrase: PASSPHRASE });
    expect(restored.backupCreatedAt).toMatch(/^2026-11-30T07:00:\d\d\.\d{3}Z$/);
    // The session is closed: everyone logs in again.
    expect((await b.ok('app.state', {})).phase).toBe('locked');
    expect(existsSync(path.join(restored.safetyCopy!, DATABASE_FILE))).toBe(true);
    expect(existsSync(path.join(restored.safetyCopy!, SLOT_FILE))).toBe(true);

    await b.ok('auth.login', HEAD_LOGIN);
    const users = (await b.ok('users.list', {})).rows;
    expect(users.map((u) => u.username).sort()).toEqual(['anna', 'dace', 'ilze']);
    const after = await dump(b);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) {
      if (table === 'audit_event' || table === 'sqlite_sequence') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    // The log keeps every event of the backup; the restore and the new login follow them.
    expect(after.audit_event.slice(0, before.audit_event.length)).toEqual(before.audit_event);
    expect(after.audit_event.slice(before.audit_event.length).map((e) => e.action)).toEqual([
      'backup.file.restore',
      'auth.login.success',
    ]);
    // The teacher's key slot travelled with the backup: her own password opens the register.
    await b.ok('auth.logout', {});
    await b.ok('auth.login', { username: 'anna', password: TEACHER_PASSWORD });
    // A backed-up setting (the wrapped automatic-backup passphrase) still unwraps.
    await b.ok('auth.logout', {});
    await b.ok('auth.login', HEAD_LOGIN);
    expect((await b.ok('backup.getAuto', {})).passphraseSet).toBe(true);
  });

  it('restores on a new PC from the first-run screen; the teacher logs in with her old password', async () => {
    const b = await populated();
    const file = await exportTo(b);
    const fresh = testBackend();
    expect((await fresh.ok('app.state', {})).phase).toBe('setup');
    const short = await fresh.fail('backup.restoreSetup', { file, passphrase: '' });
    expect(short.fields).toEqual({ passphrase: 'Obligāti aizpildāms lauks.' });
    await fresh.ok('backup.restoreSetup', { file, passphrase: PASSPHRASE });
    expect((await fresh.ok('app.state', {})).phase).toBe('locked');
    expect(readdirSync(fresh.dataDir).sort()).toEqual([SLOT_FILE, DATABASE_FILE]);
    const session = await fresh.ok('auth.login', { username: 'anna', password: TEACHER_PASSWORD });
    expect(session).toMatchObject({ fullName: 'Anna Kalniņa', institutionName: 'PII «Zīlīte»' });
    // Only into an empty data folder.
    const again = await fresh.fail('backup.restoreSetup', { file, passphrase: PASSPHRASE });
    expect(again.message).toBe('Atjaunot no sākuma ekrāna var tikai tad, ja datu mape ir tukša.');
  });

  it('refuses each bad backup with its own message and leaves the live files unchanged', async () => {
    const b = await populated();
    const good = await exportTo(b);
    const dir = tempDir('backup-bad-');
    const multi = path.join(dir, 'multi.kgbak');
    await reencrypt(good, multi, { chunkSize: 1024 });
    const bytes = readFileSync(multi);
    const header = await readBackupHeader([bytes], { passphrase: PASSPHRASE });
    const frame = 5 + 1024 + 16;
    const chunks = Math.ceil((bytes.length - header.headerLength) / frame);
    expect(chunks).toBeGreaterThanOrEqual(3);

    const variant = (name: string, data: Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, data);
      return file;
    };
    const flip = (offset: number) => {
      const copy = Buffer.from(bytes);
      copy[offset] ^= 0x01;
      return copy;
    };
    const newerSchema = path.join(dir, 'newer-schema.kgbak');
    await reencrypt(good, newerSchema, { metadata: { schemaVersion: MIGRATIONS.length + 1 } });
    const newerFormat = Buffer.from(bytes);
    newerFormat.writeUInt16BE(2, 8);

    const truncated =
      'Rezerves kopija ir nepilnīga (fails nogriezts, piemēram, izņemot zibatmiņu pārāk agri).';
    const cases: [string, string, string, string][] = [
      // [what, file, passphrase field or file field, message]
      ['wrong passphrase', multi, 'passphrase', 'Nepareiza rezerves kopijas parole.'],
      ['empty file', variant('empty.kgbak', Buffer.alloc(0)), 'file', truncated],
      ['cut in the header', variant('cut-10.kgbak', bytes.subarray(0, 10)), 'file', truncated],
      [
        'cut after the header',
        variant('cut-h.kgbak', bytes.subarray(0, header.headerLength + 3)),
        'file',
        truncated,
      ],
      [
        'cut in the middle',
        variant('cut-mid.kgbak', bytes.subarray(0, header.headerLength + frame + 500)),
        'file',
        truncated,
      ],
      [
        'cut at a chunk boundary',
        variant('cut-chunk.kgbak', bytes.subarray(0, header.headerLength + 2 * frame)),
        'file',
        truncated,
      ],
      ['last byte missing', variant('cut-1.kgbak', bytes.subarray(0, -1)), 'file', truncated],
      [
        'byte flipped in the header',
        variant('flip-header.kgbak', flip(60)),
        'file',
        'Rezerves kopijas galvene ir bojāta vai mainīta. Dati netika izmantoti.',
      ],
      [
        'byte flipped in a middle chunk',
        variant('flip-middle.kgbak', flip(header.headerLength + frame + 100)),
        'file',
        'Rezerves kopijas dati ir bojāti vai mainīti. Dati netika izmantoti.',
      ],
      [
        'byte flipped in the last chunk',
        variant('flip-last.kgbak', flip(bytes.length - 20)),
        'file',
        'Rezerves kopijas dati ir bojāti vai mainīti. Dati netika izmantoti.',
      ],
      [
        'a file of another kind',
        variant('slots.kgbak', readFileSync(path.join(b.dataDir, SLOT_FILE))),
        'file',
        'Šis fails nav žurnāla rezerves kopija.',
      ],
      [
        'a newer format version',
        variant('newer-format.kgbak', newerFormat),
        'file',
        'Rezerves kopija izveidota ar jaunāku programmas versiju (jaunāks faila formāts). Atjauniniet programmu.',
      ],
      [
        'a newer schema',
        newerSchema,
        'file',
        'Rezerves kopija ir no jaunākas programmas versijas datubāzes. Vispirms atjauniniet programmu.',
      ],
      ['a missing file', path.join(dir, 'nav.kgbak'), 'file', 'Šāds fails nav atrasts.'],
    ];
    const live = liveFiles(b.dataDir);
    const seen = new Set<string>();
    for (const [what, file, field, text] of cases) {
      const passphrase = what === 'wrong passphrase' ? 'nepareiza-parole-123' : PASSPHRASE;
      const error = await b.fail('backup.restore', { file, passphrase });
      expect(error.fields, what).toEqual({ [field]: text });
      expect(error.message, what).toBe(text);
      expect(liveFiles(b.dataDir), what).toEqual(live);
      seen.add(text);
      // The same refusals from the first-run screen leave a fresh folder empty.
    }
    expect(seen.size).toBe(8);
    // Still logged in and working: nothing was closed.
    expect((await b.ok('users.list', {})).rows.length).toBe(3);

    const fresh = testBackend();
    for (const [what, file, field, text] of cases.slice(0, 4)) {
      const passphrase = what === 'wrong passphrase' ? 'nepareiza-parole-123' : PASSPHRASE;
      const error = await fresh.fail('backup.restoreSetup', { file, passphrase });
      expect(error.fields, what).toEqual({ [field]: text });
      expect(readdirSync(fresh.dataDir), what).toEqual([]);
    }
    // The multi-chunk re-encryption itself is a good backup.
    await fresh.ok('backup.restoreSetup', { file: multi, passphrase: PASSPHRASE });
  });

  it('migrates a backup from an older schema', async () => {
    const b = await populated();
    const good = await exportTo(b);
    // An older program: the same register before the backup table existed (one migration less).
    const state = b.router.state;
    await state.db.query('DROP TABLE backup_settings');
    await state.db.query("DELETE FROM migrations WHERE name = 'Backup0000000000004'");
    const older = await exportTo(b);
    const dir = tempDir('backup-old-');
    const file = path.join(dir, 'older.kgbak');
    await reencrypt(older, file, { metadata: { schemaVersion: MIGRATIONS.length - 1 } });
    expect(good).not.toBe(older);
    await b.ok('backup.restore', { file, passphrase: PASSPHRASE });
    await b.ok('auth.login', HEAD_LOGIN);
    // The migration made the table again; the register works.
    expect(await b.ok('backup.getAuto', {})).toMatchObject({
      enabled: false,
      passphraseSet: false,
    });
    const names = await b.router.state.db.query<{ name: string }[]>('SELECT name FROM migrations');
    expect(names.map((n) => n.name)).toContain('Backup0000000000004');
  });
});
