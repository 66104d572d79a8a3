import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const cached = new Map<string, Buffer>();

/**
 * A server's random 32-byte key kept in a file of its own data folder, readable by its owner only
 * and never in the database: a dump of the database alone gives away nothing it protects. Made at
 * the first use; one file per purpose.
 */
export function serverSecret(dataDir: string, fileName: string): Buffer {
  const file = path.join(dataDir, fileName);
  const known = cached.get(file);
  if (known) return known;
  let key: Buffer;
  try {
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    key = randomBytes(32);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // a new server's folder may not exist yet
    // 'wx': two first uses at once keep one key (the loser reads the winner's).
    try {
      writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    }
  }
  if (key.length !== 32) throw new Error(`${fileName} is not a 32-byte key`);
  cached.set(file, key);
  return key;
}
