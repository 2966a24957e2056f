import { describe, expect, it } from 'vitest';
import { issueMediaToken, verifyMediaToken } from './media-tokens.js';
import { mediaKeyFor, parseRange } from './recordings.media.js';

const key = 'k'.repeat(43);
const now = 1_522_800_000;

describe('media tokens', () => {
  const session = 41;
  it('verify for the recording, viewer and session they were issued for, until they expire', () => {
    const token = issueMediaToken(key, { recordingId: 7, viewerUserId: 3, expiresAt: now + 600 }, session);
    expect(verifyMediaToken(key, token, now, session)).toEqual({ ok: true, grant: { recordingId: 7, viewerUserId: 3, expiresAt: now + 600 } });
    expect(verifyMediaToken(key, token, now + 600, session)).toEqual({ ok: false, why: 'expired' });
  });

  it('cannot be moved to another recording or session, stretched, or signed with another key', () => {
    const token = issueMediaToken(key, { recordingId: 7, viewerUserId: 3, expiresAt: now + 600 }, session);
    const [, user, exp, sig] = token.split('.');
    expect(verifyMediaToken(key, `8.${user}.${exp}.${sig}`, now, session)).toEqual({ ok: false, why: 'signature' });
    expect(verifyMediaToken(key, `7.${user}.${now + 9999}.${sig}`, now, session)).toEqual({ ok: false, why: 'signature' });
    expect(verifyMediaToken(key, token, now, session + 1)).toEqual({ ok: false, why: 'signature' });
    expect(verifyMediaToken('x'.repeat(43), token, now, session)).toEqual({ ok: false, why: 'signature' });
    expect(verifyMediaToken(key, 'garbage', now, session)).toEqual({ ok: false, why: 'malformed' });
  });
});

describe('media paths', () => {
  it('map to the recording\'s keys and nothing else', () => {
    expect(mediaKeyFor(7, 'master.m3u8')).toBe('recordings/7/hls/master.m3u8');
    expect(mediaKeyFor(7, 'source/index.m3u8')).toBe('recordings/7/hls/source/index.m3u8');
    expect(mediaKeyFor(7, 'source/seg_00001.ts')).toBe('recordings/7/hls/source/seg_00001.ts');
    expect(mediaKeyFor(7, 'poster.jpg')).toBe('recordings/7/poster.jpg');
    expect(mediaKeyFor(7, 'thumbs/sprite.vtt')).toBe('recordings/7/thumbs/sprite.vtt');
    for (const bad of ['../8/hls/master.m3u8', 'source/../../x', 'source.m3u8', '.hidden', 'a/b/c', 'source/', 'thumbs/00001.jpg', 'source.ts']) {
      expect(mediaKeyFor(7, bad), bad).toBeNull();
    }
  });

  it('reads single byte ranges', () => {
    expect(parseRange('bytes=0-99')).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=100-')).toEqual({ start: 100, end: undefined });
    expect(parseRange('bytes=-500')).toEqual({ suffix: 500 });
    expect(parseRange('bytes=5-1')).toBeNull();
    expect(parseRange('bytes=0-1,5-9')).toBeNull();
    expect(parseRange(undefined)).toBeNull();
  });
});
