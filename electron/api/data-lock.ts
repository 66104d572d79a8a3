import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LOCK_FILE = 'register.lock';
/**
 * A holder that started this long before the PC's last boot is gone, whoever has its PID now.
 * Generous, because the wall clock of a PC that has just booted may still be off (an RTC kept
 * in local time is two or three hours off in Riga until the clock is synchronised).
 */
const BEFORE_BOOT_MS = 4 * 3600_000;

/** What the lock file says about the process that holds the folder. */
interface Holder {
  pid: number;
  /** Wall-clock start of the process (ms), on every system. */
  started?: number;
  /** Linux: the boot's id and the process's start in clock ticks since that boot (/proc). */
  bootId?: string;
  startTicks?: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The id of this boot of the PC, where the system tells it (Linux). */
function bootId(): string | null {
  return readOrNull('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

/**
 * When a process started, in clock ticks since boot (Linux /proc/<pid>/stat, field 22): with the
 * boot id, a process's identity that a reused PID cannot share. Null where there is no /proc.
 */
export function startTicksOf(pid: number): number | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 2 is the command name in parentheses and may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[22 - 3]);
  return Number.isInteger(ticks) ? ticks : null;
}

function ownRecord(): Holder {
  const record: Holder = {
    pid: process.pid,
    started: Math.round(Date.now() - process.uptime() * 1000),
  };
  const boot = bootId();
  const ticks = startTicksOf(process.pid);
  if (boot && ticks !== null) Object.assign(record, { bootId: boot, startTicks: ticks });
  return record;
}

/** Reads a lock; the first versions wrote the bare PID, whose start is then the file's time. */
function parseHolder(text: string, fileTime: number): Holder | null {
  const bare = Number(text.trim());
  if (Number.isInteger(bare) && bare > 0) return { pid: bare, started: fileTime };
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (!Number.isInteger(value.pid) || (value.pid ?? 0) <= 0) return null;
    return {
      pid: value.pid as number,
      started: typeof value.started === 'number' ? value.started : fileTime,
      bootId: typeof value.bootId === 'string' ? value.bootId : undefined,
      startTicks: typeof value.startTicks === 'number' ? value.startTicks : undefined,
    };
  } catch {
    return null;
  }
}

/**
 * True while the process that wrote the lock still runs. A live PID is not enough: after a
 * crash and a reboot the PID may belong to another program, which must not keep the register
 * from starting. Linux compares the boot id and the process's start; elsewhere a holder that
 * started before this boot is gone.
 */
export function holderRuns(holder: Holder, now = Date.now()): boolean {
  if (!alive(holder.pid)) return false;
  const boot = bootId();
  if (holder.bootId && boot) {
    if (holder.bootId !== boot) return false;
    const ticks = startTicksOf(holder.pid);
    return holder.startTicks === undefined || ticks === null || ticks === holder.startTicks;
  }
  const bootedAt = now - os.uptime() * 1000;
  return holder.started === undefined || holder.started >= bootedAt - BEFORE_BOOT_MS;
}

/**
 * Claims the data folder for this process, so that two programs (a desktop window and browser
 * mode, or two browser-mode servers) never open the same database at once. A lock left by a
 * process that no longer runs is taken over. Returns the release function, or the pid of the
 * process that holds the folder.
 */
export function lockDataDir(dataDir: string): { release: () => void } | { heldBy: number } {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(ownRecord()));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const text = readOrNull(file) ?? '';
      const holder = parseHolder(text, statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (holder && holderRuns(holder)) return { heldBy: holder.pid };
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}`);
}
