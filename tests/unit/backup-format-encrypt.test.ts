import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encryptBackup } from '../../electron/api/backup/format/encrypt';
import { docLayout } from './backup-format-doc-reader';
import {
  collect,
  decrypt,
  encrypt,
  FAST,
  metadata,
  PASS,
  pieces,
  reason,
  registerLike,
  SLOW,
  SMALL_CHUNK,
} from './backup-format-helpers';

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

describe('writing', () => {
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

  it('reports progress up to the full size', async () => {
    const data = randomBytes(300_000);
    const seen: number[] = [];
    await encrypt(data, { onProgress: (bytesIn) => seen.push(bytesIn) });
    expect(seen[seen.length - 1]).toBe(data.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
