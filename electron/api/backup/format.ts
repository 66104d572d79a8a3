import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflate, createInflate } from 'node:zlib';

/**
 * The backup file format (docs/backup-format.md describes it byte by byte).
 *
 * A file is a header followed by a stream of AES-256-GCM chunks. The plaintext is the database
 * file compressed with zlib (RFC 1950, i.e. `deflate` with the 2-byte zlib header and the Adler-32
 * trailer). The chunks are encrypted with a random per-file data key; the header carries that key
 * wrapped by a key derived from the passphrase with scrypt. Everything is streamed: memory use is
 * a few chunks (plus up to MAX_EARLY_BYTES while scrypt runs), never the size of the database.
 */

export const BACKUP_MAGIC = 'KGREGBAK';
const MAGIC = Buffer.from(BACKUP_MAGIC, 'latin1');
export const BACKUP_FORMAT_VERSION = 1;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Same strength as the key slots of the database itself. */
export const DEFAULT_BACKUP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Compressed bytes per chunk. */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/**
 * zlib level 6 (zlib's own default). Level 1 is about 2.5× faster but its output is ~18 % larger;
 * for a register-sized database (a few MB) compression at level 6 finishes while scrypt is still
 * running, so it costs no time there. Measurements: docs/backup-format.md.
 */
export const DEFAULT_COMPRESSION_LEVEL = 6;

/** Smallest and largest chunk a writer may choose and a reader accepts (bounds reader memory). */
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
/** Metadata is four small fields; the bound stops a damaged length from reading megabytes. */
export const MAX_METADATA_LENGTH = 4096;

/**
 * Non-personal facts, readable without the passphrase (but only trusted after it). No names of
 * the institution, the head or the children: the metadata lies in clear on a USB stick.
 */
export interface BackupMetadata {
  /** Version of the program that wrote the backup, e.g. '0.1.0'. */
  programVersion: string;
  /** Number of database migrations the backed-up database has (MIGRATIONS.length). */
  schemaVersion: number;
  /** When the backup was made: a UTC instant, ISO 8601 with 'Z' (Date.prototype.toISOString). */
  createdAt: string;
  /** Size in bytes of the uncompressed database; checked again after decompression. */
  originalSize: number;
}

export interface BackupHeader {
  formatVersion: number;
  kdf: ScryptParams & { name: 'scrypt' };
  compression: 'zlib';
  chunkSize: number;
  metadata: BackupMetadata;
  /** Bytes from the start of the file to the first chunk. */
  headerLength: number;
}

/** A file stream, any async iterable of bytes, or (for tests and small data) e.g. `[buffer]`. */
export type BackupSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Readable;

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

export interface DecryptBackupOptions {
  passphrase: string;
  /**
   * Called once the header is authenticated and before any plaintext is produced. Throw here to
   * refuse the backup (e.g. a newer schema version) without decrypting anything.
   */
  onHeader?: (header: BackupHeader) => void | Promise<void>;
  /** Called with the total number of file bytes read so far. */
  onProgress?: (bytesRead: number) => void;
}

export interface VerifyBackupResult {
  header: BackupHeader;
  chunkCount: number;
  /** Size of the whole file. */
  fileBytes: number;
  /** Decompressed size; always equal to header.metadata.originalSize when verification passes. */
  plaintextBytes: number;
}

export const BACKUP_ERROR_REASONS = [
  'not-a-backup',
  'newer-format',
  'wrong-passphrase',
  'header-tampered',
  'chunk-tampered',
  'truncated',
  'trailing-data',
] as const;
export type BackupErrorReason = (typeof BACKUP_ERROR_REASONS)[number];

/** Message keys for the caller's catalog (Latvian and English text live there). */
export const BACKUP_ERROR_KEYS: Readonly<Record<BackupErrorReason, string>> = {
  'not-a-backup': 'backup.notABackup',
  'newer-format': 'backup.newerFormat',
  'wrong-passphrase': 'backup.wrongPassphrase',
  'header-tampered': 'backup.headerTampered',
  'chunk-tampered': 'backup.chunkTampered',
  truncated: 'backup.truncated',
  'trailing-data': 'backup.trailingData',
};

