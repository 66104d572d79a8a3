import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** What a kept dataset is; everything else in its folder is made by a run. */
const KEEP = new Set([
  'dataset.json',
  'keyslots.json',
  'register.db',
  'register.db-wal',
  'register.db-shm',
]);

/**
 * Removes what a run left in a dataset's folder: restore's safety copies, pre-update backups of
 * a migration, staging folders, the app log, lock files. A run once left 273 MB there (issue 12).
 * Returns the names removed.
 */
export function cleanDataset(dataDir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dataDir)) {
    if (KEEP.has(name)) continue;
    rmSync(path.join(dataDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
