import type { Router } from '../router';
import { autoBackupIfDue } from './automatic';

/**
 * "On exit" for automatic backups: electron/main.ts calls this before it disposes the router.
 * It does nothing unless someone is logged in, automatic backups are on and none succeeded
 * today; it never throws.
 */
export async function backupOnExit(router: Router): Promise<void> {
  await autoBackupIfDue(router.state, 'exit');
}
