import { existsSync, type Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolderListing } from '../../../common/contract/backup';
import type { ParsedInput } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { compareLv } from '../../../common/text';
import type { SessionState } from '../session';
import { BACKUP_EXTENSION } from './export';
import { fieldError } from './files';

/** More than anyone scrolls through; a folder with more says so (`truncated`). */
const MAX_ENTRIES = 1000;

/** Where a person starts over: the drives on Windows, else the root and the home folder. */
function roots(): string[] {
  if (process.platform !== 'win32') return ['/', os.homedir()];
  const drives: string[] = [];
  for (let c = 'A'.charCodeAt(0); c <= 'Z'.charCodeAt(0); c++) {
    const drive = `${String.fromCharCode(c)}:\\`;
    if (existsSync(drive)) drives.push(drive);
  }
  return drives;
}

/**
 * One folder's subfolders (and backup files, for a restore), for browser mode's picker. The
 * desktop build refuses it: there the system's own dialog is used, and a renderer has no
 * reason to read the PC's folder names.
 */
export async function browse(
  state: SessionState,
  input: ParsedInput<'backup.browse'>,
): Promise<FolderListing> {
  if (!state.folderPicker) throw new AppError('UNAVAILABLE', 'backup.browseDesktop');
  const folder = path.resolve(input.path ?? os.homedir());
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fieldError('path', 'backup.folderMissing');
    if (code === 'EACCES' || code === 'EPERM') {
      throw fieldError('path', 'backup.folderUnreadable');
    }
    throw err;
  }
  const folders: string[] = [];
  const backups: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) folders.push(entry.name);
    else if (input.backups && entry.isFile() && entry.name.endsWith(BACKUP_EXTENSION)) {
      backups.push(entry.name);
    }
  }
  folders.sort(compareLv);
  backups.sort(compareLv);
  const parent = path.dirname(folder);
  return {
    path: folder,
    parent: parent === folder ? null : parent,
    folders: folders.slice(0, MAX_ENTRIES),
    backups: backups.slice(0, MAX_ENTRIES),
    roots: roots(),
    truncated: folders.length > MAX_ENTRIES || backups.length > MAX_ENTRIES,
  };
}

/** The same on the first-run screen, before any account exists. */
export async function browseAtSetup(
  state: SessionState,
  input: ParsedInput<'backup.browseSetup'>,
): Promise<FolderListing> {
  const { phase } = await state.phase();
  if (phase !== 'setup') throw new AppError('SETUP_DONE', 'backup.notSetup');
  return browse(state, input);
}
