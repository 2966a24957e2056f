import { describe, expect, it } from 'vitest';
import {
  assertPlausibleDuration,
  decidePackaging,
  DEFAULT_LADDER,
  ladderFor,
  parseLadder,
} from './decide.js';
import { MediaError } from './media-error.js';
import type { AudioStreamInfo, MediaInfo, VideoStreamInfo } from './probe.js';

// What a typical classroom recorder writes: 720p H.264 High, 2 s GOP, AAC-LC stereo.
function recording(video: Partial<VideoStreamInfo> = {}, audio: Partial<AudioStreamInfo> | null = {}): MediaInfo {
  return {
    durationSeconds: 2700,
    sizeBytes: 800_000_000,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    video: {
      index: 0, codec: 'h264', profile: 'High', level: 31, pixFmt: 'yuv420p', width: 1280, height: 720,
      rotation: 0, interlaced: false, fps: 25, bitRate: 2_500_000, keyframeIntervalSeconds: 2, ...video,
    },
    audio: audio === null ? undefined : { index: 1, codec: 'aac', profile: 'LC', sampleRate: 48000, channels: 2, ...audio },
    streams: [],
  };
}

describe('decidePackaging', () => {
  it('copies the recorder’s H.264 + AAC untouched', () => {
    expect(decidePackaging(recording())).toEqual({ video: 'copy', audio: 'copy', reasons: [] });
  });

  it.each([
    ['Constrained Baseline', 'yuv420p'],
    ['Main', 'yuvj420p'], // full-range 4:2:0 from IP-camera based recorders
    ['High', 'yuvj420p'],
  ])('copies H.264 %s %s', (profile, pixFmt) => {
    expect(decidePackaging(recording({ profile, pixFmt })).video).toBe('copy');
  });

  it.each([
    [{ codec: 'hevc', profile: 'Main' }, /hevc is not H.264/],
    [{ codec: 'mpeg4', profile: 'Simple Profile' }, /mpeg4 is not H.264/],
    [{ codec: 'vp9', profile: 'Profile 0' }, /vp9/],
    [{ profile: 'High 10', pixFmt: 'yuv420p10le' }, /High 10/],
    [{ profile: 'High 4:2:2', pixFmt: 'yuv422p' }, /yuv422p/],
    [{ width: 3840, height: 2160 }, /3840x2160 is larger/],
    [{ rotation: 90, width: 1920, height: 1080 }, /rotated 90/],
    [{ interlaced: true }, /interlaced/],
  ])('transcodes video %j, still copying the AAC', (video, reason) => {
    const d = decidePackaging(recording(video));
    expect(d.video).toBe('transcode');
    expect(d.audio).toBe('copy');
    expect(d.reasons.join('; ')).toMatch(reason);
  });

  it('copies a portrait 1080×1920 picture (1080p, turned)', () => {
    expect(decidePackaging(recording({ width: 1080, height: 1920 })).video).toBe('copy');
  });

  describe('keyframe spacing', () => {
    it('copies 10 s GOPs by default: 10 s segments instead of 8 s are worth 200× less CPU', () => {
      expect(decidePackaging(recording({ keyframeIntervalSeconds: 10 })).video).toBe('copy');
      expect(decidePackaging(recording({ keyframeIntervalSeconds: 10.01 })).video).toBe('copy');
    });

    it('transcodes the video (only) of a 10 s GOP under a stricter 4 s policy', () => {
      const d = decidePackaging(recording({ keyframeIntervalSeconds: 10 }), { maxKeyframeIntervalSeconds: 4 });
      expect(d).toMatchObject({ video: 'transcode', audio: 'copy' });
      expect(d.reasons).toEqual(['keyframes 10 s apart, more than 4 s']);
    });

    it('transcodes when keyframes are further apart than the policy allows', () => {
      expect(decidePackaging(recording({ keyframeIntervalSeconds: 12 })).video).toBe('transcode');
      expect(decidePackaging(recording({ keyframeIntervalSeconds: 60 })).video).toBe('transcode');
    });

    it('transcodes when no keyframe information was found', () => {
      const d = decidePackaging(recording({ keyframeIntervalSeconds: null }));
      expect(d).toMatchObject({ video: 'transcode', audio: 'copy' });
      expect(d.reasons).toEqual(['no keyframes found in the first minute']);
    });
  });

  describe('audio', () => {
    it.each(['mp3', 'pcm_s16le', 'opus'])('transcodes %s audio only, copying the video', (codec) => {
      const d = decidePackaging(recording({}, { codec, profile: null }));
      expect(d).toMatchObject({ video: 'copy', audio: 'transcode' });
      expect(d.reasons).toEqual([`audio codec ${codec} is not AAC`]);
    });

    it('copies HE-AAC, transcodes AAC Main', () => {
      expect(decidePackaging(recording({}, { profile: 'HE-AAC' })).audio).toBe('copy');
      expect(decidePackaging(recording({}, { profile: 'Main' })).audio).toBe('transcode');
    });

    it('reports no audio for a silent film', () => {
      expect(decidePackaging(recording({}, null))).toEqual({ video: 'copy', audio: 'none', reasons: [] });
    });
  });

  it('refuses to decide without a video stream', () => {
    const info = recording();
    delete info.video;
    expect(() => decidePackaging(info)).toThrow(expect.objectContaining({ code: 'MEDIA_NO_VIDEO_STREAM' }));
  });
});

