/**
 * File kinds by extension, with the bytes each must start with, so a renamed executable or a web
 * page is refused whatever its name says; the stored content type comes from here, never from
 * the browser. (Research's activities.files.ts keeps its own list, with spreadsheets and text.)
 */
export const FILE_SIGNATURES: Record<string, { type: string; magic: number[][] }> = {
  pdf: { type: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  doc: { type: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  ppt: { type: 'application/vnd.ms-powerpoint', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  png: { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
};

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(filename: string): string {
  return filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
}

/** Whether `data` starts as a file of extension `ext` must (false for an extension not listed). */
export function hasSignatureOf(ext: string, data: Uint8Array): boolean {
  const kind = FILE_SIGNATURES[ext];
  return !!kind && kind.magic.some((m) => m.every((byte, i) => data[i] === byte));
}
