import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptBackup, verifyBackup } from '../../electron/api/backup/format/decrypt';
import {
  BACKUP_ERROR_KEYS,
  BACKUP_ERROR_REASONS,
  BackupFormatError,
} from '../../electron/api/backup/format/errors';
import { docLayout, type DocLayout } from './backup-format-doc-reader';
import {
  decrypt,
  encrypt,
  failure,
  flipped,
  metadata,
  PASS,
  pieces,
  reason,
  SMALL_CHUNK,
} from './backup-format-helpers';

describe('reading', () => {
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
});

describe('streaming', () => {
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
