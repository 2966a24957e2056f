import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A parent's stream token for one kindergarten room: `kg.<room>.<user>.<expiresAt>.<nonce>.<sig>`,
 * signed for that room and that parent (the nonce tells one view from the next; the view keeps the token's hash), and dead at the end of the window it was issued
 * in. It travels in the HLS path (so the playlist names its segments relatively). The key is the
 * live media key with its own suffix: a live class's token is no kindergarten token and back.
 */
const SHAPE = /^kg\.(\d{1,12})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export interface KgStreamGrant { roomId: number; userId: number; expiresAt: number }

const sign = (key: string, g: KgStreamGrant, nonce: string) => createHmac('sha256', `${key}:kg`).update(`kg:${g.roomId}:${g.userId}:${g.expiresAt}:${nonce}`).digest('base64url');

/** A token for the grant (expiresAt: Unix seconds, the window's end). */
export function issueKgStreamToken(key: string, g: KgStreamGrant): string {
  const nonce = randomBytes(12).toString('base64url');
  return `kg.${g.roomId}.${g.userId}.${g.expiresAt}.${nonce}.${sign(key, g, nonce)}`;
}

/** The grant of a well-signed token not yet expired, else null. */
export function verifyKgStreamToken(key: string, token: string, nowSeconds: number): KgStreamGrant | null {
  const m = SHAPE.exec(token);
  if (!m) return null;
  const g = { roomId: Number(m[1]), userId: Number(m[2]), expiresAt: Number(m[3]) };
  const want = Buffer.from(sign(key, g, m[4]!));
  const got = Buffer.from(m[5]!);
  if (want.length !== got.length || !timingSafeEqual(want, got) || g.expiresAt <= nowSeconds) return null;
  return g;
}
