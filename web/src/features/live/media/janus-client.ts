import Janus, { type JanusJS } from 'janus-gateway';
import adapter from 'webrtc-adapter';

/**
 * The live stage's WebRTC side, with Meetecho's janus-gateway client: no React here, so the e2e
 * test drives the very same code. Janus is reached only through the server's same-origin path
 * (/api/live/janus), with no STUN/TURN servers: on loopback or a school LAN, host candidates
 * are all there is (the library's default would ask Google's STUN server).
 */
type Handle = JanusJS.PluginHandle;

let initialised: Promise<void> | null = null;

function init(csrf: () => string | null): Promise<void> {
  initialised ??= new Promise<void>((resolve) => {
    // Writes to the proxy carry the session's CSRF token like every other write of the app.
    const withCsrf: typeof fetch = (input, opts) => {
      const headers = new Headers(opts?.headers);
      const token = csrf();
      if (token) headers.set('x-csrf-token', token);
      return fetch(input, { ...opts, headers, credentials: 'same-origin' });
    };
    Janus.init({ debug: false, dependencies: Janus.useDefaultDependencies({ fetch: withCsrf, adapter }), callback: () => resolve() });
  });
  return initialised;
}

export interface JanusLink { janus: Janus; close: () => void }

export async function connectJanus(server: string, csrf: () => string | null): Promise<JanusLink> {
  await init(csrf);
  return new Promise((resolve, reject) => {
    const janus: Janus = new Janus({
      server, iceServers: [], withCredentials: true,
      success: () => resolve({ janus, close: () => janus.destroy({}) }),
      error: (e: unknown) => reject(new Error(String(e))),
    });
  });
}

function attach(janus: Janus, plugin: string, callbacks: Partial<JanusJS.PluginOptions>): Promise<Handle> {
  return new Promise((resolve, reject) => {
    janus.attach({ plugin, ...callbacks, success: resolve, error: (e: unknown) => reject(new Error(String(e))) } as JanusJS.PluginOptions);
  });
}

const RECV_ONLY = [{ type: 'data' }] as unknown as JanusJS.TrackOption[];

/** Adds remote tracks to one MediaStream played by `video` (removed tracks leave it). */
function sink(video: HTMLVideoElement) {
  const stream = new MediaStream();
  video.srcObject = stream;
  return (track: MediaStreamTrack, on: boolean) => {
    if (on) { if (!stream.getTracks().includes(track)) stream.addTrack(track); void video.play().catch(() => {}); }
    else stream.removeTrack(track);
  };
}

/**
 * Asks the browser to play a live feed as soon as it can: a jitter buffer target of 0 (and
 * Chrome's older playoutDelayHint) instead of the default, which grows with every late packet on a
 * busy machine. A classroom picture a few frames rougher beats one a second late.
 */
export function playAtOnce(pc: RTCPeerConnection | undefined) {
  for (const r of pc?.getReceivers() ?? []) {
    const rr = r as RTCRtpReceiver & { playoutDelayHint?: number };
    try { rr.jitterBufferTarget = 0; } catch { /* not supported */ }
    try { if ('playoutDelayHint' in rr) rr.playoutDelayHint = 0; } catch { /* not supported */ }
  }
}

/** Plays the lead room's recorder from the session's Streaming mountpoint. */
export async function watchLeadStream(link: JanusLink, streamId: number, pin: string, video: HTMLVideoElement): Promise<() => void> {
  const add = sink(video);
  let handle: Handle | null = null;
  handle = await attach(link.janus, 'janus.plugin.streaming', {
    onmessage: (_msg: unknown, jsep?: JanusJS.JSEP) => {
      if (!jsep || !handle) return;
      const h = handle;
      h.createAnswer({ jsep, tracks: RECV_ONLY, success: (answer: JanusJS.JSEP) => h.send({ message: { request: 'start' }, jsep: answer }), error: () => {} });
    },
    onremotetrack: (track: MediaStreamTrack, _mid: string, on: boolean) => { if (on) playAtOnce(handle?.webrtcStuff?.pc); add(track, on); },
  });
  handle.send({ message: { request: 'watch', id: streamId, pin } });
  return () => { handle?.send({ message: { request: 'stop' } }); handle?.detach({}); };
}

