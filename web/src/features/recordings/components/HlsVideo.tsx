import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import type Hls from 'hls.js';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The track's master playlist (its token is renewed through `rewrite`). */
  master: string;
  poster?: string;
  /** Puts the newest media token into each playlist and segment URL. */
  rewrite: (url: string) => string;
  /** Called when the server refuses a file (token expired early): renew, the loader retries. */
  onForbidden: () => void;
  /** Seconds to start at (resume, or the time of the track switched from). */
  startAt?: number;
  controls?: boolean;
  muted?: boolean;
  autoPlay?: boolean;
  onVideo?: (video: HTMLVideoElement | null) => void;
  onFatal?: (message: string) => void;
  style?: CSSProperties;
  testId?: string;
}

/**
 * A <video> playing an HLS lesson: hls.js (its light build) where Media Source Extensions exist
 * (loaded on demand, so it never weighs on other pages), the browser's own HLS otherwise (Safari). Fullscreen,
 * download and picture-in-picture of the bare video are switched off: the player puts the whole
 * stage, watermark included, in fullscreen instead.
 */
export function HlsVideo({ master, poster, rewrite, onForbidden, startAt, controls = true, muted = false, autoPlay = false, onVideo, onFatal, style, testId }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement | null>(null);
  const [native, setNative] = useState(false);
  // The first master and poster URLs only: later ones differ by their token, which `rewrite`
  // takes care of (a changed poster URL would only fetch the same picture again).
  const [source] = useState(master);
  const [firstPoster] = useState(poster);
  const callbacks = useRef({ rewrite, onForbidden, onFatal, onVideo });
  callbacks.current = { rewrite, onForbidden, onFatal, onVideo };
  const setVideo = useCallback((element: HTMLVideoElement | null) => {
    video.current = element;
    callbacks.current.onVideo?.(element);
  }, []);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let hls: Hls | null = null;
    let cancelled = false;
    const seekToStart = () => {
      if (startAt && startAt > 0 && startAt < element.duration - 1) element.currentTime = startAt;
    };
    element.addEventListener('loadedmetadata', seekToStart, { once: true });

    void import('hls.js/light').then(({ default: HlsClass }) => {
      if (cancelled) return;
      // Giving the video its source can cancel a play pressed before the player had loaded (in
      // Chromium, when the source comes before the browser has settled on having none: "The play()
      // request was interrupted by a new load request"). The viewer asked for the lesson: play it.
      const pressed = !element.paused;
      const keepPress = () => { if (pressed) void element.play().catch(() => undefined); };
      if (!HlsClass.isSupported()) {
        if (element.canPlayType('application/vnd.apple.mpegurl')) {
          setNative(true);
          element.src = source;
          keepPress();
        } else {
          callbacks.current.onFatal?.(t('player.unsupported'));
        }
        return;
      }
      hls = new HlsClass({
        // The page's Content-Security-Policy allows no blob: workers; transmuxing a lesson's
        // MPEG-TS segments on the main thread is cheap enough.
        enableWorker: false,
        // Thirty seconds ahead, not the whole lesson: village links are slow and often metered,
        // and viewers skim through a lesson more than they watch it to the end.
        maxBufferLength: 30,
        maxMaxBufferLength: 30,
        xhrSetup: (xhr, url) => xhr.open('GET', callbacks.current.rewrite(url), true),
      });
      hls.on(HlsClass.Events.ERROR, (_event, data) => {
        if (data.response?.code === 403) callbacks.current.onForbidden();
        if (!data.fatal || !hls) return;
        if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR) {
          setTimeout(() => hls?.startLoad(), 3_000);
        } else if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR) {
          hls.recoverMediaError();
        } else {
          callbacks.current.onFatal?.(t('player.failed'));
        }
      });
      hls.once(HlsClass.Events.MEDIA_ATTACHED, keepPress);
      hls.loadSource(source);
      hls.attachMedia(element);
    });

    return () => {
      cancelled = true;
      element.removeEventListener('loadedmetadata', seekToStart);
      hls?.destroy();
    };
    // A new source or start means a new player; the callbacks are read through a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  // The browser's own HLS cannot rewrite URLs: give it the renewed master and keep the place.
  useEffect(() => {
    const element = video.current;
    if (!native || !element || element.src.endsWith(master)) return;
    const at = element.currentTime;
    const playing = !element.paused;
    element.src = master;
    element.addEventListener('loadedmetadata', () => {
      element.currentTime = at;
      if (playing) void element.play();
    }, { once: true });
  }, [native, master]);

  return (
    <video
      ref={setVideo}
      poster={firstPoster}
      controls={controls}
      muted={muted}
      autoPlay={autoPlay}
      playsInline
      controlsList="nofullscreen nodownload noremoteplayback"
      disablePictureInPicture
      onContextMenu={(event) => event.preventDefault()}
      style={{ width: '100%', height: '100%', background: '#000', display: 'block', ...style }}
      data-testid={testId}
    />
  );
}
