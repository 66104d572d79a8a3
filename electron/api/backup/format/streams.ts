import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Byte-stream plumbing shared by the backup writer and reader. */

/** A file stream, any async iterable of bytes, or (for tests and small data) e.g. `[buffer]`. */
export type BackupSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Readable;

export function toBuffer(piece: unknown): Buffer {
  if (Buffer.isBuffer(piece)) return piece;
  if (piece instanceof Uint8Array) return Buffer.from(piece.buffer, piece.byteOffset, piece.length);
  throw new TypeError('Backup streams carry bytes; got ' + typeof piece);
}

export function asyncIterable(source: BackupSource): AsyncIterable<unknown> {
  if (Symbol.asyncIterator in source) return source as AsyncIterable<unknown>;
  return (async function* () {
    yield* source;
  })();
}

/**
 * Runs `input` through a zlib transform and yields its output. Errors from either side reach the
 * consumer; stopping early tears both down.
 */
export async function* through(
  input: AsyncIterable<Buffer>,
  transform: Transform,
): AsyncGenerator<Buffer> {
  const feed: { error?: Error } = {};
  const feeding = pipeline(
    Readable.from(input, { objectMode: true, highWaterMark: 4 }),
    transform,
  ).catch((err: unknown) => {
    feed.error ??= err instanceof Error ? err : new Error(String(err));
  });
  try {
    for await (const piece of transform) yield toBuffer(piece);
  } catch (err) {
    await feeding;
    // The input's own error (e.g. a BackupFormatError) beats the stream's "destroyed" echo of it.
    if (feed.error) throw feed.error;
    throw err;
  }
  await feeding;
  if (feed.error) throw feed.error;
}

/** Exact-length reads over an async byte stream, copying only when a read spans pieces. */
export class ByteReader {
  private readonly iterator: AsyncIterator<unknown>;
  private current: Buffer = Buffer.alloc(0);
  private done = false;
  bytesRead = 0;

  constructor(
    source: BackupSource,
    private readonly onProgress?: (bytesRead: number) => void,
  ) {
    this.iterator = asyncIterable(source)[Symbol.asyncIterator]();
  }

  private async pull(): Promise<boolean> {
    while (!this.done) {
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        break;
      }
      const piece = toBuffer(next.value);
      if (piece.length === 0) continue;
      this.current = piece;
      this.bytesRead += piece.length;
      this.onProgress?.(this.bytesRead);
      return true;
    }
    return false;
  }

  /** Exactly `length` bytes, or fewer if the stream ends first. */
  async read(length: number): Promise<Buffer> {
    if (this.current.length >= length) {
      const out = this.current.subarray(0, length);
      this.current = this.current.subarray(length);
      return out;
    }
    const out = Buffer.allocUnsafe(length);
    let got = this.current.copy(out, 0);
    this.current = this.current.subarray(got);
    while (got < length && (await this.pull())) {
      const take = Math.min(length - got, this.current.length);
      this.current.copy(out, got, 0, take);
      this.current = this.current.subarray(take);
      got += take;
    }
    return got === length ? out : out.subarray(0, got);
  }

  async atEnd(): Promise<boolean> {
    return this.current.length === 0 && !(await this.pull());
  }

  /** Releases the source (closes a file stream) when reading stops before its end. */
  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
  }
}
