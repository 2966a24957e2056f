import { describe, expect, it } from 'vitest';
import { codecsString, masterPlaylist, parseMediaPlaylist, type HlsRendition } from './playlist.js';
import { keyframeIntervalFrom, parseProbeJson } from './probe-parse.js';
import { parseClock, progressTracker } from './run-ffmpeg.js';
import { isSilent, parseVolumeDetect } from './silence.js';

describe('parseVolumeDetect / isSilent', () => {
  const report = (max: string, mean: string) =>
    [
      '[hls @ 0x1] Opening \'seg_00001.ts\' for writing',
      '[Parsed_volumedetect_0 @ 0x55688315f940] n_samples: 192512',
      `[Parsed_volumedetect_0 @ 0x55688315f940] mean_volume: ${mean} dB`,
      `[Parsed_volumedetect_0 @ 0x55688315f940] max_volume: ${max} dB`,
      '[Parsed_volumedetect_0 @ 0x55688315f940] histogram_14db: 11',
    ].join('\n');

  it('reads the peak and mean', () => {
    expect(parseVolumeDetect(report('-14.7', '-21.1'))).toEqual({ maxVolumeDb: -14.7, meanVolumeDb: -21.1, samples: 192512 });
    expect(parseVolumeDetect(report('0.0', '-3'))).toMatchObject({ maxVolumeDb: 0, meanVolumeDb: -3 });
    expect(parseVolumeDetect(report('-inf', '-inf'))).toMatchObject({ maxVolumeDb: -Infinity });
    expect(parseVolumeDetect('no report here')).toBeNull();
  });

  it('calls a track silent when its peak stays under -50 dBFS', () => {
    const levels = (maxVolumeDb: number) => ({ maxVolumeDb, meanVolumeDb: -80, samples: 1 });
    expect(isSilent(levels(-91))).toBe(true); // digital silence
    expect(isSilent(levels(-60))).toBe(true); // noise floor of a dead input
    expect(isSilent(levels(-49.9))).toBe(false);
    expect(isSilent(levels(-14))).toBe(false); // speech
    expect(isSilent(levels(-45), -40)).toBe(true);
  });
});

describe('progress', () => {
  it('turns out_time into rising whole percentages and ends at 100', () => {
    const seen: number[] = [];
    const p = progressTracker(100, (n) => seen.push(n));
    for (const line of ['out_time=-00:00:00.040000', 'out_time=N/A', 'out_time=00:00:10.500000', 'progress=continue',
      'out_time=00:00:10.600000', 'out_time=00:00:05.000000', 'out_time=00:01:39.900000', 'out_time=00:02:00.000000']) {
      p.line(line);
    }
    p.done();
    expect(seen).toEqual([10, 99, 100]);
    expect(parseClock('01:02:03.5')).toBe(3723.5);
  });
});

describe('playlists', () => {
  it('reads segments and whether the playlist was finished', () => {
    const text = '#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.000000,\nseg_00000.ts\n#EXTINF:2.5,\nseg_00001.ts\n#EXT-X-ENDLIST\n';
    expect(parseMediaPlaylist(text)).toEqual({
      targetDurationSeconds: 6,
      segments: [{ uri: 'seg_00000.ts', durationSeconds: 6 }, { uri: 'seg_00001.ts', durationSeconds: 2.5 }],
      ended: true,
    });
    expect(parseMediaPlaylist(text.replace('#EXT-X-ENDLIST\n', '')).ended).toBe(false);
  });

  it('names codecs only when sure', () => {
    expect(codecsString({ codec: 'h264', profile: 'High', level: 31 }, { codec: 'aac', profile: 'LC' })).toBe('avc1.64001f,mp4a.40.2');
    expect(codecsString({ codec: 'h264', profile: 'Constrained Baseline', level: 30 })).toBe('avc1.42e01e');
    expect(codecsString({ codec: 'h264', profile: 'High 10', level: 40 })).toBeNull();
    expect(codecsString({ codec: 'h264', profile: 'Main', level: 40 }, { codec: 'aac', profile: 'Main' })).toBeNull();
  });

  it('lists renditions in a master playlist, highest first', () => {
    const r = (name: string, bandwidth: number, height: number, codecs: string | null): HlsRendition => ({
      name, dir: '/x', playlist: 'index.m3u8', segments: [], durationSeconds: 1, width: (height * 16) / 9, height,
      bandwidth, averageBandwidth: bandwidth - 1, codecs,
    });
    expect(masterPlaylist([r('360p', 500_000, 360, null), r('source', 2_600_000, 720, 'avc1.64001f,mp4a.40.2')])).toBe(
      [
        '#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=2600000,AVERAGE-BANDWIDTH=2599999,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",NAME="source"',
        'source/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=500000,AVERAGE-BANDWIDTH=499999,RESOLUTION=640x360,NAME="360p"',
        '360p/index.m3u8',
      ].join('\n') + '\n',
    );
  });
});