export class BackupFormatError extends Error {
  constructor(
    readonly reason: BackupErrorReason,
    /** For 'chunk-tampered': the 0-based index of the chunk that failed (absent if not one chunk). */
    readonly chunkIndex?: number,
    detail?: string,
  ) {
    super(
      `Backup ${reason}` +
        (chunkIndex === undefined ? '' : ` (chunk ${chunkIndex})`) +
        (detail ? `: ${detail}` : ''),
    );
    this.name = 'BackupFormatError';
  }

  get key(): string {
    return BACKUP_ERROR_KEYS[this.reason];
  }
}

// Layout of the fixed part of the header (all integers big-endian).
const OFF_VERSION = 8;
const OFF_KDF_ID = 10;
const OFF_COMPRESSION_ID = 11;
const OFF_N = 12;
const OFF_R = 16;
const OFF_P = 20;
const OFF_SALT = 24;
const OFF_NONCE_PREFIX = 40;
const OFF_CHUNK_SIZE = 48;
const OFF_METADATA_LENGTH = 52;
const FIXED_LENGTH = 56;
const SALT_LENGTH = 16;
const NONCE_PREFIX_LENGTH = 8;
const WRAP_NONCE_LENGTH = 12;
const KEY_LENGTH = 32;
const TAG_LENGTH = 16;
const CHECKSUM_LENGTH = 32;
/** Wrap nonce, wrapped key, its tag and the header checksum follow the metadata. */
const TRAILER_LENGTH = WRAP_NONCE_LENGTH + KEY_LENGTH + TAG_LENGTH + CHECKSUM_LENGTH;
const KDF_SCRYPT = 1;
const COMPRESSION_ZLIB = 1;
const FRAME_LENGTH = 5;
const FLAG_FINAL = 1;
const MAX_CHUNK_INDEX = 0xffffffff;
/** Bigger than zlib's 16 KiB default: fewer trips to the thread pool per megabyte. */
const ZLIB_CHUNK = 256 * 1024;
/** Encrypted output kept back while scrypt still runs, before the header can be written. */
const MAX_EARLY_BYTES = 16 * 1024 * 1024;

// Reader-side bounds on the KDF, so a crafted header cannot ask for gigabytes of memory.
const MIN_LOG2_N = 10;
const MAX_LOG2_N = 22;
const MAX_R = 32;
const MAX_P = 16;
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;

function checkScrypt(params: ScryptParams): string | null {
  const { N, r, p } = params;
  if (!Number.isInteger(N) || N < 2 ** MIN_LOG2_N || N > 2 ** MAX_LOG2_N || (N & (N - 1)) !== 0) {
    return `scrypt N must be a power of two from 2^${MIN_LOG2_N} to 2^${MAX_LOG2_N}`;
  }
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) return `scrypt r must be 1..${MAX_R}`;
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) return `scrypt p must be 1..${MAX_P}`;
  if (128 * N * r > MAX_SCRYPT_MEMORY) return 'scrypt parameters need more than 1 GiB';
  return null;
}

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) =>
    scrypt(
      // NFC: 'ā' typed as one code point or as 'a' + macron must give the same key.
      Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      salt,
      KEY_LENGTH,
      { N, r, p, maxmem: 256 * N * r + 32 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
/** Version strings only: no room to smuggle a name into the clear-text metadata. */
const PROGRAM_VERSION = /^[0-9A-Za-z.+-]{1,64}$/;
const METADATA_KEYS = ['programVersion', 'schemaVersion', 'createdAt', 'originalSize'] as const;

/** The metadata with exactly the known fields, or a description of what is wrong. */
function checkMetadata(value: unknown): BackupMetadata | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'metadata must be an object';
  }
  const record = value as Record<string, unknown>;
  const { programVersion, schemaVersion, createdAt, originalSize } = record;
  if (typeof programVersion !== 'string' || !PROGRAM_VERSION.test(programVersion)) {
    return 'programVersion must be a version string';
  }
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isSafeInteger(schemaVersion) ||
    schemaVersion < 0
  ) {
    return 'schemaVersion must be a non-negative integer';
  }
  if (
    typeof createdAt !== 'string' ||
    !ISO_INSTANT.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt))
  ) {
    return 'createdAt must be a UTC ISO 8601 instant';
  }
  if (typeof originalSize !== 'number' || !Number.isSafeInteger(originalSize) || originalSize < 0) {
    return 'originalSize must be a non-negative integer';
  }
  return { programVersion, schemaVersion, createdAt, originalSize };
}

