import chineseDays from 'chinese-days';
import { isWeekend } from '../../../../shared/dates.js';

/**
 * The national calendar from the maintained `chinese-days` dataset: public holidays (法定节假日,
 * with the days off moved next to them) and the weekend days made working days to pay for them
 * (调休). It covers 2004 to the current year; later years fall back to plain weekends until the
 * dataset is updated or a city enters that year's days itself (public_days, see calendar-view.ts).
 */
export type PublicDayKind = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface PublicDay {
  kind: PublicDayKind;
  /** The holiday's Chinese name (清明, 春节 …) for holidays and make-up working days. */
  name: string | null;
}

// The dataset names days "Tomb-sweeping Day,清明,1": English, Chinese, length of the holiday.
function chineseName(raw: string): string | null {
  const parts = raw.split(',');
  return parts.length >= 2 ? parts[1]!.trim() : null;
}

/** How the national calendar treats a date. */
export function publicDay(day: string): PublicDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // A local-midnight Date: the package reads dates through local getters.
  const detail = chineseDays.getDayDetail(new Date(y, m - 1, d));
  const weekend = isWeekend(day);
  if (detail.date !== day) return { kind: weekend ? 'weekend' : 'weekday', name: null };
  if (detail.work) return weekend ? { kind: 'makeup_workday', name: chineseName(detail.name) } : { kind: 'weekday', name: null };
  const name = chineseName(detail.name);
  if (name !== null) return { kind: 'holiday', name };
  return { kind: weekend ? 'weekend' : 'weekday', name: null };
}

let covered: { first: number; last: number } | undefined;

/**
 * The years the dataset covers. The State Council announces a year's holidays in the autumn
 * before it, so the last year is the one the installed package version knows (2026 for 1.5.7);
 * found once by asking the dataset, so a package update moves it without a code change.
 */
export function datasetYears(): { first: number; last: number } {
  if (!covered) {
    const has = (y: number) => chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length > 0;
    let last = 2004;
    while (has(last + 1)) last += 1;
    covered = { first: 2004, last };
  }
  return covered;
}