describe('keyframeIntervalFrom', () => {
  it('takes the longest gap, counting the start and the unfinished gap at the window’s end', () => {
    expect(keyframeIntervalFrom([0, 2, 4, 6], 0, 8)).toBe(2);
    expect(keyframeIntervalFrom([1.4, 3.4, 5.4], 1.4, 6)).toBe(2); // MPEG-TS clock starting at 1.4 s
    expect(keyframeIntervalFrom([0, 10, 20], 0, 60)).toBe(40); // keyframes stopped after 20 s
    expect(keyframeIntervalFrom([3], 0, 4)).toBe(3); // starts mid-GOP
    expect(keyframeIntervalFrom([0], 0, 12)).toBe(12); // a single keyframe
    expect(keyframeIntervalFrom([], 0, 60)).toBeNull();
  });
});

describe('parseProbeJson', () => {
  const video = { index: 0, codec_type: 'video', codec_name: 'h264', profile: 'High', width: 1280, height: 720, pix_fmt: 'yuv420p', avg_frame_rate: '30000/1001' };
  const fmt = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '10.0' };

  it('reads rotation from the display matrix and frame rates as fractions', () => {
    const info = parseProbeJson({ format: fmt, streams: [{ ...video, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }] }, 1e6);
    expect(info.video).toMatchObject({ rotation: 90, fps: 29.97, interlaced: false, keyframeIntervalSeconds: null });
    expect(parseProbeJson({ format: fmt, streams: [{ ...video, tags: { rotate: '270' } }] }, 1e6).video?.rotation).toBe(270);
  });

  it('does not take cover art for a video stream', () => {
    const cover = { index: 1, codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } };
    const audio = { index: 0, codec_type: 'audio', codec_name: 'mp3', sample_rate: '44100', channels: 2 };
    expect(() => parseProbeJson({ format: fmt, streams: [audio, cover] }, 1e6)).toThrow(expect.objectContaining({ code: 'MEDIA_NO_VIDEO_STREAM' }));
  });

  it('calls a file without a known duration truncated, and one without streams not a video', () => {
    expect(() => parseProbeJson({ format: { ...fmt, duration: 'N/A' }, streams: [video] }, 1e6)).toThrow(expect.objectContaining({ code: 'MEDIA_TRUNCATED' }));
    expect(() => parseProbeJson({ format: fmt, streams: [] }, 1e6)).toThrow(expect.objectContaining({ code: 'MEDIA_NOT_VIDEO' }));
  });

  it('calls an MP4 truncated when its index promises more bytes than the file has', () => {
    const s = { ...video, bit_rate: '2000000', duration: '10.0' }; // 2.5 MB promised
    expect(() => parseProbeJson({ format: fmt, streams: [s] }, 1_000_000)).toThrow(expect.objectContaining({ code: 'MEDIA_TRUNCATED' }));
    expect(parseProbeJson({ format: fmt, streams: [s] }, 2_510_000).video?.bitRate).toBe(2_000_000);
  });
});
