import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  assertRangeShape, assertValidKey, assertValidPrefix, contentTypeFor, InvalidObjectKeyError,
  type ObjectBody, type ObjectRange, type ObjectStore, ObjectRangeError, type PresignOptions,
} from './object-store.js';

export interface S3StoreOptions {
  bucket: string;
  /** Folder inside the bucket ('' or ending in `/`), so installations can share one bucket. */
  prefix?: string;
  region: string;
  /** A custom endpoint (MinIO, a cloud's S3-compatible service); unset → AWS. */
  endpoint?: string;
  /** `bucket` in the path instead of the host name; what most custom endpoints need. */
  forcePathStyle?: boolean;
  /** Unset → the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Multipart part size in bytes (default 8 MiB; S3's minimum is 5 MiB). */
  partSize?: number;
  /** Parts uploaded at once; memory per upload is about partSize × queueSize (default 2). */
  queueSize?: number;
  /**
   * Presigned GETs (`presignGet`) let browsers fetch objects from the bucket directly (default
   * true); false when browsers cannot reach the bucket, so media keep streaming through the app.
   */
  presign?: boolean;
  /**
   * The endpoint browsers reach the bucket at, when it differs from `endpoint` (the app talks to
   * http://minio:9000 inside the network, browsers to https://media.example.org). The signature
   * covers the host, so presigned URLs are signed for this one.
   */
  publicEndpoint?: string;
}

const DELETE_BATCH = 1000; // DeleteObjects' limit

/**
 * Objects in an S3-compatible bucket. Large files and streams go up as multipart uploads, which S3
 * shows only once complete; ranges are S3 range GETs; prefix deletes go in batches of 1000.
 */
export function createS3Store(opts: S3StoreOptions): ObjectStore {
  const root = opts.prefix ?? '';
  if (root && !root.endsWith('/')) throw new InvalidObjectKeyError(`S3 key prefix must end with /: ${root}`);
  const Bucket = opts.bucket;
  const client = new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle ?? false,
    credentials: opts.credentials,
    // Newer SDKs add CRC checksums to every request by default, which many S3-compatible servers
    // reject; S3 itself needs them only where an operation requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  // Presigning is local (no request); a client of its own only when browsers see another host.
  const presigner = opts.publicEndpoint
    ? new S3Client({ region: opts.region, endpoint: opts.publicEndpoint, forcePathStyle: opts.forcePathStyle ?? false, credentials: opts.credentials })
    : client;
  const partSize = opts.partSize ?? 8 * 1024 * 1024;
  const queueSize = opts.queueSize ?? 2;

  const fullKey = (key: string) => {
    assertValidKey(key);
    return root + key;
  };

  async function upload(key: string, body: Readable, contentType: string | undefined): Promise<void> {
    const params = { Bucket, Key: fullKey(key), Body: body, ContentType: contentType ?? contentTypeFor(key) ?? undefined };
    await new Upload({ client, params, partSize, queueSize, leavePartsOnError: false }).done();
  }

  async function head(key: string): Promise<{ size: number } | null> {
    try {
      const res = await client.send(new HeadObjectCommand({ Bucket, Key: fullKey(key) }));
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  function list(prefix: string): AsyncIterable<string> {
    assertValidPrefix(prefix);
    return pages(prefix);
  }

  async function* pages(prefix: string): AsyncGenerator<string> {
    let token: string | undefined;
    do {
      const res = await client.send(new ListObjectsV2Command({ Bucket, Prefix: root + prefix, ContinuationToken: token }));
      for (const o of res.Contents ?? []) if (o.Key) yield o.Key.slice(root.length);
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
  }

  async function deleteBatch(keys: string[]): Promise<void> {
    const res = await client.send(new DeleteObjectsCommand({
      Bucket, Delete: { Objects: keys.map((k) => ({ Key: root + k })), Quiet: true },
    }));
    const first = res.Errors?.[0];
    if (first) throw new Error(`S3 could not delete ${res.Errors!.length} objects, e.g. ${first.Key}: ${first.Code} ${first.Message}`);
  }

  async function presignGet(key: string, p: PresignOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket, Key: fullKey(key), ResponseCacheControl: p.cacheControl, ResponseContentType: p.contentType,
    });
    return getSignedUrl(presigner, command, { expiresIn: Math.max(1, Math.floor(p.seconds)) });
  }

  return {
    kind: 's3',
    head,
    list,
    ...(opts.presign === false ? {} : { presignGet }),

    async putFile(key, localPath, contentType, putOpts) {
      fullKey(key);
      await upload(key, createReadStream(localPath), contentType);
      await putOpts?.onReadable?.();
      if (putOpts?.move) await unlink(localPath);
    },

    async putStream(key, body, contentType) {
      await upload(key, body, contentType);
    },

    async get(key, range?: ObjectRange): Promise<ObjectBody | null> {
      if (range) assertRangeShape(range);
      let res;
      try {
        res = await client.send(new GetObjectCommand({
          Bucket, Key: fullKey(key), Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
        }));
      } catch (err) {
        if (isNotFound(err)) return null;
        if (statusOf(err) === 416) throw new ObjectRangeError(key, (await head(key))?.size ?? null);
        throw err;
      }
      const body = res.Body as Readable;
      const contentType = res.ContentType ?? null;
      if (!range) return { body, size: res.ContentLength ?? 0, contentType, range: null };
      const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.ContentRange ?? '');
      if (!m) {
        body.destroy();
        throw new Error(`S3 answered a range request for ${key} without a usable Content-Range (${res.ContentRange})`);
      }
      return { body, size: Number(m[3]), contentType, range: { start: Number(m[1]), end: Number(m[2]) } };
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: fullKey(key) }));
    },

    async deletePrefix(prefix) {
      assertValidPrefix(prefix);
      if (!prefix) throw new InvalidObjectKeyError('refusing to delete every object (empty prefix)');
      let batch: string[] = [];
      let count = 0;
      for await (const key of list(prefix)) {
        batch.push(key);
        if (batch.length === DELETE_BATCH) {
          await deleteBatch(batch);
          count += batch.length;
          batch = [];
        }
      }
      if (batch.length) await deleteBatch(batch);
      return count + batch.length;
    },

    localPath(key) {
      assertValidKey(key);
      return null;
    },
  };
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  // A missing bucket is a configuration error, not a missing object.
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(err) === 404;
}
