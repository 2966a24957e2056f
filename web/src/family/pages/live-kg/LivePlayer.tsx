import { useEffect, useRef, useState } from 'react';
import type { LiveMediaView } from '@shared/live';
import { playLiveHls } from '../../../features/live/media/hls-live';

/**
 * Plays a live view's HLS playlist on a phone: Safari plays HLS itself, elsewhere hls.js (loaded
 * only when a parent presses 观看), kept at the live edge and asking again while the camera's first
 * seconds are on their way. Live only: no seeking back, no download, no picture-in-picture. The
 * playlist stops answering when the window closes; the page's heartbeat then shows the window.
 */
export function LivePlayer({ media, loadingText, failedText }: { media: LiveMediaView; loadingText: string; failedText: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const url = media.hls?.playlistUrl ?? null;

  useEffect(() => {
    const el = video.current;
    if (!el || !url) return undefined;
    let stop = () => {};
    let cancelled = false;
    setFailed(false);
    if (el.canPlayType('application/vnd.apple.mpegurl')) {
      el.src = url;
      void el.play().catch(() => {});
      stop = () => { el.removeAttribute('src'); el.load(); };
    } else {
      void playLiveHls(el, url, () => { if (!cancelled) setFailed(true); }).then((end) => {
        if (cancelled) end(); else stop = end;
      });
    }
    return () => { cancelled = true; stop(); };
  }, [url]);

  return (
    <div>
      <video ref={video} muted playsInline autoPlay controls={false} disablePictureInPicture controlsList="nodownload noplaybackrate"
        style={{ width: '100%', background: '#000', aspectRatio: '16 / 9' }} aria-label={loadingText} />
      {failed && <div role="alert" style={{ padding: 8 }}>{failedText}</div>}
    </div>
  );
}
