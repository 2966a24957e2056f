import type { Readable } from 'node:stream';
import type { Clock } from '../../clock.js';
import { AppError } from '../../http/errors.js';
import { contentTypeFor, KEY_PART_PATTERN, ObjectRangeError, type ObjectStore } from '../../storage/object-store.js';
import {
  hlsMasterKey, hlsSegmentKey, keyUnderMediaPrefix, posterKey, thumbnailSpriteKey, thumbnailVttKey,
} from '../../storage/keys.js';
import { MEDIA_TOKEN_MAX_SECONDS, type MediaGrant, readMediaToken, verifyMediaToken } from './media-tokens.js';
import type { ViewerCheck } from './media-viewer-check.js';

/**
 * The answer to one media request: bytes to stream, or — for a video segment on S3 — a redirect to
 * a presigned URL of the bucket, so the segment's bytes never pass through Node.
 */
export type MediaResponse =
  | { status: 200 | 206; headers: Record<string, string>; body: Readable }
  | { status: 302; headers: Record<string, string>; body: null };

/**
 * How long a segment's presigned URL works. The browser follows the redirect at once; a minute
 * leaves room for a slow start and some clock skew with the bucket, while a copied URL opens one
 * segment of one lesson for no longer than that (the token itself lives up to 10 minutes).
 */
export const PRESIGNED_SEGMENT_SECONDS = 60;

const PART = new RegExp(KEY_PART_PATTERN);
const tokenRefused = () => new AppError(403, 'MEDIA_TOKEN_INVALID', '播放凭证无效或已过期，请刷新播放页面后重试');
const sessionEnded = () => new AppError(403, 'MEDIA_SESSION_ENDED', '登录已失效或已无权观看这节课，请重新登录后再观看');
const missing = () => new AppError(404, 'NOT_FOUND', '媒体文件不存在，或录像尚未处理完成');

/**
 * The object key a path under `/api/media/<token>/` names, or null. Paths mirror the layout of
 * keys.ts below `recordings/<id>/`: `master.m3u8`, `<rendition>/<file>`, `poster.jpg`,
 * `thumbs/sprite.jpg|vtt`. Anything else (`..`, hidden files, deeper paths) names nothing.
 */
export function mediaKeyFor(recordingId: number, path: string): string | null {
  const parts = path.split('/');
  if (!parts.every((p) => PART.test(p))) return null;
  if (parts.length === 1) {
    if (parts[0] === 'master.m3u8') return hlsMasterKey(recordingId);
    if (parts[0] === 'poster.jpg') return posterKey(recordingId);
    return null;
  }
  if (parts.length !== 2) return null;
  const [dir, file] = parts as [string, string];
  if (dir === 'thumbs') {
    if (file === 'sprite.jpg') return thumbnailSpriteKey(recordingId);
    if (file === 'sprite.vtt') return thumbnailVttKey(recordingId);
    return null;
  }
  return hlsSegmentKey(recordingId, dir, file);
}

/**
 * Whether a media path names a video segment (or an fMP4 init segment): the bulk of the bytes, and
 * the only files answered by redirect. Playlists stay with the app: they name their segments
 * relatively, and only a playlist served under `/api/media/<token>/` makes the player ask the app
 * (which checks token, session and right to watch) for each segment; a playlist fetched from the
 * bucket would send the player to the bucket for segments, past every check. Posters and sprites
 * are small and shown by <img>, which the page's CSP keeps to its own origin.
 */
export function isSegmentPath(path: string): boolean {
  const parts = path.split('/');
  return parts.length === 2 && parts[0] !== 'thumbs' && !parts[1]!.endsWith('.m3u8');
}

/** A single `bytes=` range; multiple ranges are answered whole, as RFC 9110 allows. */
export function parseRange(header: string | undefined): { start: number; end?: number } | { suffix: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (!m[1] && !m[2])) return null;
  if (!m[1]) return { suffix: Number(m[2]) };
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : undefined;
  if (end !== undefined && end < start) return null;
  return { start, end };
}

/**
 * Serves playlists, segments and pictures of ready recordings to a session holding a media token
 * issued to it (segments on S3 by redirect to a presigned URL, see `isSegmentPath`). The token must be signed for the session whose cookie comes with the request, and
 * that session must still be alive with the right to watch (looked up at most every 20 s per
 * session and recording: viewer-check); the recording must be ready, so nothing half-packaged is
 * ever served, and deleted or purged objects are simply gone.
 */
