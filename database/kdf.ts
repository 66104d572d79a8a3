import { scrypt } from 'node:crypto';

/**
 * The one key derivation of the program: scrypt, used by the key slots (a password unwraps the
 * database key) and by the backup format (a passphrase unwraps a backup's data key). Both read
 * the parameters from a file someone else may have written, so both check them against the same
 * bounds before running scrypt: a crafted file cannot make the program allocate without bound.
 */

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** ARCHITECTURE: N ≥ 2^17, r = 8, p = 1. Tests may pass cheaper parameters. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Bytes of every derived key (an AES-256 key). */
export const DERIVED_KEY_LENGTH = 32;

// Bounds a reader accepts (docs/backup-format.md states them for the backup header).
export const MIN_LOG2_N = 10;
export const MAX_LOG2_N = 22;
export const MAX_R = 32;
export const MAX_P = 16;
export const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;

/** What is wrong with the parameters, or null when they are within the bounds. */
export function checkScrypt(params: ScryptParams): string | null {
  const { N, r, p } = params;
  if (!Number.isInteger(N) || N < 2 ** MIN_LOG2_N || N > 2 ** MAX_LOG2_N || (N & (N - 1)) !== 0) {
    return `scrypt N must be a power of two from 2^${MIN_LOG2_N} to 2^${MAX_LOG2_N}`;
  }
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) return `scrypt r must be 1..${MAX_R}`;
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) return `scrypt p must be 1..${MAX_P}`;
  if (128 * N * r > MAX_SCRYPT_MEMORY) return 'scrypt parameters need more than 1 GiB';
  return null;
}

/** A 32-byte key from a password or passphrase; runs in Node's thread pool. */
export function deriveKey(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) =>
    scrypt(
      // NFC: 'ā' typed as one code point or as 'a' + macron must give the same key.
      Buffer.from(secret.normalize('NFC'), 'utf8'),
      salt,
      DERIVED_KEY_LENGTH,
      // scrypt needs 128·N·r bytes; Node refuses unless maxmem is above that.
      { N, r, p, maxmem: 256 * N * r + 32 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}
