import type { App } from 'electron';
import { autoUpdater } from 'electron-updater';

/**
 * Checks for an update in the background of a packaged app (the feed is `publish` in
 * electron-builder.yml). It never blocks or breaks start: the kindergarten's PC may be offline
 * and the feed URL unset, and the register must open all the same.
 */
export function startUpdater(app: App): void {
  if (!app.isPackaged) return;
  autoUpdater.on('error', (err: Error) => {
    console.error('Update check failed:', err.message);
  });
  autoUpdater.checkForUpdatesAndNotify().catch((err: unknown) => {
    console.error('Update check failed:', err instanceof Error ? err.message : err);
  });
}
