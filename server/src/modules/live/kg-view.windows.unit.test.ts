import { describe, expect, it } from 'vitest';
import { insideWindow, windowEnd, windowProblem, windowText } from './kg-view.windows.js';

// 2026-12-07 is a Monday.
const at = (hhmm: string, day = '2026-12-07') => new Date(`${day}T${hhmm}:00+08:00`);
const morning = [{ weekday: 1, from: '08:30', to: '11:00' }, { weekday: 3, from: '15:00', to: '16:00' }];

describe('kindergarten live-view windows (Asia/Shanghai wall clock)', () => {
  it('is open from the start up to, not at, the end, on the window\'s weekday only', () => {
    expect(insideWindow(morning, at('08:29'))).toBe(false);
    expect(insideWindow(morning, at('08:30'))).toBe(true);
    expect(insideWindow(morning, at('10:59'))).toBe(true);
    expect(insideWindow(morning, at('11:00'))).toBe(false);
    expect(insideWindow(morning, at('09:00', '2026-12-08'))).toBe(false);
  });

  it('tells today\'s window, or the week\'s when none is today', () => {
    expect(windowText(morning, at('12:00'))).toBe('直播开放时间：08:30–11:00');
    expect(windowText(morning, at('12:00', '2026-12-08'))).toBe('今天不开放直播。直播开放时间：周一 08:30–11:00、周三 15:00–16:00');
    expect(windowText([], at('12:00'))).toBe('尚未设置直播开放时间');
  });

  it('refuses a window that ends before it starts and two that overlap', () => {
    expect(windowProblem([{ weekday: 2, from: '10:00', to: '09:00' }])).toContain('结束时间要晚于开始时间');
    expect(windowProblem([{ weekday: 2, from: '08:00', to: '10:00' }, { weekday: 2, from: '09:30', to: '11:00' }])).toContain('重叠');
    expect(windowProblem(morning)).toBeNull();
  });

  it('ends a parent\'s token at the end of the window it was issued in', () => {
    expect(windowEnd(morning, at('09:00'))?.toISOString()).toBe(at('11:00').toISOString());
    expect(windowEnd(morning, at('11:00'))).toBeNull();
    expect(windowEnd(morning, at('15:30', '2026-12-09'))?.toISOString()).toBe(at('16:00', '2026-12-09').toISOString());
  });
});
