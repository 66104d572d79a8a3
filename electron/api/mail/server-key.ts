import { serverSecret } from '../server-secret';
import type { SessionState } from '../session';

/**
 * The key the SMTP password is wrapped with. One PC: the encrypted file's master key. A server
 * has none, so it keeps a random key in a file of its own folder (../server-secret.ts).
 */
export const SERVER_KEY_FILE = 'smtp-password.key';

export function serverMailKey(dataDir: string): Buffer {
  return serverSecret(dataDir, SERVER_KEY_FILE);
}

/** The session's wrapping key, whichever kind of register it works on. */
export function mailKeyOf(state: SessionState): Buffer {
  return state.register.mode === 'server' ? serverMailKey(state.dataDir) : state.masterKey;
}
