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
  options: Pick<ExportOptions, 'exclusive' | 'onProgress' | 'afterPin'> = {},
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
 * The moment a background export fixes what it holds: a turn between the session's calls, or,
 * when the session closes before that turn comes, inside the close (no call runs then either).
 */
function momentBetweenCalls(state: SessionState) {
  let closing = false;
  let runNow: (() => void) | undefined;
  return {
    exclusive: <T>(work: () => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        let run: Promise<T> | undefined;
        const once = (): Promise<T> => {
          if (!run) {
            run = work();
            run.then(resolve, reject);
          }
          return run;
        };
        if (closing) return void once();
        runNow = () => void once();
        void state.betweenCalls(once).catch(() => undefined);
      }),
    /** The session closes: a turn still waiting in the queue is taken now. */
    closing: () => {
      closing = true;
      runNow?.();
    },
  };
}

/** Tests only: runs inside the automatic backup (ExportOptions). */
export const autoBackupHooks: Pick<ExportOptions, 'afterPin'> = {};

/**
 * At login: the day's automatic backup, if due, started beside the session and not awaited, so
 * the login answers at once. A worker thread opens its own connection meanwhile; its snapshot's
 * moment is then pinned between two calls (their queue) and its pages read on that thread while
 * the calls go on; compression, encryption and verification run in the thread pool and between
 * calls, and the outcome is recorded between calls again. Closing the session first lets the
 * backup finish (its moment is then taken inside the close). Never throws.
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
  const moment = momentBetweenCalls(state);
  const outcome = write(state, settings, {
    ...autoBackupHooks,
    exclusive: moment.exclusive,
    onProgress: (fraction) => (job.fraction = fraction),
  }).catch((): Outcome => ({ failureKey: 'backup.writeFailed' }));
  let recorded: Promise<void> | undefined;
  const finish = (): Promise<void> =>
    (recorded ??= outcome.then((o) => record(state, db, 'login', o)));
  const beforeClose = (): Promise<void> => {
    moment.closing();
    return finish();
  };
  state.addTask(beforeClose);
  autoBackupJobs.set(state, job);
  job.done = outcome
    .then(() => state.betweenCalls(finish))
    .catch((err: unknown) =>
      console.error('Automatic backup could not be recorded:', safeText(err)),
    )
    .finally(() => {
      state.removeTask(beforeClose);
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
