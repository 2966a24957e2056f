import { createReadStream, createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS } from '@tus/utils';
import { openHasher, type ResumableHasher } from './resumable-sha256.js';

/** Upload ids: 32 hex characters (see uploads.tus.ts). */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** Where the resumable SHA-256 state of each upload is kept (our `uploads` row). */
export interface HashLedger {
  load(uploadId: string): Promise<{ state: string | null; hashedBytes: number } | null>;
  /** Called after every PATCH that wrote bytes: the state after `hashedBytes`, and the bytes now staged. */
  save(uploadId: string, state: string, hashedBytes: number): Promise<void>;
}

/**
 * The tus file store, hashing the bytes as they stream to disk: the whole file's SHA-256 is known
 * the moment its last byte lands, without reading it again. After each PATCH the hasher's state
 * is saved (hash-wasm `save()`, run on a worker thread: resumable-sha256.ts), so hashing resumes
 * with the upload — in another process, days later. If the server died mid-PATCH the staged file is longer than the saved state; the missing
 * range is then hashed from the file before new bytes are taken. Memory stays flat: everything
 * streams in chunks.
 */
export class HashingFileStore extends FileStore {
  constructor(
    opts: { directory: string; expirationPeriodInMilliseconds?: number },
    private readonly ledger: HashLedger,
  ) {
    super(opts);
  }

  override async write(readable: Readable | IncomingMessage, fileId: string, offset: number): Promise<number> {
    return this.writeAt(readable, fileId, offset, Number.MAX_SAFE_INTEGER);
  }

  /**
   * Appends the stream's bytes at `offset`, hashing them on the way. More than `maxBytes` fails
   * with 413 (the file never grows past its declared length; the hash catches up on the next request).
   */
  async writeAt(readable: Readable | IncomingMessage, fileId: string, offset: number, maxBytes: number): Promise<number> {
    const path = this.pathOf(fileId);
    const hasher = await this.hasherAt(fileId, offset);
    let written = 0;
    let tooLong = false;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        const room = maxBytes - written;
        const take = chunk.length > room ? chunk.subarray(0, room) : chunk;
        written += take.length;
        hasher.update(take).then(() => {
          if (take.length < chunk.length) {
            tooLong = true;
            return done(new Error('upload longer than its declared length'));
          }
          done(null, take);
        }, done);
      },
    });
    try {
      await pipeline(readable, tap, createWriteStream(path, { flags: 'r+', start: offset }));
    } catch {
      // Some bytes may be on disk that the saved state has not seen: the next request catches up.
      hasher.release();
      throw tooLong ? ERRORS.ERR_SIZE_EXCEEDED : ERRORS.FILE_WRITE_ERROR;
    }
    const end = offset + written;
    try {
      if (written > 0) await this.ledger.save(fileId, await hasher.save(), end);
    } finally {
      hasher.release();
    }
    return end;
  }

  /** The staged file of an upload; ids are ours (hex), anything else is refused. */
  pathOf(fileId: string): string {
    if (!UPLOAD_ID.test(fileId)) throw ERRORS.FILE_NOT_FOUND;
    return join(this.directory, fileId);
  }

  /** The SHA-256 (hex) of the first `size` bytes of the staged file — the whole file once complete. */
  async digest(fileId: string, size: number): Promise<string> {
    const hasher = await this.hasherAt(fileId, size);
    try {
      return await hasher.digest();
    } finally {
      hasher.release();
    }
  }

  /** A hasher that has seen exactly the first `offset` bytes of the staged file. */
  private async hasherAt(fileId: string, offset: number): Promise<ResumableHasher> {
    const saved = await this.ledger.load(fileId);
    // A state past the file's end means the disk lost bytes the state had seen: start over.
    const usable = saved?.state && saved.hashedBytes <= offset ? saved : null;
    const hasher = await openHasher(usable?.state ?? null);
    const from = usable?.hashedBytes ?? 0;
    try {
      if (from < offset) {
        for await (const chunk of createReadStream(this.pathOf(fileId), { start: from, end: offset - 1, highWaterMark: 1 << 20 })) {
          await hasher.update(chunk as Buffer);
        }
        await this.ledger.save(fileId, await hasher.save(), offset);
      }
    } catch (err) {
      hasher.release();
      throw err;
    }
    return hasher;
  }
}
