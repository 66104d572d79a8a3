import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SessionState } from '../session';

/**
 * The key the SMTP password is wrapped with. One PC: the encrypted file's master key. A server
 * has none, so it keeps a random key in a file of its own folder, readable by its owner only and
 * never in the database: a dump of the database alone does not give the password away.
 */
export const SERVER_KEY_FILE = 'smtp-password.key';

const cached = new Map<string, Buffer>();

export function serverMailKey(dataDir: string): Buffer {
  const known = cached.get(dataDir);
  if (known) return known;
  const file = path.join(dataDir, SERVER_KEY_FILE);
  let key: Buffer;
  try {
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    key = randomBytes(32);
    // 'wx': two first uses at once keep one key (the loser reads the winner's).
    try {
      writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    }
  }
  if (key.length !== 32) throw new Error(`${SERVER_KEY_FILE} is not a 32-byte key`);
  cached.set(dataDir, key);
  return key;
}

/** The session's wrapping key, whichever kind of register it works on. */
export function mailKeyOf(state: SessionState): Buffer {
  return state.register.mode === 'server' ? serverMailKey(state.dataDir) : state.masterKey;
}
