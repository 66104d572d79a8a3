import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  KeySlotFile,
  newRecoveryKey,
  normaliseRecoveryKey,
  unwrapKey,
  wrapKey,
} from '../../database/keyslots';
import { encryptBackup } from '../../electron/api/backup/format/encrypt';
import { lockSecondsLeft, registerFailure } from '../../electron/api/auth/lockout';
import { tempDir } from '../integration/helpers';

const CHEAP = { N: 2 ** 12, r: 8, p: 1 };

describe('key slots', () => {
  it('unwraps the master key with the right password only', async () => {
    const master = randomBytes(32);
    const slot = await wrapKey(master, 'Pareizā parole ķ', CHEAP, {
      kind: 'user',
      userId: 7,
      username: 'anna',
    });
    expect(await unwrapKey(slot, 'Pareizā parole ķ')).toEqual(master);
    expect(await unwrapKey(slot, 'Pareiza parole k')).toBeNull();
    expect(Buffer.from(slot.wrapped, 'base64').equals(master)).toBe(false);
  });

  it('refuses a slot moved to another user (the wrapped key is bound to its slot)', async () => {
    const master = randomBytes(32);
    const slot = await wrapKey(master, 'parole-1234', CHEAP, { kind: 'user', userId: 1 });
    expect(await unwrapKey({ ...slot, userId: 2 }, 'parole-1234')).toBeNull();
  });

  it('defaults to scrypt N=2^17, r=8, p=1 and stores the parameters per slot', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const slot = await wrapKey(randomBytes(32), 'parole-1234', DEFAULT_SCRYPT, {
      kind: 'recovery',
    });
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
  });

  it('saves the file atomically and reads back the same slots, never the key in clear', async () => {
    const dir = tempDir();
    const master = randomBytes(32);
    const file = KeySlotFile.empty(dir);
    await file.setUserSlot(master, { id: 1, username: 'ilze' }, 'ilzes-parole-1', CHEAP);
    await file.setRecoverySlot(master, 'ABCD-EFGH', CHEAP);
    await file.save();
    const raw = readFileSync(KeySlotFile.pathIn(dir));
    expect(raw.includes(master)).toBe(false);
    expect(raw.includes(Buffer.from(master.toString('base64')))).toBe(false);
    expect(raw.includes(Buffer.from(master.toString('hex')))).toBe(false);
    const loaded = await KeySlotFile.load(dir);
    expect(await unwrapKey(loaded.userSlot('ilze')!, 'ilzes-parole-1')).toEqual(master);
    expect(await unwrapKey(loaded.recoverySlot()!, normaliseRecoveryKey('abcd efgh'))).toEqual(
      master,
    );
    loaded.removeUserSlot(1);
    expect(loaded.userSlot('ilze')).toBeUndefined();
  });

  it('refuses on load a slot file whose scrypt parameters are out of bounds, and leaves it as it is', async () => {
    const dir = tempDir();
    const file = KeySlotFile.empty(dir);
    await file.setUserSlot(randomBytes(32), { id: 1, username: 'ilze' }, 'ilzes-parole-1', CHEAP);
    await file.setRecoverySlot(randomBytes(32), 'ABCD-EFGH', { N: 2 ** 10, r: 8, p: 1 });
    await file.save();
    const good = readFileSync(KeySlotFile.pathIn(dir), 'utf8');
    // The smallest N the backup format accepts loads here too.
    await expect(KeySlotFile.load(dir)).resolves.toBeInstanceOf(KeySlotFile);

    const absurd: Record<string, unknown>[] = [
      { N: 2 ** 40 }, // terabytes of memory before any password is checked
      { N: 2 ** 9 }, // weaker than any reader accepts
      { N: 3 * 2 ** 12 }, // not a power of two
      { N: 2 ** 22, r: 8 }, // 4 GiB: each bound alone is fine, the memory is not
      { r: 0 },
      { r: 1000 },
      { p: 17 },
      { N: '4096' },
      { name: 'argon2' },
      { salt: undefined },
    ];
    for (const change of absurd) {
      const data = JSON.parse(good) as { slots: { kdf: Record<string, unknown> }[] };
      Object.assign(data.slots[1].kdf, change);
      const text = JSON.stringify(data);
      writeFileSync(KeySlotFile.pathIn(dir), text);
      const error: unknown = await KeySlotFile.load(dir).then(
        () => null,
        (err: unknown) => err,
      );
      expect({ change, error }).toMatchObject({
        change,
        error: { code: 'DATA_CORRUPT', params: { file: 'keyslots.json' } },
      });
      expect(readFileSync(KeySlotFile.pathIn(dir), 'utf8')).toBe(text);
    }

    // Same bounds as the backup format: its writer refuses the numeric ones too, and the slot
    // writer refuses to make a slot that loading would refuse.
    for (const change of absurd.slice(0, 7)) {
      const params = { ...CHEAP, ...change };
      const backup = encryptBackup([Buffer.from('x')], {
        passphrase: 'parole-1234',
        metadata: {
          programVersion: '0.1.0',
          schemaVersion: 1,
          createdAt: '2026-11-30T07:00:00.000Z',
          originalSize: 1,
        },
        scrypt: params,
      });
      await expect(backup.next(), JSON.stringify(change)).rejects.toThrow(RangeError);
      await expect(
        wrapKey(randomBytes(32), 'parole-1234', params, { kind: 'recovery' }),
        JSON.stringify(change),
      ).rejects.toThrow(RangeError);
    }
  });

  it('makes recovery keys of 52 unambiguous characters', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newRecoveryKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^([A-HJ-NP-Z2-9]{4}-){12}[A-HJ-NP-Z2-9]{4}$/);
  });
});

describe('lockout', () => {
  it('allows four failures, then locks for 30 s, 1 min, 2 min, 4 min', () => {
    const now = new Date('2026-11-30T07:00:00Z');
    let state = { failures: 0 } as ReturnType<typeof registerFailure>;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      state = registerFailure(state, now);
      delays.push(state.lockedFor);
    }
    expect(delays).toEqual([0, 0, 0, 0, 30, 60, 120, 240]);
    expect(lockSecondsLeft(state, now)).toBe(240);
    expect(lockSecondsLeft(state, new Date(now.getTime() + 239_500))).toBe(1);
    expect(lockSecondsLeft(state, new Date(now.getTime() + 240_000))).toBe(0);
  });
});
