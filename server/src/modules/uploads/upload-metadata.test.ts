import { describe, expect, it } from 'vitest';
import { extensionOf, MetadataError, parseUploadMetadata } from './upload-metadata.js';

const good = { lessonStart: '2018-04-04T10:00:00+08:00', track: 'teacher', groupId: '3b9e6a52-1f1c-4d0e-9a55-0c2f4b8d7e61' };

function refusal(raw: Record<string, string | null>) {
  try {
    parseUploadMetadata(raw);
  } catch (err) {
    if (err instanceof MetadataError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a MetadataError');
}

describe('parseUploadMetadata', () => {
  it('accepts the keys of docs/devices.md and fills a title', () => {
    const m = parseUploadMetadata({ ...good, subject: '数学', teacher: '李晓燕', roomId: '12', classId: '7', sha256: 'a'.repeat(64), filename: 'x.MP4' });
    expect(m).toMatchObject({ roomId: 12, classId: 7, track: 'teacher', title: '数学 · 李晓燕', sha256: 'a'.repeat(64), schoolId: null, lessonEnd: null });
    expect(extensionOf(m.filename)).toBe('mp4');
    expect(extensionOf(null)).toBe('bin');
  });

  it('refuses a missing or zone-less lesson start, naming the key and an example', () => {
    expect(refusal({ ...good, lessonStart: null })).toMatchObject({ code: 'UPLOAD_METADATA_MISSING', message: expect.stringContaining('lessonStart') });
    expect(refusal({ ...good, lessonStart: '2018-04-04T10:00:00' }).message).toMatch(/带时区.*2018-04-04T10:00:00\+08:00/);
    expect(refusal({ ...good, lessonStart: '2018-02-30T10:00:00+08:00' }).code).toBe('UPLOAD_METADATA_INVALID');
    expect(refusal({ ...good, lessonEnd: '2018-04-04T09:00:00+08:00' }).message).toMatch(/晚于/);
  });

  it('refuses an unknown track, a missing or odd group id, a malformed hash or id', () => {
    expect(refusal({ ...good, track: 'ceiling' }).message).toMatch(/track.*composite/);
    expect(refusal({ ...good, groupId: null }).code).toBe('UPLOAD_METADATA_MISSING');
    expect(refusal({ ...good, groupId: 'a b' }).code).toBe('UPLOAD_METADATA_INVALID');
    expect(refusal({ ...good, sha256: 'ABC' }).message).toMatch(/sha256/);
    expect(refusal({ ...good, roomId: '-1' }).message).toMatch(/roomId/);
    expect(refusal({ ...good, subject: '数'.repeat(21) }).message).toMatch(/最多 20/);
  });
});
