import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createDeflate, createInflate } from 'node:zlib';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../database/data-source';
import { deriveKey } from '../../database/kdf';
import { snapshotDatabase } from '../../electron/api/backup/database-image';
import { backupScrypt, exportBackup } from '../../electron/api/backup/export';
import { DEFAULT_CHUNK_SIZE, ZLIB_CHUNK } from '../../electron/api/backup/format/chunks';
import { DEFAULT_COMPRESSION_LEVEL } from '../../electron/api/backup/format/encrypt';
import { restoreInApp } from '../../electron/api/backup/restore';
import type { SessionState } from '../../electron/api/session';
import { Router } from '../../electron/api/router';
import { cleanDataset } from './cleanup';
import { ensureBenchData } from './dataset';
import { interleave, machine, ratio, table, type BenchRow } from './harness';
import { openSession } from './session';

const PASSPHRASE = 'bench-rezerves-parole-2026';
const TAG = 16;

/** Issue 12's bench before it: the ten-year export took 4 320 ms (p50). */
const EXPORT_BEFORE_MS = 4320;

/** AES-256-GCM of one piece with a fresh nonce: nonce, ciphertext, tag. */
function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([
    decipher.update(sealed.subarray(12, sealed.length - TAG)),
    decipher.final(),
  ]);
}

/** A length-prefixed frame, the by-hand file's only structure. */
const frame = (bytes: Buffer) => {
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(bytes.length);
  return [head, bytes];
};

/** Reads the by-hand file's frames: salt, wrapped data key, then sealed chunks. */
async function* frames(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 })) {
    rest = rest.length ? Buffer.concat([rest, piece as Buffer]) : (piece as Buffer);
    while (rest.length >= 4 && rest.length >= 4 + rest.readUInt32BE(0)) {
      const n = rest.readUInt32BE(0);
      yield rest.subarray(4, 4 + n);
      rest = rest.subarray(4 + n);
    }
  }
}

/** scrypt, unwrap, open every chunk and inflate it as a stream; the plaintext pieces. */
async function* decryptByHand(file: string, scrypt: ReturnType<typeof backupScrypt>) {
  const it = frames(file);
  const salt = (await it.next()).value as Buffer;
  const wrapped = (await it.next()).value as Buffer;
  const dataKey = open(await deriveKey(PASSPHRASE, salt, scrypt), wrapped);
  async function* opened() {
    for await (const sealed of it) yield open(dataKey, sealed);
  }
  yield* Readable.from(opened()).pipe(createInflate({ chunkSize: ZLIB_CHUNK }));
}

/**
 * The floor of an export, by hand, doing what electron/api/backup/export.ts does: the snapshot,
 * scrypt started at once in the thread pool while the image is deflated (the same level and
 * zlib chunk) and cut into the same 1 MiB chunks each sealed with AES-256-GCM under a random
 * data key; the data key wrapped once scrypt is done; the file written, fsynced, read back and
 * verified (scrypt again, every chunk opened and inflated, the bytes counted) and renamed.
 * Without the program's header fields, metadata and payload head; the same bytes otherwise.
 */
async function exportByHand(state: SessionState, folder: string): Promise<string> {
  const scrypt = backupScrypt(state);
  const image = snapshotDatabase(state.db);
  const salt = randomBytes(16);
  const kek = deriveKey(PASSPHRASE, salt, scrypt);
  const dataKey = randomBytes(32);
  const chunks: Buffer[] = [];
  let pending: Buffer[] = [];
  let filled = 0;
  const deflate = createDeflate({ level: DEFAULT_COMPRESSION_LEVEL, chunkSize: ZLIB_CHUNK });
  const pieces = Readable.from(
    (function* () {
      for (let at = 0; at < image.length; at += 1 << 20) yield image.subarray(at, at + (1 << 20));
    })(),
  ).pipe(deflate);
  for await (const piece of pieces as AsyncIterable<Buffer>) {
    pending.push(piece);
    filled += piece.length;
    while (filled >= DEFAULT_CHUNK_SIZE) {
      const all = Buffer.concat(pending);
      chunks.push(seal(dataKey, all.subarray(0, DEFAULT_CHUNK_SIZE)));
      pending = [all.subarray(DEFAULT_CHUNK_SIZE)];
      filled = pending[0].length;
    }
  }
  chunks.push(seal(dataKey, Buffer.concat(pending)));
  const tmp = path.join(folder, `.by-hand.${randomBytes(4).toString('hex')}.partial`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    const head = [...frame(salt), ...frame(seal(await kek, dataKey))];
    await handle.writev([...head, ...chunks.flatMap(frame)]);
    await handle.sync();
  } finally {
    await handle.close();
  }
  let bytes = 0;
  for await (const piece of decryptByHand(tmp, scrypt)) bytes += (piece as Buffer).length;
  if (bytes !== image.length) throw new Error(`by-hand verify: ${bytes} of ${image.length}`);
  const final = path.join(folder, `by-hand-${randomBytes(4).toString('hex')}.bak`);
  await fs.rename(tmp, final);
  return final;
}

