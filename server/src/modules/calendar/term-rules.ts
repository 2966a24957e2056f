import { badRequest } from '../../http/errors.js';
import type { SchoolKind } from '../../../../shared/domain.js';
import { isIsoDate, spanDays } from '../../../../shared/dates.js';

/** What makes a term acceptable, shared by the form and the Excel import. */

/** Longest term accepted: a school year. */
const MAX_TERM_DAYS = 366;

export interface TermInput {
  name: string;
  stage: SchoolKind | null;
  startsOn: string;
  endsOn: string;
}

/** The school year (its first calendar year) a term starting on `day` belongs to: autumn terms open it. */
export function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 8 ? year : year - 1;
}

export function checkDate(day: string, field: string) {
  if (!isIsoDate(day)) throw badRequest('DATE_INVALID', `${field} ${day} 不存在：请用 YYYY-MM-DD 格式填写真实日期`);
}

/** Throws a 400 naming what is wrong with a term; returns it with its name trimmed. */
export function checkTerm(t: TermInput): TermInput {
  const name = t.name.trim();
  if (!name) throw badRequest('TERM_NAME_BLANK', '学期名称不能为空，例如“2026—2027学年第一学期”');
  checkDate(t.startsOn, '开学日期');
  checkDate(t.endsOn, '结束日期');
  if (t.startsOn > t.endsOn) throw badRequest('TERM_DATES_REVERSED', `学期“${name}”的开学日期 ${t.startsOn} 晚于结束日期 ${t.endsOn}`);
  if (spanDays(t.startsOn, t.endsOn) > MAX_TERM_DAYS) {
    throw badRequest('TERM_TOO_LONG', `学期“${name}”共 ${spanDays(t.startsOn, t.endsOn)} 天，超过一个学年（${MAX_TERM_DAYS} 天）：请检查日期`);
  }
  return { ...t, name };
}
