import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, ConfigError } from '../config.js';
import { createFsStore } from './fs-store.js';
import type { ObjectStore } from './object-store.js';
import { createS3Store, type S3StoreOptions } from './s3-store.js';

/** Where objects go, as STORAGE_URL says. */
export type StorageTarget = { kind: 'fs'; root: string } | ({ kind: 's3' } & S3StoreOptions);

const S3_PARAMS = new Set(['endpoint', 'region', 'forcePathStyle', 'presign', 'publicEndpoint']);

/**
 * Reads STORAGE_URL:
 * - unset or empty → disk, `<DATA_DIR>/objects`;
 * - `file:///absolute/folder` → disk, that folder (a mounted NAS, say);
 * - `s3://[ACCESS_KEY:SECRET@]bucket[/folder]?endpoint=https://…&region=…&forcePathStyle=true|false`
 *   → S3. Without credentials in the URL the SDK's usual chain applies (AWS_ACCESS_KEY_ID /
 *   AWS_SECRET_ACCESS_KEY…); percent-encode a secret's `/` and `+`. region defaults to AWS_REGION
 *   or us-east-1; forcePathStyle defaults to true when an endpoint is given. Video segments are
 *   answered with presigned URLs into the bucket (the bucket needs CORS, docs/operations.md):
 *   `publicEndpoint=https://…` when browsers reach it at another address than the app does,
 *   `presign=false` when browsers cannot reach it at all (segments then stream through the app).
 * Throws ConfigError naming what is wrong.
 */
export function parseStorageUrl(storageUrl: string | null, dataDir: string, env: NodeJS.ProcessEnv = process.env): StorageTarget {
  const raw = storageUrl?.trim();
  if (!raw) return { kind: 'fs', root: join(dataDir, 'objects') };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`STORAGE_URL is not a URL: ${redact(raw)} (expected s3://bucket?endpoint=…&region=… or file:///folder)`);
  }
  if (url.protocol === 'file:') {
    const root = fileURLToPath(url);
    if (!isAbsolute(root)) throw new ConfigError(`STORAGE_URL file:// needs an absolute folder, got ${raw}`);
    return { kind: 'fs', root };
  }
  if (url.protocol !== 's3:') {
    throw new ConfigError(`STORAGE_URL must start with s3:// or file://, got ${redact(raw)}`);
  }
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(`STORAGE_URL names no valid bucket (3–63 lower-case letters, digits, dots, hyphens): ${redact(raw)}`);
  }
  for (const name of url.searchParams.keys()) {
    if (!S3_PARAMS.has(name)) throw new ConfigError(`STORAGE_URL has an unknown parameter "${name}" (known: ${[...S3_PARAMS].join(', ')})`);
  }
  const endpoint = url.searchParams.get('endpoint') || undefined;
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new ConfigError(`STORAGE_URL endpoint must be an http:// or https:// URL, got ${endpoint}`);
  }
  const style = url.searchParams.get('forcePathStyle');
  if (style !== null && style !== 'true' && style !== 'false') {
    throw new ConfigError(`STORAGE_URL forcePathStyle must be true or false, got ${style}`);
  }
  const presign = url.searchParams.get('presign');
  if (presign !== null && presign !== 'true' && presign !== 'false') {
    throw new ConfigError(`STORAGE_URL presign must be true or false, got ${presign}`);
  }
  const publicEndpoint = url.searchParams.get('publicEndpoint') || undefined;
  if (publicEndpoint && !/^https?:\/\/[^/]+/.test(publicEndpoint)) {
    throw new ConfigError(`STORAGE_URL publicEndpoint must be an http:// or https:// URL, got ${publicEndpoint}`);
  }
  const folder = decodeURIComponent(url.pathname.replace(/^\/+/, '').replace(/\/+$/, ''));
  if (folder && !/^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/.test(folder)) {
    throw new ConfigError(`STORAGE_URL folder inside the bucket may hold letters, digits, _ - . and /: ${folder}`);
  }
  if (Boolean(url.username) !== Boolean(url.password)) {
    throw new ConfigError('STORAGE_URL credentials need both parts: s3://ACCESS_KEY:SECRET@bucket');
  }
  return {
    kind: 's3',
    bucket,
    prefix: folder ? `${folder}/` : '',
    region: url.searchParams.get('region') || env.AWS_REGION || 'us-east-1',
    endpoint,
    forcePathStyle: style === null ? Boolean(endpoint) : style === 'true',
    ...(presign === 'false' ? { presign: false } : {}),
    ...(publicEndpoint ? { publicEndpoint } : {}),
    credentials: url.username
      ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) }
      : undefined,
  };
}

/** The object store STORAGE_URL names (disk under DATA_DIR when unset). */
export function openObjectStore(config: Pick<Config, 'storageUrl' | 'dataDir'>): ObjectStore {
  const target = parseStorageUrl(config.storageUrl, config.dataDir);
  return target.kind === 'fs' ? createFsStore({ root: target.root }) : createS3Store(target);
}

// Error messages end up in logs: never print a secret.
function redact(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}
