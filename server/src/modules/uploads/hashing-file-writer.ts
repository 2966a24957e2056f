import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

/** More bytes arrived than the upload has room for. */
export class UploadTooLong extends Error {
  constructor() {
    super('upload longer than its declared length');
  }
}

/**
 * Writes a stream into an open file from `position` on, and feeds each byte to `hash` only once it
 * is on disk — so the hash matches the file, also when the request is cut mid-way (call
 * hashLanded() once the stream is done or destroyed; _final and _destroy do). Chunks that arrive
 * while a write is in flight go down together in one writev; at most `highWaterMark` bytes wait,
 * so memory stays flat. Hashing runs while the next write is on libuv's pool: hashing after each
 * write instead put the two in series and cost a quarter of the upload's speed. The caller owns
 * (and closes) the file.
 *
 * Every `writeBackEvery` bytes an fdatasync starts beside the writes (one at a time, not awaited
 * by them), so the bytes reach the disk while the upload runs. Left to the kernel, a fast upload
 * stays dirty in memory until its end (writeback starts at 10% of RAM or after 30 s); the fsync
 * that makes the source durable then writes gigabytes at once, and the packaging that starts
 * beside it waits on the same disk: a 2.3 GiB copy to HLS took 1.2–1.7 s longer with that fsync
 * beside it (of 4.2–4.9 s alone).
 */
export class HashingFileWriter extends Writable {
  /** Where the next byte goes: the staged length once the stream is done. */
  position: number;
  /** A write failed part-way: the file may hold bytes the hash has not seen. */
  diskFailed = false;
  private readonly limit: number;
  private io: Promise<void> = Promise.resolve();
  // On disk, not yet hashed: at most the last write's buffers.
  private landed: Buffer[] = [];
  private flushing: Promise<void> | null = null;
  private flushedTo: number;
  // A background fdatasync's error: the kernel reports a write-back error once, to that call.
  private flushError: Error | null = null;

  constructor(
    private readonly file: FileHandle, start: number, private readonly hash: Hash, maxBytes: number,
    private readonly writeBackEvery = Infinity,
  ) {
    super({ highWaterMark: 1 << 20 });
    this.position = start;
    this.flushedTo = start;
    this.limit = start + maxBytes;
  }

  override _writev(chunks: { chunk: Buffer }[], done: (err?: Error | null) => void): void {
    this.io = this.writeAll(chunks.map((c) => c.chunk)).then(() => done(), (err: Error) => done(err));
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this._writev([{ chunk }], done);
  }

  override _final(done: (err?: Error | null) => void): void {
    void this.io.then(() => this.flushing).then(() => {
      this.hashLanded();
      done(this.flushError);
    });
  }

  // A cut request destroys the stream mid-write; the caller closes the file, so let the write (and any fdatasync) land first.
  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    void this.io.then(() => this.flushing).then(() => {
      this.hashLanded();
      done(err ?? this.flushError);
    });
  }

  /** Feeds the hash every byte written so far; after it, the hash has seen exactly the file up to `position`. */
  hashLanded(): void {
    for (const buffer of this.landed) this.hash.update(buffer);
    this.landed = [];
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    const total = buffers.reduce((n, b) => n + b.length, 0);
    if (this.position + total > this.limit) throw new UploadTooLong();
    let rest = buffers;
    while (rest.length) {
      const writing = this.file.writev(rest, this.position);
      this.hashLanded();
      let written: number;
      try {
        ({ bytesWritten: written } = await writing);
        if (written === 0) throw new Error(`writev wrote nothing at byte ${this.position}`);
      } catch (err) {
        this.diskFailed = true;
        throw err;
      }
      this.position += written;
      // Short writes are rare (a full disk, a signal): keep what landed for the hash and write the rest.
      while (written > 0) {
        const head = rest[0]!;
        const take = Math.min(head.length, written);
        this.landed.push(take === head.length ? head : head.subarray(0, take));
        written -= take;
        rest = take === head.length ? rest.slice(1) : [head.subarray(take), ...rest.slice(1)];
      }
    }
    if (this.flushError) throw this.flushError;
    this.startWriteBack();
  }

  private startWriteBack(): void {
    if (this.flushing || this.position - this.flushedTo < this.writeBackEvery) return;
    const upTo = this.position;
    this.flushing = this.file.datasync().then(
      () => { this.flushedTo = upTo; },
      (err: Error) => {
        this.diskFailed = true;
        this.flushError = err;
      },
    ).finally(() => { this.flushing = null; });
  }
}
