import type Hls from 'hls.js';

/**
 * One-way mode: plays the lead room's low-latency HLS with hls.js (light build, loaded on demand),
 * kept close to the live edge (one 1 s segment behind) so the delay stays within a few seconds.
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
    lowLatencyMode: true, liveSyncDurationCount: 1, liveMaxLatencyDurationCount: 3, maxLiveSyncPlaybackRate: 1.5,
    backBufferLength: 4, maxBufferLength: 4, manifestLoadingRetryDelay: 500, levelLoadingRetryDelay: 500, manifestLoadingMaxRetry: 60,
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
