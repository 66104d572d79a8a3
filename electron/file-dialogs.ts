import path from 'node:path';
import type {
  BrowserWindow,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  OpenDialogOptions,
} from 'electron';
import { z } from 'zod';
import type { Locale } from '../common/locale';
import { message } from '../common/messages';
import { BACKUP_EXTENSION } from './api/backup/export';
import { isTrustedSender } from './security';

/** The IPC channel of the desktop's file dialogs; the preload's choosePath() invokes it. */
export const DIALOG_CHANNEL = 'register:choose-path';

/** What the renderer may ask for: a kind of dialog and where it opens. Nothing else crosses. */
export const choosePathRequest = z
  .object({
    kind: z.enum(['folder', 'backup']),
    /** The path in the field now: the dialog opens there. */
    current: z.string().max(1000).default(''),
  })
  .strict();
export type ChoosePathRequest = z.input<typeof choosePathRequest>;

/**
 * The system's Open dialog for a backup folder or a backup file. Pure, so that the options are
 * tested without Electron (tests/unit/file-dialogs.test.ts).
 */
export function dialogOptions(request: ChoosePathRequest, locale: Locale): OpenDialogOptions {
  const { kind, current } = choosePathRequest.parse(request);
  // Only a full path is a place to open; a folder for a folder, a file's folder for a file.
  const start = path.isAbsolute(current)
    ? kind === 'backup' && current.endsWith(BACKUP_EXTENSION)
      ? path.dirname(current)
      : current
    : undefined;
  if (kind === 'folder') {
    return {
      title: message(locale, 'backup.dialogFolder'),
      defaultPath: start,
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    };
  }
  return {
    title: message(locale, 'backup.dialogFile'),
    defaultPath: start,
    properties: ['openFile', 'dontAddToRecent'],
    filters: [
      { name: message(locale, 'backup.dialogFilter'), extensions: [BACKUP_EXTENSION.slice(1)] },
    ],
  };
}

/**
 * The chosen path, or null when the dialog was cancelled or the asker is not our own page. The
 * dialog is modal to the window that asked.
 */
export async function choosePath(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BrowserWindow | null,
  frameUrl: string | undefined,
  request: unknown,
  locale: Locale,
): Promise<string | null> {
  if (!isTrustedSender(frameUrl) || !window) return null;
  const parsed = choosePathRequest.safeParse(request);
  if (!parsed.success) return null;
  const result = await dialog.showOpenDialog(window, dialogOptions(parsed.data, locale));
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Wires the channel; Electron's modules are passed in so that this file never loads them. */
export function registerFileDialogs(
  ipcMain: IpcMain,
  dialog: Pick<Dialog, 'showOpenDialog'>,
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null,
  locale: () => Locale,
): void {
  ipcMain.handle(DIALOG_CHANNEL, (event: IpcMainInvokeEvent, request: unknown) =>
    choosePath(dialog, windowOf(event), event.senderFrame?.url, request, locale()),
  );
}
