import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { officeConvertArgs } from '../../media/office-convert.js';
import { runTool } from '../../media/system-tools.js';

/**
 * Real office files for courseware tests, made by LibreOffice itself from a flat ODF text file
 * (.fodp → .pptx, .fodt → .docx): one slide, or one paragraph, holding `text`.
 */
export async function makeOfficeFile(soffice: string, dir: string, kind: 'pptx' | 'docx', text: string): Promise<Buffer> {
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    + ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"';
  const body = kind === 'pptx'
    ? `<office:presentation><draw:page draw:name="p1"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="5cm"><draw:text-box><text:p>${text}</text:p></draw:text-box></draw:frame></draw:page></office:presentation>`
    : `<office:text><text:p>${text}</text:p></office:text>`;
  const mimetype = kind === 'pptx' ? 'presentation' : 'text';
  const src = join(dir, `source-${kind}.${kind === 'pptx' ? 'fodp' : 'fodt'}`);
  await mkdir(dir, { recursive: true });
  await writeFile(src, `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${ns} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.${mimetype}"><office:body>${body}</office:body></office:document>\n`);
  const args = officeConvertArgs(src, dir, join(dir, `profile-${kind}`)).map((a) => (a === 'pdf' ? kind : a));
  await runTool(soffice, args, { timeoutMs: 120_000, env: { ...process.env, HOME: dir } });
  return readFile(join(dir, `source-${kind}.${kind}`));
}

/** A multipart body with one file in the field `file`, and its content-type header. */
export function multipartFile(filename: string, data: Buffer): { headers: Record<string, string>; body: Buffer } {
  const boundary = '----sunshine-courseware';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}
