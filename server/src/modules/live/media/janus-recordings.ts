import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LiveRecordedTrack } from '../live-media.js';

const run = promisify(execFile);
export const JANUS_PP_REC = '/usr/bin/janus-pp-rec';

/** A receiving room publishes with feed id roomId·1000 + n (the page picks n), so a recording names its room. */
export const feedRoom = (feed: number) => Math.floor(feed / 1000);

async function muxPair(ffmpeg: string, video: string | null, audio: string | null, out: string): Promise<boolean> {
  const parts: string[] = [];
  for (const [mjr, ext] of [[video, 'webm'], [audio, 'opus']] as const) {
    if (!mjr) continue;
    const target = mjr.replace(/\.mjr$/, `.${ext}`);
    try { await run(JANUS_PP_REC, [mjr, target], { timeout: 120_000 }); } catch { continue; }
    if (existsSync(target) && statSync(target).size > 0) parts.push(target);
  }
  if (parts.length === 0) return false;
  await run(ffmpeg, ['-y', '-v', 'error', ...parts.flatMap((p) => ['-i', p]), '-c', 'copy', out], { timeout: 120_000 });
  return existsSync(out);
}

/**
 * Turns a session's Janus recordings (.mjr) into one WebM per room with janus-pp-rec (package
 * janus-tools) and ffmpeg: `lead-video/lead-audio` from the Streaming mountpoint, and
 * `videoroom-<room>-user-<feed>-<µs>-{video,audio}-N.mjr` from each receiving room's camera
 * (the longest take of a room when it published more than once). Without janus-pp-rec: no tracks.
 */
export async function convertJanusRecordings(dir: string, ffmpeg: string, leadRoomId: number, startedAt: string): Promise<LiveRecordedTrack[]> {
  if (!existsSync(dir) || !existsSync(JANUS_PP_REC)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjr'));
  const tracks: LiveRecordedTrack[] = [];
  const lead = { video: files.find((f) => f.startsWith('lead-video')), audio: files.find((f) => f.startsWith('lead-audio')) };
  if (lead.video || lead.audio) {
    const out = join(dir, 'lead.webm');
    if (await muxPair(ffmpeg, lead.video ? join(dir, lead.video) : null, lead.audio ? join(dir, lead.audio) : null, out)) {
      tracks.push({ roomId: leadRoomId, lead: true, path: out, startedAt });
    }
  }
  const takes = new Map<string, { feed: number; at: number; video?: string; audio?: string; size: number }>();
  for (const f of files) {
    const m = /^videoroom-\d+-user-(\d+)-(\d+)-(video|audio)(?:-\d+)?\.mjr$/.exec(f);
    if (!m) continue;
    const key = `${m[1]}-${m[2]}`;
    const t = takes.get(key) ?? { feed: Number(m[1]), at: Number(m[2]), size: 0 };
    t[m[3] as 'video' | 'audio'] = f;
    t.size += statSync(join(dir, f)).size;
    takes.set(key, t);
  }
  const best = new Map<number, { feed: number; at: number; video?: string; audio?: string; size: number }>();
  for (const t of takes.values()) {
    const room = feedRoom(t.feed);
    if ((best.get(room)?.size ?? -1) < t.size) best.set(room, t);
  }
  for (const [room, t] of best) {
    const out = join(dir, `room-${room}.webm`);
    if (await muxPair(ffmpeg, t.video ? join(dir, t.video) : null, t.audio ? join(dir, t.audio) : null, out)) {
      tracks.push({ roomId: room, lead: false, path: out, startedAt: new Date(Math.floor(t.at / 1000)).toISOString() });
    }
  }
  return tracks;
}
