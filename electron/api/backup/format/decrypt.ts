import { createDecipheriv } from 'node:crypto';
import { createInflate } from 'node:zlib';
import {
  chunkAad,
  chunkNonce,
  FLAG_FINAL,
  FRAME_LENGTH,
  MAX_CHUNK_INDEX,
  TAG_LENGTH,
  ZLIB_CHUNK,
} from './chunks';
import { BackupFormatError } from './errors';
import { openHeader, type BackupHeader, type OpenedBackup } from './header';
import { ByteReader, through, type BackupSource } from './streams';

/**
 * Reading a backup: the header is authenticated first, then each chunk before any of its bytes
 * reach the decompressor; the end of the file and the decompressed size are checked last.
 */

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
