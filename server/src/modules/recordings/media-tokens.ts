import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived media tokens: the only credential of playlist and segment requests. A token binds a
 * recording, a viewer and an expiry with HMAC-SHA256, so it cannot be moved to another recording
 * or stretched, and it does not carry the session cookie's power. It sits in the URL path, so
 * playlists can name their segments relatively and the token travels with them — which also lets
 * a reverse proxy or an object-store gateway check the same token (docs/operations.md).
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

function sign(key: string, g: MediaGrant): string {
  return createHmac('sha256', key).update(`media:${g.recordingId}:${g.viewerUserId}:${g.expiresAt}`).digest('base64url');
}

/** `<recordingId>.<viewerUserId>.<expiresAt>.<signature>` — URL-safe. */
export function issueMediaToken(key: string, grant: MediaGrant): string {
  return `${grant.recordingId}.${grant.viewerUserId}.${grant.expiresAt}.${sign(key, grant)}`;
}

export type MediaTokenCheck = { ok: true; grant: MediaGrant } | { ok: false; why: 'malformed' | 'signature' | 'expired' };

/** Checks a token's signature and expiry at `nowSeconds`. */
export function verifyMediaToken(key: string, token: string, nowSeconds: number): MediaTokenCheck {
  const m = SHAPE.exec(token);
  if (!m) return { ok: false, why: 'malformed' };
  const grant: MediaGrant = { recordingId: Number(m[1]), viewerUserId: Number(m[2]), expiresAt: Number(m[3]) };
  const expected = Buffer.from(sign(key, grant));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: 'signature' };
  if (grant.expiresAt <= nowSeconds) return { ok: false, why: 'expired' };
  return { ok: true, grant };
}
