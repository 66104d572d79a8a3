import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../electron/api/backup/export';
import { exportTo, PASSPHRASE, populated } from './backup-helpers';
import { tempDir } from './helpers';

describe('backup export', () => {
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

  it('records the export and the settings in the log, and nothing for a refused export', async () => {
    const b = await populated();
    const events = () =>
      b.router.state.db.query<{ action: string; actor_id: number | null; after: string }[]>(
        "SELECT action, actor_id, after FROM audit_event WHERE action LIKE 'backup.%' ORDER BY id",
      );
    const head = (await b.ok('users.list', {})).find((u) => u.username === 'ilze')!;
    const before = (await events()).length;
    await b.fail('backup.export', {
      folder: path.join(tempDir('backup-out-'), 'nav'),
      passphrase: PASSPHRASE,
      passphraseRepeat: PASSPHRASE,
    });
    expect(await events()).toHaveLength(before);

    const file = await exportTo(b);
    await b.ok('backup.saveAuto', {
      enabled: false,
      folder: '',
      passphrase: '',
      passphraseRepeat: '',
    });
    const [exported, settings] = (await events()).slice(before);
    expect(exported).toMatchObject({ action: 'backup.file.export', actor_id: head.id });
    expect(JSON.parse(exported.after)).toEqual({ file, bytes: statSync(file).size });
    expect(settings).toMatchObject({ action: 'backup.settings.update', actor_id: head.id });
    expect(JSON.parse(settings.after)).toEqual({
      enabled: false,
      folder: '',
      passphraseChanged: false,
    });
  });
});
