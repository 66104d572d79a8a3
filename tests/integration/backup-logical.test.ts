import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRegisters, describeDifference } from '../../database/logical/compare';
import type { Value } from '../../database/logical/rows';
import { collect, exportBackup } from '../../electron/api/backup/export';
import { encryptBackup } from '../../electron/api/backup/format/encrypt';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { Generator } from '../../tools/seed/generator';
import { TEST_SCRYPT, tempDir } from './helpers';

/**
 * Payload version 2 on one PC: a logical backup restores on a new PC with every row and every
 * password (the slots travel with it), and a damaged one changes nothing. The move to a server
 * and back is tests/server/backup-move.test.ts.
 */

const PASSPHRASE = 'loģiskā-kopija-2026';
const PASSWORD = 'demo-parole-2026';

const router = (dataDir: string) =>
  new Router({
    dataDir,
    clock: new TestClock(new Date('2026-11-30T15:00:00Z')),
    testMode: true,
    scrypt: TEST_SCRYPT,
  });

describe('a logical backup on one PC', () => {
  it('restores on a new PC with the same rows and passwords; a damaged one is refused', async () => {
    const dataDir = tempDir();
    const accounts = await new Generator({
      dataDir,
      today: '2026-11-30',
      years: 2,
      groupsPerYear: 1,
      childrenPerGroup: 4,
      attendance: 'lastMonth',
      scrypt: TEST_SCRYPT,
    }).run();
    const source = router(dataDir);
    const target = router(tempDir());
    try {
      await source.call('auth.login', { username: 'vaditaja', password: PASSWORD });
      const stick = tempDir();
      const { file } = await exportBackup(source.state, {
        folder: stick,
        passphrase: PASSPHRASE,
        format: 'logical',
      });
      const bytes = await fs.readFile(file);
      const damaged = path.join(stick, 'damaged.kgbak');
      await fs.writeFile(damaged, bytes.subarray(0, bytes.length - 100));
      const refused = await target.call('backup.restoreSetup', {
        file: damaged,
        passphrase: PASSPHRASE,
      });
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused)).toContain('Rezerves kopija ir nepilnīga');
      expect(await fs.readdir(target.state.dataDir)).toEqual([]);

      expect(
        await target.call('backup.restoreSetup', { file, passphrase: PASSPHRASE }),
      ).toMatchObject({ ok: true });
      const teacher = accounts.find((a) => a.role === 'teacher')!.username;
      expect(
        await target.call('auth.login', { username: teacher, password: 'nav-tā-parole' }),
      ).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
      expect(
        await target.call('auth.login', { username: teacher, password: PASSWORD }),
      ).toMatchObject({ ok: true });
      const [last] = await source.state.db.query<{ n: number }[]>(
        'SELECT MAX(id) AS n FROM audit_event',
      );
      const skipRow = (table: string, row: Record<string, Value>) =>
        table === 'audit_event' &&
        (row.action === 'backup.file.restore' || Number(row.id) > last.n);
      const compared = await compareRegisters(source.state.db, target.state.db, { skipRow });
      expect(describeDifference(compared.difference)).toBe('equal');
      expect(compared.rows.child).toBeGreaterThan(3);
    } finally {
      await source.dispose();
      await target.dispose();
    }
  }, 120_000);

  it('refuses a payload it cannot trust with its own message, and the folder stays empty', async () => {
    const stick = tempDir();
    const target = router(tempDir());
    const backup = async (name: string, text: string) => {
      const payload = Buffer.from(text);
      const file = path.join(stick, name);
      const pieces = await collect(
        encryptBackup([payload], {
          passphrase: PASSPHRASE,
          scrypt: TEST_SCRYPT,
          metadata: {
            programVersion: '0.1.0',
            schemaVersion: 1,
            createdAt: '2026-11-30T15:00:00.000Z',
            originalSize: payload.length,
          },
        }),
      );
      await fs.writeFile(file, Buffer.concat(pieces));
      return file;
    };
    const head = (migrations: string[]) =>
      `KGREGPL2\n${JSON.stringify({ kind: 'head', migrations, engine: 'sqlite' })}\n`;
    const cases = [
      [await backup('newer.kgbak', 'KGREGPL3\n'), 'jaunāku programmas versiju'],
      [await backup('schema.kgbak', head(['Later0000000000099'])), 'jaunākas programmas versijas'],
      [await backup('garbled.kgbak', 'KGREGPL2\n{"kind":"head"'), 'saturs nav atpazīstams'],
      [await backup('no-end.kgbak', head([])), 'saturs nav atpazīstams'],
    ] as const;
    try {
      for (const [file, words] of cases) {
        const answer = await target.call('backup.restoreSetup', { file, passphrase: PASSPHRASE });
        expect(answer.ok).toBe(false);
        expect(JSON.stringify(answer)).toContain(words);
        expect(await fs.readdir(target.state.dataDir)).toEqual([]);
      }
    } finally {
      await target.dispose();
    }
  });
});