function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.allocUnsafe(NONCE_PREFIX_LENGTH + 4);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_LENGTH);
  return nonce;
}

/** Index and final flag are authenticated: reordering, dropping or cutting chunks breaks a tag. */
function chunkAad(index: number, final: boolean): Buffer {
  const aad = Buffer.allocUnsafe(5);
  aad.writeUInt32BE(index, 0);
  aad[4] = final ? FLAG_FINAL : 0;
  return aad;
}

function toBuffer(piece: unknown): Buffer {
  if (Buffer.isBuffer(piece)) return piece;
  if (piece instanceof Uint8Array) return Buffer.from(piece.buffer, piece.byteOffset, piece.length);
  throw new TypeError('Backup streams carry bytes; got ' + typeof piece);
}

function asyncIterable(source: BackupSource): AsyncIterable<unknown> {
  if (Symbol.asyncIterator in source) return source as AsyncIterable<unknown>;
  return (async function* () {
    yield* source;
  })();
}

/**
 * Runs `input` through a zlib transform and yields its output. Errors from either side reach the
 * consumer; stopping early tears both down.
 */
async function* through(
  input: AsyncIterable<Buffer>,
  transform: Transform,
): AsyncGenerator<Buffer> {
  const feed: { error?: Error } = {};
  const feeding = pipeline(
    Readable.from(input, { objectMode: true, highWaterMark: 4 }),
    transform,
  ).catch((err: unknown) => {
    feed.error ??= err instanceof Error ? err : new Error(String(err));
  });
  try {
    for await (const piece of transform) yield toBuffer(piece);
  } catch (err) {
    await feeding;
    // The input's own error (e.g. a BackupFormatError) beats the stream's "destroyed" echo of it.
    if (feed.error) throw feed.error;
    throw err;
  }
  await feeding;
  if (feed.error) throw feed.error;
}

// ───────────────────────────── writing ─────────────────────────────

interface HeaderFields {
  params: ScryptParams;
  salt: Buffer;
  noncePrefix: Buffer;
  chunkSize: number;
  metadata: BackupMetadata;
  dataKey: Buffer;
}

