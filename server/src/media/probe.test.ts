import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_DIR,
  makeAudioOnly,
  makeLesson,
  makeNotVideo,
  makeTruncated,
} from '../test-support/media-fixtures.js';
import { decidePackaging } from './decide.js';
import { MediaError } from './media-error.js';
import { probeMedia } from './probe.js';

async function probeError(path: string): Promise<MediaError> {
  const e = await probeMedia(path).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(MediaError);
  return e as MediaError;
}

describe('probeMedia on generated files', () => {
  it('describes a recorder-like H.264/AAC MP4', async () => {
    const info = await probeMedia(await makeLesson({ seconds: 4, width: 320, height: 240, gopSeconds: 2 }));
    expect(info).toMatchObject({
      durationSeconds: expect.closeTo(4, 1),
      formatName: expect.stringContaining('mp4'),
      video: {
        index: 0, codec: 'h264', profile: 'High', pixFmt: 'yuv420p', width: 320, height: 240, rotation: 0,
        interlaced: false, fps: 25, keyframeIntervalSeconds: expect.closeTo(2, 1),
      },
      audio: { index: 1, codec: 'aac', profile: 'LC', sampleRate: 48000, channels: 1 },
    });
    expect(info.sizeBytes).toBeGreaterThan(10_000);
    expect(info.streams.map((s) => s.type)).toEqual(['video', 'audio']);
    expect(decidePackaging(info)).toEqual({ video: 'copy', audio: 'copy', reasons: [] });
  });

  it('measures keyframe spacing of long-GOP and single-keyframe files', async () => {
    const tenSecondGop = await probeMedia(await makeLesson({ seconds: 10, width: 160, height: 120, gopSeconds: 5, audio: 'none' }));
    expect(tenSecondGop.video?.keyframeIntervalSeconds).toBe(5);
    const oneKey = await probeMedia(await makeLesson({ seconds: 10, width: 160, height: 120, gopSeconds: 60, audio: 'none' }));
    expect(oneKey.video?.keyframeIntervalSeconds).toBeCloseTo(10, 0);
    expect(decidePackaging(oneKey, { maxKeyframeIntervalSeconds: 4 }).video).toBe('transcode');
  });

  it('handles MPEG-TS, whose clock does not start at 0', async () => {
    const info = await probeMedia(await makeLesson({ seconds: 4, container: 'ts' }));
    expect(info.formatName).toBe('mpegts');
    // The window's end comes from the format duration, which the audio stretches by a frame.
    expect(info.video?.keyframeIntervalSeconds).toBeCloseTo(2, 1);
  });

  it('sees HEVC, mpeg4 and mp3 for what they are', async () => {
    const hevc = await probeMedia(await makeLesson({ codec: 'hevc', seconds: 2 }));
    expect(hevc.video?.codec).toBe('hevc');
    expect(decidePackaging(hevc)).toMatchObject({ video: 'transcode', audio: 'copy' });
    const mpeg4 = await probeMedia(await makeLesson({ codec: 'mpeg4', seconds: 2 }));
    expect(decidePackaging(mpeg4).video).toBe('transcode');
    const mp3 = await probeMedia(await makeLesson({ audio: 'mp3', seconds: 2 }));
    expect(mp3.audio?.codec).toBe('mp3');
    expect(decidePackaging(mp3)).toMatchObject({ video: 'copy', audio: 'transcode' });
  });

  it('finds no audio in a film without sound', async () => {
    const info = await probeMedia(await makeLesson({ audio: 'none', seconds: 2 }));
    expect(info.audio).toBeUndefined();
  });

  it('calls a recorder file cut off before its index (moov at the end) truncated', async () => {
    const e = await probeError(await makeTruncated(await makeLesson({ seconds: 4 })));
    expect(e.code).toBe('MEDIA_TRUNCATED');
    expect(e.message).toMatch(/视频文件不完整.*重新导出/);
    expect(e.retryable).toBe(false);
    expect(e.detail).toMatch(/moov atom not found/);
  });

  it('calls a faststart MP4 cut in half truncated, though ffprobe alone accepts it', async () => {
    const e = await probeError(await makeTruncated(await makeLesson({ seconds: 4, faststart: true })));
    expect(e.code).toBe('MEDIA_TRUNCATED');
  });

  it('refuses a text file named .mp4 and a picture as not video', async () => {
    for (const path of [await makeNotVideo('text'), await makeNotVideo('png')]) {
      const e = await probeError(path);
      expect(e.code).toBe('MEDIA_NOT_VIDEO');
      expect(e.message).toBe('文件不是视频文件（无法识别的格式），请上传录播主机导出的 MP4 文件');
    }
  });

  it('refuses an empty file and an HLS playlist (a way to make ffmpeg read other files)', async () => {
    const empty = join(FIXTURE_DIR, 'empty.mp4');
    await writeFile(empty, '');
    expect((await probeError(empty)).code).toBe('MEDIA_NOT_VIDEO');
    const playlist = join(FIXTURE_DIR, 'sneaky.mp4');
    await writeFile(playlist, '#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n');
    const e = await probeError(playlist);
    expect(e.code).toBe('MEDIA_NOT_VIDEO');
    expect(e.detail).toMatch(/not on whitelist|Invalid data/);
  });

  it('refuses sound without a picture', async () => {
    const e = await probeError(await makeAudioOnly());
    expect(e.code).toBe('MEDIA_NO_VIDEO_STREAM');
    expect(e.message).toMatch(/没有视频画面/);
    expect(await probeMedia(await makeAudioOnly(), { requireVideo: false })).toMatchObject({ audio: { codec: 'aac' } });
  });

  it('stops when aborted', async () => {
    const path = await makeLesson({ seconds: 2 });
    const e = await probeMedia(path, { signal: AbortSignal.abort() }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'MEDIA_ABORTED', retryable: true });
  });
});
