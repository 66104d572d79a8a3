import { browserFileDialogs } from './browser-file-dialogs';
import { desktopFileDialogs } from './desktop-file-dialogs';

/**
 * Choosing files and folders on the PC: one contract, one implementation per target
 * (ARCHITECTURE: "one contract per platform-dependent capability"). Views ask this, never the
 * transport: the desktop opens the system's dialogs, browser mode its own picker.
 */
export interface FileDialogs {
  /** A folder for backups, as a full path on the PC; null when cancelled. */
  chooseFolder(current: string): Promise<string | null>;
  /** A backup file (*.kgbak) to restore, as a full path on the PC; null when cancelled. */
  chooseBackup(current: string): Promise<string | null>;
  /** A file to read in the page (the import); null when cancelled. */
  openFile(accept: string): Promise<File | null>;
}

/** The implementation of the target the page runs in. */
export function fileDialogs(): FileDialogs {
  return window.register ? desktopFileDialogs(window.register) : browserFileDialogs;
}
