import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The platform's zone: every school is in Liaocheng, so times read as Beijing time in any browser. */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

/** An instant (ISO 8601 from the server, a Date, or a Dayjs) as a Dayjs in the platform's zone. */
export function platformTime(instant: string | number | Date | Dayjs = Date.now()): Dayjs {
  return dayjs(instant).tz(PLATFORM_TIME_ZONE);
}

/**
 * An instant formatted in Asia/Shanghai, whatever the browser's zone: use this for every moment
 * shown (lesson start, heartbeat, audit time, lock time…). Empty for a missing value.
 * Not for calendar dates without a time ('2024-09-01'): format those as they are.
 */
export function formatInstant(instant: string | number | Date | Dayjs | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (instant === null || instant === undefined || instant === '') return '';
  return platformTime(instant).format(pattern);
}

// Date pickers work in the browser's zone. They are given the platform's wall-clock time as a
// browser-local Dayjs with the same fields (10:00 in Liaocheng shows as 10:00 in New York too), and
// what is picked is read back as Asia/Shanghai. PlatformDatePicker.tsx does both at its edges.
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss.SSS';

/** The instant's Asia/Shanghai wall-clock time as a browser-local Dayjs (what a picker shows). */
export function toWallClock(instant: string | number | Date | Dayjs): Dayjs {
  return dayjs(platformTime(instant).format(WALL_CLOCK));
}

/** A picker's browser-local value read as Asia/Shanghai wall-clock time: the instant it means. */
export function fromWallClock(wall: Dayjs): Dayjs {
  return dayjs.tz(wall.format(WALL_CLOCK), PLATFORM_TIME_ZONE);
}

/** Today in Asia/Shanghai, as a browser-local Dayjs at its midnight (for date pickers, presets and limits). */
export function platformToday(): Dayjs {
  return dayjs(platformTime().format('YYYY-MM-DD'));
}

/**
 * A day or an instant shown short: "04-04" (or "04-04 10:00" with `withTime`) in the current
 * year, "2018-04-04" in any other, so a list never shows 12-06 beside an April of another year
 * as if they were one year. Instants are read in Asia/Shanghai; a bare '2018-04-04' as it is.
 * Use it wherever a list shows a date without its year.
 */
export function formatShortDate(value: string | number | Date | Dayjs | null | undefined, withTime = false): string {
  if (value === null || value === undefined || value === '') return '';
  const bare = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = bare ? dayjs(value) : platformTime(value);
  const thisYear = platformTime().year();
  const day = at.year() === thisYear ? at.format('MM-DD') : at.format('YYYY-MM-DD');
  return withTime && !bare ? `${day} ${at.format('HH:mm')}` : day;
}
