import { describe, expect, it } from 'vitest';
import type { PackagingDecision } from './decide.js';
import {
  buildAudioLevelArgs,
  buildGuessedCopyArgs,
  buildPackageArgs,
  buildRenditionArgs,
  expectedPackageOutput,
  expectedRenditionOutput,
  guessedCopyHolds,
  h264Level,
  rungSize,
  transcodeSize,
} from './hls-args.js';
import type { MediaInfo, VideoStreamInfo } from './probe.js';
import { buildThumbnailArgs, thumbnailLayout } from './thumbnail-args.js';

function info(video: Partial<VideoStreamInfo> = {}, withAudio = true): MediaInfo {
  return {
    durationSeconds: 2700,
    sizeBytes: 1,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    video: {
      index: 1, codec: 'h264', profile: 'High', level: 31, pixFmt: 'yuv420p', width: 1280, height: 720,
      rotation: 0, interlaced: false, fps: 25, keyframeIntervalSeconds: 2, ...video,
    },
    audio: withAudio ? { index: 0, codec: 'aac', profile: 'LC', sampleRate: 48000, channels: 2 } : undefined,
    streams: [],
  };
}
const copy: PackagingDecision = { video: 'copy', audio: 'copy', reasons: [] };
const OUT = '/data/work/rec-1/source';

/** Options of the HLS output (between the input and the playlist) and what follows it. */
function split(args: string[]): { hls: string; rest: string[] } {
  const end = args.indexOf(`${OUT}/index.m3u8`);
  return { hls: args.slice(args.indexOf('-i') + 2, end).join(' '), rest: args.slice(end + 1) };
}

describe('buildAudioLevelArgs', () => {
  it('decodes only the audio track of the untrusted upload through volumedetect, writing nothing', () => {
    expect(buildAudioLevelArgs('/data/in/upload 1.mp4', info())).toEqual([
      '-protocol_whitelist', 'file', '-format_whitelist', expect.stringContaining('mp4'), '-i', 'file:/data/in/upload 1.mp4',
      '-vn', '-sn', '-dn', '-map', '0:0', '-af', 'volumedetect', '-f', 'null', '-',
    ]);
  });
});

describe('buildPackageArgs', () => {
  it('copies both tracks into HLS, reading the file once', () => {
    const args = buildPackageArgs('/data/in/upload 1.mp4', OUT, info(), copy);
    expect(args.slice(0, 6)).toEqual([
      '-protocol_whitelist', 'file', '-format_whitelist', expect.stringContaining('mp4'), '-i', 'file:/data/in/upload 1.mp4',
    ]);
    expect(args.filter((a) => a === '-i')).toHaveLength(1); // read once
    const { hls, rest } = split(args);
    expect(hls).toContain('-map 0:1 -c:v copy -map 0:0 -c:a copy');
    expect(hls).toContain('-f hls -hls_time 6 -hls_playlist_type vod');
    expect(hls).toContain(`-hls_segment_filename ${OUT}/seg_%05d.ts`);
    expect(args).not.toContain('libx264');
    expect(rest).toEqual([]);
  });

  it('transcodes video with libx264 veryfast and 2 s keyframes, audio with AAC', () => {
    const args = buildPackageArgs('/in.mp4', OUT, info({ codec: 'hevc', width: 3840, height: 2160 }), {
      video: 'transcode', audio: 'transcode', reasons: [],
    });
    const text = args.join(' ');
    expect(text).toContain('-c:v libx264 -preset veryfast');
    expect(text).toContain('-force_key_frames expr:gte(t,n_forced*2)');
    expect(text).toContain('-vf scale=1920:1080,setsar=1');
    expect(text).toContain('-c:a aac -b:a 128k');
  });

  it('copies the picture and transcodes only the audio of an mp3 recording', () => {
    const i = info();
    i.audio = { index: 0, codec: 'mp3', profile: null, sampleRate: 44100, channels: 2 };
    const text = buildPackageArgs('/in.mp4', OUT, i, { video: 'copy', audio: 'transcode', reasons: [] }).join(' ');
    expect(text).toContain('-map 0:1 -c:v copy -map 0:0 -c:a aac');
    expect(text).not.toContain('-ar 48000');
    expect(text).not.toContain('libx264');
  });

  it('has no audio mapping without audio', () => {
    const args = buildPackageArgs('/in.mp4', OUT, info({}, false), { video: 'copy', audio: 'none', reasons: [] });
    expect(args.filter((a) => a === '-map')).toHaveLength(1);
    expect(buildAudioLevelArgs('/in.mp4', info({}, false))).toBeNull();
  });

  it('deinterlaces, and strips metadata (GPS positions of phones)', () => {
    const text = buildPackageArgs('/in.mp4', OUT, info({ interlaced: true }), { ...copy, video: 'transcode' }).join(' ');
    expect(text).toContain('-vf yadif=mode=send_frame:deint=interlaced,scale=1280:720');
    expect(text).toContain('-map_metadata -1');
  });

  it('refuses relative or pattern-breaking output folders', () => {
    expect(() => buildPackageArgs('/in.mp4', 'out', info(), copy)).toThrow(/absolute/);
    expect(() => buildPackageArgs('/in.mp4', '/out/100%', info(), copy)).toThrow(/without %/);
  });

  it('skips the upload whitelist only for our own files', () => {
    expect(buildPackageArgs('/in.m3u8', OUT, info(), copy, { trustedInput: true }).slice(0, 2)).toEqual(['-i', 'file:/in.m3u8']);
  });
});

