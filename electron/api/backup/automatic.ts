import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../common/errors';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import { safeText } from '../safe-log';
import type { SessionState } from '../session';
import { loadSettings, unwrapPassphrase } from './auto-settings';
import { exportBackup } from './export';
import { fieldError } from './files';

/** The daily automatic backup (at login or on exit) and the rotation of its files. */

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

/**
 * One automatic backup if enabled and none succeeded today (Riga date). Never throws: the
 * outcome is recorded in backup_settings and shown in the settings and on the head's home.
 */
export async function autoBackupIfDue(
  state: SessionState,
  reason: 'login' | 'exit',
): Promise<void> {
  try {
    if (!state.isOpen()) return;
    const settings = await loadSettings(state);
    if (!settings.enabled || !settings.folder) return;
    const today = rigaDate(state.clock.now());
    if (settings.lastSuccessAt && rigaDate(new Date(settings.lastSuccessAt)) === today) return;
    let failureKey: string | null = null;
    let file: string | null = null;
    try {
      if (!settings.passphraseWrapped) throw fieldError('folder', 'backup.passphraseNeeded');
      const passphrase = unwrapPassphrase(state.masterKey, settings.passphraseWrapped);
      file = (await exportBackup(state, { folder: settings.folder, passphrase, auto: true })).file;
      await rotate(settings.folder).catch(() => undefined);
    } catch (err) {
      failureKey = err instanceof AppError ? err.key : 'backup.writeFailed';
    }
    const at = state.clock.now().toISOString();
    await state.db.transaction(async (m) => {
      const row = await loadSettings(state);
      if (failureKey) {
        row.lastFailureAt = at;
        row.lastFailureKey = failureKey;
      } else {
        row.lastSuccessAt = at;
        row.lastSuccessFile = file;
      }
      await m.save(row);
      await audit(m, state.clock.now(), {
        action: failureKey ? 'backup.auto.fail' : 'backup.auto.success',
        actorId: state.user?.id ?? null,
        entity: 'backup',
        after: failureKey ? { reason, failure: failureKey } : { reason, file },
      });
    });
  } catch (err) {
    // The login (or the exit) must go on whatever happens here.
    console.error('Automatic backup could not run:', safeText(err));
  }
}
