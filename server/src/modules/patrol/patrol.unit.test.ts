import { describe, expect, it } from 'vitest';
import { PATROL_ITEMS, patrolScore } from './patrol.form.js';
import { currentTerm, termsByName } from './patrol.stats.js';

describe('the patrol form', () => {
  it('scores a patrol as the mean of its items, to one decimal', () => {
    expect(PATROL_ITEMS).toEqual(['order', 'organisation', 'engagement', 'technology']);
    expect(patrolScore({ order: 5, organisation: 4, engagement: 4, technology: 3 })).toBe(4);
    expect(patrolScore({ order: 4, organisation: 4, engagement: 5, technology: 5 })).toBe(4.5);
    expect(patrolScore({ order: 5, organisation: 4, engagement: 4, technology: 4 })).toBe(4.3);
    expect(patrolScore({ order: 1, organisation: 1, engagement: 1, technology: 1 })).toBe(1);
  });
});

describe('terms for the statistics', () => {
  const terms = [
    { id: 3, name: '2018—2019学年第一学期', startsOn: '2018-09-01', endsOn: '2019-01-18' },
    // The same term for kindergartens (another stage), a few days longer, and a county's own start.
    { id: 7, name: '2018—2019学年第一学期', startsOn: '2018-09-03', endsOn: '2019-01-25' },
    { id: 2, name: '2017—2018学年第二学期', startsOn: '2018-03-05', endsOn: '2018-07-06' },
  ];

  it('takes one span per term name, from its earliest start to its latest end, newest first', () => {
    expect(termsByName(terms)).toEqual([
      { id: 3, name: '2018—2019学年第一学期', startsOn: '2018-09-01', endsOn: '2019-01-25' },
      { id: 2, name: '2017—2018学年第二学期', startsOn: '2018-03-05', endsOn: '2018-07-06' },
    ]);
  });

  it('opens on the term holding today, else the last begun, else the next', () => {
    const byName = termsByName(terms);
    expect(currentTerm(byName, '2018-04-04')?.id).toBe(2);
    expect(currentTerm(byName, '2018-08-01')?.id).toBe(2);
    expect(currentTerm(byName, '2019-03-01')?.id).toBe(3);
    expect(currentTerm(byName, '2017-01-01')?.id).toBe(2);
    expect(currentTerm([], '2018-04-04')).toBeNull();
  });
});
