/**
 * Highlighted snippets as segments ({text, hit}): the web app renders each segment as text (a hit
 * in <mark>), so nothing is ever inserted as HTML and nobody escapes by hand.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

function pattern(words: readonly string[]): RegExp | null {
  const ws = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  if (!ws.length) return null;
  return new RegExp(ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'giu');
}

/** A text cut into segments, the words' occurrences (case-insensitive) marked as hits. */
export function highlight(text: string, words: readonly string[]): Segment[] {
  const re = pattern(words);
  if (!re || !text) return text ? [{ text, hit: false }] : [];
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** Characters of context kept before the first hit, and the excerpt's whole length. */
const BEFORE = 30;
const LENGTH = 120;

/**
 * An excerpt around the first occurrence of any word (whitespace folded), highlighted; null when
 * the text holds none of them.
 */
export function excerpt(text: string, words: readonly string[]): Segment[] | null {
  const re = pattern(words);
  if (!re) return null;
  const flat = text.replace(/\s+/gu, ' ').trim();
  const first = re.exec(flat);
  if (!first) return null;
  const start = Math.max(0, first.index - BEFORE);
  const end = Math.min(flat.length, start + LENGTH);
  const segments = highlight(flat.slice(start, end), words);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < flat.length) segments.push({ text: '…', hit: false });
  return segments;
}
