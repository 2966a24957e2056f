/**
 * Timetables and lifecycle dates are in the platform's zone, Asia/Shanghai, which has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact.
 */
const OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date of an instant, YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai wall clock of an instant: ISO weekday (1 = Monday … 7 = Sunday) and HH:MM. */
export function shanghaiWallClock(at: Date): { date: string; weekday: number; hhmm: string } {
  const local = new Date(at.getTime() + OFFSET_MS);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), weekday: local.getUTCDay() || 7, hhmm: iso.slice(11, 16) };
}

/** The instant of a wall-clock time (HH:MM) on an Asia/Shanghai date. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