function buildHeader(fields: HeaderFields, kek: Buffer): Buffer {
  const metadataJson = Buffer.from(JSON.stringify(fields.metadata), 'utf8');
  const metadataEnd = FIXED_LENGTH + metadataJson.length;
  const header = Buffer.alloc(metadataEnd + TRAILER_LENGTH);
  MAGIC.copy(header, 0);
  header.writeUInt16BE(BACKUP_FORMAT_VERSION, OFF_VERSION);
  header[OFF_KDF_ID] = KDF_SCRYPT;
  header[OFF_COMPRESSION_ID] = COMPRESSION_ZLIB;
  header.writeUInt32BE(fields.params.N, OFF_N);
  header.writeUInt32BE(fields.params.r, OFF_R);
  header.writeUInt32BE(fields.params.p, OFF_P);
  fields.salt.copy(header, OFF_SALT);
  fields.noncePrefix.copy(header, OFF_NONCE_PREFIX);
  header.writeUInt32BE(fields.chunkSize, OFF_CHUNK_SIZE);
  header.writeUInt32BE(metadataJson.length, OFF_METADATA_LENGTH);
  metadataJson.copy(header, FIXED_LENGTH);
  const wrapNonce = randomBytes(WRAP_NONCE_LENGTH);
  wrapNonce.copy(header, metadataEnd);
  const wrapAadEnd = metadataEnd + WRAP_NONCE_LENGTH;
  const wrap = createCipheriv('aes-256-gcm', kek, wrapNonce);
  // Every header byte before the wrapped key is authenticated by the passphrase.
  wrap.setAAD(header.subarray(0, wrapAadEnd));
  wrap.update(fields.dataKey).copy(header, wrapAadEnd);
  wrap.final();
  wrap.getAuthTag().copy(header, wrapAadEnd + KEY_LENGTH);
  const checksumAt = wrapAadEnd + KEY_LENGTH + TAG_LENGTH;
  createHash('sha256').update(header.subarray(0, checksumAt)).digest().copy(header, checksumAt);
  return header;
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

// ───────────────────────────── reading ─────────────────────────────

/** Exact-length reads over an async byte stream, copying only when a read spans pieces. */
class ByteReader {
  private readonly iterator: AsyncIterator<unknown>;
  private current: Buffer = Buffer.alloc(0);
  private done = false;
  bytesRead = 0;

  constructor(
    source: BackupSource,
    private readonly onProgress?: (bytesRead: number) => void,
  ) {
    this.iterator = asyncIterable(source)[Symbol.asyncIterator]();
  }

  private async pull(): Promise<boolean> {
    while (!this.done) {
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        break;
      }
      const piece = toBuffer(next.value);
      if (piece.length === 0) continue;
      this.current = piece;
      this.bytesRead += piece.length;
      this.onProgress?.(this.bytesRead);
      return true;
    }
    return false;
  }

  /** Exactly `length` bytes, or fewer if the stream ends first. */
  async read(length: number): Promise<Buffer> {
    if (this.current.length >= length) {
      const out = this.current.subarray(0, length);
      this.current = this.current.subarray(length);
      return out;
    }
    const out = Buffer.allocUnsafe(length);
    let got = this.current.copy(out, 0);
    this.current = this.current.subarray(got);
    while (got < length && (await this.pull())) {
      const take = Math.min(length - got, this.current.length);
      this.current.copy(out, got, 0, take);
      this.current = this.current.subarray(take);
      got += take;
    }
    return got === length ? out : out.subarray(0, got);
  }

  async atEnd(): Promise<boolean> {
    return this.current.length === 0 && !(await this.pull());
  }

  /** Releases the source (closes a file stream) when reading stops before its end. */
  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
  }
}

interface OpenedBackup {
  header: BackupHeader;
  dataKey: Buffer;
  noncePrefix: Buffer;
}

