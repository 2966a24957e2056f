import { describe, expect, it } from 'vitest';
import { hlsMasterKey, hlsSegmentKey, keyUnderMediaPrefix, recordingPrefix, sharedMediaKey, sharedMediaPrefix } from './keys.js';
import { InvalidObjectKeyError } from './object-store.js';

describe('shared media keys (the demo\'s clips)', () => {
  it('lays shared media out as a recording\'s own, outside every recording\'s prefix', () => {
    expect(sharedMediaKey('demo-teacher', hlsMasterKey)).toBe('shared-media/demo-teacher/hls/master.m3u8');
    expect(keyUnderMediaPrefix(hlsSegmentKey(42, 'source', 'seg_00001.ts'), sharedMediaPrefix('demo-teacher')))
      .toBe('shared-media/demo-teacher/hls/source/seg_00001.ts');
    expect(sharedMediaKey('demo-teacher', hlsMasterKey).startsWith(recordingPrefix(1))).toBe(false);
  });

  it('keeps a recording\'s own key without a media prefix, and refuses a prefix that is not shared media', () => {
    expect(keyUnderMediaPrefix(hlsMasterKey(7), null)).toBe('recordings/7/hls/master.m3u8');
    expect(() => keyUnderMediaPrefix(hlsMasterKey(7), 'recordings/8/')).toThrow(InvalidObjectKeyError);
    expect(() => keyUnderMediaPrefix(hlsMasterKey(7), 'shared-media/../')).toThrow(InvalidObjectKeyError);
    expect(() => sharedMediaPrefix('a/b')).toThrow(InvalidObjectKeyError);
  });
});
