import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, databasePath } from '../../database/data-source';
import { MIGRATIONS } from '../../database/migrations';
import { SLOT_FILE } from '../../database/keyslots';
import { decryptBackup, readBackupHeader } from '../../electron/api/backup/format/decrypt';
import { encryptBackup } from '../../electron/api/backup/format/encrypt';
import type { BackupMetadata } from '../../electron/api/backup/format/header';
import { exportBackup, rotationVictims } from '../../electron/api/backup/service';
import { SETUP, TEST_SCRYPT, tempDir, testBackend } from './helpers';
import { GROUP } from './people-helpers';

type Backend = ReturnType<typeof testBackend>;
const PASSPHRASE = 'Rezerves-kopija-2026!';
const TEACHER_PASSWORD = 'annas-parole-123';
const HEAD_LOGIN = { username: 'ilze', password: SETUP.head.newPassword };

/** A register with staff (a teacher who has chosen her own password), a group, settings. */
async function populated(marker = 'Kalniņa'): Promise<Backend> {
  const b = testBackend();
  await b.ok('auth.setup', SETUP);
  await b.ok('users.create', {
    username: 'anna',
    fullName: `Anna ${marker}`,
    role: 'teacher',
    temporaryPassword: 'pagaidu-parole-1',
  });
  await b.ok('users.create', {
    username: 'dace',
    fullName: 'Dace Liepiņa',
    role: 'deputy',
    temporaryPassword: 'pagaidu-parole-2',
  });
  await b.ok('groups.create', GROUP);
  await b.ok('backup.saveAuto', {
    enabled: false,
    folder: '/nav/tadas/mapes',
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
  });
  await b.ok('auth.logout', {});
  await b.ok('auth.login', { username: 'anna', password: 'pagaidu-parole-1' });
  await b.ok('auth.changePassword', {
    currentPassword: 'pagaidu-parole-1',
    newPassword: TEACHER_PASSWORD,
    newPasswordRepeat: TEACHER_PASSWORD,
  });
  await b.ok('auth.logout', {});
  await b.ok('auth.login', HEAD_LOGIN);
  return b;
}

type Dump = Record<string, Record<string, unknown>[]>;