async function openHeader(reader: ByteReader, passphrase: string): Promise<OpenedBackup> {
  const magic = await reader.read(MAGIC.length);
  if (!magic.equals(MAGIC)) {
    // A prefix of the magic (even an empty file) is a cut-off backup; anything else is foreign.
    const isPrefix = magic.length < MAGIC.length && MAGIC.subarray(0, magic.length).equals(magic);
    throw new BackupFormatError(isPrefix ? 'truncated' : 'not-a-backup');
  }
  const fixedRest = await reader.read(FIXED_LENGTH - MAGIC.length);
  if (fixedRest.length >= 2) {
    const version = fixedRest.readUInt16BE(OFF_VERSION - MAGIC.length);
    // Checked before anything else: a newer format may lay out the rest differently.
    if (version > BACKUP_FORMAT_VERSION) throw new BackupFormatError('newer-format');
    if (version === 0) throw new BackupFormatError('header-tampered', undefined, 'version 0');
  }
  if (fixedRest.length < FIXED_LENGTH - MAGIC.length) {
    throw new BackupFormatError('truncated', undefined, 'inside the header');
  }
  const fixed = Buffer.concat([magic, fixedRest]);
  const metadataLength = fixed.readUInt32BE(OFF_METADATA_LENGTH);
  if (metadataLength > MAX_METADATA_LENGTH) {
    throw new BackupFormatError('header-tampered', undefined, 'metadata length');
  }
  const rest = await reader.read(metadataLength + TRAILER_LENGTH);
  if (rest.length < metadataLength + TRAILER_LENGTH) {
    throw new BackupFormatError('truncated', undefined, 'inside the header');
  }
  const header = Buffer.concat([fixed, rest]);
  const checksumAt = header.length - CHECKSUM_LENGTH;
  const checksum = createHash('sha256').update(header.subarray(0, checksumAt)).digest();
  // Unkeyed, so it only tells accidental damage apart from a wrong passphrase; the key wrap
  // below is what authenticates the header.
  if (!timingSafeEqual(checksum, header.subarray(checksumAt))) {
    throw new BackupFormatError('header-tampered', undefined, 'checksum');
  }

  const kdf = {
    name: 'scrypt' as const,
    N: header.readUInt32BE(OFF_N),
    r: header.readUInt32BE(OFF_R),
    p: header.readUInt32BE(OFF_P),
  };
  const chunkSize = header.readUInt32BE(OFF_CHUNK_SIZE);
  const problem =
    header[OFF_KDF_ID] !== KDF_SCRYPT
      ? 'unknown KDF'
      : header[OFF_COMPRESSION_ID] !== COMPRESSION_ZLIB
        ? 'unknown compression'
        : chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE
          ? 'chunk size'
          : checkScrypt(kdf);
  if (problem) throw new BackupFormatError('header-tampered', undefined, problem);
  let metadata: BackupMetadata | string;
  try {
    metadata = checkMetadata(
      JSON.parse(header.toString('utf8', FIXED_LENGTH, FIXED_LENGTH + metadataLength)),
    );
  } catch {
    metadata = 'metadata is not JSON';
  }
  if (typeof metadata === 'string') {
    throw new BackupFormatError('header-tampered', undefined, metadata);
  }

  const wrapAt = FIXED_LENGTH + metadataLength;
  const wrapAadEnd = wrapAt + WRAP_NONCE_LENGTH;
  const kek = await deriveKey(passphrase, header.subarray(OFF_SALT, OFF_SALT + SALT_LENGTH), kdf);
  let dataKey: Buffer;
  try {
    const unwrap = createDecipheriv('aes-256-gcm', kek, header.subarray(wrapAt, wrapAadEnd));
    unwrap.setAAD(header.subarray(0, wrapAadEnd));
    unwrap.setAuthTag(header.subarray(wrapAadEnd + KEY_LENGTH, checksumAt));
    dataKey = unwrap.update(header.subarray(wrapAadEnd, wrapAadEnd + KEY_LENGTH));
    unwrap.final();
  } catch {
    // The checksum matched, so the bytes are as written: the passphrase is what differs
    // (or someone rewrote the header and its checksum, which we cannot tell apart).
    throw new BackupFormatError('wrong-passphrase');
  }
  return {
    header: {
      formatVersion: BACKUP_FORMAT_VERSION,
      kdf,
      compression: 'zlib',
      chunkSize,
      metadata,
      headerLength: header.length,
    },
    dataKey,
    noncePrefix: Buffer.from(
      header.subarray(OFF_NONCE_PREFIX, OFF_NONCE_PREFIX + NONCE_PREFIX_LENGTH),
    ),
  };
}

