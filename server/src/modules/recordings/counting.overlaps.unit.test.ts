import { describe, expect, it } from 'vitest';
import { laterOverlappingLessons, lessonEndMs, type LessonSlot } from './counting.overlaps.js';

const at = (hhmm: string) => new Date(`2018-04-04T${hhmm}:00+08:00`).getTime();
let seq = 0;
const slot = (groupId: string, from: string, to: string, extra: Partial<LessonSlot> = {}): LessonSlot => ({
  groupId, roomId: 1, start: at(from), end: at(to), createdAt: `2018-04-04T0${++seq % 10}:00:00.000Z`, firstId: seq, countsOnItsOwn: true, ...extra,
});

describe('laterOverlappingLessons', () => {
  it('keeps the first upload of a slot and marks the later ones (a re-muxed copy, a second claim)', () => {
    const first = slot('a', '10:00', '10:40', { createdAt: '2018-04-04T03:00:00.000Z' });
    const remux = slot('b', '10:00', '10:40', { createdAt: '2018-04-04T04:00:00.000Z' });
    const claim = slot('c', '10:20', '11:00', { createdAt: '2018-04-04T05:00:00.000Z' });
    expect(laterOverlappingLessons([claim, remux, first])).toEqual(new Set(['b', 'c']));
  });

  it('lets back-to-back lessons and small clock skew through, and other rooms alone', () => {
    expect(laterOverlappingLessons([slot('a', '10:00', '10:41'), slot('b', '10:40', '11:20')]).size).toBe(0);
    expect(laterOverlappingLessons([slot('a', '10:00', '10:43'), slot('b', '10:40', '11:20')]).size).toBe(1);
    expect(laterOverlappingLessons([slot('a', '10:00', '10:40'), slot('b', '10:00', '10:40', { roomId: 2 })]).size).toBe(0);
    expect(laterOverlappingLessons([slot('a', '10:00', '10:40'), slot('b', '10:00', '10:40', { roomId: null })]).size).toBe(0);
  });

  it('lets a lesson that does not count by itself take nobody\'s place', () => {
    const silent = slot('a', '10:00', '10:40', { countsOnItsOwn: false, createdAt: '2018-04-04T01:00:00.000Z' });
    const retake = slot('b', '10:00', '10:40', { createdAt: '2018-04-04T02:00:00.000Z' });
    expect(laterOverlappingLessons([silent, retake]).size).toBe(0);
  });

  it('orders by upload time, then by id', () => {
    const x = slot('x', '10:00', '10:40', { createdAt: '2018-04-04T03:00:00.000Z', firstId: 9 });
    const y = slot('y', '10:00', '10:40', { createdAt: '2018-04-04T03:00:00.000Z', firstId: 4 });
    expect(laterOverlappingLessons([x, y])).toEqual(new Set(['x']));
  });
});

describe('lessonEndMs', () => {
  it('ends at the start plus the recorded duration, or at the given end when that is earlier', () => {
    expect(lessonEndMs(at('10:00'), '2018-04-04T10:40:00+08:00', 45 * 60)).toBe(at('10:40'));
    expect(lessonEndMs(at('10:00'), null, 2400)).toBe(at('10:40'));
    expect(lessonEndMs(at('10:00'), '2018-04-04T10:00:00+08:00', 2400)).toBe(at('10:40'));
    expect(lessonEndMs(at('10:00'), null, null)).toBe(at('10:00'));
  });

  it('does not believe a given end later than the recording (the end of the period, or of the day)', () => {
    expect(lessonEndMs(at('10:00'), '2018-04-04T23:59:00+08:00', 2400)).toBe(at('10:40'));
    expect(lessonEndMs(at('10:00'), '2018-04-04T10:40:00+08:00', null)).toBe(at('10:40'));
  });
});

describe('short lessons', () => {
  it('limits the skew allowance to half the shorter lesson', () => {
    // Two one-minute recordings of the same minute overlap entirely: more than half of either.
    expect(laterOverlappingLessons([slot('a', '10:00', '10:01'), slot('b', '10:00', '10:01')])).toEqual(new Set(['b']));
  });
});
