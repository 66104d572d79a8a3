/**
 * The chunk frame shared by the backup writer and reader (docs/backup-format.md, "Chunks"):
 * flags, length, AES-256-GCM ciphertext and tag; nonce and AAD derived from the chunk's index.
 */

/** Compressed bytes per chunk. */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/** Smallest and largest chunk a writer may choose and a reader accepts (bounds reader memory). */
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;

export const NONCE_PREFIX_LENGTH = 8;
export const TAG_LENGTH = 16;
export const FRAME_LENGTH = 5;
export const FLAG_FINAL = 1;
export const MAX_CHUNK_INDEX = 0xffffffff;
/** Bigger than zlib's 16 KiB default: fewer trips to the thread pool per megabyte. */
export const ZLIB_CHUNK = 256 * 1024;

export function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.allocUnsafe(NONCE_PREFIX_LENGTH + 4);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_LENGTH);
  return nonce;
}

/** Index and final flag are authenticated: reordering, dropping or cutting chunks breaks a tag. */
export function chunkAad(index: number, final: boolean): Buffer {
  const aad = Buffer.allocUnsafe(5);
  aad.writeUInt32BE(index, 0);
  aad[4] = final ? FLAG_FINAL : 0;
  return aad;
}
