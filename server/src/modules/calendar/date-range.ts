import { badRequest } from '../../http/errors.js';
import { isIsoDate, spanDays } from '../../../../shared/dates.js';

/** Longest range a calendar or compliance view covers: a school year and a little more. */
export const MAX_RANGE_DAYS = 400;

/** Throws a 400 saying what is wrong unless [from, to] is a real, ordered range of at most MAX_RANGE_DAYS. */
export function checkDateRange(from: string, to: string): void {
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
    throw badRequest('DATE_RANGE_INVALID', `日期范围 ${from} 至 ${to} 无效：请用 YYYY-MM-DD 格式，且开始日期不晚于结束日期`);
  }
  if (spanDays(from, to) > MAX_RANGE_DAYS) {
    throw badRequest('DATE_RANGE_TOO_LONG', `日期范围共 ${spanDays(from, to)} 天，超过上限 ${MAX_RANGE_DAYS} 天：请缩短到一个学年以内`);
  }
}
