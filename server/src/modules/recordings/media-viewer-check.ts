import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.js';

/** What a media request's session may do with one recording, as last looked up. */
export interface ViewerVerdict {
  /** The session behind the cookie, or null when it has ended (logout, expiry, disabled account). */
  sessionId: number | null;
  userId: number | null;
  /** The person may still watch this recording (a role whose scope holds it). */
  mayWatch: boolean;
  /** The recording exists and is ready to serve. */
  ready: boolean;
  /** Where its media live when not under its own id: demo lessons share clips (storage/keys.ts sharedMediaPrefix). */
  mediaPrefix: string | null;
}

/** How long a verdict is trusted: the issue allows playback to stop within 30 s of a logout. */
export const VIEWER_CHECK_TTL_MS = 20_000;
/** Sessions × recordings remembered; a school's viewers of the day fit many times over. */
export const VIEWER_CHECK_MAX_ENTRIES = 5_000;

/**
 * Asks, at most once per TTL per session and recording, whether the person behind a session
 * cookie may still watch a recording — so every segment request is not a database read, while a
 * logout, a disabled account or a removed role stops playback within the TTL. Keyed by a hash of
 * the cookie, never the cookie itself. Only verdicts that let the viewer watch are kept: a refusal
 * (or a recording not ready yet) is asked again next time, so nothing stays refused by the cache.
 */
export function createViewerCheck(deps: {
  clock: Clock;
  lookup: (sessionToken: string, recordingId: number) => Promise<ViewerVerdict>;
  ttlMs?: number;
  maxEntries?: number;
}) {
  const ttl = deps.ttlMs ?? VIEWER_CHECK_TTL_MS;
  const max = deps.maxEntries ?? VIEWER_CHECK_MAX_ENTRIES;
  // A Map iterates in insertion order; an entry is re-inserted whenever its TTL runs out, so the
  // first key is (nearly) the least recently used: the one to evict.
  const cache = new Map<string, { verdict: ViewerVerdict; until: number }>();

  async function check(sessionToken: string, recordingId: number): Promise<ViewerVerdict> {
    const key = `${createHash('sha256').update(sessionToken).digest('base64url')}|${recordingId}`;
    const now = deps.clock.now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.verdict;
    if (hit) cache.delete(key);
    const verdict = await deps.lookup(sessionToken, recordingId);
    if (verdict.mayWatch && verdict.ready) {
      cache.set(key, { verdict, until: now + ttl });
      if (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return verdict;
  }

  return { check, size: () => cache.size };
}

export type ViewerCheck = ReturnType<typeof createViewerCheck>;
