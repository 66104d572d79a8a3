import { createCipheriv, randomBytes } from 'node:crypto';
import { createDeflate } from 'node:zlib';
import {
  checkScrypt,
  DEFAULT_SCRYPT,
  deriveKey,
  type ScryptParams,
} from '../../../../database/kdf';
import {
  chunkAad,
  chunkNonce,
  DEFAULT_CHUNK_SIZE,
  FLAG_FINAL,
  FRAME_LENGTH,
  MAX_CHUNK_INDEX,
  MAX_CHUNK_SIZE,
  MIN_CHUNK_SIZE,
  NONCE_PREFIX_LENGTH,
  TAG_LENGTH,
  ZLIB_CHUNK,
} from './chunks';
import {
  buildHeader,
  checkMetadata,
  KEY_LENGTH,
  METADATA_KEYS,
  SALT_LENGTH,
  type BackupMetadata,
  type HeaderFields,
} from './header';
import { asyncIterable, through, toBuffer, type BackupSource } from './streams';

/**
 * Writing a backup: compress, cut into chunks, seal each with the random data key, header first.
 * Everything is streamed: memory use is a few chunks (plus up to MAX_EARLY_BYTES while scrypt
 * runs), never the size of the database.
 */

/** Same strength as the key slots of the database itself. */
export const DEFAULT_BACKUP_SCRYPT: ScryptParams = DEFAULT_SCRYPT;
/**
 * zlib level 1: about 2.5× faster than level 6 for ~15 % larger output. A register grows to some
 * 70 MB in ten years, where level 6 made deflate most of the export's time (a few seconds at
 * 35–40 MB/s on two cores); for a young register of a few MB either level finishes while scrypt
 * still runs. Measurements: docs/backup-format.md.
 */
export const DEFAULT_COMPRESSION_LEVEL = 1;
/** Encrypted output kept back while scrypt still runs, before the header can be written. */
const MAX_EARLY_BYTES = 16 * 1024 * 1024;

export interface EncryptBackupOptions {
  passphrase: string;
  metadata: BackupMetadata;
  /** Defaults to DEFAULT_BACKUP_SCRYPT; tests pass cheaper parameters. */
  scrypt?: ScryptParams;
  chunkSize?: number;
  /** zlib level 0–9; the reader does not need to know it. */
  compressionLevel?: number;
  /** Called with the total number of plaintext bytes read from the source so far. */
  onProgress?: (bytesIn: number) => void;
}

/** Compresses the source and yields it as sealed chunk frames (frame header, ciphertext, tag). */
async function* sealedChunks(
  source: BackupSource,
  fields: HeaderFields,
  level: number,
  onProgress: ((bytesIn: number) => void) | undefined,
): AsyncGenerator<Buffer> {
  const { chunkSize, dataKey, noncePrefix } = fields;
  let bytesIn = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const piece of asyncIterable(source)) {
      const bytes = toBuffer(piece);
      bytesIn += bytes.length;
      onProgress?.(bytesIn);
      yield bytes;
    }
  }

  let index = 0;
  const seal = (plain: Buffer, final: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', dataKey, chunkNonce(noncePrefix, index));
    cipher.setAAD(chunkAad(index, final));
    const frame = Buffer.allocUnsafe(FRAME_LENGTH + plain.length + TAG_LENGTH);
    frame[0] = final ? FLAG_FINAL : 0;
    frame.writeUInt32BE(plain.length, 1);
    cipher.update(plain).copy(frame, FRAME_LENGTH);
    cipher.final();
    cipher.getAuthTag().copy(frame, FRAME_LENGTH + plain.length);
    index++;
    return frame;
  };

  // A full chunk is held back until more data shows up: only then is it known not to be final.
  const pending = Buffer.allocUnsafe(chunkSize);
  let filled = 0;
  const deflate = createDeflate({ level, chunkSize: ZLIB_CHUNK });
  for await (const piece of through(counted(), deflate)) {
    for (let offset = 0; offset < piece.length;) {
      if (filled === chunkSize) {
        if (index === MAX_CHUNK_INDEX) throw new RangeError('Too many chunks');
        yield seal(pending, false);
        filled = 0;
      }
      const take = Math.min(chunkSize - filled, piece.length - offset);
      piece.copy(pending, filled, offset, offset + take);
      filled += take;
      offset += take;
    }
  }
  // Without the final chunk the file reads as truncated, so a source that changed size while
  // being read (or a wrong originalSize) can never produce a backup that restores silently.
  if (bytesIn !== fields.metadata.originalSize) {
    throw new Error(`Source had ${bytesIn} bytes, metadata says ${fields.metadata.originalSize}`);
  }
  yield seal(pending.subarray(0, filled), true);
}

/**
 * Compresses and encrypts `source` into the backup file format, as a stream of buffers: the
 * header first, then one buffer per chunk. Memory use is bounded by the chunk size (plus at most
 * MAX_EARLY_BYTES while scrypt runs), not by the size of the database.
 */
export async function* encryptBackup(
  source: BackupSource,
  options: EncryptBackupOptions,
): AsyncGenerator<Buffer, void, undefined> {
  const params = options.scrypt ?? DEFAULT_BACKUP_SCRYPT;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const level = options.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL;
  const scryptProblem = checkScrypt(params);
  if (scryptProblem) throw new RangeError(scryptProblem);
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new RangeError(`chunkSize must be ${MIN_CHUNK_SIZE}..${MAX_CHUNK_SIZE}`);
  }
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new RangeError('compressionLevel must be 0..9');
  }
  if (typeof options.passphrase !== 'string' || options.passphrase.length === 0) {
    throw new TypeError('passphrase must be a non-empty string');
  }
  const metadata = checkMetadata(options.metadata);
  if (typeof metadata === 'string') throw new TypeError(metadata);
  const unknownKeys = Object.keys(options.metadata).filter(
    (key) => !(METADATA_KEYS as readonly string[]).includes(key),
  );
  // Refuse rather than drop: a caller adding e.g. the institution name must learn it is not kept.
  if (unknownKeys.length > 0) {
    throw new TypeError(`metadata may not contain: ${unknownKeys.join(', ')}`);
  }

  const fields: HeaderFields = {
    params: { N: params.N, r: params.r, p: params.p },
    salt: randomBytes(SALT_LENGTH),
    noncePrefix: randomBytes(NONCE_PREFIX_LENGTH),
    chunkSize,
    metadata,
    dataKey: randomBytes(KEY_LENGTH),
  };
  // The chunks use the random data key, not the passphrase, so compression and encryption run
  // while scrypt (hundreds of milliseconds) works in the thread pool; their output waits here.
  const kekPromise = deriveKey(options.passphrase, fields.salt, fields.params);
  let kdfSettled = false;
  kekPromise.then(
    () => (kdfSettled = true),
    () => (kdfSettled = true), // the error itself surfaces where kekPromise is awaited
  );
  let early: Buffer[] | null = [];
  let earlyBytes = 0;
  for await (const frame of sealedChunks(source, fields, level, options.onProgress)) {
    if (early === null) {
      yield frame;
      continue;
    }
    early.push(frame);
    earlyBytes += frame.length;
    if (kdfSettled || earlyBytes >= MAX_EARLY_BYTES) {
      yield buildHeader(fields, await kekPromise);
      yield* early;
      early = null;
    }
  }
  if (early !== null) {
    yield buildHeader(fields, await kekPromise);
    yield* early;
  }
}
