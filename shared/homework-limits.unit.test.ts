import { describe, expect, it } from 'vitest';
import { homeworkRule, homeworkWarning, overWrittenLimit } from './homework-limits.js';

describe('homework limits', () => {
  it('follow the national figures by grade', () => {
    expect([-1, 1, 2, 3, 6, 7, 9, 10].map((g) => homeworkRule(g).writtenLimit)).toEqual([0, 0, 0, 60, 60, 90, 90, null]);
    expect(homeworkRule(-2).homeworkAllowed).toBe(false);
  });

  it('warn on written homework in grade 2, on passing 60 in grade 3, never in senior school', () => {
    expect(homeworkWarning(homeworkRule(2), 0, 'written', 10)).toBe('NO_WRITTEN_HOMEWORK');
    expect(homeworkWarning(homeworkRule(2), 0, 'oral', 10)).toBeNull();
    expect(homeworkWarning(homeworkRule(3), 40, 'written', 20)).toBeNull();
    expect(homeworkWarning(homeworkRule(3), 40, 'written', 21)).toBe('OVER_WRITTEN_LIMIT');
    expect(homeworkWarning(homeworkRule(11), 200, 'written', 60)).toBeNull();
    expect(homeworkWarning(homeworkRule(-1), 0, 'practice', 5)).toBe('NO_HOMEWORK');
    expect(overWrittenLimit(homeworkRule(1), 1)).toBe(true);
  });
});
