import { describe, expect, it } from 'vitest';
import { InvalidObjectKeyError } from '../../storage/object-store.js';
import { researchFileKey, researchFilesPrefix } from '../../storage/keys.js';
import { checkResearchFile } from './activities.files.js';

const refused = (filename: string, data: Buffer) => {
  try {
    checkResearchFile({ filename, data });
  } catch (err) {
    return (err as { code: string }).code;
  }
  return null;
};

describe('lesson plans and courseware: what is taken', () => {
  it('takes Office, PDF, pictures and text by their first bytes, and names the stored type itself', () => {
    expect(checkResearchFile({ filename: '教案.PDF', data: Buffer.from('%PDF-1.7 …') })).toEqual({ ext: 'pdf', contentType: 'application/pdf' });
    expect(checkResearchFile({ filename: '课件.pptx', data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]) }).contentType).toContain('presentationml');
    expect(checkResearchFile({ filename: '旧教案.doc', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]) }).contentType).toBe('application/msword');
    expect(checkResearchFile({ filename: '板书.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) }).contentType).toBe('image/jpeg');
    expect(checkResearchFile({ filename: '说明.txt', data: Buffer.from('第一课时：导入') }).contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuses other kinds, renamed files, empty files and text that is not UTF-8', () => {
    expect(refused('setup.exe', Buffer.from('MZ'))).toBe('RESEARCH_FILE_TYPE');
    expect(refused('没有扩展名', Buffer.from('%PDF'))).toBe('RESEARCH_FILE_TYPE');
    expect(refused('page.html', Buffer.from('<html>'))).toBe('RESEARCH_FILE_TYPE');
    expect(refused('假的.pdf', Buffer.from('<script>alert(1)</script>'))).toBe('RESEARCH_FILE_CONTENT');
    expect(refused('假的.docx', Buffer.from('%PDF-1.4'))).toBe('RESEARCH_FILE_CONTENT');
    expect(refused('空.pdf', Buffer.alloc(0))).toBe('RESEARCH_FILE_EMPTY');
    expect(refused('二进制.txt', Buffer.from([0x41, 0x00, 0x42]))).toBe('RESEARCH_FILE_CONTENT');
    expect(refused('gbk.txt', Buffer.from([0xc4, 0xe3, 0xba, 0xc3]))).toBe('RESEARCH_FILE_CONTENT');
  });

  it('keeps files under the activity, named by a token and the checked extension', () => {
    expect(researchFilesPrefix(12)).toBe('research/activities/12/files/');
    expect(researchFileKey(12, 'a1b2c3', 'pdf')).toBe('research/activities/12/files/a1b2c3.pdf');
    expect(() => researchFileKey(12, '../x', 'pdf')).toThrow(InvalidObjectKeyError);
    expect(() => researchFileKey(12, 'a', 'p/df')).toThrow(InvalidObjectKeyError);
    expect(() => researchFilesPrefix(0)).toThrow(InvalidObjectKeyError);
  });
});
