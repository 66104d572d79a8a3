import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../electron/api/data-lock';
import { tempDir } from '../integration/helpers';

describe('the data folder lock', () => {
  it('lets one program in and tells a second who holds the folder', () => {
    const dir = tempDir();
    const first = lockDataDir(dir);
    expect('release' in first).toBe(true);
    expect(lockDataDir(dir)).toEqual({ heldBy: process.pid });
    if ('release' in first) first.release();
    const again = lockDataDir(dir);
    expect('release' in again).toBe(true);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'register.lock'), '2147483646');
    expect('release' in lockDataDir(dir)).toBe(true);
  });
});