/** A receiving room's class camera and microphone into the session's VideoRoom, echo-cancelled. */
export async function publishClassCamera(link: JanusLink, room: number, pin: string, display: string, feedId: number, preview?: HTMLVideoElement): Promise<() => void> {
  let handle: Handle | null = null;
  handle = await attach(link.janus, 'janus.plugin.videoroom', {
    onmessage: (msg: Record<string, unknown>, jsep?: JanusJS.JSEP) => {
      const h = handle!;
      if (msg.videoroom === 'joined') {
        h.createOffer({
          tracks: [
            { type: 'audio', capture: { echoCancellation: true, noiseSuppression: true, autoGainControl: true }, recv: false },
            { type: 'video', capture: { width: 640, height: 360 }, recv: false },
          ] as unknown as JanusJS.TrackOption[],
          success: (offer: JanusJS.JSEP) => h.send({ message: { request: 'configure', audio: true, video: true }, jsep: offer }),
          error: () => {},
        });
      }
      if (jsep) h.handleRemoteJsep({ jsep });
    },
    onlocaltrack: (track: MediaStreamTrack, on: boolean) => {
      if (preview && on && track.kind === 'video') { preview.srcObject = new MediaStream([track]); void preview.play().catch(() => {}); }
    },
  });
  handle.send({ message: { request: 'join', room, ptype: 'publisher', display, id: feedId, pin } });
  return () => { handle?.send({ message: { request: 'leave' } }); handle?.hangup(); handle?.detach({}); };
}

export interface WallFeed { feedId: number; display: string; stream: MediaStream }

/**
 * The lead teacher's wall: every publisher of the VideoRoom (each receiving room's camera),
 * subscribed one handle per feed; `onChange` gets the current list whenever a room comes or goes.
 */
export async function subscribeWall(link: JanusLink, room: number, pin: string, onChange: (feeds: WallFeed[]) => void): Promise<() => void> {
  const feeds = new Map<number, { display: string; stream: MediaStream; handle: Handle }>();
  const emit = () => onChange([...feeds].map(([feedId, f]) => ({ feedId, display: f.display, stream: f.stream })));
  const subscribe = async (feedId: number, display: string) => {
    if (feeds.has(feedId)) return;
    const stream = new MediaStream();
    let handle: Handle | null = null;
    handle = await attach(link.janus, 'janus.plugin.videoroom', {
      onmessage: (_msg: unknown, jsep?: JanusJS.JSEP) => {
        if (!jsep || !handle) return;
        const h = handle;
        h.createAnswer({ jsep, tracks: RECV_ONLY, success: (answer: JanusJS.JSEP) => h.send({ message: { request: 'start', room }, jsep: answer }), error: () => {} });
      },
      onremotetrack: (track: MediaStreamTrack, _mid: string, on: boolean) => {
        if (on) { playAtOnce(handle?.webrtcStuff?.pc); stream.addTrack(track); } else stream.removeTrack(track);
        emit();
      },
    });
    feeds.set(feedId, { display, stream, handle });
    handle.send({ message: { request: 'join', room, ptype: 'subscriber', streams: [{ feed: feedId }], pin } });
    emit();
  };
  const drop = (feedId: number) => {
    const f = feeds.get(feedId);
    if (!f) return;
    feeds.delete(feedId);
    f.handle.detach({});
    emit();
  };
  type Pub = { id: number; display?: string };
  // The lead's own handle joins as a publisher that never publishes: it hears of every feed.
  let watcher: Handle | null = null;
  watcher = await attach(link.janus, 'janus.plugin.videoroom', {
    onmessage: (msg: Record<string, unknown>) => {
      for (const p of (msg.publishers as Pub[] | undefined) ?? []) void subscribe(p.id, p.display ?? '');
      const gone = (msg.unpublished ?? msg.leaving) as number | string | undefined;
      if (typeof gone === 'number') drop(gone);
    },
  });
  watcher.send({ message: { request: 'join', room, ptype: 'publisher', display: 'lead-wall', pin } });
  return () => { for (const id of [...feeds.keys()]) drop(id); watcher?.detach({}); };
}

/** The room a wall feed speaks for (`room:<id>`), or null. */
export const roomOfDisplay = (display: string) => { const m = /^room:(\d+)$/.exec(display); return m ? Number(m[1]) : null; };
/** A receiving room's feed id: its room id ·1000 + a per-page number, so recordings name their room. */
export const feedIdFor = (roomId: number) => roomId * 1000 + 1 + Math.floor(Math.random() * 998);
