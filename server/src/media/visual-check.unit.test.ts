import { describe, expect, it } from 'vitest';
import { freezeMinSecondsFor, parseVisualCheck, visualCheckArgs, visualShares } from './visual-check.js';

// What ffmpeg 5.1 printed for a keyframe-only check of generated 20-second lessons (2 s keyframes).
const BLACK_STDERR = `frame=    1 fps=0.0 q=-0.0 size=N/A time=00:00:00.04 bitrate=N/A speed=12.9x    [freezedetect @ 0x563310a85740] lavfi.freezedetect.freeze_start: 2
[blackdetect @ 0x563310a84780] black_start:0 black_end:18 black_duration:18
`;
const HALF_FROZEN_STDERR = `[freezedetect @ 0x55d] lavfi.freezedetect.freeze_start: 2
[freezedetect @ 0x55d] lavfi.freezedetect.freeze_duration: 4
[freezedetect @ 0x55d] lavfi.freezedetect.freeze_end: 6
[freezedetect @ 0x55d] lavfi.freezedetect.freeze_start: 10
`;

describe('visual check arguments', () => {
  it('decodes keyframes only, reads the first video stream, and discards the output', () => {
    const args = visualCheckArgs('/data/lesson.mp4', { keyframeIntervalSeconds: 2 });
    expect(args.slice(0, 2)).toEqual(['-skip_frame', 'nokey']);
    expect(args.indexOf('-skip_frame')).toBeLessThan(args.indexOf('-i'));
    expect(args).toContain('file:/data/lesson.mp4');
    expect(args).toContain('-format_whitelist');
    expect(args[args.indexOf('-vf') + 1]).toBe('blackdetect=d=2:pix_th=0.1,freezedetect=n=-60dB:d=3');
    expect(args.slice(-3)).toEqual(['-f', 'null', '-']);
  });

  it('keeps the freeze minimum above the keyframe gap (else two different keyframes read as a freeze)', () => {
    expect(freezeMinSecondsFor(1)).toBe(2);
    expect(freezeMinSecondsFor(4)).toBe(6);
    expect(freezeMinSecondsFor(null)).toBe(90);
  });
});

describe('parseVisualCheck', () => {
  it('reads black stretches and frozen ones, a freeze running to the end having no end', () => {
    expect(parseVisualCheck(BLACK_STDERR)).toEqual({ black: [{ start: 0, end: 18 }], frozen: [{ start: 2, end: null }] });
    expect(parseVisualCheck(HALF_FROZEN_STDERR).frozen).toEqual([{ start: 2, end: 6 }, { start: 10, end: null }]);
  });

  it('finds nothing in the output of a moving picture', () => {
    expect(parseVisualCheck('Input #0, mov,mp4\n  Stream #0:0: Video: h264\nvideo:0kB audio:0kB')).toEqual({ black: [], frozen: [] });
  });
});

describe('visualShares', () => {
  it('runs a stretch reaching the last keyframe to the end, and counts black as frozen too', () => {
    const shares = visualShares(parseVisualCheck(BLACK_STDERR), 20, 2);
    expect(shares).toEqual({ blackShare: 1, frozenShare: 1 });
  });

  it('starts a freeze at the keyframe before the first repeated one, and counts overlaps once', () => {
    // Frozen 0–6 (reported from 2) and 8–20 (reported from 10): 18 of 20 s.
    expect(visualShares(parseVisualCheck(HALF_FROZEN_STDERR), 20, 2).frozenShare).toBeCloseTo(0.9);
    expect(visualShares({ black: [{ start: 0, end: 5 }, { start: 3, end: 8 }], frozen: [] }, 20, 1).blackShare).toBeCloseTo(0.4);
  });

  it('is zero for a moving picture or an unknown duration', () => {
    expect(visualShares({ black: [], frozen: [] }, 20, 2)).toEqual({ blackShare: 0, frozenShare: 0 });
    expect(visualShares({ black: [{ start: 0, end: 5 }], frozen: [] }, 0, 2)).toEqual({ blackShare: 0, frozenShare: 0 });
  });
});
