import { createRequire } from 'node:module';

/**
 * Chinese word segmentation for resource search: ONE jieba segmenter (@node-rs/jieba with its
 * bundled dictionary) cuts both what is indexed and what is asked, so a word means the same on
 * both sides. Tokens are normalised to runs of letters and digits, lower-cased, so the index's
 * own tokenizer (FTS5 unicode61 over space-joined tokens; PostgreSQL's tsvector built from the
 * array as is) sees exactly the tokens listed here on either database.
 */
const require = createRequire(import.meta.url);
interface Segmenter { cut(text: string, hmm?: boolean): string[]; cutForSearch(text: string, hmm?: boolean): string[] }
let segmenter: Segmenter | undefined;
function jieba(): Segmenter {
  if (!segmenter) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Segmenter } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    segmenter = Jieba.withDict(dict);
  }
  return segmenter;
}

const CJK = /\p{Script=Han}/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Words that carry no meaning in a query (的, 和 …): dropped unless nothing else is left. */
export const STOPWORDS = new Set(['的', '了', '和', '与', '及', '或', '是', '在', '之', '对', '把', '被', '也', '都', '就', '而', '并', '从', '向', '等', '个']);

/** A raw segment as tokens: letters and digits only, lower-cased (a segment like "3.14" gives 3 and 14). */
function normalise(segment: string): string[] {
  return segment.toLowerCase().split(NOT_WORD).filter((t) => t.length > 0);
}

/** Every Han character of a text, once each: lets a 1-character query find a title or a tag. */
export function hanChars(text: string): string[] {
  return [...new Set([...text].filter((c) => CJK.test(c)))];
}

/** Index tokens of a text: jieba's search cut (each long word with its dictionary sub-words), distinct. */
export function indexTokens(text: string, opts: { chars?: boolean } = {}): string[] {
  if (!text.trim()) return [];
  const out = new Set(jieba().cutForSearch(text, true).flatMap(normalise));
  if (opts.chars) for (const c of hanChars(text)) out.add(c);
  return [...out];
}

/** Tokens of several texts, distinct, space-joined as the index stores them. */
export function joinTokens(texts: readonly string[], opts: { chars?: boolean } = {}): string {
  const out = new Set<string>();
  for (const text of texts) for (const t of indexTokens(text, opts)) out.add(t);
  return [...out].join(' ');
}

export interface QueryPlan {
  /** The query as typed, trimmed. */
  text: string;
  /** Words every hit must hold (in any field); jieba's plain cut, stopwords and punctuation dropped. */
  words: string[];
  /**
   * Set when the query is short and jieba does not keep it as one word (数的): the hit's title
   * must contain `titleSubstring` literally, and `words` are its single characters (but 的 and the
   * like), which the index holds for titles and tags.
   */
  titleSubstring: string | null;
}

/** Longest query (characters) answered by the title-substring fallback rather than by words. */
export const SHORT_QUERY = 2;

/** How a query is searched: its words, and for short non-words the title-substring fallback. */
export function planQuery(query: string): QueryPlan {
  const text = query.trim();
  const cut = jieba().cut(text, true).flatMap(normalise);
  const meaningful = cut.filter((w) => !STOPWORDS.has(w));
  const words = [...new Set(meaningful.length ? meaningful : cut)];
  const compact = text.replace(/\s+/gu, '');
  const chars = hanChars(compact);
  if ([...compact].length <= SHORT_QUERY && cut.length > 1 && chars.length === [...compact].length) {
    // The title must hold the query itself; the index narrows by its characters, leaving out 的
    // and the like when another is there (nearly every title holds 的: it would narrow nothing).
    const meaningfulChars = chars.filter((c) => !STOPWORDS.has(c));
    return { text, words: [...new Set(meaningfulChars.length ? meaningfulChars : chars)], titleSubstring: compact };
  }
  return { text, words, titleSubstring: null };
}

/** The fallback plan for a short query whose words found nothing: its characters, and the title holding it. */
export function fallbackPlan(plan: QueryPlan): QueryPlan | null {
  const compact = plan.text.replace(/\s+/gu, '');
  if (plan.titleSubstring !== null || [...compact].length > 4) return null;
  const chars = [...compact].filter((c) => CJK.test(c));
  if (!chars.length || chars.length !== [...compact].length) return null;
  const meaningfulChars = chars.filter((c) => !STOPWORDS.has(c));
  return { text: plan.text, words: [...new Set(meaningfulChars.length ? meaningfulChars : chars)], titleSubstring: compact };
}
