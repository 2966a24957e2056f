import type { Readable } from 'node:stream';

/** A byte range of an object; `end` is inclusive and clamped to the object's last byte. */
export interface ObjectRange {
  start: number;
  end?: number;
}

/** An object being read: its body (the requested range, or all of it) and what HTTP needs to answer. */
export interface ObjectBody {
  body: Readable;
  /** Size of the whole object, whatever the range. */
  size: number;
  /**
   * Content type. S3 answers what was stored; the disk store derives it from the key's extension
   * (`contentTypeFor`), which is why keys.ts gives every key its extension.
   */
  contentType: string | null;
  /** The bytes `body` holds (inclusive), when a range was asked for: ready for `Content-Range`. */
  range: { start: number; end: number } | null;
}

export interface PutFileOptions {
  /**
   * The caller no longer needs `localPath`: the disk store renames it into place (no copy) when it
   * is on the same filesystem, S3 deletes it after the upload. Worth it for multi-GB sources.
   */
  move?: boolean;
  /**
   * Told once the object can be read under its key. The disk store's move renames first and
   * fsyncs after, calling this in between, so a reader (packaging) starts while the bytes reach
   * the disk; putFile still resolves only once the object is durable. Elsewhere it is told just
   * before putFile resolves.
   */
  onReadable?: () => Promise<void>;
  /**
   * For a derived object that can be made again from a durable source (HLS segments): the disk
   * store skips the fsync and the caller takes durability over with `syncDeferred` later, so a
   * lesson turns playable without waiting for gigabytes to reach the disk. S3 ignores it.
   */
  deferSync?: boolean;
}

/** An object written with `deferSync`, as it was written: `syncDeferred` checks it is still whole. */
export interface DeferredObject {
  key: string;
  size: number;
}

/**
 * Where recordings' files live: local disk (default) or S3-compatible object storage, chosen by
 * STORAGE_URL (storage-url.ts). Keys come from keys.ts only.
 *
 * Guarantees on both backends: a reader never sees half an object (writes become visible whole,
 * or not at all; an overwrite swaps old for new); bodies are streamed, never buffered whole; a
 * missing object reads as null, never as an error.
 */
export interface ObjectStore {
  readonly kind: 'fs' | 's3';
  /** Stores a local file under `key`, replacing any object there. */
  putFile(key: string, localPath: string, contentType?: string, opts?: PutFileOptions): Promise<void>;
  /** Stores a stream under `key`, replacing any object there; the object appears only once the stream ended without error. */
  putStream(key: string, body: Readable, contentType?: string): Promise<void>;
  /**
   * Opens an object, or a byte range of it. Null when there is no such object; throws
   * `ObjectRangeError` when the range starts past the end (answer 416).
   * The caller must consume or destroy `body`.
   */
  get(key: string, range?: ObjectRange): Promise<ObjectBody | null>;
  head(key: string): Promise<{ size: number } | null>;
  /** Deletes one object; deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Deletes every object whose key starts with `prefix` (plain string prefix, as S3: end it with
   * `/` — keys.ts prefixes do). Returns how many objects were deleted. An empty prefix is refused.
   */
  deletePrefix(prefix: string): Promise<number>;
  /** Keys starting with `prefix`, in ascending byte order of the key; `''` lists everything. */
  list(prefix: string): AsyncIterable<string>;
  /** The object's file on disk for the disk store (lets ffmpeg read it in place), null for S3. */
  localPath(key: string): string | null;
  /**
   * A URL from which whoever holds it may GET the object (ranges too) straight from the backend,
   * for `seconds`: S3's presigned GET, so large bytes need not pass through the app. Absent on the
   * disk store and where STORAGE_URL says `presign=false` (a bucket browsers cannot reach).
   */
  presignGet?(key: string, opts: PresignOptions): Promise<string>;
  /**
   * The disk store only: makes objects written with `deferSync` durable (each file and its folder
   * fsynced) and answers the keys that are missing or not their written size — lost to a power cut
   * before this ran, to be made again by the caller. Absent on S3, where every put is durable.
   */
  syncDeferred?(objects: readonly DeferredObject[]): Promise<string[]>;
}

/** How a presigned GET behaves; the response headers are fixed by the signature. */
export interface PresignOptions {
  /** How long the URL works, in seconds (S3 allows 1 s to 7 days). */
  seconds: number;
  /** `Cache-Control` of the object's answer, whatever was stored. */
  cacheControl?: string;
  /** `Content-Type` of the object's answer, whatever was stored. */
  contentType?: string;
}

/**
 * The origin presigned URLs point to, or null when the store presigns none: the page's CSP must
 * allow it (connect-src for hls.js, media-src for native HLS), since a redirect to an origin the
 * CSP does not name is blocked like a direct request.
 */
export async function presignedOrigin(store: ObjectStore): Promise<string | null> {
  if (!store.presignGet) return null;
  // Signing is local: no request leaves the process, and the SDK resolves the host as for real keys.
  return new URL(await store.presignGet('origin-probe', { seconds: 60 })).origin;
}

/** A range that starts at or past the end of the object (HTTP 416). */
export class ObjectRangeError extends Error {
  constructor(readonly key: string, readonly size: number | null) {
    super(`range not satisfiable for object ${key}${size === null ? '' : ` (size ${size})`}`);
  }
}

/** A key or prefix that breaks the rules below — always a programming error, never user input. */
export class InvalidObjectKeyError extends Error {}

// A key is `/`-separated parts of letters, digits, `_`, `-` and `.`, none starting with `.`: so no
// `..`, no absolute paths, no hidden files (the disk store's temporary files start with `.`), and
// the same key means the same thing on disk and in S3.
const PART = '[A-Za-z0-9_][A-Za-z0-9._-]*';
const KEY = new RegExp(`^${PART}(/${PART})*$`);
const PREFIX = new RegExp(`^(${PART}/)*(${PART})?$`);
const MAX_KEY_LENGTH = 512;

/** One part of a key (a rendition name, a file name) as a regular expression source, for route schemas. */
export const KEY_PART_PATTERN = `^${PART}$`;

export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH || !KEY.test(key)) {
    throw new InvalidObjectKeyError(`invalid object key ${JSON.stringify(key)}`);
  }
}

export function assertValidPrefix(prefix: string): void {
  if (typeof prefix !== 'string' || prefix.length > MAX_KEY_LENGTH || !PREFIX.test(prefix)) {
    throw new InvalidObjectKeyError(`invalid object key prefix ${JSON.stringify(prefix)}`);
  }
}

const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  vtt: 'text/vtt',
  json: 'application/json',
  txt: 'text/plain',
};

/** The content type implied by a key's extension, or null when it implies none. */
export function contentTypeFor(key: string): string | null {
  const dot = key.lastIndexOf('.');
  if (dot < 0 || dot < key.lastIndexOf('/')) return null;
  return TYPES[key.slice(dot + 1).toLowerCase()] ?? null;
}

/**
 * Checks a requested range against the object's size: the inclusive byte span to send, with the
 * end clamped to the last byte. Throws `ObjectRangeError` for a range starting past the end.
 */
export function resolveRange(key: string, range: ObjectRange, size: number): { start: number; end: number } {
  assertRangeShape(range);
  if (range.start >= size) throw new ObjectRangeError(key, size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

export function assertRangeShape(range: ObjectRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0 || (end !== undefined && (!Number.isSafeInteger(end) || end < start))) {
    throw new RangeError(`invalid byte range ${JSON.stringify(range)}`);
  }
}
