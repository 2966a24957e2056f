import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './RecordingState';
import { type ScrubTile, tileAt } from './scrub-thumbnails';

const PREVIEW_WIDTH = 160;
const KEY_STEP_S = 5;

/**
 * The lesson's seek bar under the stage: where the main picture is, and on hover (or touch) the
 * picture at that moment from the scrub thumbnails with its time; a click or tap seeks there, and
 * every other track follows through the sync.
 */
export function ScrubBar({ video, tiles, rewrite }: { video: HTMLVideoElement | null; tiles: readonly ScrubTile[]; rewrite: (url: string) => string }) {
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
