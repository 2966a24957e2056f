import { describe, expect, it } from 'vitest';
import { makeLesson } from '../test-support/media-fixtures.js';
import { checkPicture } from './visual-check.js';

/** The picture check through a real ffmpeg, on generated lessons (the pure parts: visual-check.test.ts). */
describe('checkPicture (real ffmpeg)', () => {
  const info = { durationSeconds: 8, keyframeIntervalSeconds: 1 };
  it('measures a black lesson as black, a looped still as frozen, and test bars as moving', async () => {
    const [black, frozen, moving] = await Promise.all([
      makeLesson({ seconds: 8, gopSeconds: 1, picture: 'black' }),
      makeLesson({ seconds: 8, gopSeconds: 1, picture: 'frozen' }),
      makeLesson({ seconds: 8, gopSeconds: 1 }),
    ]);
    const b = await checkPicture(black, info);
    expect(b.blackShare).toBeGreaterThan(0.9);
    const f = await checkPicture(frozen, info);
    expect(f.blackShare).toBe(0);
    expect(f.frozenShare).toBeGreaterThan(0.9);
    expect(await checkPicture(moving, info)).toEqual({ blackShare: 0, frozenShare: 0 });
  });
});
