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
