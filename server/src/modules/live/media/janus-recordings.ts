import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LiveRecordedTrack } from '../live-media.js';

const run = promisify(execFile);
export const JANUS_PP_REC = '/usr/bin/janus-pp-rec';

/** A receiving room publishes with feed id roomId·1000 + n (the page picks n), so a recording names its room. */
export const feedRoom = (feed: number) => Math.floor(feed / 1000);

/** One publishing of a receiving room's camera: its video and audio recordings (file names). */
export interface JanusTake { feed: number; room: number; at: number; video?: string; audio?: string }

/**
 * The takes in a session's VideoRoom recordings, `videoroom-<room>-user-<feed>-<µs>-{video,audio}[-N].mjr`.
 * Janus names each stream's recorder with the microsecond it made it, so one publishing's audio and
 * video differ by a few hundred µs: a feed's files, in time order, belong to one take until a kind
 * comes again or a file starts more than 5 s later (the room published again).
 */
export function janusTakes(files: readonly string[]): JanusTake[] {
  const parsed = files.flatMap((f) => {
    const m = /^videoroom-\d+-user-(\d+)-(\d+)-(video|audio)(?:-\d+)?\.mjr$/.exec(f);
    return m ? [{ file: f, feed: Number(m[1]), at: Number(m[2]), kind: m[3] as 'video' | 'audio' }] : [];
  }).sort((a, b) => a.feed - b.feed || a.at - b.at);
  const takes: JanusTake[] = [];
  for (const p of parsed) {
    const last = takes.at(-1);
    if (last && last.feed === p.feed && !last[p.kind] && p.at - last.at <= 5_000_000) last[p.kind] = p.file;
    else takes.push({ feed: p.feed, room: feedRoom(p.feed), at: p.at, [p.kind]: p.file });
  }
  return takes;
}

/**
 * When a recording's first packet was written (ms since the epoch): the `u` of the JSON header Janus
 * writes after the `MJR00002` magic with the first packet. A recorder is made when the mountpoint
 * or the publisher is, its first packet comes when the sender does: the lesson's clock needs the latter.
 */
export async function mjrFirstPacketAt(path: string): Promise<number | null> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return null;
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await file.read(buf, 0, buf.length, 0);
    if (bytesRead < 12 || buf.toString('latin1', 0, 3) !== 'MJR') return null;
    const length = buf.readUInt16BE(8);
    const info = JSON.parse(buf.toString('utf8', 10, Math.min(bytesRead, 10 + length))) as { u?: unknown };
    return typeof info.u === 'number' && info.u > 0 ? Math.floor(info.u / 1000) : null;
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

/**
 * One file of a room from its video and audio recordings, both starting at the earlier first packet
 * (the later one shifted by the difference, so lips and voice stay together); answers where it
 * starts. The .mjr and the intermediate files go once the room's file is made: the replay keeps
 * its own copy, and a 40-minute class's recordings would otherwise stay on disk for good.
 */
async function muxPair(ffmpeg: string, dir: string, video: string | null, audio: string | null, out: string): Promise<{ firstAt: number | null } | null> {
  const parts: Array<{ path: string; mjr: string; at: number | null }> = [];
  for (const [name, ext] of [[video, 'webm'], [audio, 'opus']] as const) {
    if (!name) continue;
    const mjr = join(dir, name);
    const target = mjr.replace(/\.mjr$/, `.${ext}`);
    try { await run(JANUS_PP_REC, [mjr, target], { timeout: 120_000 }); } catch { continue; }
    if (existsSync(target) && statSync(target).size > 0) parts.push({ path: target, mjr, at: await mjrFirstPacketAt(mjr) });
  }
  if (parts.length === 0) return null;
  const known = parts.map((p) => p.at).filter((at): at is number => at !== null);
  const firstAt = known.length ? Math.min(...known) : null;
  const inputs = parts.flatMap((p) => {
    const shift = p.at !== null && firstAt !== null ? p.at - firstAt : 0;
    return [...(shift > 0 ? ['-itsoffset', (shift / 1000).toFixed(3)] : []), '-i', p.path];
  });
  await run(ffmpeg, ['-y', '-v', 'error', ...inputs, '-c', 'copy', out], { timeout: 120_000 });
  if (!existsSync(out)) return null;
  for (const p of parts) { await rm(p.path, { force: true }); await rm(p.mjr, { force: true }); }
  return { firstAt };
}

/**
 * Turns a session's Janus recordings (.mjr) into one WebM per room with janus-pp-rec (package
 * janus-tools) and ffmpeg: `lead-video/lead-audio` from the Streaming mountpoint, and each
 * receiving room's camera from the VideoRoom (the longest take of a room when it published more
 * than once; the other takes' recordings are deleted with it). Each file starts at its first
 * recorded packet. Without janus-pp-rec: no tracks.
 */
export async function convertJanusRecordings(dir: string, ffmpeg: string, leadRoomId: number, startedAt: string): Promise<LiveRecordedTrack[]> {
  if (!existsSync(dir) || !existsSync(JANUS_PP_REC)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjr'));
  const tracks: LiveRecordedTrack[] = [];
  const lead = { video: files.find((f) => f.startsWith('lead-video')), audio: files.find((f) => f.startsWith('lead-audio')) };
  if (lead.video || lead.audio) {
    const out = join(dir, 'lead.webm');
    const made = await muxPair(ffmpeg, dir, lead.video ?? null, lead.audio ?? null, out);
    // The mountpoint records from the session's start; its first packet is when the lead room's recorder began sending.
    if (made) tracks.push({ roomId: leadRoomId, lead: true, path: out, startedAt: made.firstAt ? new Date(made.firstAt).toISOString() : startedAt });
  }
  const size = (t: JanusTake) => [t.video, t.audio].reduce((sum, f) => sum + (f ? statSync(join(dir, f)).size : 0), 0);
  for (const { room, take, others } of longestTakes(janusTakes(files), size)) {
    const out = join(dir, `room-${room}.webm`);
    const made = await muxPair(ffmpeg, dir, take.video ?? null, take.audio ?? null, out);
    if (!made) continue;
    tracks.push({ roomId: room, lead: false, path: out, startedAt: new Date(made.firstAt ?? Math.floor(take.at / 1000)).toISOString() });
    // The room's shorter takes (a page reloaded, a camera re-joined) are not in the replay either.
    for (const other of others) for (const f of [other.video, other.audio]) if (f) await rm(join(dir, f), { force: true });
  }
  return tracks;
}

/** Per receiving room, its longest take (the replay's track) and the others. */
export function longestTakes(takes: readonly JanusTake[], size: (take: JanusTake) => number): Array<{ room: number; take: JanusTake; others: JanusTake[] }> {
  const rooms = new Map<number, JanusTake[]>();
  for (const take of takes) rooms.set(take.room, [...(rooms.get(take.room) ?? []), take]);
  return [...rooms].map(([room, list]) => {
    const take = list.reduce((best, t) => (size(t) > size(best) ? t : best));
    return { room, take, others: list.filter((t) => t !== take) };
  });
}
