import chineseDays from 'chinese-days';
import { isWeekend } from '../../../../shared/dates.js';

/**
 * The national calendar from the maintained `chinese-days` dataset: public holidays (法定节假日,
 * with the days off moved next to them) and the weekend days made working days to pay for them
 * (调休). It covers 2004 to the current year; later years fall back to plain weekends until the
 * dataset is updated or a city imports its own corrections (calendar_overrides).
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
