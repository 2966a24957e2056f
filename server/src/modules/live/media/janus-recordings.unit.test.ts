import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { janusTakes, longestTakes, mjrFirstPacketAt } from './janus-recordings.js';

describe('janusTakes', () => {
  it('pairs a publishing\'s audio and video, whose recorders Janus names a few hundred µs apart', () => {
    // As Janus 1.1 named them in the live class e2e: room 150's and room 98's cameras.
    const takes = janusTakes([
      'lead-video.mjr',
      'videoroom-1000002-user-150236-1796612895572061-audio-0.mjr',
      'videoroom-1000002-user-150236-1796612895572398-video-1.mjr',
      'videoroom-1000002-user-98595-1796612885660433-audio-0.mjr',
      'videoroom-1000002-user-98595-1796612885660678-video-1.mjr',
    ]);
    expect(takes).toEqual([
      { feed: 98595, room: 98, at: 1796612885660433, audio: 'videoroom-1000002-user-98595-1796612885660433-audio-0.mjr', video: 'videoroom-1000002-user-98595-1796612885660678-video-1.mjr' },
      { feed: 150236, room: 150, at: 1796612895572061, audio: 'videoroom-1000002-user-150236-1796612895572061-audio-0.mjr', video: 'videoroom-1000002-user-150236-1796612895572398-video-1.mjr' },
    ]);
  });

  it('keeps a room\'s second publishing (a reloaded page) apart from its first', () => {
    const takes = janusTakes([
      'videoroom-7-user-98001-1000000000-video-1.mjr',
      'videoroom-7-user-98001-1000000300-audio-0.mjr',
      'videoroom-7-user-98001-1060000000-video-1.mjr',
      'videoroom-7-user-98001-1060000200-audio-0.mjr',
      'videoroom-7-user-98001-1090000000-video-1.mjr',
    ]);
    expect(takes.map((t) => [t.at, Boolean(t.video), Boolean(t.audio)])).toEqual([
      [1000000000, true, true], [1060000000, true, true], [1090000000, true, false],
    ]);
  });
});

describe('mjrFirstPacketAt', () => {
  it('reads the first packet\'s time from the header Janus writes with it, and nothing from another file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mjr-'));
    try {
      const info = Buffer.from(JSON.stringify({ t: 'v', c: 'vp8', s: 1796612885660678, u: 1796612893123456 }));
      const length = Buffer.alloc(2);
      length.writeUInt16BE(info.length);
      const mjr = join(dir, 'lead-video.mjr');
      await writeFile(mjr, Buffer.concat([Buffer.from('MJR00002'), length, info, Buffer.from('MEET\0\0\0\0\0\0')]));
      expect(await mjrFirstPacketAt(mjr)).toBe(1796612893123);
      const empty = join(dir, 'empty.mjr');
      await writeFile(empty, 'MJR00002');
      expect(await mjrFirstPacketAt(empty)).toBeNull();
      expect(await mjrFirstPacketAt(join(dir, 'missing.mjr'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('longestTakes', () => {
  it('keeps each room\'s longest take for the replay and names the others to delete', () => {
    const takes = janusTakes([
      'videoroom-1-user-98001-1000000000-video.mjr', 'videoroom-1-user-98001-1000000200-audio.mjr',
      'videoroom-1-user-98002-1060000000-video.mjr', 'videoroom-1-user-98002-1060000300-audio.mjr',
      'videoroom-1-user-150001-1000000500-video.mjr',
    ]);
    // Room 98 published twice (a reload); its second take ran longer.
    const sizes: Record<number, number> = { 98001: 10, 98002: 500, 150001: 40 };
    const picked = longestTakes(takes, (t) => sizes[t.feed]!);
    expect(picked.map((p) => ({ room: p.room, feed: p.take.feed, others: p.others.map((o) => o.feed) }))).toEqual([
      { room: 98, feed: 98002, others: [98001] },
      { room: 150, feed: 150001, others: [] },
    ]);
  });
});
