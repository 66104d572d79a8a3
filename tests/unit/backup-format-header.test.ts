import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBackupHeader, verifyBackup } from '../../electron/api/backup/format/decrypt';
import { type BackupMetadata } from '../../electron/api/backup/format/header';
import { docDecrypt, docLayout, type DocLayout } from './backup-format-doc-reader';
import {
  encrypt,
  failure,
  FAST,
  flipped,
  metadata,
  PASS,
  reason,
  registerLike,
  SMALL_CHUNK,
} from './backup-format-helpers';

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

  it('refuses metadata fields beyond the four non-personal ones', async () => {
    const withName = { ...metadata(1), institution: 'PII "Saulīte"' } as BackupMetadata;
    await expect(encrypt(Buffer.from('x'), { metadata: withName })).rejects.toThrow(/institution/);
    const badVersion = { ...metadata(1), programVersion: 'PII Saulīte' };
    await expect(encrypt(Buffer.from('x'), { metadata: badVersion })).rejects.toThrow(TypeError);
    const localTime = { ...metadata(1), createdAt: '2025-03-14 09:30' };
    await expect(encrypt(Buffer.from('x'), { metadata: localTime })).rejects.toThrow(TypeError);
  });
});

describe('refusals', () => {
  let file: Buffer;
  let layout: DocLayout;

  beforeAll(async () => {
    file = await encrypt(randomBytes(4 * SMALL_CHUNK + 500), { chunkSize: SMALL_CHUNK });
    layout = docLayout(file);
    expect(layout.chunks.length).toBeGreaterThanOrEqual(5);
  });

  it('says wrong-passphrase for a wrong passphrase, in every reader', async () => {
    expect(await reason(file, 'Saulite-2025!')).toBe('wrong-passphrase');
    expect((await failure(verifyBackup([file], ''))).reason).toBe('wrong-passphrase');
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
