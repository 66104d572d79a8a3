import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { choosePath, dialogOptions, DIALOG_CHANNEL } from '../../electron/file-dialogs';

const TRUSTED = 'app://register/index.html#/backup';
const WINDOW = {} as BrowserWindow;

/** Electron's dialog stand-in: records the options and answers as the user would. */
function fakeDialog(answer: { canceled: boolean; filePaths: string[] }) {
  const shown: OpenDialogOptions[] = [];
  return {
    shown,
    showOpenDialog: (_window: BrowserWindow, options: OpenDialogOptions) => {
      shown.push(options);
      return Promise.resolve({ ...answer, bookmarks: [] });
    },
  } as unknown as Electron.Dialog & { shown: OpenDialogOptions[] };
}

describe('the desktop Open dialog for backups', () => {
  it('asks for a folder (which may be made there) or a .kgbak file, in the user language', () => {
    expect(dialogOptions({ kind: 'folder', current: '/media/usb' }, 'lv')).toEqual({
      title: 'Izvēlieties mapi rezerves kopijām',
      defaultPath: '/media/usb',
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    });
    expect(dialogOptions({ kind: 'backup', current: '/media/usb/a.kgbak' }, 'en')).toEqual({
      title: 'Choose a backup file',
      defaultPath: '/media/usb',
      properties: ['openFile', 'dontAddToRecent'],
      filters: [{ name: 'Backups', extensions: ['kgbak'] }],
    });
    // A relative or half-typed path is no place to open.
    expect(dialogOptions({ kind: 'folder', current: 'usb' }, 'lv').defaultPath).toBeUndefined();
  });

  it('answers the chosen path, or null when she cancels', async () => {
    const chosen = fakeDialog({ canceled: false, filePaths: ['E:\\Kopijas'] });
    expect(await choosePath(chosen, WINDOW, TRUSTED, { kind: 'folder', current: '' }, 'lv')).toBe(
      'E:\\Kopijas',
    );
    const cancelled = fakeDialog({ canceled: true, filePaths: [] });
    expect(
      await choosePath(cancelled, WINDOW, TRUSTED, { kind: 'backup', current: '' }, 'lv'),
    ).toBeNull();
    expect(cancelled.shown).toHaveLength(1);
  });

  it('opens nothing for another page, without a window, or for a request it does not know', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/etc'] });
    const folder = { kind: 'folder', current: '' };
    for (const frame of ['https://evil.example/', 'file:///tmp/x.html', undefined]) {
      expect(await choosePath(dialog, WINDOW, frame, folder, 'lv')).toBeNull();
    }
    expect(await choosePath(dialog, null, TRUSTED, folder, 'lv')).toBeNull();
    for (const request of [
      { kind: 'save', current: '' },
      // The page may not pass dialog options of its own (e.g. to pick any file).
      { kind: 'backup', current: '', properties: ['openFile', 'multiSelections'] },
      { kind: 'folder', current: 'x'.repeat(1001) },
      'folder',
      null,
    ]) {
      expect(await choosePath(dialog, WINDOW, TRUSTED, request, 'lv')).toBeNull();
    }
    expect(dialog.shown).toEqual([]);
  });

  it('is invoked by the preload on the channel main.ts handles, with the two fields only', () => {
    const source = readFileSync(path.join(__dirname, '..', '..', 'electron', 'preload.ts'), 'utf8');
    expect(DIALOG_CHANNEL).toBe('register:choose-path');
    expect(source).toContain(`ipcRenderer.invoke('${DIALOG_CHANNEL}', {`);
    expect(source).toMatch(/kind: request\.kind,\s+current: request\.current,\s+}\)/);
  });
});
