import { useEffect, useRef, useState } from 'react';
import type { LiveMediaView } from '@shared/live';

/**
 * Plays a live view's HLS playlist on a phone: Safari plays HLS itself, elsewhere hls.js (loaded
 * only when a parent presses 观看). Live only: no seeking back, no download, no picture-in-picture.
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
      void import('hls.js').then(({ default: Hls }) => {
        if (cancelled || !Hls.isSupported()) { if (!cancelled) setFailed(true); return; }
        const hls = new Hls({ lowLatencyMode: true, liveDurationInfinity: true, backBufferLength: 0 });
        hls.on(Hls.Events.ERROR, (_e, data) => { if (data.fatal) setFailed(true); });
        hls.loadSource(url);
        hls.attachMedia(el);
        void el.play().catch(() => {});
        stop = () => hls.destroy();
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
