import { createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { Readable } from 'node:stream';
import { deflateSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_ERROR_KEYS,
  BACKUP_ERROR_REASONS,
  BackupFormatError,
  type BackupMetadata,
  type BackupSource,
  type EncryptBackupOptions,
  decryptBackup,
  encryptBackup,
  readBackupHeader,
  verifyBackup,
} from '../../electron/api/backup/format';

// scrypt N = 2^14 keeps each key derivation in the tens of milliseconds.
const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'Saulīte-2025!';
const SMALL_CHUNK = 4096;
const SLOW = 30_000;

function metadata(originalSize: number): BackupMetadata {
  return {
    programVersion: '0.1.0',
    schemaVersion: 3,
    createdAt: '2025-03-14T09:30:00.000Z',
    originalSize,
  };
}

/** Feeds a buffer in pieces of `size` bytes, like a file stream does. */
function pieces(data: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
    })(),
  );
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

async function encrypt(data: Buffer, options: Partial<EncryptBackupOptions> = {}): Promise<Buffer> {
  return collect(
    encryptBackup(pieces(data), {
      passphrase: PASS,
      metadata: metadata(data.length),
      scrypt: FAST,
      ...options,
    }),
  );
}

function decrypt(file: BackupSource, passphrase = PASS): Promise<Buffer> {
  return collect(decryptBackup(file, { passphrase }));
}

/** The BackupFormatError a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<BackupFormatError> {
  const error: unknown = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(BackupFormatError);
  return error as BackupFormatError;
}

async function reason(file: Buffer, passphrase = PASS): Promise<string> {
  return (await failure(decrypt([file], passphrase))).reason;
}

function flipped(file: Buffer, offset: number): Buffer {
  const copy = Buffer.from(file);
  copy[offset] ^= 0x01;
  return copy;
}

/** Compressible text that looks like rows of a register (names, codes, dates). */
function registerLike(size: number): Buffer {
  const rows: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const row = `${i}|Bērziņš Jānis|120785-${String(10000 + (i % 89999))}|2025-03-${10 + (i % 18)}|present\n`;
    rows.push(row);
    length += Buffer.byteLength(row);
  }
  return Buffer.from(rows.join('')).subarray(0, size);
}

// ─── An independent reading of docs/backup-format.md: offsets and rules from the doc only. ───

interface DocChunk {
  offset: number;
  flags: number;
  length: number;
  end: number;
}

