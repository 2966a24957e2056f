import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived media tokens: what playlist and segment requests carry in their path. A token binds
 * a recording, a viewer, the viewer's session and an expiry with HMAC-SHA256, so it cannot be
 * moved to another recording, stretched, or used from another session: the media route checks it
 * against the request's own session cookie (media-viewer-check.ts), so logging out, a disabled
 * account or a removed role stops playback within seconds, not at the token's expiry. It sits in
 * the URL path, so playlists can name their segments relatively and the token travels with them.
 */
export interface MediaGrant {
  recordingId: number;
  viewerUserId: number;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** The longest a token may live; the issue fixes ≤ 10 minutes. */
export const MEDIA_TOKEN_MAX_SECONDS = 600;

const SHAPE = /^(\d{1,12})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

// The session id is signed but not shown: the URL names no session, and only a request that
// comes with that session's cookie can produce the same signature.
function sign(key: string, g: MediaGrant, sessionId: number): string {
  return createHmac('sha256', key).update(`media:${g.recordingId}:${g.viewerUserId}:${sessionId}:${g.expiresAt}`).digest('base64url');
}

/** `<recordingId>.<viewerUserId>.<expiresAt>.<signature>` — URL-safe; the signature covers the session. */
export function issueMediaToken(key: string, grant: MediaGrant, sessionId: number): string {
  return `${grant.recordingId}.${grant.viewerUserId}.${grant.expiresAt}.${sign(key, grant, sessionId)}`;
}

export type MediaTokenCheck = { ok: true; grant: MediaGrant } | { ok: false; why: 'malformed' | 'signature' | 'expired' };

/** Reads a token without checking its signature (to know which recording and viewer to look up). */
export function readMediaToken(token: string): { grant: MediaGrant; signature: string } | null {
  const m = SHAPE.exec(token);
  if (!m) return null;
  return { grant: { recordingId: Number(m[1]), viewerUserId: Number(m[2]), expiresAt: Number(m[3]) }, signature: m[4]! };
}

/** Checks a token's signature for the request's session, and its expiry at `nowSeconds`. */
export function verifyMediaToken(key: string, token: string, nowSeconds: number, sessionId: number): MediaTokenCheck {
  const read = readMediaToken(token);
  if (!read) return { ok: false, why: 'malformed' };
  const expected = Buffer.from(sign(key, read.grant, sessionId));
  const given = Buffer.from(read.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: 'signature' };
  if (read.grant.expiresAt <= nowSeconds) return { ok: false, why: 'expired' };
  return { ok: true, grant: read.grant };
}
