import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../http/errors.js';

/**
 * A parsed font (fontkit's Font), handed to pdfkit as it is: parsing and first subsetting of an
 * 8 MB CJK font costs about a second, so each face is parsed once per process and reused by every
 * PDF (pdfkit takes a font object wherever it takes a file).
 */
export type CjkFace = object;

export interface CjkFonts {
  regular: CjkFace;
  bold: CjkFace;
  /** Where they came from, for logs and tests. */
  source: 'npm' | 'system';
}

const requireHere = createRequire(import.meta.url);
const fontkit = requireHere('fontkit') as { create(data: Buffer, postscriptName?: string): object };

/**
 * Where the 评课记录 PDF finds a font with Chinese glyphs. pdfkit's built-in fonts have none.
 * 1. npm: the Noto Sans S Chinese faces (OFL-1.1) shipped by the @embedpdf/fonts-sc package, a
 *    dependency, so `npm install && npm start` makes PDFs on a machine without any Chinese font;
 *    it covers 20,945 of the 20,992 CJK Unified Ideographs (rare names' characters included).
 * 2. system: Debian's fonts-noto-cjk, should the package be missing (a trimmed install).
 * Otherwise PDF export answers 503 with the fix, and the Excel export still works.
 */
export const SYSTEM_NOTO_CJK = {
  regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
};

function fromNpm(): CjkFonts | null {
  try {
    // The package exports only its index; the fonts lie beside it in fonts/.
    const main = requireHere.resolve('@embedpdf/fonts-sc');
    const dir = join(dirname(main), '..', 'fonts');
    const regular = join(dir, 'NotoSansHans-Regular.otf');
    const bold = join(dir, 'NotoSansHans-Bold.otf');
    if (!existsSync(regular)) return null;
    return { regular: fontkit.create(readFileSync(regular)), bold: fontkit.create(readFileSync(existsSync(bold) ? bold : regular)), source: 'npm' };
  } catch {
    return null;
  }
}

function fromSystem(): CjkFonts | null {
  if (!existsSync(SYSTEM_NOTO_CJK.regular)) return null;
  const bold = existsSync(SYSTEM_NOTO_CJK.bold) ? SYSTEM_NOTO_CJK.bold : SYSTEM_NOTO_CJK.regular;
  return {
    regular: fontkit.create(readFileSync(SYSTEM_NOTO_CJK.regular), 'NotoSansCJKsc-Regular'),
    bold: fontkit.create(readFileSync(bold), bold === SYSTEM_NOTO_CJK.regular ? 'NotoSansCJKsc-Regular' : 'NotoSansCJKsc-Bold'),
    source: 'system',
  };
}

const cached = new Map<string, CjkFonts | null>();
const once = (key: string, load: () => CjkFonts | null) => {
  if (!cached.has(key)) cached.set(key, load());
  return cached.get(key)!;
};

/** The fonts, parsed once per process; `prefer` picks a source (tests try both). */
export function cjkFonts(prefer?: 'npm' | 'system'): CjkFonts {
  const npm = () => once('npm', fromNpm);
  const system = () => once('system', fromSystem);
  const found = prefer === 'system' ? system() : prefer === 'npm' ? npm() : (npm() ?? system());
  if (!found) {
    throw new AppError(503, 'PDF_FONT_MISSING',
      '服务器缺少中文字体，暂时无法生成 PDF：请在服务器上运行 npm install（安装 @embedpdf/fonts-sc），或安装 fonts-noto-cjk 字体包；Excel 导出不受影响');
  }
  return found;
}
