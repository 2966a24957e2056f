import type { Readable } from 'node:stream';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { contentTypeFor, KEY_PART_PATTERN, ObjectRangeError, type ObjectStore } from '../../storage/object-store.js';
import {
  hlsMasterKey, hlsSegmentKey, keyUnderMediaPrefix, posterKey, thumbnailSpriteKey, thumbnailVttKey,
} from '../../storage/keys.js';
import { MEDIA_TOKEN_MAX_SECONDS, type MediaGrant, verifyMediaToken } from './media-tokens.js';
import { recordingMediaState } from './recordings.queries.js';

/** The answer to one media request, ready to stream. */
export interface MediaResponse {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Readable;
}

const PART = new RegExp(KEY_PART_PATTERN);
const tokenRefused = () => new AppError(403, 'MEDIA_TOKEN_INVALID', '播放凭证无效或已过期，请刷新播放页面后重试');
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
 * Serves playlists, segments and pictures of ready recordings to holders of a media token. The
 * token is the only credential (checked without the database); the recording must still exist and
 * be ready, so nothing half-packaged, deleted or purged is ever served.
 */
export function createMediaServer(deps: { db: Db; clock: Clock; store: ObjectStore; mediaTokenKey: string }) {
  /** The object a token and path name, once the token, the path and the recording's state allow it. */
  async function authorise(token: string, path: string): Promise<{ key: string; grant: MediaGrant; now: number }> {
    const now = Math.floor(deps.clock.now().getTime() / 1000);
    const check = verifyMediaToken(deps.mediaTokenKey, token, now);
    if (!check.ok) throw tokenRefused();
    const ownKey = mediaKeyFor(check.grant.recordingId, path);
    if (!ownKey) throw missing();
    const state = await recordingMediaState(deps.db.db, check.grant.recordingId);
    if (state?.status !== 'ready') throw missing();
    // Demo lessons play clips shared by many recordings (storage/keys.ts sharedMediaPrefix).
    return { key: keyUnderMediaPrefix(ownKey, state.media_prefix), grant: check.grant, now };
  }

  /**
   * HEAD: the same checks without reading the object, answering its key in `X-Media-Key` — what a
   * reverse proxy's auth subrequest needs to serve the bytes itself (docs/operations.md).
   */
  async function describe(token: string, path: string): Promise<Record<string, string>> {
    const { key, grant, now } = await authorise(token, path);
    const head = await deps.store.head(key);
    if (!head) throw missing();
    return {
      'content-type': contentTypeFor(key) ?? 'application/octet-stream', 'content-length': String(head.size),
      'accept-ranges': 'bytes', 'cache-control': cacheControl(grant, now), 'x-media-key': key,
    };
  }

  async function open(token: string, path: string, rangeHeader: string | undefined): Promise<MediaResponse> {
    const { key, grant, now } = await authorise(token, path);
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
