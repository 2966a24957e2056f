import { useCallback, useEffect, useRef, useState } from 'react';
import type { Playback } from '@shared/api-types';
import { ApiError } from '../../../api/client';
import { startPlayback } from '../api/recordings.api';

// Media URLs look like /api/media/<recordingId>.<viewer>.<expiry>.<signature>/<file>.
const MEDIA_URL = /\/api\/media\/((\d+)\.[^/]+)\//;
const EARLY_MS = 60_000;
// Never wait longer than this before renewing, whatever the clocks say (tokens live ≤ 10 min).
const LONGEST_WAIT_MS = 8 * 60_000;
const RETRY_MS = 15_000;

/** The lesson is history only (its row without video), so there is nothing to play. */
export const isNoMedia = (error: unknown) => error instanceof ApiError && error.code === 'RECORDING_NO_MEDIA';

/** The token in a media URL, by the recording it belongs to. */
function tokenOf(url: string): { recordingId: string; token: string } | null {
  const match = MEDIA_URL.exec(url);
  return match?.[1] && match[2] ? { recordingId: match[2], token: match[1] } : null;
}

export interface PlaybackSession {
  playback: Playback | undefined;
  error: unknown;
  /**
   * Puts the newest token into a media URL. The HLS loader calls it for every request, so
   * segments fetched after a renewal carry the new token while the video plays on.
   */
  rewrite: (url: string) => string;
  /** Renews at once (a segment was refused: the token ran out early, e.g. a sleeping laptop). */
  renewNow: () => void;
}

/**
 * Asks for short-lived media URLs for a lesson and renews them a minute before they expire, for
 * as long as the page is open. Each request is audited on the server as a view.
 */
export function usePlayback(recordingId: number, enabled: boolean): PlaybackSession {
  const [playback, setPlayback] = useState<Playback | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const tokens = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const alive = useRef(true);

  const renew = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    clearTimeout(timer.current);
    try {
      const next = await startPlayback(recordingId);
      if (!alive.current) return;
      for (const track of next.tracks) {
        const found = tokenOf(track.master);
        if (found) tokens.current.set(found.recordingId, found.token);
      }
      setPlayback(next);
      setError(undefined);
      const wait = Math.min(Math.max(new Date(next.expiresAt).getTime() - Date.now() - EARLY_MS, 5_000), LONGEST_WAIT_MS);
      timer.current = setTimeout(() => void renew(), wait);
    } catch (reason) {
      if (!alive.current) return;
      setError(reason);
      // A lesson kept as history has no video: asking again will not change that.
      if (!isNoMedia(reason)) timer.current = setTimeout(() => void renew(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
  }, [recordingId]);

  useEffect(() => {
    alive.current = true;
    tokens.current.clear();
    setPlayback(undefined);
    if (enabled) void renew();
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, [enabled, renew]);

  const rewrite = useCallback((url: string) => {
    const found = tokenOf(url);
    const latest = found ? tokens.current.get(found.recordingId) : undefined;
    return found && latest && latest !== found.token ? url.replace(found.token, latest) : url;
  }, []);

  const renewNow = useCallback(() => void renew(), [renew]);
  return { playback, error, rewrite, renewNow };
}
