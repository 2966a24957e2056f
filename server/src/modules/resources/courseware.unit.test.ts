import { describe, expect, it } from 'vitest';
import { officeConvertArgs } from '../../media/office-convert.js';
import { thumbnailArgs } from '../../media/pdf-thumbnail.js';
import { checkCoursewareFile } from './courseware.service.js';
import { derivedKey } from './courseware.keys.js';

describe('courseware rules', () => {
  it('takes a file by its first bytes, not its name, and stores the type it found', () => {
    expect(checkCoursewareFile({ filename: '分数.PPTX', data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]) })).toEqual({
      ext: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    });
    expect(() => checkCoursewareFile({ filename: '分数.pdf', data: Buffer.from('<html>') })).toThrow(/内容与 \.pdf 文件不符/);
    expect(() => checkCoursewareFile({ filename: '表格.xlsx', data: Buffer.from([0x50, 0x4b, 0x03, 0x04]) })).toThrow(/不支持/);
    expect(() => checkCoursewareFile({ filename: '空.pdf', data: Buffer.alloc(0) })).toThrow(/空文件/);
  });

  it('converts with a private LibreOffice profile and draws one page at 480 pixels', () => {
    expect(officeConvertArgs('/w/in.pptx', '/w/out', '/w/profile')).toEqual([
      '-env:UserInstallation=file:///w/profile', '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', '/w/out', '/w/in.pptx',
    ]);
    expect(thumbnailArgs('/w/a.pdf', '/w/thumb')).toEqual(['-png', '-f', '1', '-l', '1', '-scale-to', '480', '-singlefile', '/w/a.pdf', '/w/thumb']);
  });

  it('puts a file\'s PDF and thumbnail under fixed keys beside it, so a rerun overwrites', () => {
    const row = { resource_id: 9, storage_key: 'resources/9/files/ab12.pptx' };
    expect(derivedKey(row, 'pdf')).toBe('resources/9/files/ab12-pdf.pdf');
    expect(derivedKey(row, 'thumb')).toBe('resources/9/files/ab12-thumb.png');
  });
});
