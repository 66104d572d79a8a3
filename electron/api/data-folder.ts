import { prepareDataDir } from '../../database/file-modes';
import { SAFETY_FOLDER } from './backup/restore';
import { LOG_FOLDER } from './release/app-log';
import { PRE_UPDATE_FOLDER } from './release/safe-migration';

/**
 * At start (desktop and browser mode): every file this process makes from now on is its user's
 * alone (umask 077: 0600 files, 0700 folders), and the data folder with the register's own
 * subfolders is tightened to that, whatever an older version left.
 */
export function secureDataFolder(dataDir: string): void {
  if (process.platform !== 'win32') process.umask(0o077);
  prepareDataDir(dataDir, [LOG_FOLDER, SAFETY_FOLDER, PRE_UPDATE_FOLDER]);
}
