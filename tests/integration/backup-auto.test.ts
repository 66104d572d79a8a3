import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotationVictims } from '../../electron/api/backup/automatic';
import { HEAD_LOGIN, PASSPHRASE, populated, TEACHER_PASSWORD } from './backup-helpers';
import { tempDir, testBackend } from './helpers';

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

    /** The head's home polls the status while the backup started at login runs. */
    const settled = async () => {
      while ((await b.ok('backup.status', {})).running) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const loginNextDay = async () => {
      await b.ok('auth.logout', {});
      b.clock.advance(24 * 3600);
      await b.ok('auth.login', HEAD_LOGIN);
      await settled();
    };
    // The login answers before the backup is written: it runs after it, in the background.
    await b.ok('auth.logout', {});
    b.clock.advance(24 * 3600);
    await b.ok('auth.login', HEAD_LOGIN);
    expect(readdirSync(folder)).toEqual([]);
    const running = await b.ok('backup.status', {});
    expect(running.running?.startedAt).toMatch(/^2026-12-01T07:00/);
    await settled();
    expect((await b.ok('backup.status', {})).running).toBeNull();
    let files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^PII-Zīlīte_auto_2026-12-01_09-00-\d\d\.kgbak$/);
    // A second login the same day makes no second backup.
    await b.ok('auth.logout', {});
    await b.ok('auth.login', HEAD_LOGIN);
    expect((await b.ok('backup.status', {})).running).toBeNull();
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
    // A teacher's login is not held up either; her logout lets the backup finish first, and
    // the success clears the notice.
    mkdirSync(folder);
    chmodSync(folder, 0o700);
    await b.ok('auth.logout', {});
    await b.ok('auth.login', { username: 'anna', password: TEACHER_PASSWORD });
    await b.ok('auth.logout', {});
    expect(readdirSync(folder).filter((f) => f.endsWith('.kgbak'))).toHaveLength(1);
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