/** Yields each chunk's compressed bytes only after its tag has been checked. */
async function* authenticatedChunks(
  reader: ByteReader,
  opened: OpenedBackup,
  stats: { chunkCount: number },
): AsyncGenerator<Buffer> {
  const { dataKey, noncePrefix } = opened;
  const { chunkSize } = opened.header;
  for (let index = 0; ; index++) {
    const frame = await reader.read(FRAME_LENGTH);
    if (frame.length < FRAME_LENGTH) {
      throw new BackupFormatError('truncated', undefined, `before chunk ${index}`);
    }
    const flags = frame[0];
    const length = frame.readUInt32BE(1);
    if (flags > FLAG_FINAL || length > chunkSize) {
      throw new BackupFormatError('chunk-tampered', index);
    }
    const body = await reader.read(length + TAG_LENGTH);
    if (body.length < length + TAG_LENGTH) {
      throw new BackupFormatError('truncated', undefined, `inside chunk ${index}`);
    }
    const final = flags === FLAG_FINAL;
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', dataKey, chunkNonce(noncePrefix, index));
      decipher.setAAD(chunkAad(index, final));
      decipher.setAuthTag(body.subarray(length));
      plain = decipher.update(body.subarray(0, length));
      decipher.final();
    } catch {
      throw new BackupFormatError('chunk-tampered', index);
    }
    stats.chunkCount = index + 1;
    if (final) {
      // Checked before the last plaintext goes out, so nothing after the end is ever accepted.
      if (!(await reader.atEnd())) throw new BackupFormatError('trailing-data');
      yield plain;
      return;
    }
    if (index === MAX_CHUNK_INDEX) throw new BackupFormatError('chunk-tampered', index);
    yield plain;
  }
}

async function* decode(
  reader: ByteReader,
  options: DecryptBackupOptions,
  stats: { chunkCount: number; header?: BackupHeader },
): AsyncGenerator<Buffer> {
  const opened = await openHeader(reader, options.passphrase);
  stats.header = opened.header;
  await options.onHeader?.(opened.header);
  const inflate = createInflate({ chunkSize: ZLIB_CHUNK });
  let produced = 0;
  try {
    for await (const piece of through(authenticatedChunks(reader, opened, stats), inflate)) {
      produced += piece.length;
      yield piece;
    }
  } catch (err) {
    if (err instanceof BackupFormatError) throw err;
    // Authentic bytes that do not decompress: only a broken or hostile writer with the key.
    if (isZlibError(err)) throw new BackupFormatError('chunk-tampered', undefined, 'zlib');
    throw err;
  }
  if (produced !== opened.header.metadata.originalSize) {
    throw new BackupFormatError('chunk-tampered', undefined, 'size differs from metadata');
  }
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * Decrypts and decompresses a backup, yielding the original bytes. Each chunk is authenticated
 * before any of its bytes reach the decompressor. A failure can still come after earlier output
 * (a later chunk is damaged), so write to a temporary file and keep it only when this finishes.
 */
export async function* decryptBackup(
  source: BackupSource,
  options: DecryptBackupOptions,
): AsyncGenerator<Buffer, void, undefined> {
  const reader = new ByteReader(source, options.onProgress);
  try {
    yield* decode(reader, options, { chunkCount: 0 });
  } finally {
    await reader.close();
  }
}

/**
 * Reads and authenticates the header only (one scrypt, no chunk is touched), e.g. to refuse a
 * backup of a newer schema before restoring. The rest of the source is left unread and released.
 */
export async function readBackupHeader(
  source: BackupSource,
  options: { passphrase: string },
): Promise<BackupHeader> {
  const reader = new ByteReader(source);
  try {
    return (await openHeader(reader, options.passphrase)).header;
  } finally {
    await reader.close();
  }
}

/**
 * Reads the whole backup and checks every chunk, the final marker, the end of the file and the
 * decompressed size, discarding the plaintext (nothing is written anywhere).
 */
export async function verifyBackup(
  source: BackupSource,
  passphrase: string,
  options: { onProgress?: (bytesRead: number) => void } = {},
): Promise<VerifyBackupResult> {
  const reader = new ByteReader(source, options.onProgress);
  const stats: { chunkCount: number; header?: BackupHeader } = { chunkCount: 0 };
  let plaintextBytes = 0;
  try {
    for await (const piece of decode(reader, { passphrase }, stats)) plaintextBytes += piece.length;
  } finally {
    await reader.close();
  }
  if (!stats.header) throw new Error('unreachable: header not read');
  return {
    header: stats.header,
    chunkCount: stats.chunkCount,
    fileBytes: reader.bytesRead,
    plaintextBytes,
  };
}