interface DocLayout {
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

function docLayout(file: Buffer): DocLayout {
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

function docDecrypt(file: Buffer, passphrase: string): { metadata: unknown; plaintext: Buffer } {
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

// ───────────────────────────────────────── tests ─────────────────────────────────────────

describe('round trip', () => {
  it.each([
    ['0 bytes', 0],
    ['1 byte', 1],
    ['a few kilobytes', 5000],
    ['several chunks and a partial one', 5 * SMALL_CHUNK + 1234],
  ])('restores %s of random data', async (_label, size) => {
    const data = randomBytes(size);
    const file = await encrypt(data, { chunkSize: SMALL_CHUNK });
    expect((await decrypt(pieces(file, 1000))).equals(data)).toBe(true);
    const { chunks } = docLayout(file);
    const flags = chunks.map((chunk) => chunk.flags);
    expect(flags).toEqual([...Array.from({ length: chunks.length - 1 }, () => 0), 1]);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === SMALL_CHUNK)).toBe(true);
    if (size > 5 * SMALL_CHUNK) {
      expect(chunks.length).toBeGreaterThan(5);
      expect(chunks[chunks.length - 1].length).toBeLessThan(SMALL_CHUNK);
    }
  });

  it('handles compressed data that is exactly one chunk, and exactly several', async () => {
    let data = randomBytes(10_000);
    let total = 0;
    let divisor = 0;
    // Find data whose compressed size has a divisor usable as a chunk size (most sizes do).
    for (let attempt = 0; divisor === 0; attempt++) {
      expect(attempt).toBeLessThan(20);
      data = randomBytes(10_000 + attempt);
      const probe = docLayout(await encrypt(data, { chunkSize: SMALL_CHUNK }));
      total = probe.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      for (let d = 3; d <= 50 && divisor === 0; d++) if (total % d === 0) divisor = d;
    }
    const one = await encrypt(data, { chunkSize: total });
    expect(docLayout(one).chunks.map((chunk) => [chunk.flags, chunk.length])).toEqual([[1, total]]);
    expect((await decrypt([one])).equals(data)).toBe(true);

    const several = await encrypt(data, { chunkSize: total / divisor });
    const { chunks } = docLayout(several);
    expect(chunks).toHaveLength(divisor);
    expect(chunks.every((chunk) => chunk.length === total / divisor)).toBe(true);
    expect(chunks[divisor - 1].flags).toBe(1);
    expect((await decrypt([several])).equals(data)).toBe(true);
  });

  it(
    'uses 1 MiB chunks by default; a chunk-sized input and a multi-chunk one restore',
    async () => {
      const exact = randomBytes(1024 * 1024);
      const exactFile = await encrypt(exact);
      expect(docLayout(exactFile).chunkSize).toBe(1024 * 1024);
      expect((await decrypt(pieces(exactFile))).equals(exact)).toBe(true);

      const data = randomBytes(2.5 * 1024 * 1024);
      const file = await encrypt(data);
      expect(docLayout(file).chunks.map((chunk) => chunk.length > 0)).toEqual([true, true, true]);
      expect((await decrypt(pieces(file, 100_000))).equals(data)).toBe(true);
    },
    SLOW,
  );

  it('reads a file fed one byte at a time', async () => {
    const data = randomBytes(300);
    const file = await encrypt(data, { chunkSize: 64 });
    expect((await decrypt(pieces(file, 1))).equals(data)).toBe(true);
  });

  it('compresses register-like data and restores it', async () => {
    const data = registerLike(400_000);
    const file = await encrypt(data);
    expect(file.length).toBeLessThan(data.length / 3);
    expect((await decrypt([file])).equals(data)).toBe(true);
  });

  it('takes the passphrase in either Unicode form (NFC)', async () => {
    const data = randomBytes(100);
    const file = await encrypt(data, { passphrase: 'Saul\u012bte' });
    expect((await decrypt([file], 'Sauli\u0304te')).equals(data)).toBe(true);
  });

  it(
    'writes the default scrypt parameters N = 2^17, r = 8, p = 1',
    async () => {
      const file = await collect(
        encryptBackup([Buffer.from('x')], { passphrase: PASS, metadata: metadata(1) }),
      );
      expect(docLayout(file)).toMatchObject({ N: 2 ** 17, r: 8, p: 1, chunkSize: 1024 * 1024 });
    },
    SLOW,
  );
});

describe('header and metadata', () => {
  it('reads and authenticates the header alone, even when the chunks are missing', async () => {
    const file = await encrypt(randomBytes(20_000), { chunkSize: SMALL_CHUNK });
    const { headerLength } = docLayout(file);
    const header = await readBackupHeader([file.subarray(0, headerLength)], { passphrase: PASS });
    expect(header).toEqual({
      formatVersion: 1,
      kdf: { name: 'scrypt', ...FAST },
      compression: 'zlib',
      chunkSize: SMALL_CHUNK,
      metadata: metadata(20_000),
      headerLength,
    });
    expect((await failure(readBackupHeader([file], { passphrase: 'wrong' }))).reason).toBe(
      'wrong-passphrase',
    );
  });

  it('lets the caller refuse a backup in onHeader before any plaintext is produced', async () => {
    const file = await encrypt(randomBytes(20_000), { chunkSize: SMALL_CHUNK });
    const seen: Buffer[] = [];
    const refusal = new Error('schema 3 is newer than ours');
    const run = (async () => {
      for await (const piece of decryptBackup([file], {
        passphrase: PASS,
        onHeader: (header) => {
          if (header.metadata.schemaVersion > 2) throw refusal;
        },
      })) {
        seen.push(piece);
      }
    })();
    await expect(run).rejects.toBe(refusal);
    expect(seen).toEqual([]);
  });

  it('refuses metadata fields beyond the four non-personal ones', async () => {
    const withName = { ...metadata(1), institution: 'PII "Saulīte"' } as BackupMetadata;
    await expect(encrypt(Buffer.from('x'), { metadata: withName })).rejects.toThrow(/institution/);
    const badVersion = { ...metadata(1), programVersion: 'PII Saulīte' };
    await expect(encrypt(Buffer.from('x'), { metadata: badVersion })).rejects.toThrow(TypeError);
    const localTime = { ...metadata(1), createdAt: '2025-03-14 09:30' };
    await expect(encrypt(Buffer.from('x'), { metadata: localTime })).rejects.toThrow(TypeError);
  });

  it('never writes a final chunk when the source size differs from originalSize', async () => {
    const parts: Buffer[] = [];
    const run = (async () => {
      const stream = encryptBackup([randomBytes(5000)], {
        passphrase: PASS,
        metadata: metadata(4999),
        scrypt: FAST,
        chunkSize: 1024,
      });
      for await (const part of stream) parts.push(part);
    })();
    await expect(run).rejects.toThrow(/5000/);
    expect(await reason(Buffer.concat(parts))).toBe('truncated');
  });

  it('has a message key for every reason', () => {
    for (const key of BACKUP_ERROR_REASONS) expect(BACKUP_ERROR_KEYS[key]).toMatch(/^backup\.\w+$/);
    expect(new BackupFormatError('wrong-passphrase').key).toBe('backup.wrongPassphrase');
  });
});

describe('refusals', () => {
  let data: Buffer;
  let file: Buffer;
  let layout: DocLayout;

  beforeAll(async () => {
    data = randomBytes(4 * SMALL_CHUNK + 500);
    file = await encrypt(data, { chunkSize: SMALL_CHUNK });
    layout = docLayout(file);
    expect(layout.chunks.length).toBeGreaterThanOrEqual(5);
  });

  it('says wrong-passphrase for a wrong passphrase, in every reader', async () => {
    expect(await reason(file, 'Saulite-2025!')).toBe('wrong-passphrase');
    expect((await failure(verifyBackup([file], ''))).reason).toBe('wrong-passphrase');
  });

  it('verifies a good file without producing plaintext', async () => {
    const result = await verifyBackup(pieces(file), PASS);
    expect(result).toMatchObject({
      chunkCount: layout.chunks.length,
      fileBytes: file.length,
      plaintextBytes: data.length,
    });
    expect(result.header.metadata).toEqual(metadata(data.length));
  });

  it('says truncated for a file cut short anywhere', async () => {
    const { headerLength, chunks } = layout;
    const cuts = [
      0,
      5, // inside the magic
      9, // inside the version
      30, // inside the fixed header
      headerLength - 1,
      headerLength, // just after the header: no chunk at all
      chunks[1].offset + 3, // inside a chunk's frame header
      chunks[1].offset + 100, // mid-chunk
      chunks[1].end, // exactly at a chunk boundary, before the final chunk
      chunks[chunks.length - 1].offset, // the final chunk dropped
      file.length - 1, // inside the final chunk's tag
    ];
    for (const cut of cuts) {
      const error = await failure(decrypt([file.subarray(0, cut)]));
      expect({ cut, reason: error.reason }).toEqual({ cut, reason: 'truncated' });
    }
    expect((await failure(verifyBackup([file.subarray(0, chunks[1].end)], PASS))).reason).toBe(
      'truncated',
    );
  });

  it('says header-tampered for a damaged header byte', async () => {
    const m = layout.metadataLength;
    const offsets = [
      10, // KDF id
      13, // scrypt N
      30, // salt
      44, // nonce prefix
      50, // chunk size
      56 + 20, // metadata
      56 + m + 3, // key-wrap nonce
      68 + m + 10, // wrapped key
      100 + m + 5, // key-wrap tag
      116 + m + 31, // the checksum itself
    ];
    for (const offset of offsets) {
      expect({ offset, reason: await reason(flipped(file, offset)) }).toEqual({
        offset,
        reason: 'header-tampered',
      });
    }
  });

  it('cannot tell a deliberately rewritten header from a wrong passphrase, but refuses it', async () => {
    const m = layout.metadataLength;
    const forged = Buffer.from(file);
    const json = forged
      .toString('utf8', 56, 56 + m)
      .replace('"schemaVersion":3', '"schemaVersion":2');
    forged.write(json, 56, 'utf8');
    createHash('sha256')
      .update(forged.subarray(0, 116 + m))
      .digest()
      .copy(forged, 116 + m);
    expect(await reason(forged)).toBe('wrong-passphrase');
  });

  it('says chunk-tampered, with the index, for a damaged middle or last chunk', async () => {
    const { chunks } = layout;
    const last = chunks.length - 1;
    const cases: [number, number][] = [
      [chunks[0].offset + 5, 0], // first byte of ciphertext
      [chunks[2].offset + 2000, 2], // middle chunk, ciphertext
      [chunks[2].end - 1, 2], // middle chunk, tag
      [chunks[2].offset, 2], // middle chunk marked final
      [chunks[last].offset + 10, last], // last chunk
      [chunks[last].offset, last], // last chunk not marked final
    ];
    for (const [offset, index] of cases) {
      const error = await failure(decrypt([flipped(file, offset)]));
      expect({ offset, reason: error.reason, index: error.chunkIndex }).toEqual({
        offset,
        reason: 'chunk-tampered',
        index,
      });
    }
  });

  it('yields nothing from a chunk that fails authentication', async () => {
    const small = await encrypt(randomBytes(3000), { chunkSize: 2048 });
    const seen: Buffer[] = [];
    const run = (async () => {
      const stream = decryptBackup([flipped(small, docLayout(small).headerLength + 8)], {
        passphrase: PASS,
      });
      for await (const piece of stream) seen.push(piece);
    })();
    expect((await failure(run)).chunkIndex).toBe(0);
    expect(seen).toEqual([]);
  });

  it('says chunk-tampered for reordered, dropped or duplicated chunks', async () => {
    const { headerLength, chunks } = layout;
    const part = (i: number) => file.subarray(chunks[i].offset, chunks[i].end);
    const rebuilt = (order: number[]) =>
      Buffer.concat([file.subarray(0, headerLength), ...order.map(part)]);
    const all = chunks.map((_chunk, i) => i);
    const swapped = [0, 2, 1, ...all.slice(3)];
    const dropped = [0, ...all.slice(2)];
    const duplicated = [0, 0, ...all.slice(1)];
    for (const order of [swapped, dropped, duplicated]) {
      const error = await failure(decrypt([rebuilt(order)]));
      expect([error.reason, error.chunkIndex]).toEqual(['chunk-tampered', 1]);
    }
  });

  it('says trailing-data for bytes after the final chunk', async () => {
    expect(await reason(Buffer.concat([file, Buffer.from([0])]))).toBe('trailing-data');
    const lastChunk = file.subarray(layout.chunks[layout.chunks.length - 1].offset);
    expect(await reason(Buffer.concat([file, lastChunk]))).toBe('trailing-data');
    expect((await failure(verifyBackup([file, Buffer.from('garbage')], PASS))).reason).toBe(
      'trailing-data',
    );
  });

  it('says not-a-backup for files of another kind', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000', 'hex');
    const zip = Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), randomBytes(200)]);
    const sqlite = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(200)]);
    for (const other of [png, zip, sqlite, Buffer.from('PK\x03'), Buffer.from('KGREGBAX')]) {
      expect(await reason(other)).toBe('not-a-backup');
    }
    expect((await failure(readBackupHeader([png], { passphrase: PASS }))).reason).toBe(
      'not-a-backup',
    );
  });

  it('says newer-format for a higher format version, before asking scrypt anything', async () => {
    for (const version of [2, 0xffff]) {
      const newer = Buffer.from(file);
      newer.writeUInt16BE(version, 8);
      // A newer layout may differ after the version field, so even garbage there is fine.
      const cutAfterVersion = newer.subarray(0, 12);
      expect(await reason(newer, 'any passphrase')).toBe('newer-format');
      expect(await reason(cutAfterVersion)).toBe('newer-format');
    }
    const zero = Buffer.from(file);
    zero.writeUInt16BE(0, 8);
    expect(await reason(zero)).toBe('header-tampered');
  });
});

