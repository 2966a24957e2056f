/**
 * Calendar dates as `YYYY-MM-DD` text, the form they are stored in, and the platform's zone,
 * Asia/Shanghai. Arithmetic goes through UTC midnight so the machine's own time zone never
 * shifts a date. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
// China keeps one offset all year (no daylight saving), so Shanghai's date is UTC+8's.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** 1 = Monday … 7 = Sunday, as room timetables count. */
export function isoWeekday(day: string): number {
  const d = new Date(toUtc(day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWeekend(day: string): boolean {
  return isoWeekday(day) >= 6;
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toUtc(from), end = toUtc(to); ms <= end; ms += DAY_MS) out.push(fromUtc(ms));
  return out;
}

/** Days from `from` to `to`, both included (1 when equal, 0 when `to` is before `from`). */
export function spanDays(from: string, to: string): number {
  return Math.max(0, Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1);
}

/** The school day an instant falls on: its date in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return fromUtc(instant.getTime() + SHANGHAI_OFFSET_MS);
}

export const minDay = (a: string, b: string) => (a < b ? a : b);
export const maxDay = (a: string, b: string) => (a > b ? a : b);

/** The Asia/Shanghai wall clock of an instant: date, ISO weekday (1 = Monday … 7 = Sunday) and HH:MM. */
export function shanghaiWallClock(at: Date): { date: string; weekday: number; hhmm: string } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), weekday: local.getUTCDay() || 7, hhmm: iso.slice(11, 16) };
}

/** The instant of a wall-clock time (HH:MM) on an Asia/Shanghai date. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}
