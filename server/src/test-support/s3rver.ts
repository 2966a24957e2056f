import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { ObjectStore } from '../storage/object-store.js';
import { openObjectStore } from '../storage/storage-url.js';

const BUCKET = 'test';

/**
 * The bucket's CORS, as docs/operations.md asks of a real bucket: browsers fetch video segments
 * from it by redirect (presigned GETs, ranges included) and must read the answer.
 */
export const MEDIA_BUCKET_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>Range</AllowedHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
    <ExposeHeader>Content-Range</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * A real S3-protocol server (s3rver) on a free 127.0.0.1 port, keeping its objects in a
 * temporary folder. `url` is a STORAGE_URL for it, credentials included.
 */
export async function startS3rver(): Promise<{ url: string; stop(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'sunshine-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [MEDIA_BUCKET_CORS] }] });
  const { port } = await server.run();
  return {
    url: `s3://S3RVER:S3RVER@${BUCKET}?endpoint=http://127.0.0.1:${port}&region=us-east-1&forcePathStyle=true`,
    async stop() {
      const closed = server.close();
      // The SDK keeps connections alive; close() alone would wait for them.
      server.httpServer.closeAllConnections();
      await closed;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The object store a test runs on: disk in a temporary DATA_DIR, or s3rver when TEST_STORAGE=s3
 * (CI runs the recordings suite both ways). Pass `storageUrl` and `dataDir` on as the app's config.
 */
export async function createTestStorage(): Promise<{
  store: ObjectStore; storageUrl: string | null; dataDir: string; stop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-objects-'));
  const s3 = process.env.TEST_STORAGE === 's3' ? await startS3rver() : null;
  const storageUrl = s3?.url ?? null;
  return {
    store: openObjectStore({ storageUrl, dataDir }),
    storageUrl,
    dataDir,
    async stop() {
      await s3?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
