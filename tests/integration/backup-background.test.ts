import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyKey, databasePath, rawConnection } from '../../database/data-source';
import { KeySlotFile } from '../../database/keyslots';
import { autoBackupHooks } from '../../electron/api/backup/automatic';
import { startSnapshotThread } from '../../electron/api/backup/snapshot-thread';
import {
  type Backend,
  HEAD_LOGIN,
  PASSPHRASE,
  populated,
  TEACHER_PASSWORD,
} from './backup-helpers';
import { tempDir, testBackend } from './helpers';
import { GROUP } from './people-helpers';

/**
 * The automatic backup after login reads the database on a worker thread (snapshot-thread.ts):
 * what it holds is one moment of the register, taken between two calls, and the calls made
 * while it runs go on and are kept.
 */

type Dump = Record<string, unknown[]>;

/** Every row of every table through a raw connection, in rowid order (WITHOUT ROWID: key order). */
function dumpOf(db: Database.Database): Dump {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string }[];
  return Object.fromEntries(
    tables.map(({ name, sql }) => {
      const order = /WITHOUT ROWID\s*$/i.test(sql) ? '1, 2' : 'rowid';
      return [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()];
    }),
  );
}

function dumpFile(dataDir: string, key: Buffer): Dump {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    return dumpOf(db);
  } finally {
    db.close();
  }
}

async function settled(b: Backend): Promise<void> {
  while ((await b.ok('backup.status', {})).running) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** A register whose daily backup falls due at the next login (the next day). */
async function dueTomorrow(): Promise<{ b: Backend; folder: string }> {
  const b = await populated();
  const folder = tempDir('backup-background-');
  await b.ok('backup.saveAuto', { enabled: true, folder, passphrase: '', passphraseRepeat: '' });
  await b.ok('auth.logout', {});
  b.clock.advance(24 * 3600);
  return { b, folder };
}

const JANIS = {
  username: 'janis',
  fullName: 'Jānis Ozols',
  role: 'nurse' as const,
  temporaryPassword: 'pagaidu-parole-3',
};

afterEach(() => {
  delete autoBackupHooks.afterPin;
  vi.restoreAllMocks();
});

describe('the automatic backup in the background', () => {
  it('holds one moment: it restores to the register as it was then, and writes made meanwhile are kept', async () => {
    const { b, folder } = await dueTomorrow();
    const serialize = vi.spyOn(Database.prototype, 'serialize');
    let atPin: { dump: Dump; slots: Buffer } | undefined;
    let during: Promise<unknown> | undefined;
    autoBackupHooks.afterPin = async () => {
      // The session's calls run while the backup is under way.
      expect((await b.ok('backup.status', {})).running).not.toBeNull();
      atPin = {
        dump: dumpOf(rawConnection(b.router.state.db)),
        slots: readFileSync(KeySlotFile.pathIn(b.dataDir)),
      };
      // After the moment: a user (a row and a key slot) and a group, the group's call left
      // running while the worker reads the pages.
      await b.ok('users.create', JANIS);
      during = b.ok('groups.create', { ...GROUP, number: 4, name: 'Cielaviņas' });
    };
    await b.ok('auth.login', HEAD_LOGIN);
    const key = Buffer.from(b.router.state.masterKey);
    await settled(b);
    await during;
    // The pages were read on the worker's own connection, not the session's.
    expect(serialize).not.toHaveBeenCalled();
    expect(atPin).toBeDefined();
    const [file] = readdirSync(folder);
    expect(file).toMatch(/_auto_.*\.kgbak$/);

    // The writes made while it ran are in the live register, also once it is opened again.
    await b.ok('auth.logout', {});
    await b.ok('auth.login', HEAD_LOGIN);
    const usernames = (await b.ok('users.list', {})).rows.map((u) => u.username);
    expect(usernames.sort()).toEqual(['anna', 'dace', 'ilze', 'janis']);
    const groups = await b.ok('groups.list', { all: true });
    expect(groups.map((g) => g.name).sort()).toEqual(['Cielaviņas', 'Zīlītes']);

    // The backup restores to the register of the moment it was pinned: every row of every
    // table, and the slot file as it was then (no slot for the user made after it).
    const fresh = testBackend();
    await fresh.ok('backup.restoreSetup', {
      file: path.join(folder, file),
      passphrase: PASSPHRASE,
    });
    const restored = dumpFile(fresh.dataDir, key);
    expect(Object.keys(restored)).toEqual(Object.keys(atPin!.dump));
    for (const table of Object.keys(restored)) {
      if (table === 'audit_event' || table === 'sqlite_sequence') continue;
      expect(restored[table], table).toEqual(atPin!.dump[table]);
    }
    // The restore adds its own record to the log; every earlier event is as it was.
    const events = atPin!.dump.audit_event;
    expect(restored.audit_event.slice(0, events.length)).toEqual(events);
    expect(restored.audit_event.slice(events.length)).toMatchObject([
      { action: 'backup.file.restore' },
    ]);
    expect(readFileSync(KeySlotFile.pathIn(fresh.dataDir))).toEqual(atPin!.slots);
    await fresh.ok('auth.login', { username: 'anna', password: TEACHER_PASSWORD });
    await fresh.ok('auth.logout', {});
    const janis = await fresh.fail('auth.login', {
      username: 'janis',
      password: 'pagaidu-parole-3',
    });
    expect(janis.code).toBe('BAD_CREDENTIALS');
  });

  it('writes the key nowhere: not in a file of the data or backup folder, not in the log', async () => {
    const { b, folder } = await dueTomorrow();
    const printed: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      });
    }
    // A worker's console reaches these streams of the main thread.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest) => {
        printed.push(Buffer.from(chunk).toString('latin1'));
        return write(chunk, ...(rest as []));
      });
    }
    const forms = () => {
      const key = b.router.state.masterKey;
      return [
        key,
        Buffer.from(key.toString('hex')),
        Buffer.from(key.toString('hex').toUpperCase()),
        Buffer.from(key.toString('base64')),
      ];
    };
    const scan = () => {
      for (const file of [...filesUnder(b.dataDir), ...filesUnder(folder)]) {
        const bytes = readFileSync(file);
        for (const form of forms()) expect(bytes.includes(form), file).toBe(false);
      }
    };
    // While the worker holds its connection (its WAL reader), and after.
    let scannedDuring = 0;
    autoBackupHooks.afterPin = async () => {
      scan();
      scannedDuring++;
    };
    await b.ok('auth.login', HEAD_LOGIN);
    await settled(b);
    expect(scannedDuring).toBe(1);
    expect(readdirSync(folder).filter((f) => f.endsWith('.kgbak'))).toHaveLength(1);
    scan();
    // What a worker printed arrives on the main thread's streams a little later.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const form of forms()) {
      expect(printed.some((line) => line.includes(form.toString('latin1')))).toBe(false);
    }
  });

  it('a worker that cannot open the register says so without the key', async () => {
    const b = await populated();
    const wrong = Buffer.alloc(32, 7);
    const snapshot = startSnapshotThread(b.dataDir, wrong);
    const failure = await snapshot.pin().then(
      () => null,
      (err: unknown) => err as Error,
    );
    await snapshot.stop();
    expect(failure?.message).toMatch(/^Snapshot worker: /);
    expect(failure?.message).not.toContain(wrong.toString('hex'));
    // The session's own connection is untouched by it.
    expect((await b.ok('users.list', {})).rows).toHaveLength(3);
  });
});
