import { describe, expect, it } from 'vitest';
import { flatItems } from './rubric-definition.js';
import { krippendorffAlphaInterval } from './rubric-agreement.js';
import { lessonResults, maxTotalOf, type ScoreRecord } from './rubric-results.js';

const level = (score: number) => ({ score, label: String(score), descriptor: '' });
/** One 0–10 item (weight 1) and one two-level item scored 0/1 (weight 3). */
const items = flatItems({
  dimensions: [{ key: 'd', name: '维度', items: [
    { key: 'ten', text: '十分制', weight: 1, levels: [0, 5, 10].map(level) },
    { key: 'yes', text: '是否', weight: 3, levels: [1, 0].map(level) },
  ] }],
});
const score = (observerUserId: number, itemKey: string, value: number): ScoreRecord => ({ observerUserId, observerName: `观察者${observerUserId}`, itemKey, score: value, note: '' });

describe('one lesson\'s rubric results', () => {
  it('totals an observer only once every item is scored, and the mean total over those', () => {
    const r = lessonResults(items, [score(1, 'ten', 10), score(1, 'yes', 1), score(2, 'ten', 5)]);
    expect(r.observers.map((o) => [o.name, o.total, o.complete, o.scored])).toEqual([['观察者1', 13, true, 2], ['观察者2', null, false, 1]]);
    expect(r.meanTotal).toBe(13);
    expect(r.completeObservers).toBe(1);
    expect(maxTotalOf(items)).toBe(13);
    expect(r.meanPercent).toBe(100);
  });

  it('flags items whose observers are two levels apart, or differ on a two-level item', () => {
    const r = lessonResults(items, [score(1, 'ten', 0), score(2, 'ten', 10), score(1, 'yes', 0), score(2, 'yes', 1)]);
    expect(r.items.map((i) => [i.key, i.levelSpread, i.disagree])).toEqual([['ten', 2, true], ['yes', 1, true]]);
    const near = lessonResults(items, [score(1, 'ten', 5), score(2, 'ten', 10), score(1, 'yes', 1), score(2, 'yes', 1)]);
    expect(near.items.map((i) => i.disagree)).toEqual([false, false]);
  });

  it('computes agreement on each item\'s own 0–1 scale, and ignores scores of items the rubric lacks', () => {
    const scores = [score(1, 'ten', 10), score(2, 'ten', 5), score(1, 'yes', 0), score(2, 'yes', 0), score(3, 'gone', 4)];
    const r = lessonResults(items, scores);
    const expected = krippendorffAlphaInterval([[1, 0.5], [0, 0]]).alpha!;
    expect(r.agreement).toMatchObject({ observers: 2, items: 2, alpha: Math.round(expected * 1000) / 1000, exactShare: 0.5 });
    expect(r.observers).toHaveLength(2);
  });
});
