import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS } from '@tus/utils';
import { HashingFileWriter, UploadTooLong } from './hashing-file-writer.js';

/** Upload ids: 32 hex characters (see uploads.tus.ts). */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** What the store tells the `uploads` row. */
export interface StoreHooks {
  /** After every PATCH that wrote bytes (received bytes, expiry): the bytes now staged, and how many this write added. */
  onProgress: (uploadId: string, stagedBytes: number, written: number) => Promise<void>;
  /**
   * After tus removed an upload's bytes, which it does only when the uploader terminates it
   * (expiry is ours). Awaited under the upload's lock and before the 204, so a HEAD that follows
   * the DELETE finds the row already saying why the upload is gone.
   */
  onRemoved: (uploadId: string) => Promise<void>;
}

/**
 * Staged bytes are fdatasynced every this many bytes while they arrive (HashingFileWriter), so the
 * fsync that makes a finished upload durable has at most this much left to write.
 */
const WRITE_BACK_EVERY = 32 * 1024 * 1024;

/** Uploads whose running hash is kept between PATCHes; past this, the longest idle is dropped (and re-hashed if it resumes). */
const MAX_HASHES = 10_000;

/**
 * The tus file store, hashing the bytes as they land on disk: the whole file's SHA-256 is known
 * the moment its last byte is written, without reading it again. Each upload's running SHA-256
 * (Node's OpenSSL, ~1 GB/s) stays in memory between PATCHes, and is updated only with bytes that
 * reached the file, so it always matches the staged prefix. A process that does not have it (after
 * a restart, or when it no longer matches the file's length) hashes the staged prefix from disk
 * once, streaming, then carries on. Memory stays flat: every byte streams in chunks.
 */
export class HashingFileStore extends FileStore {
  // Insertion order is recency: the oldest entry is the longest idle upload.
  private readonly hashes = new Map<string, { hash: Hash; offset: number }>();

  constructor(
    opts: { directory: string; expirationPeriodInMilliseconds?: number },
    private readonly hooks: StoreHooks,
  ) {
    super(opts);
  }

  override async write(readable: Readable | IncomingMessage, fileId: string, offset: number): Promise<number> {
    return this.writeAt(readable, fileId, offset, Number.MAX_SAFE_INTEGER);
  }

  /**
   * Appends the stream's bytes at `offset`, hashing them once written. More than `maxBytes` fails
   * with 413 (the file never grows past its declared length).
   */
  async writeAt(readable: Readable | IncomingMessage, fileId: string, offset: number, maxBytes: number): Promise<number> {
    const path = this.pathOf(fileId);
    const hash = await this.hashAt(fileId, offset);
    const file = await open(path, 'r+');
    const writer = new HashingFileWriter(file, offset, hash, maxBytes, WRITE_BACK_EVERY);
    let failure: unknown = null;
    try {
      await pipeline(readable, writer);
    } catch (err) {
      failure = err;
    } finally {
      await file.close();
    }
    writer.hashLanded();
    // The hash has seen exactly the bytes written, unless the disk failed mid-write: then start over next time.
    if (writer.diskFailed) this.hashes.delete(fileId);
    else this.remember(fileId, hash, writer.position);
    if (writer.position > offset) await this.hooks.onProgress(fileId, writer.position, writer.position - offset).catch((err) => { failure ??= err; });
    if (failure) throw failure instanceof UploadTooLong ? ERRORS.ERR_SIZE_EXCEEDED : ERRORS.FILE_WRITE_ERROR;
    return writer.position;
  }

  /** The staged file of an upload; ids are ours (hex), anything else is refused. */
  pathOf(fileId: string): string {
    if (!UPLOAD_ID.test(fileId)) throw ERRORS.FILE_NOT_FOUND;
    return join(this.directory, fileId);
  }

  /** The SHA-256 (hex) of the first `size` bytes of the staged file — the whole file once complete. */
  async digest(fileId: string, size: number): Promise<string> {
    // A copy, so that a completion retried after a later failure needs no second read.
    return (await this.hashAt(fileId, size)).copy().digest('hex');
  }

  /** Drops the running hash of an upload that is finished, cancelled or expired. */
  forget(fileId: string): void {
    this.hashes.delete(fileId);
  }

  override async remove(fileId: string): Promise<void> {
    this.forget(fileId);
    await super.remove(fileId);
    await this.hooks.onRemoved(fileId);
  }

  /** A hash that has seen exactly the first `offset` bytes of the staged file. */
  private async hashAt(fileId: string, offset: number): Promise<Hash> {
    const kept = this.hashes.get(fileId);
    if (kept && kept.offset === offset) return kept.hash;
    // Restarted, or bytes landed that this process did not write (a PATCH killed mid-way): read the prefix once.
    this.hashes.delete(fileId);
    const hash = createHash('sha256');
    let read = 0;
    if (offset > 0) {
      for await (const chunk of createReadStream(this.pathOf(fileId), { start: 0, end: offset - 1, highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
        read += (chunk as Buffer).length;
      }
    }
    if (read !== offset) throw ERRORS.FILE_WRITE_ERROR;
    this.remember(fileId, hash, offset);
    return hash;
  }

  private remember(fileId: string, hash: Hash, offset: number): void {
    this.hashes.delete(fileId);
    this.hashes.set(fileId, { hash, offset });
    if (this.hashes.size > MAX_HASHES) this.hashes.delete(this.hashes.keys().next().value!);
  }
}
