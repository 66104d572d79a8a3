import { createDecipheriv, createHash, scryptSync } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';

// ─── An independent reading of docs/backup-format.md: offsets and rules from the doc only. ───

export interface DocChunk {
  offset: number;
  flags: number;
  length: number;
  end: number;
}

export interface DocLayout {
  version: number;
  kdfId: number;
  compressionId: number;
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  noncePrefix: Buffer;
  chunkSize: number;
  metadataLength: number;
  metadata: unknown;
  headerLength: number;
  chunks: DocChunk[];
}

export function docLayout(file: Buffer): DocLayout {
  const m = file.readUInt32BE(52);
  const headerLength = 148 + m;
  const chunks: DocChunk[] = [];
  for (let offset = headerLength; offset < file.length;) {
    const flags = file[offset];
    const length = file.readUInt32BE(offset + 1);
    const end = offset + 5 + length + 16;
    chunks.push({ offset, flags, length, end });
    offset = end;
    if (flags === 1) break;
  }
  return {
    version: file.readUInt16BE(8),
    kdfId: file[10],
    compressionId: file[11],
    N: file.readUInt32BE(12),
    r: file.readUInt32BE(16),
    p: file.readUInt32BE(20),
    salt: file.subarray(24, 40),
    noncePrefix: file.subarray(40, 48),
    chunkSize: file.readUInt32BE(48),
    metadataLength: m,
    metadata: JSON.parse(file.toString('utf8', 56, 56 + m)),
    headerLength,
    chunks,
  };
}

export function docDecrypt(
  file: Buffer,
  passphrase: string,
): { metadata: unknown; plaintext: Buffer } {
  expect(file.toString('latin1', 0, 8)).toBe('KGREGBAK');
  const layout = docLayout(file);
  const m = layout.metadataLength;
  expect(layout.version).toBe(1);
  expect(layout.kdfId).toBe(1);
  expect(layout.compressionId).toBe(1);
  const checksum = createHash('sha256')
    .update(file.subarray(0, 116 + m))
    .digest();
  expect(checksum.equals(file.subarray(116 + m, 148 + m))).toBe(true);
  const { N, r, p } = layout;
  const kek = scryptSync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), layout.salt, 32, {
    N,
    r,
    p,
    maxmem: 256 * N * r + 32 * 1024 * 1024,
  });
  const unwrap = createDecipheriv('aes-256-gcm', kek, file.subarray(56 + m, 68 + m));
  unwrap.setAAD(file.subarray(0, 68 + m));
  unwrap.setAuthTag(file.subarray(100 + m, 116 + m));
  const dataKey = Buffer.concat([unwrap.update(file.subarray(68 + m, 100 + m)), unwrap.final()]);
  const compressed: Buffer[] = [];
  layout.chunks.forEach((chunk, index) => {
    const nonce = Buffer.alloc(12);
    layout.noncePrefix.copy(nonce, 0);
    nonce.writeUInt32BE(index, 8);
    const aad = Buffer.alloc(5);
    aad.writeUInt32BE(index, 0);
    aad[4] = chunk.flags;
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce);
    decipher.setAAD(aad);
    const bodyEnd = chunk.offset + 5 + chunk.length;
    decipher.setAuthTag(file.subarray(bodyEnd, bodyEnd + 16));
    compressed.push(decipher.update(file.subarray(chunk.offset + 5, bodyEnd)), decipher.final());
  });
  const last = layout.chunks[layout.chunks.length - 1];
  expect(last.flags).toBe(1);
  expect(last.end).toBe(file.length);
  return { metadata: layout.metadata, plaintext: inflateSync(Buffer.concat(compressed)) };
}
