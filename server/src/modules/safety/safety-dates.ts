import { shanghaiDate } from '../../../../shared/dates.js';

/**
 * The days the safety figures count from: today in Asia/Shanghai, the first of its month, and the
 * start of its school term (autumn term from 1 September through January, spring term from
 * 1 February). Schools' own calendars shift these by days, not enough to change a monthly count.
 */
export function safetyDays(now: Date): { today: string; monthStart: string; termStart: string } {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const termStart = month >= 9 ? `${year}-09-01` : month === 1 ? `${year - 1}-09-01` : `${year}-02-01`;
  return { today, monthStart: `${today.slice(0, 7)}-01`, termStart };
}
