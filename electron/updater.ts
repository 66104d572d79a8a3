import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';
import { autoUpdater, type ProgressInfo } from 'electron-updater';
import { MIGRATIONS } from '../database/migrations';
import { AppLog, aboutLine, captureConsole } from './api/release/app-log';
import type { ReleaseRuntime } from './api/release/runtime';
import { Updates, type UpdaterPort } from './api/release/updates';
import { feedUrlOf } from './api/release/versions';

/**
 * electron-updater's autoUpdater as the UpdaterPort of electron/api/release/updates.ts, which
 * holds every decision (when to check, which version, when to install). Nothing downloads or
 * installs on its own here.
 */
function electronUpdaterPort(): UpdaterPort {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  // Without a listener an 'error' event would throw; the failure itself reaches Updates through
  // the rejected promise.
  autoUpdater.on('error', (err: Error) => console.warn('electron-updater:', err.message));
  return {
    setFeed: (url) => autoUpdater.setFeedURL({ provider: 'generic', url }),
    check: async () => {
      const result = await autoUpdater.checkForUpdates();
      return result ? { version: result.updateInfo.version } : null;
    },
    download: async (onProgress) => {
      const listener = (progress: ProgressInfo) => onProgress(progress.percent);
      autoUpdater.on('download-progress', listener);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.removeListener('download-progress', listener);
      }
    },
    setInstallOnQuit: (install) => {
      autoUpdater.autoInstallOnAppQuit = install;
    },
    // Silent: no installer wizard for the staff; the program starts again afterwards.
    quitAndInstall: () => autoUpdater.quitAndInstall(true, true),
  };
}

/** The feed electron-builder baked into the package (resources/app-update.yml). */
function packagedFeedUrl(): string | null {
  try {
    return feedUrlOf(readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Updates (only in a packaged program) and this run's log, whose first line names the version,
 * the schema, the data folder and the update state. Called once the data folder is locked.
 */
export function startRelease(app: App, dataDir: string, isDirty: () => boolean): ReleaseRuntime {
  const updates = new Updates({
    port: app.isPackaged ? electronUpdaterPort() : null,
    installed: app.getVersion(),
    feedUrl: app.isPackaged ? packagedFeedUrl() : null,
    isDirty,
  });
  const log = AppLog.start(
    dataDir,
    aboutLine({
      programVersion: app.getVersion(),
      schemaVersion: MIGRATIONS.length,
      dataDir,
      updates: updates.describe(),
    }),
  );
  captureConsole(log);
  return { updates, logFile: log.file };
}
