import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Only the user who runs the register may read its data folder: the folder and the folders in
 * it 0700, its files 0600 (the database, its WAL, the key slots, logs, safety copies). SQLite
 * makes its files 0644 under the usual umask, and so does a copy it makes (VACUUM INTO), so the
 * folder is tightened after each open and each copy, whatever made the files.
 *
 * Windows has no such modes: there the intent is met by the folder's place, the user's own
 * profile (%APPDATA%), whose access list gives the user, SYSTEM and Administrators only.
 */
export function restrictToOwner(
  dir: string,
  subfolders: 'modes only' | 'contents too' = 'modes only',
): void {
  if (process.platform === 'win32') return;
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile()) chmodSync(full, 0o600);
    else if (entry.isDirectory()) {
      // The desktop's data folder is Electron's too (caches of thousands of files): only the
      // register's own folders are walked, by their owners.
      if (subfolders === 'contents too') restrictToOwner(full, subfolders);
      else chmodSync(full, 0o700);
    }
  }
}

/**
 * At start: makes the data folder (owner only) and tightens what an older version left in it,
 * including the contents of the register's own subfolders (logs, safety copies, backups).
 */
export function prepareDataDir(dir: string, ownFolders: readonly string[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrictToOwner(dir);
  for (const name of ownFolders) {
    const full = path.join(dir, name);
    try {
      restrictToOwner(full, 'contents too');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