/** Every row of every table of the open register, in rowid order. */
async function dump(b: Backend): Promise<Dump> {
  const db = b.router.state.db;
  const tables = await db.query<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  const out: Dump = {};
  for (const { name } of tables) {
    out[name] = await db.query<Record<string, unknown>[]>(`SELECT * FROM "${name}" ORDER BY rowid`);
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

async function exportTo(b: Backend, folder = tempDir('backup-out-')): Promise<string> {
  const result = await b.ok('backup.export', {
    folder,
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
  });
  return result.file;
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
    const users = await b.ok('users.list', {});
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
      'backup.restore',
      'login',
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
    expect((await b.ok('users.list', {})).length).toBe(3);

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

  it('leaves no plaintext of a record in the data folder or the temp folder, during or after export', async () => {
    const marker = `Zvaigzne${randomBytes(6).toString('hex')}`;
    const b = await populated(marker);
    const tmp = tempDir('backup-tmpdir-');
    const oldTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // SQLite and Node put their temporary files here during the export
    const started = Date.now() - 1000;
    const needle = Buffer.from(marker, 'utf8');
    const out = tempDir('backup-out-');
    const leaks: string[] = [];
    const scan = (root: string, onlyNew: boolean) => {
      const walk = (dir: string) => {
        let entries;
        try {
          entries = readdirSync(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const entry of entries) {
          const full = path.join(dir, entry.name);
          try {
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile()) {
              const stat = statSync(full);
              if (onlyNew && stat.mtimeMs < started) continue;
              if (stat.size < 256 * 1024 * 1024 && readFileSync(full).includes(needle)) {
                leaks.push(full);
              }
            }
          } catch {
            // a file of another process that vanished or cannot be read
          }
        }
      };
      walk(root);
    };
    const scanAll = () => {
      scan(b.dataDir, false);
      scan(tmp, false);
      scan(out, false);
      scan(oldTmp ?? os.tmpdir(), true);
    };
    let scans = 0;
    try {
      const result = await exportBackup(b.router.state, {
        folder: out,
        passphrase: PASSPHRASE,
        onProgress: () => {
          if (scans++ < 3) scanAll();
        },
        beforeVerify: (partial) => {
          expect(existsSync(partial)).toBe(true);
          expect(path.basename(partial)).toMatch(/^\..*\.partial$/);
          scanAll();
        },
      });
      scanAll();
      expect(existsSync(result.file)).toBe(true);
    } finally {
      if (oldTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = oldTmp;
    }
    expect(scans).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    // The marker is really in the register (so the scan could have found it).
    expect((await b.ok('users.list', {})).some((u) => u.fullName.includes(marker))).toBe(true);
  });

  it('refuses bad export input before any work and leaves no file under the final name', async () => {
    const b = await populated();
    const out = tempDir('backup-out-');
    const mismatch = await b.fail('backup.export', {
      folder: out,
      passphrase: PASSPHRASE,
      passphraseRepeat: PASSPHRASE + 'x',
    });
    expect(mismatch.fields).toEqual({ passphraseRepeat: 'Paroles nesakrīt.' });
    const short = await b.fail('backup.export', {
      folder: out,
      passphrase: 'īsa-parole',
      passphraseRepeat: 'īsa-parole',
    });
    expect(short.fields).toEqual({ passphrase: 'Jābūt vismaz 12 rakstzīmēm.' });
    const relative = await b.fail('backup.export', {
      folder: 'usb',
      passphrase: PASSPHRASE,
      passphraseRepeat: PASSPHRASE,
    });
    expect(relative.fields?.folder).toMatch(/^Ievadiet pilnu ceļu/);
    const missing = await b.fail('backup.export', {
      folder: path.join(out, 'nav'),
      passphrase: PASSPHRASE,
      passphraseRepeat: PASSPHRASE,
    });
    expect(missing.fields).toEqual({ folder: 'Šāda mape nav atrasta.' });
    expect(readdirSync(out)).toEqual([]);

    // A folder that cannot be written (sysfs refuses new files even to root).
    const locked = await b.fail('backup.export', {
      folder: '/sys',
      passphrase: PASSPHRASE,
      passphraseRepeat: PASSPHRASE,
    });
    expect(locked.fields).toEqual({
      folder: 'Šajā mapē nevar rakstīt (tā ir tikai lasāma vai nav pieejama).',
    });
  });

  it('fails cleanly on a full disk: a message, and no file, partial or final, is left', async () => {
    const b = await populated();
    const small = tempDir('backup-full-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', small]);
    try {
      const full = await b.fail('backup.export', {
        folder: small,
        passphrase: PASSPHRASE,
        passphraseRepeat: PASSPHRASE,
      });
      expect(full.fields).toEqual({
        folder:
          'Rezerves kopiju neizdevās ierakstīt (iespējams, diskā nav vietas). Nepabeigtais fails izdzēsts.',
      });
      expect(readdirSync(small)).toEqual([]);
    } finally {
      execFileSync('umount', [small]);
    }
  });
});

describe('automatic backups', () => {
  it('runs at the first login of the day, rotates, and shows a failure at the next login', async () => {
    const b = await populated();
    const folder = tempDir('backup-auto-');
    const refused = await b.fail('backup.saveAuto', {
      enabled: true,
      folder,
      passphrase: 'īsa',
      passphraseRepeat: 'cita',
    });
    expect(refused.fields).toEqual({
      passphrase: 'Jābūt vismaz 12 rakstzīmēm.',
      passphraseRepeat: 'Paroles nesakrīt.',
    });
    // The passphrase was set once already (populated()); enabling keeps it.
    const saved = await b.ok('backup.saveAuto', {
      enabled: true,
      folder,
      passphrase: '',
      passphraseRepeat: '',
    });
    expect(saved).toMatchObject({ enabled: true, folder, passphraseSet: true });

    const loginNextDay = async () => {
      await b.ok('auth.logout', {});
      b.clock.advance(24 * 3600);
      await b.ok('auth.login', HEAD_LOGIN);
    };
    await loginNextDay();
    let files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^PII-Zīlīte_auto_2026-12-01_09-00-\d\d\.kgbak$/);
    // A second login the same day makes no second backup.
    await b.ok('auth.logout', {});
    await b.ok('auth.login', HEAD_LOGIN);
    expect(readdirSync(folder)).toHaveLength(1);
    const settings = await b.ok('backup.getAuto', {});
    expect(settings.lastSuccessFile).toBe(path.join(folder, files[0]));
    expect((await b.ok('backup.status', {})).failure).toBeNull();

    // The backup made automatically restores with the passphrase set once.
    const fresh = testBackend();
    await fresh.ok('backup.restoreSetup', {
      file: path.join(folder, files[0]),
      passphrase: PASSPHRASE,
    });

    // The stick is gone: the failure is recorded, the login still works, and the head sees it.
    rmSync(folder, { recursive: true });
    await loginNextDay();
    const status = await b.ok('backup.status', {});
    expect(status.failure?.message).toBe('Šāda mape nav atrasta.');
    expect((await b.ok('backup.getAuto', {})).lastFailure).toBe('Šāda mape nav atrasta.');
    // A teacher's login is not held up either, and the next success clears the notice.
    mkdirSync(folder);
    chmodSync(folder, 0o700);
    await b.ok('auth.logout', {});
    await b.ok('auth.login', { username: 'anna', password: TEACHER_PASSWORD });
    await b.ok('auth.logout', {});
    await b.ok('auth.login', HEAD_LOGIN);
    expect((await b.ok('backup.status', {})).failure).toBeNull();
    files = readdirSync(folder);
    expect(files).toHaveLength(1);
  });

  it('keeps the newest backup of each of the last 7 days and 12 months', () => {
    const names: string[] = [];
    for (let day = 0; day < 500; day++) {
      const d = new Date(Date.UTC(2025, 0, 1 + day));
      const iso = d.toISOString().slice(0, 10);
      names.push(`PII-Zīlīte_auto_${iso}_09-00-00.kgbak`, `PII-Zīlīte_auto_${iso}_15-30-00.kgbak`);
    }
    names.push('PII-Zīlīte_2025-03-01_09-00-00.kgbak', 'cits-fails.txt');
    const victims = new Set(rotationVictims(names));
    const kept = names.filter((n) => !victims.has(n));
    // Manual backups and foreign files are never touched.
    expect(kept).toContain('PII-Zīlīte_2025-03-01_09-00-00.kgbak');
    expect(kept).toContain('cits-fails.txt');
    const autoKept = kept.filter((n) => n.includes('_auto_')).sort();
    // 7 daily (the last 7 days, the later backup of each) + 11 more months' newest.
    expect(autoKept).toHaveLength(7 + 11);
    expect(autoKept.at(-1)).toBe('PII-Zīlīte_auto_2026-05-15_15-30-00.kgbak');
    expect(autoKept).toContain('PII-Zīlīte_auto_2025-06-30_15-30-00.kgbak');
    expect(autoKept).not.toContain('PII-Zīlīte_auto_2025-05-31_15-30-00.kgbak');
  });
});
