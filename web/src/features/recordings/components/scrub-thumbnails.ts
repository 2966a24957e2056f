import { useEffect, useState } from 'react';

/** One tile of the scrub sprite: the picture for [from, to) seconds. */
export interface ScrubTile {
  from: number;
  to: number;
  /** The sprite's URL, resolved against the map's. */
  url: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function seconds(stamp: string): number {
  const parts = stamp.trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Reads the WebVTT map the thumbnail job writes (recordings.thumbnails.ts): cues of
 * `sprite.jpg#xywh=x,y,w,h`, relative to the map's own URL.
 */
export function parseScrubVtt(text: string, base: string): ScrubTile[] {
  const tiles: ScrubTile[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const times = /^([\d:.]+)\s+-->\s+([\d:.]+)/.exec(lines[i]!.trim());
    if (!times) continue;
    const target = /^(.+)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec((lines[i + 1] ?? '').trim());
    if (!target) continue;
    tiles.push({
      from: seconds(times[1]!), to: seconds(times[2]!), url: new URL(target[1]!, new URL(base, 'http://x')).pathname,
      x: Number(target[2]), y: Number(target[3]), w: Number(target[4]), h: Number(target[5]),
    });
  }
  return tiles;
}

/** The tile showing `at` seconds, or null. */
export function tileAt(tiles: readonly ScrubTile[], at: number): ScrubTile | null {
  return tiles.find((tile) => at >= tile.from && at < tile.to) ?? tiles[tiles.length - 1] ?? null;
}

/**
 * The scrub tiles of a track, once its map loads; none while it loads, or when the lesson has no
 * thumbnails (yet): the seek bar then shows the time alone.
 */
export function useScrubTiles(mapUrl: string | undefined, rewrite: (url: string) => string): ScrubTile[] {
  const [tiles, setTiles] = useState<ScrubTile[]>([]);
  useEffect(() => {
    setTiles([]);
    if (!mapUrl) return;
    let cancelled = false;
    const url = rewrite(mapUrl);
    void fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => {
        if (!cancelled && text) setTiles(parseScrubVtt(text, url));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // The map is read once per track; later tokens are put into the sprite's URL when it is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapUrl]);
  return tiles;
}
