import type Hls from 'hls.js';

/**
 * One-way mode: plays the lead room's low-latency HLS with hls.js (light build, loaded on demand),
 * kept close to the live edge (0.75 s behind the newest 0.5 s segment) so the delay stays within a few seconds.
 * Safari plays it natively.
 */
export async function playLiveHls(video: HTMLVideoElement, playlistUrl: string, onFatal?: (message: string) => void): Promise<() => void> {
  const { default: HlsClass } = await import('hls.js/light');
  if (!HlsClass.isSupported()) {
    video.src = playlistUrl;
    void video.play().catch(() => {});
    return () => { video.removeAttribute('src'); video.load(); };
  }
  const hls: Hls = new HlsClass({
    // Play 0.75 s behind the newest segment's end (the packager's segments are 0.5 s), catch up
    // faster when more than 2.5 s behind; lowLatencyMode also takes LL-HLS parts where a packager offers them.
    lowLatencyMode: true, liveSyncDuration: 0.75, liveMaxLatencyDuration: 2.5, maxLiveSyncPlaybackRate: 1.5,
    backBufferLength: 4, maxBufferLength: 4, manifestLoadingRetryDelay: 500, levelLoadingRetryDelay: 500, manifestLoadingMaxRetry: 60,
    // The playlist answers 404 until the packager has written it (seconds after going on air, more
    // on a busy server); hls.js retries no 4xx by itself, and reloading after its fatal error left
    // the player stalled (the live-class e2e test): keep asking, every half second, for a minute.
    manifestLoadPolicy: {
      default: {
        maxTimeToFirstByteMs: 10_000, maxLoadTimeMs: 20_000,
        timeoutRetry: { maxNumRetry: 4, retryDelayMs: 500, maxRetryDelayMs: 1000 },
        errorRetry: { maxNumRetry: 120, retryDelayMs: 500, maxRetryDelayMs: 500, shouldRetry: (config, count) => count < (config?.maxNumRetry ?? 0) },
      },
    },
  });
  let stopped = false;
  hls.on(HlsClass.Events.ERROR, (_e, data) => {
    if (!data.fatal || stopped) return;
    // The packager writes its first playlist a few seconds after the recorder starts sending.
    if (data.details === HlsClass.ErrorDetails.MANIFEST_LOAD_ERROR) setTimeout(() => { if (!stopped) hls.loadSource(playlistUrl); }, 1000);
    else if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR) setTimeout(() => { if (!stopped) hls.startLoad(); }, 1000);
    else if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
    else onFatal?.(data.details);
  });
  hls.on(HlsClass.Events.MANIFEST_PARSED, () => { void video.play().catch(() => {}); });
  hls.loadSource(playlistUrl);
  hls.attachMedia(video);
  return () => { stopped = true; hls.destroy(); };
}