describe('ladderFor', () => {
  const ladder = parseLadder('540p:540:900:96,360p:360:400:64');

  it('offers lower rungs of a 720p source, highest first', () => {
    expect(ladderFor(recording(), ladder).map((r) => r.name)).toEqual(['540p', '360p']);
    expect(ladderFor(recording())).toEqual(DEFAULT_LADDER);
  });

  it('never upscales and skips rungs that are not smaller than the source', () => {
    expect(ladderFor(recording({ width: 640, height: 360 }), ladder)).toEqual([]);
    expect(ladderFor(recording({ width: 854, height: 480, bitRate: 450_000 }), ladder)).toEqual([]);
    expect(ladderFor(recording({ width: 854, height: 480, bitRate: undefined }), ladder).map((r) => r.name)).toEqual(['360p']);
  });

  it('measures a turned picture by its displayed height', () => {
    // A phone video stored 1920×1080 with rotation 90 is 1920 tall on screen.
    expect(ladderFor(recording({ width: 1920, height: 1080, rotation: 90 }), ladder)).toHaveLength(2);
    expect(ladderFor(recording({ width: 480, height: 640, rotation: 90 }), ladder).map((r) => r.name)).toEqual(['360p']);
  });
});

describe('parseLadder', () => {
  it('reads the setting and rejects nonsense with the rung at fault', () => {
    expect(parseLadder('')).toEqual([]);
    expect(parseLadder('360p:360:400:64')).toEqual(DEFAULT_LADDER);
    for (const bad of ['360p:360:400', '../x:360:400:64', '360p:361:400:64', 'a:360:400:64,a:240:200:32', 'source:360:1:1']) {
      expect(() => parseLadder(bad)).toThrow(/name:height:videoKbps:audioKbps/);
    }
  });
});

describe('assertPlausibleDuration', () => {
  it('explains a too-short or too-long file in Chinese', () => {
    const short = { ...recording(), durationSeconds: 0.4 };
    expect(() => assertPlausibleDuration(short)).toThrow(MediaError);
    expect(() => assertPlausibleDuration(short)).toThrow(expect.objectContaining({ code: 'MEDIA_TOO_SHORT' }));
    const long = { ...recording(), durationSeconds: 13 * 3600 };
    expect(() => assertPlausibleDuration(long)).toThrow(/13 小时.*超过单个录像 12 小时/);
    expect(() => assertPlausibleDuration(recording(), { minSeconds: 3000 })).toThrow(/45 分，短于处理所需的 50 分/);
    expect(() => assertPlausibleDuration(recording())).not.toThrow();
  });
});
