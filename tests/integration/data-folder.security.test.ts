import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDataDir } from '../../database/file-modes';
import { KeySlotFile, SLOT_FILE } from '../../database/keyslots';
import { SETUP, tempDir, testBackend } from './helpers';

const linux = process.platform !== 'win32';
const mode = (file: string) => statSync(file).mode & 0o777;

/** Every file and folder under `root`, with its mode. */
function modes(root: string): Record<string, number> {
  const out: Record<string, number> = { '.': mode(root) };
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full)] = mode(full);
  }
  return out;
}

describe('failed logins in the key-slot file', () => {
  it('keeps no name typed at login, only an account id or a salted hash, and forgets them', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('users.create', {
      username: 'anna',
      fullName: 'Anna Kalniņa',
      role: 'teacher',
      temporaryPassword: 'pagaidu-parole-1',
    });
    await b.ok('auth.logout', {});
    const typedPassword = 'Mana.Slepena-Parole2026';
    for (let i = 0; i < 3; i++) {
      await b.fail('auth.login', { username: typedPassword, password: 'x' });
      await b.fail('auth.login', { username: 'anna', password: 'nepareiza' });
    }
    const file = path.join(b.dataDir, SLOT_FILE);
    const raw = readFileSync(file, 'utf8');
    expect(raw.toLowerCase()).not.toContain('slepena');
    const data = JSON.parse(raw) as {
      lockouts: Record<string, { failures: number }>;
      pendingAudit: Record<string, unknown>[];
    };
    const keys = Object.keys(data.lockouts).sort();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^name:[A-Za-z0-9+/]{22}==$/);
    expect(keys[1]).toMatch(/^user:\d+$/);
    // The failures wait for the next unlock by account id, or with no name at all.
    expect(new Set(data.pendingAudit.map((e) => Object.keys(e).sort().join(',')))).toEqual(
      new Set(['action,at', 'action,at,userId']),
    );
    expect(JSON.stringify(data.pendingAudit)).not.toContain('anna');
    // A day later the counters of the unknown name are gone at the next attempt.
    b.clock.advance(25 * 3600);
    await b.fail('auth.login', { username: 'anna', password: 'nepareiza' });
    const later = await KeySlotFile.load(b.dataDir);
    expect(later.lockout(await later.lockoutKey(typedPassword.toLowerCase()))).toEqual({
      failures: 0,
    });
    expect(later.lockout(await later.lockoutKey('anna')).failures).toBe(1);
    // The head reads who failed: the account by its name, an unknown name as such.
    await b.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    const fails = await b.ok('audit.list', {
      from: '2026-11-30',
      to: '2026-12-01',
      action: 'auth.login.fail',
    });
    expect(new Set(fails.rows.map((r) => r.subject))).toEqual(
      new Set(['Anna Kalniņa', 'nezināms lietotājvārds']),
    );
    // A successful login drops the unknown names' counters.
    const after = JSON.parse(readFileSync(file, 'utf8')) as { lockouts: object };
    expect(Object.keys(after.lockouts).filter((k) => k.startsWith('name:'))).toEqual([]);
  });

  it('drops the names an older version kept in the file when it is next read', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('auth.logout', {});
    const file = path.join(b.dataDir, SLOT_FILE);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    data.lockouts = { ilze: { failures: 2 }, 'mana.slepena-parole2026': { failures: 1 } };
    data.pendingAudit = [
      {
        at: '2026-11-30T06:00:00.000Z',
        action: 'auth.login.fail',
        username: 'mana.slepena-parole2026',
      },
    ];
    writeFileSync(file, JSON.stringify(data));
    await b.fail('auth.login', { username: 'ilze', password: 'nepareiza' });
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('slepena');
    expect(Object.keys((JSON.parse(raw) as { lockouts: object }).lockouts)).toEqual(['user:1']);
  });
});

describe('the live connection and the data folder', () => {
  it('keeps temporary tables in memory on every connection', async () => {
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    expect(await b.router.state.db.query('PRAGMA temp_store')).toEqual([{ temp_store: 2 }]);
    await b.ok('auth.logout', {});
    await b.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    expect(await b.router.state.db.query('PRAGMA temp_store')).toEqual([{ temp_store: 2 }]);
  });

  it.runIf(linux)(
    'makes the folder 0700 and every file in it 0600, whatever the umask',
    async () => {
      const previous = process.umask(0o022);
      try {
        const b = testBackend();
        await b.ok('auth.setup', SETUP);
        await b.ok('groups.create', {
          number: 1,
          name: 'Pūces',
          ageFromMonths: 36,
          ageToMonths: 72,
          capacity: 20,
          schoolYear: 2026,
          activeFrom: '2026-09-01',
          activeTo: '2027-08-31',
        });
        const out = tempDir('modes-out-');
        const backup = await b.ok('backup.export', {
          folder: out,
          passphrase: 'Rezerves-kopija-2026!',
          passphraseRepeat: 'Rezerves-kopija-2026!',
        });
        await b.ok('backup.restore', { file: backup.file, passphrase: 'Rezerves-kopija-2026!' });
        await b.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
        const found = modes(b.dataDir);
        expect(Object.keys(found)).toEqual(
          expect.arrayContaining([
            'register.db',
            'register.db-wal',
            'keyslots.json',
            'safety-copies',
          ]),
        );
        for (const [name, bits] of Object.entries(found)) {
          const folder = statSync(path.join(b.dataDir, name)).isDirectory();
          expect([name, bits.toString(8)]).toEqual([name, folder ? '700' : '600']);
        }
      } finally {
        process.umask(previous);
      }
    },
  );

  it.runIf(linux)('tightens at start what an older version left readable', () => {
    const dir = tempDir('modes-old-');
    writeFileSync(path.join(dir, 'register.db'), 'x');
    chmodSync(path.join(dir, 'register.db'), 0o644);
    chmodSync(dir, 0o755);
    prepareDataDir(dir, ['logs']);
    expect(modes(dir)).toEqual({ '.': 0o700, 'register.db': 0o600 });
  });
});
