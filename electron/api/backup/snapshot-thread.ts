import { Worker } from 'node:worker_threads';
import { databasePath } from '../../../database/data-source';

/**
 * The database image for a backup, read on a worker thread, so that the main thread keeps
 * answering calls while some hundred megabytes are decrypted page by page (sqlite3_serialize
 * takes about half a second on ten years of data). The worker opens its own read-only connection
 * on the same encrypted file: WAL lets it read beside the session's connection, which goes on
 * writing. `pin()` begins its read transaction — the image is of that moment and nothing later,
 * so the caller pins between two calls, where the slot file and the database agree — and
 * `image()` serializes inside that same transaction.
 *
 * Why not better-sqlite3's `backup()`: it copies pages into a second database FILE (unkeyed
 * unless keyed by hand, so plain pages could reach the disk), its steps still run on the main
 * thread between calls, and the file would have to be read back into memory for the payload.
 *
 * The key reaches the worker in memory only (workerData, a copy the caller wipes), and the worker
 * wipes its copy once the connection is keyed; errors carry SQLite's message, never the key.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const key = Buffer.from(workerData.key);
workerData.key.fill(0);
let db;
try {
  db = new Database(workerData.file, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: workerData.nativeBinding || undefined,
  });
  // As applyKey (database/data-source.ts), which this eval'd code cannot load from TypeScript
  // under Vitest: the cipher, the key, a read that proves it.
  db.pragma("cipher = 'chacha20'");
  db.pragma("hexkey = '" + key.toString('hex') + "'");
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('temp_store = MEMORY');
  parentPort.postMessage({ step: 'ready' });
} catch (err) {
  parentPort.postMessage({ step: 'failed', message: String(err && err.message) });
} finally {
  key.fill(0);
}
parentPort.on('message', (step) => {
  try {
    if (step === 'pin') {
      // A deferred BEGIN takes its snapshot at the first read: this one.
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      parentPort.postMessage({ step: 'pinned' });
    } else if (step === 'image') {
      const serialized = db.serialize();
      db.exec('COMMIT');
      db.close();
      // The driver's buffer lives outside the JS heap and would be copied on the main thread
      // when it arrives (some 70 ms for 87 MB); a copy made here can be moved instead.
      const image = new Uint8Array(serialized.length);
      image.set(serialized);
      parentPort.postMessage({ step: 'image', image }, [image.buffer]);
    }
  } catch (err) {
    parentPort.postMessage({ step: 'failed', message: String(err && err.message) });
  }
});
`;

type Step =
  | { step: 'ready' }
  | { step: 'pinned' }
  | { step: 'image'; image: Uint8Array }
  | { step: 'failed'; message: string };

export interface SnapshotThread {
  /** Settles when the worker's connection is open and keyed (before any pin). */
  ready: Promise<void>;
  /** Begins the read transaction: the image will be of this moment. */
  pin(): Promise<void>;
  /** The plain image of the pinned moment, as `snapshotDatabase` gives it; ends the worker. */
  image(): Promise<Buffer>;
  /** Stops the worker (its read transaction ends with it); safe to call at any time. */
  stop(): Promise<void>;
}

/** Starts a worker with its own connection on the register's file, keyed with `key`. */
export function startSnapshotThread(
  dataDir: string,
  key: Buffer,
  nativeBinding?: string,
): SnapshotThread {
  const keyCopy = Buffer.from(key);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3-multiple-ciphers'),
        file: databasePath(dataDir),
        nativeBinding: nativeBinding ?? '',
        key: keyCopy,
      },
    });
  } finally {
    // workerData is copied when the worker is made: this copy is not needed any more.
    keyCopy.fill(0);
  }
  let stopped = false;
  // Every answer in order; a failure or an early exit fails the step waited for.
  const waiting: { resolve: (s: Step) => void; reject: (e: Error) => void }[] = [];
  const answers: Step[] = [];
  let broken: Error | undefined;
  const fail = (err: Error) => {
    broken ??= err;
    for (const w of waiting.splice(0)) w.reject(broken);
  };
  worker.on('message', (s: Step) => {
    if (s.step === 'failed') return fail(new Error(`Snapshot worker: ${s.message}`));
    const next = waiting.shift();
    if (next) next.resolve(s);
    else answers.push(s);
  });
  worker.on('error', (err) => fail(err));
  worker.on('exit', (code) => fail(new Error(`Snapshot worker stopped (${code})`)));
  const answer = (expected: Step['step']): Promise<Step> => {
    const ready = answers.shift();
    const got = ready
      ? Promise.resolve(ready)
      : broken
        ? Promise.reject(broken)
        : new Promise<Step>((resolve, reject) => waiting.push({ resolve, reject }));
    return got.then((s) => {
      if (s.step !== expected) throw new Error(`Snapshot worker: ${s.step}, not ${expected}`);
      return s;
    });
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await worker.terminate();
  };
  const ready = answer('ready').then(() => undefined);
  // Nobody may wait for `ready` (a caller that gave up): its failure is seen at pin().
  ready.catch(() => undefined);
  return {
    ready,
    async pin() {
      await ready;
      worker.postMessage('pin');
      await answer('pinned');
    },
    async image() {
      worker.postMessage('image');
      try {
        const s = (await answer('image')) as { image: Uint8Array };
        return Buffer.from(s.image.buffer, s.image.byteOffset, s.image.byteLength);
      } finally {
        await stop();
      }
    },
    stop,
  };
}
