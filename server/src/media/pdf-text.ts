
/** The most text kept of one PDF: enough for search, bounded for the row. */
export const PDF_TEXT_MAX_CHARS = 200_000;

/**
 * A PDF's text (pages joined by blank lines, spaces between a line's pieces) and its page count,
 * read with PDF.js as the viewer reads it. Throws on a file PDF.js cannot open.
 */
export async function pdfTextOf(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  // Loaded on the first courseware, not at start: pdf.js costs a node about 40 MiB of memory.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    let length = 0;
    for (let p = 1; p <= doc.numPages && length < PDF_TEXT_MAX_CHARS; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      page.cleanup();
      pages.push(text.trim());
      length += text.length;
    }
    return { text: pages.filter(Boolean).join('\n\n').slice(0, PDF_TEXT_MAX_CHARS), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
