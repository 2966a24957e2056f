import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '../storage/object-store.js';
import type { StorageTarget } from '../storage/storage-url.js';

/** An object as listed, before its bytes are read. */
export interface ListedObject {
  key: string;
  size: number;
  etag?: string;
  mtimeMs?: number;
}

/**
 * Every object of the installation with what the listing tells without reading it: size and
 * mtime from the disk, size and ETag from S3 (the ObjectStore interface lists keys only, and a
 * head per object would cost a request each on a province's millions of segments).
 */
export async function* listObjectsDetailed(target: StorageTarget, store: ObjectStore): AsyncIterable<ListedObject> {
  if (target.kind === 'fs') {
    for await (const key of store.list('')) {
      const path = store.localPath(key)!;
      try {
        const s = await stat(path);
        yield { key, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
      } catch (err) {
        // Deleted between listing and stat (a retention purge running): not part of this backup.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    return;
  }
  const client = s3ClientFor(target);
  const root = target.prefix ?? '';
  let token: string | undefined;
  try {
    do {
      const res = await client.send(new ListObjectsV2Command({ Bucket: target.bucket, Prefix: root, ContinuationToken: token }));
      for (const o of res.Contents ?? []) {
        if (!o.Key) continue;
        yield { key: o.Key.slice(root.length), size: o.Size ?? 0, etag: o.ETag?.replace(/"/g, '') };
      }
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
  } finally {
    client.destroy();
  }
}

function s3ClientFor(target: Extract<StorageTarget, { kind: 's3' }>): S3Client {
  return new S3Client({
    region: target.region,
    endpoint: target.endpoint,
    forcePathStyle: target.forcePathStyle ?? false,
    credentials: target.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Reads an object whole and answers its SHA-256 and size, or null when it is missing. */
export async function hashObject(store: ObjectStore, key: string): Promise<{ sha256: string; size: number } | null> {
  const obj = await store.get(key);
  if (!obj) return null;
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of obj.body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Copies one object from `from` to `to`, hashing the bytes as they pass: the hash is of what was
 * written, so a manifest built from it describes the copy. Null when the source vanished.
 */
export async function copyObject(from: ObjectStore, to: ObjectStore, key: string, toKey = key): Promise<{ sha256: string; size: number } | null> {
  const obj = await from.get(key);
  if (!obj) return null;
  const hash = createHash('sha256');
  let size = 0;
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const piped = (obj.body as Readable).pipe(tee);
  obj.body.on('error', (err) => tee.destroy(err));
  await to.putStream(toKey, piped, obj.contentType ?? undefined);
  return { sha256: hash.digest('hex'), size };
}

/** Runs `work` over `items` with at most `limit` at once (S3 requests are latency-bound; the disk does not mind a few). */
export async function eachLimited<T>(items: AsyncIterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  for await (const item of items) {
    if (failure) break;
    const p: Promise<void> = work(item).catch((err: unknown) => { failure ??= err; }).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure;
}
