import { describe, expect, it } from 'vitest';
import { KG_PLAYLIST_SEGMENTS, kgPackagerArgs } from './kg-packager.js';

describe('the kindergarten stream packager\'s ffmpeg arguments', () => {
  const args = kgPackagerArgs({ sdp: '/d/camera.sdp', dir: '/d', take: 2 });
  const after = (flag: string) => args[args.indexOf(flag) + 1];

  it('writes a short sliding HLS playlist whose segments are deleted as they leave it', () => {
    expect(after('-f')).toBe('hls');
    expect(after('-hls_time')).toBe('1');
    expect(after('-hls_list_size')).toBe(String(KG_PLAYLIST_SEGMENTS));
    expect(after('-hls_flags')).toContain('delete_segments');
    expect(after('-hls_segment_filename')).toBe('/d/s2-%05d.ts');
    expect(args.at(-1)).toBe('/d/index.m3u8');
  });

  it('keeps nothing for a replay: no tee, no second output', () => {
    expect(args).not.toContain('tee');
    // The only .ts named is the segment pattern: no whole-lesson file beside it.
    expect(args.filter((a) => /\.(ts|mkv|mp4)$/.test(a))).toEqual(['/d/s2-%05d.ts']);
  });
});
