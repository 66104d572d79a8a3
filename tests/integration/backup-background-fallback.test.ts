import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HEAD_LOGIN, PASSPHRASE, populated } from './backup-helpers';
import { tempDir, testBackend } from './helpers';

// A build whose worker threads cannot load the database driver: every worker fails to open.
vi.mock('../../electron/api/backup/snapshot-thread', () => ({
  startSnapshotThread: () => {
    const ready = Promise.reject(new Error('driver not loadable in a worker'));
    ready.catch(() => undefined);
    return { ready, pin: () => ready, image: () => ready, stop: async () => undefined };
  },
}));

describe('the automatic backup without a snapshot worker', () => {
  it('still writes a backup that restores, reading the image on the main thread', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const b = await populated();
    const folder = tempDir('backup-fallback-');
    await b.ok('backup.saveAuto', { enabled: true, folder, passphrase: '', passphraseRepeat: '' });
    await b.ok('auth.logout', {});
    b.clock.advance(24 * 3600);
    await b.ok('auth.login', HEAD_LOGIN);
    while ((await b.ok('backup.status', {})).running) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await b.ok('backup.status', {})).failure).toBeNull();
    const [file] = readdirSync(folder);
    expect(file).toMatch(/_auto_.*\.kgbak$/);
    expect(errors).toHaveBeenCalledWith(
      'Backup snapshot on the main thread:',
      expect.stringContaining('driver not loadable in a worker'),
    );
    const fresh = testBackend();
    await fresh.ok('backup.restoreSetup', {
      file: path.join(folder, file),
      passphrase: PASSPHRASE,
    });
    const session = await fresh.ok('auth.login', HEAD_LOGIN);
    expect(session.institutionName).toBe('PII «Zīlīte»');
  });
});