describe('the copy pass started before the probe answers', () => {
  const streams = (...types: string[]) => types.map((type, index) => ({ index, type, codec: null }));
  const probed = (types: string[], videoIndex: number, audioIndex: number | null): MediaInfo => {
    const i = info({ index: videoIndex }, audioIndex !== null);
    return { ...i, audio: i.audio && { ...i.audio, index: audioIndex! }, streams: streams(...types) };
  };

  it('copies the first picture and the first sound, if there is one, with the decided pass\'s input and output options', () => {
    const guessed = buildGuessedCopyArgs('/in.mp4', OUT);
    const decided = buildPackageArgs('/in.mp4', OUT, probed(['video', 'audio'], 0, 1), copy);
    const maps = (args: string[]) => args.indexOf('-map');
    const output = (args: string[]) => args.indexOf('-map_metadata');
    expect(guessed.slice(0, maps(guessed))).toEqual(decided.slice(0, maps(decided)));
    expect(guessed.slice(maps(guessed), output(guessed)).join(' ')).toBe('-map 0:v:0 -c:v copy -map 0:a:0? -c:a copy');
    expect(guessed.slice(output(guessed))).toEqual(decided.slice(output(decided)));
  });

  it('is adopted only when the probe decides what it guessed', () => {
    expect(guessedCopyHolds(probed(['video', 'audio'], 0, 1), copy)).toBe(true);
    expect(guessedCopyHolds(probed(['audio', 'video'], 1, 0), copy)).toBe(true);
    expect(guessedCopyHolds(probed(['video'], 0, null), { ...copy, audio: 'none' })).toBe(true);
    // A transcode of either track, cover art before the recording, a first sound track ffprobe passed over.
    expect(guessedCopyHolds(probed(['video', 'audio'], 0, 1), { ...copy, video: 'transcode' })).toBe(false);
    expect(guessedCopyHolds(probed(['video', 'audio'], 0, 1), { ...copy, audio: 'transcode' })).toBe(false);
    expect(guessedCopyHolds(probed(['video', 'video', 'audio'], 1, 2), copy)).toBe(false);
    expect(guessedCopyHolds(probed(['video', 'audio', 'audio'], 0, 2), copy)).toBe(false);
    expect(guessedCopyHolds(probed(['video', 'audio'], 0, null), { ...copy, audio: 'none' })).toBe(false);
  });
});

