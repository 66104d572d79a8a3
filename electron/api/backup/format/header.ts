import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { checkScrypt, deriveKey, type ScryptParams } from '../../../../database/kdf';
import { MAX_CHUNK_SIZE, MIN_CHUNK_SIZE, NONCE_PREFIX_LENGTH, TAG_LENGTH } from './chunks';
import { BackupFormatError } from './errors';
import type { ByteReader } from './streams';

/**
 * The backup file format (docs/backup-format.md describes it byte by byte).
 *
 * A file is a header followed by a stream of AES-256-GCM chunks. The plaintext is the database
 * file compressed with zlib (RFC 1950, i.e. `deflate` with the 2-byte zlib header and the Adler-32
 * trailer). The chunks are encrypted with a random per-file data key; the header carries that key
 * wrapped by a key derived from the passphrase with scrypt (database/kdf.ts). This file writes
 * and reads the header; encrypt.ts and decrypt.ts stream the chunks.
 */

export const BACKUP_MAGIC = 'KGREGBAK';
const MAGIC = Buffer.from(BACKUP_MAGIC, 'latin1');
export const BACKUP_FORMAT_VERSION = 1;

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
export const SALT_LENGTH = 16;
const WRAP_NONCE_LENGTH = 12;
/** AES-256 keys: the one derived from the passphrase and the data key it wraps. */
export const KEY_LENGTH = 32;
const CHECKSUM_LENGTH = 32;
/** Wrap nonce, wrapped key, its tag and the header checksum follow the metadata. */
const TRAILER_LENGTH = WRAP_NONCE_LENGTH + KEY_LENGTH + TAG_LENGTH + CHECKSUM_LENGTH;
const KDF_SCRYPT = 1;
const COMPRESSION_ZLIB = 1;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
/** Version strings only: no room to smuggle a name into the clear-text metadata. */
const PROGRAM_VERSION = /^[0-9A-Za-z.+-]{1,64}$/;
export const METADATA_KEYS = [
  'programVersion',
  'schemaVersion',
  'createdAt',
  'originalSize',
] as const;

/** The metadata with exactly the known fields, or a description of what is wrong. */
export function checkMetadata(value: unknown): BackupMetadata | string {
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

// ───────────────────────────── writing ─────────────────────────────

/** What the writer chose for one file; the chunks use the same data key and nonce prefix. */
export interface HeaderFields {
  params: ScryptParams;
  salt: Buffer;
  noncePrefix: Buffer;
  chunkSize: number;
  metadata: BackupMetadata;
  dataKey: Buffer;
}

export function buildHeader(fields: HeaderFields, kek: Buffer): Buffer {
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

// ───────────────────────────── reading ─────────────────────────────

export interface OpenedBackup {
  header: BackupHeader;
  dataKey: Buffer;
  noncePrefix: Buffer;
}

/** Reads, checks and authenticates the header; the reader is left at the first chunk. */
export async function openHeader(reader: ByteReader, passphrase: string): Promise<OpenedBackup> {
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
          : checkScrypt(kdf); // a crafted header cannot ask for gigabytes of memory
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
