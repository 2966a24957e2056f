import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Live viewer tokens: what a page's HLS playlist URL (and any media request it makes without its
 * cookie) carries. Bound with HMAC-SHA256 to a session, a viewer, the viewer's sign-in session
 * and an expiry, like recordings' media tokens: the media routes check it against the request's
 * own session cookie, so a token copied elsewhere or kept after logging out plays nothing.
 */
export interface LiveViewerGrant {
  sessionId: number;
  viewerUserId: number;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** A live page asks for its media view once and plays for the lesson's length (≤ 2 h) and some. */
export const LIVE_VIEWER_TOKEN_SECONDS = 3 * 3600;

const SHAPE = /^(\d{1,12})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function sign(key: string, g: LiveViewerGrant, authSessionId: number): string {
  return createHmac('sha256', key).update(`live:${g.sessionId}:${g.viewerUserId}:${authSessionId}:${g.expiresAt}`).digest('base64url');
}

/** `<sessionId>.<viewerUserId>.<expiresAt>.<signature>`, URL-safe; the signature covers the sign-in session. */
export function issueLiveViewerToken(key: string, grant: LiveViewerGrant, authSessionId: number): string {
  return `${grant.sessionId}.${grant.viewerUserId}.${grant.expiresAt}.${sign(key, grant, authSessionId)}`;
}

export type LiveViewerTokenCheck = { ok: true; grant: LiveViewerGrant } | { ok: false; why: 'malformed' | 'signature' | 'expired' };

/** Checks a token for the request's sign-in session at `nowSeconds`. */
export function verifyLiveViewerToken(key: string, token: string, nowSeconds: number, authSessionId: number): LiveViewerTokenCheck {
  const m = SHAPE.exec(token);
  if (!m) return { ok: false, why: 'malformed' };
  const grant = { sessionId: Number(m[1]), viewerUserId: Number(m[2]), expiresAt: Number(m[3]) };
  const expected = Buffer.from(sign(key, grant, authSessionId));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: 'signature' };
  if (grant.expiresAt <= nowSeconds) return { ok: false, why: 'expired' };
  return { ok: true, grant };
}
