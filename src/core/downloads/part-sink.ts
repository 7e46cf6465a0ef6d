import type { Hash } from 'node:crypto';
import { fdatasync, writev as fsWritev } from 'node:fs';
import { Writable } from 'node:stream';

export type WritevFn = (
  fd: number,
  buffers: readonly NodeJS.ArrayBufferView[],
  position: number,
  callback: (err: NodeJS.ErrnoException | null, bytesWritten: number) => void,
) => void;

export interface PartSinkOptions {
  fd: number;
  /** Bytes already in the file (and in `hash`); writing continues there. */
  offset: number;
  hash: Hash;
  /** More bytes than this means the server is sending something other than the export. */
  limit: number;
  writev?: WritevFn;
  onBytes: (bytes: number) => void;
}

/** Raised when the body runs past the expected size. */
export class OversizeError extends Error {
  override readonly name = 'OversizeError';
}

// Enough to keep the disk busy while the next chunks arrive; bounds memory whatever the file size.
const HIGH_WATER_MARK = 1 << 20;
const FLUSH_EVERY_BYTES = 64 * 1024 * 1024;

/**
 * Writes the body into the `.part` file at explicit positions and feeds the same bytes to the
 * running sha256, so the hash never needs a second pass over the file.
 *
 * Each batch is hashed while the thread pool writes it. If a write fails, the hash may cover bytes
 * that never reached the disk: `writeFailed` is then set and the caller re-hashes from the file.
 */
export class PartSink extends Writable {
  bytes: number;
  writeFailed: Error | null = null;
  private pending: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private flushedUpTo: number;
  private readonly writev: WritevFn;

  constructor(private readonly options: PartSinkOptions) {
    super({ highWaterMark: HIGH_WATER_MARK });
    this.bytes = options.offset;
    this.flushedUpTo = options.offset;
    this.writev = options.writev ?? fsWritev;
  }

  override _write(chunk: Uint8Array, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    this.put([chunk], callback);
  }

  override _writev(chunks: Array<{ chunk: Uint8Array }>, callback: (err?: Error | null) => void): void {
    this.put(
      chunks.map((c) => c.chunk),
      callback,
    );
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    // The fd belongs to the caller, who closes it once this write has settled.
    if (this.pending) void this.pending.then(() => callback(err));
    else callback(err);
  }

  /** Resolves once no write or flush is in flight. */
  async settled(): Promise<void> {
    await this.pending;
    await this.flushing;
  }

  /**
   * Flushes to the disk in the background every 64 MiB while the network keeps the pipeline busy, so
   * the flush before the final rename has little left to do. Its errors are left to that final flush.
   */
  private flushInBackground(): void {
    if (this.flushing || this.bytes - this.flushedUpTo < FLUSH_EVERY_BYTES) return;
    const upTo = this.bytes;
    this.flushing = new Promise<void>((resolve) => {
      fdatasync(this.options.fd, () => {
        this.flushedUpTo = upTo;
        this.flushing = null;
        resolve();
      });
    });
  }

  private put(buffers: Uint8Array[], callback: (err?: Error | null) => void): void {
    let size = 0;
    for (const b of buffers) size += b.byteLength;
    if (this.bytes + size > this.options.limit) {
      callback(new OversizeError(`more than ${this.options.limit} bytes`));
      return;
    }
    this.pending = writeAll(this.writev, this.options.fd, buffers, this.bytes).then(
      () => {
        this.pending = null;
        callback();
      },
      (err: Error) => {
        this.pending = null;
        this.writeFailed = err;
        callback(err);
      },
    );
    for (const b of buffers) this.options.hash.update(b);
    this.bytes += size;
    this.options.onBytes(this.bytes);
    this.flushInBackground();
  }
}

/** fs.writev may write less than asked (IOV_MAX, a nearly full disk): continue until all is written. */
function writeAll(writev: WritevFn, fd: number, buffers: Uint8Array[], position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (remaining: Uint8Array[], at: number) => {
      writev(fd, remaining, at, (err, written) => {
        if (err) return reject(err);
        const rest = dropBytes(remaining, written);
        if (rest.length === 0) return resolve();
        if (written === 0) return reject(Object.assign(new Error('the disk accepted no bytes'), { code: 'EIO' }));
        step(rest, at + written);
      });
    };
    step(buffers, position);
  });
}

function dropBytes(buffers: Uint8Array[], count: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  let skip = count;
  for (const b of buffers) {
    if (skip >= b.byteLength) {
      skip -= b.byteLength;
      continue;
    }
    rest.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return rest;
}
