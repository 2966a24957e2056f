import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived tokens for a live session's HLS playlist and segments: `<sessionId>.<userId>.<expiresAt>.<sig>`
 * in the URL path, so the playlist names its segments relatively and the token travels with them.
 * The key is derived from the recordings' media token key, so a recording's token is no live token.
 */
export const LIVE_TOKEN_SECONDS = 600;
const SHAPE = /^(\d{1,12})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const sign = (key: string, s: number, u: number, e: number) => createHmac('sha256', key).update(`live:${s}:${u}:${e}`).digest('base64url');

export function issueLiveToken(key: string, sessionId: number, userId: number, nowSeconds: number): string {
  const e = nowSeconds + LIVE_TOKEN_SECONDS;
  return `${sessionId}.${userId}.${e}.${sign(key, sessionId, userId, e)}`;
}

export function verifyLiveToken(key: string, token: string, nowSeconds: number): { sessionId: number; userId: number } | null {
  const m = SHAPE.exec(token);
  if (!m) return null;
  const [s, u, e] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const want = Buffer.from(sign(key, s, u, e));
  const got = Buffer.from(m[4]!);
  if (want.length !== got.length || !timingSafeEqual(want, got) || e <= nowSeconds) return null;
  return { sessionId: s, userId: u };
}