describe('sizes', () => {
  it('fits transcodes into 1080p in the displayed orientation, with even sides', () => {
    expect(transcodeSize({ width: 3840, height: 2160, rotation: 0 })).toEqual({ width: 1920, height: 1080 });
    expect(transcodeSize({ width: 3840, height: 2160, rotation: 90 })).toEqual({ width: 1080, height: 1920 });
    expect(transcodeSize({ width: 853, height: 479, rotation: 0 })).toEqual({ width: 854, height: 480 });
    expect(transcodeSize({ width: 4000, height: 1000, rotation: 0 })).toEqual({ width: 1920, height: 480 });
  });

  it('gives ladder rungs the source aspect', () => {
    expect(rungSize({ width: 1280, height: 720, rotation: 0 }, 360)).toEqual({ width: 640, height: 360 });
    expect(rungSize({ width: 640, height: 480, rotation: 0 }, 360)).toEqual({ width: 480, height: 360 });
  });

  it('builds a transcoded low-bitrate rung', () => {
    const text = buildRenditionArgs('/in.mp4', '/out/360p', info(), { name: '360p', height: 360, videoKbps: 400, audioKbps: 64 }).join(' ');
    expect(text).toContain('-vf scale=640:360,setsar=1 -c:v libx264 -preset veryfast');
    expect(text).toContain('-b:v 400k -maxrate 480k -bufsize 800k');
    expect(text).toContain('-c:a aac -b:a 64k');
    expect(text).toContain('/out/360p/index.m3u8');
  });
});

describe('levels and expected outputs', () => {
  it('picks the lowest H.264 level that fits size and frame rate', () => {
    expect(h264Level({ width: 320, height: 240 }, 25)).toBe(3.0);
    expect(h264Level({ width: 1280, height: 720 }, 30)).toBe(3.1);
    expect(h264Level({ width: 1920, height: 1080 }, 30)).toBe(4.0);
    expect(h264Level({ width: 1920, height: 1080 }, 60)).toBe(4.2);
    expect(h264Level({ width: 3840, height: 2160 }, null)).toBe(5.1);
  });

  it('knows size and CODECS of each output before ffmpeg runs, and sets that level', () => {
    expect(expectedPackageOutput(info(), copy)).toEqual({ width: 1280, height: 720, codecs: 'avc1.64001f,mp4a.40.2' });
    const hevc = info({ codec: 'hevc', profile: 'Main', width: 3840, height: 2160 });
    const decision: PackagingDecision = { video: 'transcode', audio: 'none', reasons: [] };
    expect(expectedPackageOutput(hevc, decision)).toEqual({ width: 1920, height: 1080, codecs: 'avc1.640028' });
    expect(buildPackageArgs('/in.mp4', OUT, hevc, decision).join(' ')).toContain('-level:v 4.0');
    const rung = { name: '360p', height: 360, videoKbps: 400, audioKbps: 64 };
    expect(expectedRenditionOutput(info(), rung)).toEqual({ width: 640, height: 360, codecs: 'avc1.4d401e,mp4a.40.2' });
  });
});

describe('thumbnails', () => {
  it('spreads at most 100 scrub thumbnails of 160 px over a 45-minute lesson', () => {
    expect(thumbnailLayout(info())).toEqual({
      intervalSeconds: 27, count: 100, columns: 10, rows: 10, tileWidth: 160, tileHeight: 90, posterAtSeconds: 60,
    });
  });

  it('takes one per 2 s of a short clip, in one row', () => {
    const short = { ...info({ width: 320, height: 240 }), durationSeconds: 5 };
    expect(thumbnailLayout(short)).toMatchObject({ intervalSeconds: 2, count: 3, columns: 3, rows: 1, tileHeight: 120, posterAtSeconds: 0.5 });
  });

  it('decodes only keyframes when they are dense enough, writing sprite and poster in one run', () => {
    const { args } = buildThumbnailArgs('/in.mp4', '/out/thumbs', info());
    expect(args.slice(0, 2)).toEqual(['-skip_frame', 'nokey']);
    expect(args.join(' ')).toContain('-vf fps=1/27,scale=160:90,tile=10x10 -frames:v 1');
    expect(args).toContain('/out/thumbs/sprite.jpg');
    expect(args).toContain('/out/thumbs/poster.jpg');
    const sparse = buildThumbnailArgs('/in.mp4', '/out/thumbs', info({ keyframeIntervalSeconds: 60 })).args;
    expect(sparse).not.toContain('-skip_frame');
  });
});
