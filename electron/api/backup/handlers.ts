import { AppError } from '../../../common/errors';
import { BackupSettings } from '../../../database/entities/backup';
import { audit } from '../audit/audit';
import type { HandlerMap } from '../context';
import {
  exportBackup,
  loadSettings,
  restoreAtSetup,
  restoreInApp,
  settingsView,
  wrapPassphrase,
} from './service';

export const backupHandlers = {
  'backup.export': async (input, ctx) => {
    const result = await exportBackup(ctx.state, {
      folder: input.folder,
      passphrase: input.passphrase,
    });
    await audit(ctx.db.manager, ctx.now(), {
      action: 'backup.export',
      actorId: ctx.user.id,
      entity: 'backup',
      after: { file: result.file, bytes: result.bytes },
    });
    return result;
  },
  'backup.restore': async (input, ctx) => restoreInApp(ctx.state, input.file, input.passphrase),
  'backup.restoreSetup': async (input, ctx) =>
    restoreAtSetup(ctx.state, input.file, input.passphrase),
  'backup.getAuto': async (_input, ctx) => settingsView(ctx.state, await loadSettings(ctx.state)),
  'backup.saveAuto': async (input, ctx) => {
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
        action: 'backup.settings',
        actorId: ctx.user.id,
        entity: 'backup',
        before,
        after: { enabled: row.enabled, folder: row.folder, passphraseChanged: !!input.passphrase },
      });
    });
    return settingsView(ctx.state, row);
  },
  'backup.status': async (_input, ctx) => {
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
    };
  },
} satisfies Partial<HandlerMap>;
