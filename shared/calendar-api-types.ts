/**
 * The API shapes of the school calendar page (校历与录播规则) and of a day's status on the
 * dashboards and lists, derived from the server's TypeBox schemas like api-types.ts.
 * Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  CalendarSchema, CreateRuleBody, CreateTermBody, PublicDaysSchema, RulesSchema, SavePublicDaysBody, TermsSchema, UpdateRuleBody, UpdateTermBody,
} from '../server/src/modules/calendar/calendar.schema.js';
import type { DayStatus as ServerDayStatus } from '../server/src/modules/calendar/day-status.js';

export type CalendarView = Static<typeof CalendarSchema>;
export type CalendarDay = CalendarView['days'][number];
export type CalendarException = CalendarView['exceptions'][number];
export type TermList = Static<typeof TermsSchema>;
export type Term = TermList['terms'][number];
export type NewTerm = Static<typeof CreateTermBody>;
export type TermPatch = Static<typeof UpdateTermBody>;
export type RuleList = Static<typeof RulesSchema>;
export type QuotaRule = RuleList['rules'][number];
export type NewRule = Static<typeof CreateRuleBody>;
export type RulePatch = Static<typeof UpdateRuleBody>;
export type PublicDays = Static<typeof PublicDaysSchema>;
export type PublicDaysEntry = Static<typeof SavePublicDaysBody>;

/** What a page says about a day before its figures: school-day, weekend, holiday or no-term. */
export type DayStatus = ServerDayStatus;
export interface DayStatusInfo {
  dayStatus: DayStatus | null;
  dayName: string | null;
}
