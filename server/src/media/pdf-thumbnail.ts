import { join } from 'node:path';
import { runTool } from './system-tools.js';

/** The arguments drawing a PDF's first page as a PNG at most 480 pixels on its longer side, into `<outPrefix>.png`. */
export function thumbnailArgs(pdfPath: string, outPrefix: string): string[] {
  return ['-png', '-f', '1', '-l', '1', '-scale-to', '480', '-singlefile', pdfPath, outPrefix];
}

/** Draws a PDF's first page with poppler's pdftoppm into `workDir`; answers the PNG's path. */
export async function pdfFirstPagePng(opts: { pdftoppm: string; pdfPath: string; workDir: string; timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  const prefix = join(opts.workDir, 'thumb');
  await runTool(opts.pdftoppm, thumbnailArgs(opts.pdfPath, prefix), { timeoutMs: opts.timeoutMs, signal: opts.signal });
  return `${prefix}.png`;
}
