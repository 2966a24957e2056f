import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './RecordingState';
import { type ScrubTile, tileAt } from './scrub-thumbnails';

const PREVIEW_WIDTH = 160;
const KEY_STEP_S = 5;

/** A moment marked on the seek bar (a comment, say), on the lesson's clock. */
export interface PlayerMarker {
  atMs: number;
  label: string;
  key: string;
}

const MARKER_STYLE = {
  position: 'absolute', top: -5, width: 6, height: 18, padding: 0, border: '1px solid #fff', borderRadius: 3,
  background: '#fa8c16', transform: 'translateX(-50%)', cursor: 'pointer',
} as const;

/**
 * The lesson's seek bar under the stage: where the main picture is, and on hover (or touch) the
 * picture at that moment from the scrub thumbnails with its time; a click or tap seeks there, and
 * every other track follows through the sync. Markers (on the lesson's clock, placed on the main
 * picture's by its start offset) sit on the bar; clicking one seeks to it.
 */
export function ScrubBar({ video, tiles, rewrite, markers, offsetMs = 0 }: {
  video: HTMLVideoElement | null; tiles: readonly ScrubTile[]; rewrite: (url: string) => string;
  markers?: readonly PlayerMarker[];
  /** The main picture's start offset on the lesson's clock, in milliseconds. */
  offsetMs?: number;
}) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  const [time, setTime] = useState({ at: 0, duration: 0 });
  const [hover, setHover] = useState<{ x: number; at: number } | null>(null);

  useEffect(() => {
    if (!video) return;
    const update = () => setTime({ at: video.currentTime, duration: Number.isFinite(video.duration) ? video.duration : 0 });
    update();
    for (const event of ['timeupdate', 'durationchange', 'seeked', 'loadedmetadata']) video.addEventListener(event, update);
    return () => {
      for (const event of ['timeupdate', 'durationchange', 'seeked', 'loadedmetadata']) video.removeEventListener(event, update);
    };
  }, [video]);

  const atPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = bar.current!.getBoundingClientRect();
    const x = Math.min(Math.max(event.clientX - box.left, 0), box.width);
    return { x, at: box.width ? (x / box.width) * time.duration : 0 };
  };
  const seek = (at: number) => {
    if (video && time.duration) video.currentTime = Math.min(Math.max(at, 0), time.duration);
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowRight') seek(time.at + KEY_STEP_S);
    else if (event.key === 'ArrowLeft') seek(time.at - KEY_STEP_S);
    else return;
    event.preventDefault();
  };

  const tile = hover ? tileAt(tiles, hover.at) : null;
  const sheet = { w: Math.max(0, ...tiles.map((x) => x.x + x.w)), h: Math.max(0, ...tiles.map((x) => x.y + x.h)) };
  const scale = tile ? PREVIEW_WIDTH / tile.w : 1;
  const width = bar.current?.getBoundingClientRect().width ?? 0;
  const previewLeft = hover ? Math.min(Math.max(hover.x - PREVIEW_WIDTH / 2, 0), Math.max(width - PREVIEW_WIDTH, 0)) : 0;
  const share = time.duration ? (time.at / time.duration) * 100 : 0;

  return (
    <div className="scrub">
      <div
        ref={bar}
        className="scrub-bar"
        role="slider"
        tabIndex={0}
        aria-label={t('multiTrack.seek')}
        aria-valuemin={0}
        aria-valuemax={Math.round(time.duration)}
        aria-valuenow={Math.round(time.at)}
        aria-valuetext={formatDuration(time.at)}
        onPointerMove={(event) => setHover(atPointer(event))}
        onPointerLeave={() => setHover(null)}
        onPointerDown={(event) => seek(atPointer(event).at)}
        onKeyDown={onKey}
        data-testid="scrub-bar"
      >
        <div className="scrub-played" style={{ width: `${share}%` }} />
        {time.duration ? (markers ?? []).map((marker) => {
          const at = (marker.atMs - offsetMs) / 1000;
          if (at < 0 || at > time.duration) return null;
          return (
            <Tooltip key={marker.key} title={`${formatDuration(marker.atMs / 1000)} ${marker.label}`}>
              <button
                type="button"
                style={{ ...MARKER_STYLE, left: `${(at / time.duration) * 100}%` }}
                aria-label={`${formatDuration(marker.atMs / 1000)} ${marker.label}`}
                // The bar under it would seek to the pointer; the marker's own time is meant.
                onPointerDown={(event) => event.stopPropagation()}
                onPointerMove={(event) => event.stopPropagation()}
                onClick={() => seek(at)}
                data-testid="player-marker"
                data-at-ms={marker.atMs}
              />
            </Tooltip>
          );
        }) : null}
        {hover ? (
          <div className="scrub-preview" style={{ left: previewLeft, width: PREVIEW_WIDTH }} data-testid="scrub-preview">
            {tile ? (
              <div
                className="scrub-picture"
                style={{
                  height: tile.h * scale,
                  backgroundImage: `url("${rewrite(tile.url)}")`,
                  // The whole sheet scaled so that one tile fills the preview's width.
                  backgroundSize: `${sheet.w * scale}px ${sheet.h * scale}px`,
                  backgroundPosition: `-${tile.x * scale}px -${tile.y * scale}px`,
                  backgroundRepeat: 'no-repeat',
                }}
                data-testid="scrub-picture"
              />
            ) : null}
            <span className="scrub-time">{formatDuration(hover.at)}</span>
          </div>
        ) : null}
      </div>
      <span className="scrub-clock">{formatDuration(time.at)} / {formatDuration(time.duration)}</span>
    </div>
  );
}
