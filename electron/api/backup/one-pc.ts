import { AppError } from '../../../common/errors';
import type { SessionState } from '../session';

/**
 * The backup screen works on one PC's encrypted file. A server's register is backed up and
 * restored by the server's own command (docs/operations.md), so the screen answers why instead
 * of failing on a key-slot file the server does not have.
 */
export function onePcOnly(state: SessionState): void {
  if (state.register.mode === 'server') throw new AppError('UNAVAILABLE', 'backup.byServerCommand');
}
