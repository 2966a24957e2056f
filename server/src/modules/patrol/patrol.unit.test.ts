import { describe, expect, it } from 'vitest';
import { PATROL_ITEMS, patrolScore } from './patrol.form.js';
import { defaultRange, termsByName } from './patrol.stats.js';

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

  it('opens on the term holding today; in a break, from the last term\'s start to today; before any, on the last 90 days', () => {
    const byName = termsByName(terms);
    expect(defaultRange(byName, '2018-04-04')).toEqual({ from: '2018-03-05', to: '2018-07-06', term: byName[1] });
    expect(defaultRange(byName, '2018-08-01')).toEqual({ from: '2018-03-05', to: '2018-08-01', term: null });
    expect(defaultRange(byName, '2019-03-01')).toEqual({ from: '2018-09-01', to: '2019-03-01', term: null });
    expect(defaultRange(byName, '2017-01-01')).toEqual({ from: '2016-10-04', to: '2017-01-01', term: null });
    expect(defaultRange([], '2018-04-04')).toEqual({ from: '2018-01-05', to: '2018-04-04', term: null });
  });
});
