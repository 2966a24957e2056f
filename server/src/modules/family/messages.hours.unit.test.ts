import { describe, expect, it } from 'vitest';
import { atWork, emptyRange, sortRanges } from './messages.hours.js';

/** A teacher's working hours on the Asia/Shanghai wall clock, whatever the server's zone. */
describe('working hours', () => {
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:30' }));

  it('holds inside a weekday range, start inclusive and end exclusive, in Shanghai time', () => {
    // Wednesday 2026-12-09.
    expect(atWork(weekdays, new Date('2026-12-09T08:00:00+08:00'))).toBe(true);
    expect(atWork(weekdays, new Date('2026-12-09T17:29:00+08:00'))).toBe(true);
    expect(atWork(weekdays, new Date('2026-12-09T17:30:00+08:00'))).toBe(false);
    // 01:00 UTC on Wednesday is 09:00 in Shanghai.
    expect(atWork(weekdays, new Date('2026-12-09T01:00:00Z'))).toBe(true);
    // Saturday.
    expect(atWork(weekdays, new Date('2026-12-12T10:00:00+08:00'))).toBe(false);
  });

  it('finds a range that holds no minute and sorts by weekday then start', () => {
    expect(emptyRange([{ weekday: 1, start: '08:00', end: '08:00' }])).toBe(0);
    expect(emptyRange(weekdays)).toBeNull();
    expect(sortRanges([{ weekday: 2, start: '14:00', end: '17:00' }, { weekday: 2, start: '08:00', end: '12:00' }, { weekday: 1, start: '09:00', end: '10:00' }])
      .map((r) => `${r.weekday} ${r.start}`)).toEqual(['1 09:00', '2 08:00', '2 14:00']);
  });
});
