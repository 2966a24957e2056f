import { describe, expect, it } from 'vitest';
import { fallbackPlan, indexTokens, joinTokens, planQuery } from './search-tokens.js';
import { excerpt, highlight } from './search.snippets.js';

describe('search tokens (one jieba for index and query)', () => {
  it('indexes a title by its words, their dictionary sub-words and, when asked, its single characters', () => {
    expect(indexTokens('百分数的应用')).toEqual(['百分', '分数', '百分数', '的', '应用']);
    expect(joinTokens(['圆柱的体积'], { chars: true })).toBe('圆柱 的 体积 圆 柱 体 积');
  });

  it('keeps only letters and digits, lower-cased, so FTS5 and tsvector see the same tokens', () => {
    expect(indexTokens('PPT课件：3.14')).toEqual(['ppt', '课件', '3', '14']);
  });

  it('cuts a query into words, dropping punctuation and stopwords like 的', () => {
    expect(planQuery('分数的初步认识')).toEqual({ text: '分数的初步认识', words: ['分数', '初步', '认识'], titleSubstring: null });
    expect(planQuery(' 分数 ')).toEqual({ text: '分数', words: ['分数'], titleSubstring: null });
    expect(planQuery('圆').words).toEqual(['圆']);
    // Only stopwords: they are what was asked for.
    expect(planQuery('的').words).toEqual(['的']);
    expect(planQuery('，。').words).toEqual([]);
  });

  it('answers a 2-character query jieba splits by its characters and the title holding it', () => {
    expect(planQuery('数的')).toEqual({ text: '数的', words: ['数'], titleSubstring: '数的' });
    expect(planQuery('长方')).toEqual({ text: '长方', words: ['长方'], titleSubstring: null });
  });

  it('falls back to characters and the title for a short query whose words found nothing', () => {
    expect(fallbackPlan(planQuery('分数'))).toEqual({ text: '分数', words: ['分', '数'], titleSubstring: '分数' });
    expect(fallbackPlan(planQuery('分数的初步认识'))).toBeNull();
    expect(fallbackPlan(planQuery('ppt'))).toBeNull();
  });
});

describe('highlighted segments', () => {
  it('marks every occurrence, longest word first, case-insensitive', () => {
    expect(highlight('PPT：分数与分数墙', ['分数', 'ppt'])).toEqual([
      { text: 'PPT', hit: true }, { text: '：', hit: false }, { text: '分数', hit: true }, { text: '与', hit: false }, { text: '分数', hit: true }, { text: '墙', hit: false },
    ]);
    expect(highlight('<b>圆</b>', ['圆'])).toEqual([{ text: '<b>', hit: false }, { text: '圆', hit: true }, { text: '</b>', hit: false }]);
  });

  it('cuts an excerpt around the first hit, marking the cuts', () => {
    const text = `${'甲'.repeat(100)}七巧板${'乙'.repeat(200)}`;
    const e = excerpt(text, ['七巧板'])!;
    expect(e[0]).toEqual({ text: '…', hit: false });
    expect(e[1]).toEqual({ text: '甲'.repeat(30), hit: false });
    expect(e[2]).toEqual({ text: '七巧板', hit: true });
    expect(e.at(-1)).toEqual({ text: '…', hit: false });
    expect(excerpt(text, ['圆'])).toBeNull();
  });
});
