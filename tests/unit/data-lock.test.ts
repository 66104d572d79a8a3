import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, startTicksOf } from '../../electron/api/data-lock';
import { tempDir } from '../integration/helpers';

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

/** Another live process: the program that got the PID of a register that crashed. */
function otherProgram(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
    stdio: 'ignore',
  });
  children.push(child);
  return child.pid!;
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** Writes a stale lock beside a database file, and checks the folder is only relocked. */
function takesOver(lock: object | string): void {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'register.db'), 'the data');
  writeFileSync(
    path.join(dir, 'register.lock'),
    typeof lock === 'string' ? lock : JSON.stringify(lock),
  );
  const taken = lockDataDir(dir);
  expect(taken).toHaveProperty('release');
  const record = JSON.parse(readFileSync(path.join(dir, 'register.lock'), 'utf8')) as {
    pid: number;
  };
  expect(record.pid).toBe(process.pid);
  expect(readdirSync(dir).sort()).toEqual(['register.db', 'register.lock']);
  expect(readFileSync(path.join(dir, 'register.db'), 'utf8')).toBe('the data');
}

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

  it('records the process start, so a lock is known by more than its PID', () => {
    const dir = tempDir();
    lockDataDir(dir);
    const record = JSON.parse(readFileSync(path.join(dir, 'register.lock'), 'utf8')) as {
      pid: number;
      started: number;
    };
    expect(record.pid).toBe(process.pid);
    expect(Math.abs(record.started - (Date.now() - process.uptime() * 1000))).toBeLessThan(5000);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    takesOver('2147483646');
    takesOver({ pid: 2147483646, started: Date.now() });
  });

  it('takes over a lock whose PID now belongs to another program started after a reboot', () => {
    const pid = otherProgram();
    // Written by a register that started before this boot of the PC (a day before).
    takesOver({ pid, started: Date.now() - os.uptime() * 1000 - 24 * 3600_000 });
  });

  it('where /proc tells it (Linux), knows the holder by boot and start time, not PID alone', async () => {
    const pid = otherProgram();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ticks = startTicksOf(pid);
    // Windows and macOS have no /proc; the wall-clock rule above is theirs.
    expect(ticks === null).toBe(process.platform !== 'linux');
    if (ticks === null) return;
    // The same PID in an earlier boot, or started at another moment: not the holder.
    takesOver({ pid, bootId: 'an-earlier-boot', startTicks: ticks, started: Date.now() });
    takesOver({ pid, bootId: bootId(), startTicks: ticks - 1, started: Date.now() });
    // The very process: held.
    const dir = tempDir();
    const lock = { pid, bootId: bootId(), startTicks: ticks, started: Date.now() };
    writeFileSync(path.join(dir, 'register.lock'), JSON.stringify(lock));
    expect(lockDataDir(dir)).toEqual({ heldBy: pid });
  });
});
