import { shanghaiWallClock } from '../../../../shared/dates.js';

/** A teacher's working hours on one ISO weekday (1 = Monday), Asia/Shanghai wall-clock times. */
export interface WorkingRange { weekday: number; start: string; end: string }

/** Whether an instant falls inside any of the ranges (start inclusive, end exclusive). */
export function atWork(ranges: readonly WorkingRange[], at: Date): boolean {
  const { weekday, hhmm } = shanghaiWallClock(at);
  return ranges.some((r) => r.weekday === weekday && r.start <= hhmm && hhmm < r.end);
}

/** The first range whose end is not after its start, or null: such a range holds no minute. */
export function emptyRange(ranges: readonly WorkingRange[]): number | null {
  const i = ranges.findIndex((r) => r.end <= r.start);
  return i < 0 ? null : i;
}

/** Stored ranges, by weekday then start (what was saved, read back leniently: a broken row is no hours). */
export function parseRanges(text: string | undefined): WorkingRange[] {
  if (!text) return [];
  try {
    const list = JSON.parse(text) as WorkingRange[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function sortRanges(ranges: readonly WorkingRange[]): WorkingRange[] {
  return [...ranges].map((r) => ({ weekday: r.weekday, start: r.start, end: r.end }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}
