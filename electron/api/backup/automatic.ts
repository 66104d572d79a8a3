import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../common/errors';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import { safeText } from '../safe-log';
import type { SessionState } from '../session';
import type { DataSource } from 'typeorm';
import type { BackupSettings } from '../../../database/entities/backup';
import { autoBackupJobs, type AutoBackupJob } from './auto-job';
import { loadSettings, unwrapPassphrase } from './auto-settings';
import { exportBackup, type ExportOptions } from './export';
import { fieldError } from './files';

/**
 * The daily automatic backup and the rotation of its files. At login it runs in the background
 * (the login answers at once; the head sees its progress); on exit it runs before the program
 * closes.
 */

/** Rotation of automatic backups: the newest of each of the last 7 days and 12 months. */
export const KEEP_DAILY = 7;
export const KEEP_MONTHLY = 12;

/** Automatic backups in `folder` made by this program, parsed from their names. */
export function rotationVictims(names: string[]): string[] {
  const auto = /_auto_(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})(?:-\d+)?\.kgbak$/;
  const files = names
    .map((name) => ({ name, m: auto.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null)
    .map(({ name, m }) => ({
      name,
      day: `${m[1]}-${m[2]}-${m[3]}`,
      month: `${m[1]}-${m[2]}`,
      at: m.slice(1, 7).join(''),
    }))
    // Newest first.
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const f of files) {
    if (!days.has(f.day) && days.size < KEEP_DAILY) {
      days.add(f.day);
      keep.add(f.name);
    }
    if (!months.has(f.month) && months.size < KEEP_MONTHLY) {
      months.add(f.month);
      keep.add(f.name);
    }
  }
  return files.filter((f) => !keep.has(f.name)).map((f) => f.name);
}

async function rotate(folder: string): Promise<void> {
  const names = await fs.readdir(folder);
  for (const name of rotationVictims(names)) {
    await fs.rm(path.join(folder, name), { force: true });
  }
}

type Reason = 'login' | 'exit';
type Outcome = { file: string; failureKey?: undefined } | { file?: undefined; failureKey: string };

/** The settings when a backup is due today (on, a folder, none succeeded today), else null. */
async function dueSettings(state: SessionState): Promise<BackupSettings | null> {
  if (!state.isOpen()) return null;
  const settings = await loadSettings(state);
  if (!settings.enabled || !settings.folder) return null;
  const today = rigaDate(state.clock.now());
  if (settings.lastSuccessAt && rigaDate(new Date(settings.lastSuccessAt)) === today) return null;
  return settings;
}

/** Writes the backup file and rotates; a failure is an outcome, never thrown. */
async function write(
  state: SessionState,
  settings: BackupSettings,
  options: Pick<ExportOptions, 'exclusive' | 'onProgress'> = {},
): Promise<Outcome> {
  try {
    if (!settings.passphraseWrapped) throw fieldError('folder', 'backup.passphraseNeeded');
    const passphrase = unwrapPassphrase(state.masterKey, settings.passphraseWrapped);
    const { file } = await exportBackup(state, {
      folder: settings.folder,
      passphrase,
      auto: true,
      ...options,
    });
    await rotate(settings.folder).catch(() => undefined);
    return { file };
  } catch (err) {
    return { failureKey: err instanceof AppError ? err.key : 'backup.writeFailed' };
  }
}

/** Records the outcome in backup_settings and the audit, on the database it was made from. */
async function record(
  state: SessionState,
  db: DataSource,
  reason: Reason,
  outcome: Outcome,
): Promise<void> {
  // The session closed (or another opened) meanwhile: nothing to record it in.
  if (!state.isOpen() || state.db !== db) return;
  const at = state.clock.now().toISOString();
  await db.transaction(async (m) => {
    const row = await loadSettings(state);
    if (outcome.failureKey) {
      row.lastFailureAt = at;
      row.lastFailureKey = outcome.failureKey;
    } else {
      row.lastSuccessAt = at;
      row.lastSuccessFile = outcome.file ?? null;
    }
    await m.save(row);
    await audit(m, state.clock.now(), {
      action: outcome.failureKey ? 'backup.auto.fail' : 'backup.auto.success',
      actorId: state.user?.id ?? null,
      entity: 'backup',
      after: outcome.failureKey
        ? { reason, failure: outcome.failureKey }
        : { reason, file: outcome.file },
    });
  });
}

/**
 * At login: the day's automatic backup, if due, started beside the session and not awaited, so
 * the login answers at once. Its snapshot is taken between the session's calls (their queue),
 * the compression, encryption and verification run meanwhile, and the outcome is recorded
 * between calls again. Closing the session lets a started backup finish first (or drops one
 * whose snapshot is not yet taken). Never throws.
 */
export async function startAutoBackupIfDue(state: SessionState): Promise<void> {
  let settings: BackupSettings | null;
  try {
    settings = autoBackupJobs.has(state) ? null : await dueSettings(state);
  } catch (err) {
    console.error('Automatic backup could not run:', safeText(err));
    return;
  }
  if (!settings) return;
  const db = state.db;
  const job: AutoBackupJob = {
    startedAt: state.clock.now().toISOString(),
    fraction: 0,
    done: Promise.resolve(),
  };
  // A place in the session's queue, taken now, inside the login, so that it comes right after
  // the login: the snapshot is taken there, between calls, before any later call (a logout).
  let enter!: () => void;
  let leave!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const left = new Promise<void>((resolve) => (leave = resolve));
  let slotDone = false;
  let dropped = false;
  const free = () => {
    slotDone = true;
    leave();
  };
  void state.betweenCalls(async () => {
    enter();
    await left;
  });
  const outcome = entered
    .then(() => {
      if (dropped) throw new AppError('UNAUTHENTICATED');
      return write(state, settings, {
        exclusive: async (work) => {
          const taken = await work();
          free();
          return taken;
        },
        onProgress: (fraction) => (job.fraction = fraction),
      });
    })
    .catch((): Outcome => ({ failureKey: 'backup.writeFailed' }))
    .finally(free);
  let recorded: Promise<void> | undefined;
  const finish = (): Promise<void> => {
    // Closing before the snapshot's turn (an idle logout queued first) drops the backup;
    // after it, closing waits for the file and records it.
    if (!slotDone) {
      dropped = true;
      return Promise.resolve();
    }
    return (recorded ??= outcome.then((o) => record(state, db, 'login', o)));
  };
  state.addTask(finish);
  autoBackupJobs.set(state, job);
  job.done = outcome
    .then(() => state.betweenCalls(finish))
    .catch((err: unknown) =>
      console.error('Automatic backup could not be recorded:', safeText(err)),
    )
    .finally(() => {
      state.removeTask(finish);
      autoBackupJobs.delete(state);
    });
}

/**
 * On exit: one automatic backup if due, awaited (after one started at login, if it still runs).
 * Never throws: the outcome is recorded in backup_settings and shown on the head's home.
 */
export async function autoBackupIfDue(state: SessionState, reason: Reason): Promise<void> {
  try {
    await autoBackupJobs.get(state)?.done;
    const settings = await dueSettings(state);
    if (!settings) return;
    await record(state, state.db, reason, await write(state, settings));
  } catch (err) {
    // The exit must go on whatever happens here.
    console.error('Automatic backup could not run:', safeText(err));
  }
}
