import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { decryptBackup } from '../../electron/api/backup/format/decrypt';
import { encryptBackup, type EncryptBackupOptions } from '../../electron/api/backup/format/encrypt';
import { BackupFormatError } from '../../electron/api/backup/format/errors';
import type { BackupMetadata } from '../../electron/api/backup/format/header';
import type { BackupSource } from '../../electron/api/backup/format/streams';

/** Shared by the backup-format-*.test.ts files: cheap options, wrappers, damaged copies. */

// scrypt N = 2^14 keeps each key derivation in the tens of milliseconds.
export const FAST = { N: 2 ** 14, r: 8, p: 1 };
export const PASS = 'Saulīte-2025!';
export const SMALL_CHUNK = 4096;
export const SLOW = 30_000;

export function metadata(originalSize: number): BackupMetadata {
  return {
    programVersion: '0.1.0',
    schemaVersion: 3,
    createdAt: '2025-03-14T09:30:00.000Z',
    originalSize,
  };
}

/** Feeds a buffer in pieces of `size` bytes, like a file stream does. */
export function pieces(data: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
    })(),
  );
}

export async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

export async function encrypt(
  data: Buffer,
  options: Partial<EncryptBackupOptions> = {},
): Promise<Buffer> {
  return collect(
    encryptBackup(pieces(data), {
      passphrase: PASS,
      metadata: metadata(data.length),
      scrypt: FAST,
      ...options,
    }),
  );
}

export function decrypt(file: BackupSource, passphrase = PASS): Promise<Buffer> {
  return collect(decryptBackup(file, { passphrase }));
}

/** The BackupFormatError a promise rejects with (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<BackupFormatError> {
  const error: unknown = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(BackupFormatError);
  return error as BackupFormatError;
}

export async function reason(file: Buffer, passphrase = PASS): Promise<string> {
  return (await failure(decrypt([file], passphrase))).reason;
}

export function flipped(file: Buffer, offset: number): Buffer {
  const copy = Buffer.from(file);
  copy[offset] ^= 0x01;
  return copy;
}

/** Compressible text that looks like rows of a register (names, codes, dates). */
export function registerLike(size: number): Buffer {
  const rows: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const row = `${i}|Bērziņš Jānis|120785-${String(10000 + (i % 89999))}|2025-03-${10 + (i % 18)}|present\n`;
    rows.push(row);
    length += Buffer.byteLength(row);
  }
  return Buffer.from(rows.join('')).subarray(0, size);
}
