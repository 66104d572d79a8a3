import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  KeySlotFile,
  newRecoveryKey,
  normaliseRecoveryKey,
  unwrapKey,
  wrapKey,
} from '../../database/keyslots';
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