/**
 * The floor of a restore, export's inverse: read the file, scrypt, open and inflate every
 * chunk into the image, write it as an encrypted database file (the plain image written, then
 * encrypted in place page by page with the register's cipher: PRAGMA rekey) and open it keyed.
 * The program does more (integrity and foreign-key checks, a safety copy of the live register,
 * migrations, the swap); the ratio shows what that costs.
 */
async function restoreByHand(
  file: string,
  scrypt: ReturnType<typeof backupScrypt>,
  folder: string,
): Promise<void> {
  const parts: Buffer[] = [];
  for await (const piece of decryptByHand(file, scrypt)) parts.push(piece as Buffer);
  const image = Buffer.concat(parts);
  image[18] = 1; // rollback journal: an encrypted rewrite cannot run in WAL mode
  image[19] = 1;
  const target = path.join(folder, `restored-${randomBytes(4).toString('hex')}.db`);
  await fs.writeFile(target, image, { mode: 0o600 });
  const key = randomBytes(32);
  const plain = new Database(target);
  plain.pragma(`cipher = 'chacha20'`);
  plain.pragma(`hexrekey = '${key.toString('hex')}'`);
  plain.close();
  const db = new Database(target, { fileMustExist: true });
  applyKey(db, key);
  db.prepare('SELECT name FROM institution WHERE id = 1').get();
  db.close();
  await fs.rm(target, { force: true });
}

/**
 * Export and restore of the open register through the program, each interleaved run by run
 * with its floor by hand. `router` must have the head logged in; the restore puts the same
 * data back (its safety copies are the run's to remove: see cleanup.ts).
 */
export async function benchBackup(
  router: Router,
  login: () => Promise<void>,
  runs = 4,
): Promise<{ rows: BenchRow[]; bytes: number; imageBytes: number }> {
  const state = router.state;
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-backup-'));
  try {
    let file = '';
    let bytes = 0;
    let byHand = '';
    const scrypt = backupScrypt(state);
    const [exportOurs, exportRaw] = await interleave(
      async () => {
        await fs.rm(file, { force: true });
        const result = await exportBackup(state, { folder: out, passphrase: PASSPHRASE });
        file = result.file;
        bytes = result.bytes;
      },
      async () => {
        await fs.rm(byHand, { force: true });
        byHand = await exportByHand(state, out);
      },
      { warmup: 1, runs },
    );
    const imageBytes = snapshotDatabase(state.db).length;
    // Restore measures the whole in-app path: read, verify, rebuild, check, migrate, swap.
    const [restoreOurs, restoreRaw] = await interleave(
      async () => {
        if (!state.isOpen()) await login();
        await restoreInApp(state, file, PASSPHRASE);
      },
      () => restoreByHand(byHand, scrypt, out),
      { warmup: 1, runs: Math.max(2, Math.floor(runs / 2) + 1) },
    );
    await login();
    const exportRow: BenchRow = {
      operation: 'backup export (verified)',
      ours: exportOurs,
      baseline: exportRaw,
      baselineLabel: 'by hand: snapshot, scrypt beside deflate + GCM chunks, write, fsync, verify',
    };
    return {
      bytes,
      imageBytes,
      rows: [
        {
          ...exportRow,
          targets: [
            { label: '≤ 1.5×', met: ratio(exportRow)! <= 1.5 },
            {
              label: `≤ ${EXPORT_BEFORE_MS / 2} ms (half of ${EXPORT_BEFORE_MS} ms before issue 12)`,
              met: exportRow.ours.p50 <= EXPORT_BEFORE_MS / 2,
            },
          ],
        },
        {
          operation: 'backup restore (in app)',
          ours: restoreOurs,
          baseline: restoreRaw,
          baselineLabel:
            "export's inverse by hand: read, scrypt, GCM + inflate, write encrypted, open",
        },
      ],
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `node dist-tools/tests/bench/backup.js [--data-dir DIR]`: these two rows alone. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? (await ensureBenchData())['ten-years'];
  const s = openSession(dataDir);
  try {
    await s.login('vaditaja');
    const { rows, bytes, imageBytes } = await benchBackup(s.router, async () => {
      await s.login('vaditaja');
    });
    console.log(machine());
    console.log(
      `database image ${(imageBytes / 2 ** 20).toFixed(1)} MiB → backup ${(bytes / 2 ** 20).toFixed(1)} MiB`,
    );
    console.log(table(rows));
  } finally {
    await s.router.dispose();
    cleanDataset(dataDir);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
