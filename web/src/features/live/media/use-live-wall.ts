import { useEffect, useState } from 'react';
import type { LiveMediaView } from '@shared/live';
import { currentCsrfToken } from '../../../api/client';
import { connectJanus, roomOfDisplay, subscribeWall } from './janus-client';

export interface WallTileFeed { feedId: number; roomId: number | null; stream: MediaStream }

/** Lead role in WebRTC mode: the receiving rooms' feeds, as they come and go. */
export function useLiveWall(media: LiveMediaView, onError: (message: string) => void): WallTileFeed[] {
  const [feeds, setFeeds] = useState<WallTileFeed[]>([]);
  useEffect(() => {
    const j = media.janus;
    if (media.role !== 'lead' || !j) return;
    const stops: Array<() => void> = [];
    let cancelled = false;
    (async () => {
      const link = await connectJanus(j.server, currentCsrfToken);
      if (cancelled) { link.close(); return; }
      stops.push(link.close);
      const stop = await subscribeWall(link, j.videoRoom, j.videoRoomPin, (list) => {
        setFeeds(list.filter((f) => roomOfDisplay(f.display) !== null).map((f) => ({ feedId: f.feedId, roomId: roomOfDisplay(f.display), stream: f.stream })));
      });
      if (cancelled) stop(); else stops.unshift(stop);
    })().catch((e: Error) => onError(e.message));
    return () => { cancelled = true; for (const s of stops) s(); };
  }, [media, onError]);
  return feeds;
}