describe('confidentiality', () => {
  it('does not contain the plaintext, nor its compressed form', async () => {
    const secret = 'Bērziņš Jānis 120785-12345';
    const data = Buffer.from(`${secret}\n`.repeat(20_000));
    for (const compressionLevel of [0, 1, 6]) {
      const file = await encrypt(data, { compressionLevel });
      expect(file.includes(Buffer.from(secret))).toBe(false);
      expect(file.includes(Buffer.from('Bērziņš'))).toBe(false);
      expect(file.includes(Buffer.from('120785'))).toBe(false);
      const compressed = deflateSync(data, { level: compressionLevel });
      expect(file.includes(compressed.subarray(2, 34))).toBe(false);
      expect((await decrypt([file])).equals(data)).toBe(true);
    }
  });

  it('writes different bytes every time (random salt, key and nonces)', async () => {
    const data = Buffer.from('same data');
    const [a, b] = [await encrypt(data), await encrypt(data)];
    expect(a.equals(b)).toBe(false);
    expect(docLayout(a).salt.equals(docLayout(b).salt)).toBe(false);
    expect(docLayout(a).noncePrefix.equals(docLayout(b).noncePrefix)).toBe(false);
  });
});

describe('streaming', () => {
  it(
    'emits chunks while the source is still being read, and stops it when abandoned',
    async () => {
      const total = 256 * 1024 * 1024;
      let produced = 0;
      let finished = false;
      const source = (async function* () {
        try {
          while (produced < total) {
            produced += 64 * 1024;
            yield randomBytes(64 * 1024);
          }
        } finally {
          finished = true;
        }
      })();
      let chunks = 0;
      let producedAtThirdChunk = 0;
      const stream = encryptBackup(source, {
        passphrase: PASS,
        metadata: metadata(total),
        scrypt: FAST,
        chunkSize: 64 * 1024,
      });
      for await (const part of stream) {
        if (part.subarray(0, 8).toString('latin1') === 'KGREGBAK') continue;
        if (++chunks === 3) {
          producedAtThirdChunk = produced;
          break;
        }
      }
      // Bounded by the early-output allowance while scrypt runs (16 MiB), not by the source size.
      expect(producedAtThirdChunk).toBeLessThan(24 * 1024 * 1024);
      for (let wait = 0; !finished && wait < 100; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(finished).toBe(true);
    },
    SLOW,
  );

  it('releases the source when a decryption is abandoned or the source fails', async () => {
    const file = await encrypt(randomBytes(50_000), { chunkSize: 1024 });
    let released = false;
    const source = (async function* () {
      try {
        for (let at = 0; at < file.length; at += 1000) yield file.subarray(at, at + 1000);
      } finally {
        released = true;
      }
    })();
    for await (const piece of decryptBackup(source, { passphrase: PASS })) {
      expect(piece.length).toBeGreaterThan(0);
      break;
    }
    expect(released).toBe(true);

    const pulled = new Error('USB stick removed');
    const failing = (async function* () {
      yield file.subarray(0, 20_000);
      throw pulled;
    })();
    await expect(decrypt(failing)).rejects.toBe(pulled);
  });

  it('reports progress up to the full size', async () => {
    const data = randomBytes(300_000);
    const seen: number[] = [];
    await encrypt(data, { onProgress: (bytesIn) => seen.push(bytesIn) });
    expect(seen[seen.length - 1]).toBe(data.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('docs/backup-format.md is enough to read a backup', () => {
  it('decrypts a multi-chunk backup with a reader written from the doc alone', async () => {
    const data = registerLike(200_000);
    const file = await encrypt(data, { chunkSize: 1000 });
    const layout = docLayout(file);
    expect(layout.chunks.length).toBeGreaterThan(5);
    // 'KGREGBAK', version 1, KDF 1 (scrypt), compression 1 (zlib).
    expect(file.subarray(0, 12).toString('hex')).toBe('4b4752454742414b' + '0001' + '01' + '01');
    expect([layout.N, layout.r, layout.p, layout.chunkSize]).toEqual([2 ** 14, 8, 1, 1000]);
    const { metadata: meta, plaintext } = docDecrypt(file, PASS);
    expect(meta).toEqual(metadata(data.length));
    expect(plaintext.equals(data)).toBe(true);
  });
});
