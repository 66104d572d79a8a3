import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { ParsedInput } from '../../../common/contract';
import type { AutoBackupSettings, BackupStatus } from '../../../common/contract/backup';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { BackupSettings } from '../../../database/entities/backup';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import type { SessionState } from '../session';
import { autoBackupProgress } from './auto-job';
import { onePcOnly } from './one-pc';

/**
 * The automatic backup's settings as the head sets and sees them: on or off, the folder, the
 * passphrase stored wrapped by the master key, and the outcome of the last run.
 */

/** A key for the stored passphrase, derived from (and only as secret as) the master key. */
function settingsKey(masterKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kindergarten-register/backup-passphrase', 32),
  );
}

export function wrapPassphrase(masterKey: Buffer, passphrase: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', settingsKey(masterKey), nonce);
  const sealed = Buffer.concat([cipher.update(passphrase, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64');
}

export function unwrapPassphrase(masterKey: Buffer, wrapped: string): string {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', settingsKey(masterKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

export async function loadSettings(state: SessionState): Promise<BackupSettings> {
  const repo = state.db.getRepository(BackupSettings);
  return (
    (await repo.findOneBy({ id: 1 })) ??
    repo.create({
      id: 1,
      enabled: false,
      folder: '',
      passphraseWrapped: null,
      lastSuccessAt: null,
      lastSuccessFile: null,
      lastFailureAt: null,
      lastFailureKey: null,
    })
  );
}

export function settingsView(state: SessionState, s: BackupSettings): AutoBackupSettings {
  return {
    enabled: s.enabled,
    folder: s.folder,
    passphraseSet: s.passphraseWrapped !== null,
    lastSuccessAt: s.lastSuccessAt,
    lastSuccessFile: s.lastSuccessFile,
    lastFailureAt: s.lastFailureAt,
    lastFailure: s.lastFailureKey ? message(state.locale, s.lastFailureKey) : null,
  };
}

export async function getAuto(ctx: Context): Promise<AutoBackupSettings> {
  return settingsView(ctx.state, await loadSettings(ctx.state));
}

/** Saves the settings; an empty passphrase keeps the stored one (there must be one to enable). */
export async function saveAuto(
  ctx: Context,
  input: ParsedInput<'backup.saveAuto'>,
): Promise<AutoBackupSettings> {
  onePcOnly(ctx.state);
  const row = await loadSettings(ctx.state);
  if (input.enabled && !input.passphrase && !row.passphraseWrapped) {
    throw new AppError(
      'VALIDATION',
      'error.VALIDATION',
      {},
      { passphrase: 'backup.passphraseNeeded' },
    );
  }
  const before = { enabled: row.enabled, folder: row.folder };
  row.enabled = input.enabled;
  row.folder = input.folder;
  if (input.passphrase) {
    row.passphraseWrapped = wrapPassphrase(ctx.state.masterKey, input.passphrase);
  }
  await ctx.db.transaction(async (m) => {
    await m.save(BackupSettings, row);
    await audit(m, ctx.now(), {
      action: 'backup.settings.update',
      actorId: ctx.user.id,
      entity: 'backup',
      before,
      after: { enabled: row.enabled, folder: row.folder, passphraseChanged: !!input.passphrase },
    });
  });
  return settingsView(ctx.state, row);
}

/** The head's home-screen notice: the last automatic backup failed and none succeeded since. */
export async function failureStatus(ctx: Context): Promise<BackupStatus> {
  const row = await loadSettings(ctx.state);
  const failed =
    row.lastFailureAt !== null &&
    row.lastFailureKey !== null &&
    (row.lastSuccessAt === null || row.lastFailureAt > row.lastSuccessAt);
  const view = settingsView(ctx.state, row);
  return {
    failure: failed
      ? { at: row.lastFailureAt as string, message: view.lastFailure as string }
      : null,
    running: autoBackupProgress(ctx.state),
  };
}
