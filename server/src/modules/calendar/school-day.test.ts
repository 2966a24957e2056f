import { describe, expect, it } from 'vitest';
import { eachDay, isIsoDate, isoWeekday, shanghaiDate } from '../../../../shared/dates.js';
import { publicDay } from './public-holidays.js';
import { type DayFacts, decideSchoolDay } from './school-day.js';

const inTerm = (day: string, override: DayFacts['override'] = null, term = true) =>
  decideSchoolDay({ national: publicDay(day), inTerm: term, override }, isoWeekday(day) >= 6);

describe('school days: the one rule', () => {
  it('reads Qingming 2018 from the national dataset: 04-05..07 off, Sunday 04-08 a make-up working day (调休)', () => {
    for (const day of ['2018-04-05', '2018-04-06', '2018-04-07']) {
      expect(inTerm(day)).toEqual({ schoolDay: false, reason: 'public_holiday', name: '清明', level: null });
    }
    expect(isoWeekday('2018-04-08')).toBe(7);
    expect(inTerm('2018-04-08')).toEqual({ schoolDay: true, reason: 'makeup_workday', name: '清明', level: null });
    expect(inTerm('2018-04-09')).toMatchObject({ schoolDay: true, reason: 'school_day' });
    expect(inTerm('2018-04-14')).toMatchObject({ schoolDay: false, reason: 'weekend' });
    expect(inTerm('2018-04-28')).toMatchObject({ schoolDay: true, reason: 'makeup_workday', name: '劳动节' });
    expect(inTerm('2018-04-30')).toMatchObject({ schoolDay: false, reason: 'public_holiday', name: '劳动节' });
  });

  it('has no school between terms, whatever else holds', () => {
    expect(inTerm('2018-07-10', null, false)).toMatchObject({ schoolDay: false, reason: 'term_break' });
    expect(inTerm('2018-04-08', { level: 'school', kind: 'workday', name: '补课' }, false)).toMatchObject({ schoolDay: false, reason: 'term_break' });
  });

  it('lets the most specific override decide: a school\'s closure, a county\'s exam day, a city\'s correction', () => {
    expect(inTerm('2018-04-10', { level: 'school', kind: 'holiday', name: '校庆放假' }))
      .toEqual({ schoolDay: false, reason: 'exception_closed', name: '校庆放假', level: 'school' });
    expect(inTerm('2018-04-14', { level: 'county', kind: 'workday', name: '补课日' }))
      .toEqual({ schoolDay: true, reason: 'exception_open', name: '补课日', level: 'county' });
    // A city's entries correct the national dataset and read like it.
    expect(inTerm('2018-04-09', { level: 'city', kind: 'holiday', name: '清明(延长)' }))
      .toEqual({ schoolDay: false, reason: 'public_holiday', name: '清明(延长)', level: 'city' });
    expect(inTerm('2018-04-14', { level: 'city', kind: 'workday', name: '调休上课' })).toMatchObject({ schoolDay: true, reason: 'makeup_workday' });
  });

  it('works on dates as text, whatever the server\'s zone', () => {
    expect(eachDay('2018-02-27', '2018-03-01')).toEqual(['2018-02-27', '2018-02-28', '2018-03-01']);
    expect(isIsoDate('2018-02-29')).toBe(false);
    expect(isIsoDate('2018-04-08')).toBe(true);
    expect(shanghaiDate(new Date('2018-04-04T16:30:00Z'))).toBe('2018-04-05');
    expect(publicDay('2031-10-01').kind).toBe('weekday'); // beyond the dataset: plain weekdays until corrected
  });
});
