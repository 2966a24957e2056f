import type { WorkingRange } from '@shared/messages-api-types';
import type { MessagesKey, MessagesT } from './use-messages-t';

/** "周一至周五 08:00–17:30" style text of a teacher's hours: consecutive weekdays with the same times run together. */
export function hoursText(ranges: readonly WorkingRange[], t: MessagesT): string {
  const byTime = new Map<string, number[]>();
  for (const r of ranges) {
    const key = `${r.start}–${r.end}`;
    byTime.set(key, [...(byTime.get(key) ?? []), r.weekday]);
  }
  const day = (d: number) => t(`messages.weekday.d${d}` as MessagesKey);
  const parts: string[] = [];
  for (const [time, days] of byTime) {
    const sorted = [...new Set(days)].sort((a, b) => a - b);
    const runs: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
      runs.push(j - i >= 2 ? t('messages.dayRange', { from: day(sorted[i]!), to: day(sorted[j]!) }) : sorted.slice(i, j + 1).map(day).join('、'));
      i = j + 1;
    }
    parts.push(`${runs.join('、')} ${time}`);
  }
  return parts.join('；');
}