export function createMediaServer(deps: { clock: Clock; store: ObjectStore; mediaTokenKey: string; viewers: ViewerCheck }) {
  /** The object a token and path name, once the token, the session, the path and the recording allow it. */
  async function authorise(token: string, path: string, sessionToken: string | undefined): Promise<{ key: string; grant: MediaGrant; now: number }> {
    const now = Math.floor(deps.clock.now().getTime() / 1000);
    const read = readMediaToken(token);
    // Shape and expiry first: they cost nothing, and a stale URL never reaches the session check.
    if (!read || read.grant.expiresAt <= now) throw tokenRefused();
    if (!sessionToken) throw sessionEnded();
    const viewer = await deps.viewers.check(sessionToken, read.grant.recordingId);
    if (viewer.sessionId === null || viewer.userId !== read.grant.viewerUserId) throw sessionEnded();
    const check = verifyMediaToken(deps.mediaTokenKey, token, now, viewer.sessionId);
    if (!check.ok) throw tokenRefused();
    if (!viewer.mayWatch) throw sessionEnded();
    if (!viewer.ready) throw missing();
    const key = mediaKeyFor(check.grant.recordingId, path);
    if (!key) throw missing();
    // Demo lessons play clips shared by many recordings (storage/keys.ts sharedMediaPrefix).
    return { key: keyUnderMediaPrefix(key, viewer.mediaPrefix), grant: check.grant, now };
  }

  /**
   * HEAD: the same checks without reading the object, answering its key in `X-Media-Key` — what a
   * reverse proxy's auth subrequest needs to serve the bytes itself (docs/operations.md).
   */
  async function describe(token: string, path: string, sessionToken: string | undefined): Promise<Record<string, string>> {
    const { key, grant, now } = await authorise(token, path, sessionToken);
    const head = await deps.store.head(key);
    if (!head) throw missing();
    return {
      'content-type': contentTypeFor(key) ?? 'application/octet-stream', 'content-length': String(head.size),
      'accept-ranges': 'bytes', 'cache-control': cacheControl(grant, now), 'x-media-key': key,
    };
  }

  async function open(token: string, path: string, rangeHeader: string | undefined, sessionToken: string | undefined): Promise<MediaResponse> {
    const { key, grant, now } = await authorise(token, path, sessionToken);
    if (deps.store.presignGet && isSegmentPath(path)) {
      // The checks above ran as for bytes; the bucket answers the browser's (range) request itself.
      // A missing segment then answers 404 from the bucket rather than from us: not worth a HEAD each.
      const seconds = Math.max(1, Math.min(PRESIGNED_SEGMENT_SECONDS, grant.expiresAt - now));
      const location = await deps.store.presignGet(key, {
        seconds, cacheControl: cacheControl(grant, now), contentType: contentTypeFor(key) ?? undefined,
      });
      // Never cached: a remembered redirect would outlive its signature (seeking back a minute later).
      return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: null };
    }
    const obj = await readObject(key, rangeHeader);
    const headers: Record<string, string> = {
      'content-type': obj.contentType ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'cache-control': cacheControl(grant, now),
    };
    if (obj.range) {
      headers['content-range'] = `bytes ${obj.range.start}-${obj.range.end}/${obj.size}`;
      headers['content-length'] = String(obj.range.end - obj.range.start + 1);
      return { status: 206, headers, body: obj.body };
    }
    headers['content-length'] = String(obj.size);
    return { status: 200, headers, body: obj.body };
  }

  async function readObject(key: string, rangeHeader: string | undefined) {
    const asked = parseRange(rangeHeader);
    try {
      let range: { start: number; end?: number } | undefined;
      if (asked && 'suffix' in asked) {
        const head = await deps.store.head(key);
        if (!head) throw missing();
        range = { start: Math.max(0, head.size - asked.suffix) };
        if (asked.suffix === 0) throw new ObjectRangeError(key, head.size);
      } else if (asked) {
        range = asked;
      }
      const obj = await deps.store.get(key, range);
      if (!obj) throw missing();
      return obj;
    } catch (err) {
      if (err instanceof ObjectRangeError) {
        throw new AppError(416, 'RANGE_NOT_SATISFIABLE', '请求的字节范围超出文件大小', { size: err.size });
      }
      throw err;
    }
  }

  return { open, describe };
}

export type MediaServer = ReturnType<typeof createMediaServer>;

// Browsers may keep what they fetched until the token would have expired anyway, never in a
// shared cache: these are pictures of children.
function cacheControl(grant: MediaGrant, now: number): string {
  const left = Math.max(0, Math.min(MEDIA_TOKEN_MAX_SECONDS, grant.expiresAt - now));
  return `private, max-age=${left}`;
}
