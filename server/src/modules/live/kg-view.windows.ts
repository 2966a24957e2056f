import { shanghaiInstant, shanghaiWallClock } from '../../../../shared/dates.js';

/** A weekly live-view window on the Asia/Shanghai wall clock: weekday 1 = Monday … 7 = Sunday, from < to (HH:MM). */
export interface KgWindow {
  weekday: number;
  from: string;
  to: string;
}

const WEEKDAY_TEXT = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Windows by weekday then start, the order every answer and message uses. */
export const sortWindows = (ws: readonly KgWindow[]): KgWindow[] =>
  [...ws].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));

/** True when `at` falls inside one of the windows (from inclusive, to exclusive). */
export function insideWindow(ws: readonly KgWindow[], at: Date): boolean {
  const now = shanghaiWallClock(at);
  return ws.some((w) => w.weekday === now.weekday && w.from <= now.hhmm && now.hhmm < w.to);
}

/** The end of the window `at` falls inside (the instant a parent's stream token dies), or null outside every window. */
export function windowEnd(ws: readonly KgWindow[], at: Date): Date | null {
  const now = shanghaiWallClock(at);
  const w = ws.find((x) => x.weekday === now.weekday && x.from <= now.hhmm && now.hhmm < x.to);
  return w ? shanghaiInstant(now.date, w.to) : null;
}

/**
 * What a parent reads when the room is closed or to know when it opens: "直播开放时间：08:30–11:00"
 * for today's windows, or the week's ("直播开放时间：周一 08:30–11:00、周三 …") when none is today.
 */
export function windowText(ws: readonly KgWindow[], at: Date): string {
  const sorted = sortWindows(ws);
  if (!sorted.length) return '尚未设置直播开放时间';
  const today = sorted.filter((w) => w.weekday === shanghaiWallClock(at).weekday);
  if (today.length) return `直播开放时间：${today.map((w) => `${w.from}–${w.to}`).join('、')}`;
  return `今天不开放直播。直播开放时间：${sorted.map((w) => `${WEEKDAY_TEXT[w.weekday]} ${w.from}–${w.to}`).join('、')}`;
}

/** The first problem with a set of windows (end before start, two overlapping on one day), or null. */
export function windowProblem(ws: readonly KgWindow[]): string | null {
  const sorted = sortWindows(ws);
  for (const [i, w] of sorted.entries()) {
    if (w.from >= w.to) return `${WEEKDAY_TEXT[w.weekday]} ${w.from}–${w.to}：结束时间要晚于开始时间`;
    const prev = sorted[i - 1];
    if (prev && prev.weekday === w.weekday && w.from < prev.to) {
      return `${WEEKDAY_TEXT[w.weekday]} ${prev.from}–${prev.to} 与 ${w.from}–${w.to} 重叠：请合并成一个时段`;
    }
  }
  return null;
}
