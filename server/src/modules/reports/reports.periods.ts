import { addDays, isoWeekday } from '../../../../shared/dates.js';

export const REPORT_PERIODS = ['weekly', 'monthly'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** A city reports monthly until its bureau chooses otherwise. */
export const DEFAULT_PERIOD: ReportPeriod = 'monthly';

/**
 * The reporting period containing `day`: a calendar month, or a week from Monday to Sunday (the
 * week school offices plan in). Dates are `YYYY-MM-DD`.
 */
export function periodOf(period: ReportPeriod, day: string): { start: string; end: string } {
  if (period === 'weekly') {
    const start = addDays(day, 1 - isoWeekday(day));
    return { start, end: addDays(start, 6) };
  }
  const start = `${day.slice(0, 7)}-01`;
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(next, -1) };
}

/** 2018年3月 / 2018年第14周（3月26日—4月1日）: how a period is named on a report and its export. */
export function periodLabel(period: ReportPeriod, start: string, end: string): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  if (period === 'monthly') return `${start.slice(0, 4)}年${Number(start.slice(5, 7))}月`;
  return `${start.slice(0, 4)}年第${isoWeekNumber(start)}周（${md(start)}—${md(end)}）`;
}

/** The ISO 8601 week number of a date (the week with the year's first Thursday is week 1). */
export function isoWeekNumber(day: string): number {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  const ordinal = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
  return Math.floor(ordinal / 7) + 1;
}

/** 2018年3月1日 */
export function chineseDate(day: string): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
