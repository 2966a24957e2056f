import type {
  CalendarView, NewRule, NewTerm, PublicDays, PublicDaysEntry, RuleList, RulePatch, TermList, TermPatch,
} from '@shared/calendar-api-types';
import { api, download } from '../../../api/client';

/** Where the page looks: a city, a county or a school (exactly one). */
export type CalendarPlace = { cityId: number } | { countyId: number } | { schoolId: number };

interface Changed { id: number; recomputed: number }

export const getCalendar = (place: CalendarPlace, from: string, to: string, signal?: AbortSignal) =>
  api.get<CalendarView>('/api/calendar', { query: { ...place, from, to }, signal });

export const listTerms = (place: CalendarPlace, signal?: AbortSignal) => api.get<TermList>('/api/calendar/terms', { query: { ...place }, signal });
export const createTerm = (body: NewTerm) => api.post<Changed>('/api/calendar/terms', body);
export const updateTerm = (id: number, patch: TermPatch) => api.patch<Changed>(`/api/calendar/terms/${id}`, patch);
export const deleteTerm = (id: number) => api.delete<{ deleted: number; recomputed: number }>(`/api/calendar/terms/${id}`);

export const listRules = (place: CalendarPlace, signal?: AbortSignal) => api.get<RuleList>('/api/calendar/quota-rules', { query: { ...place }, signal });
export const createRule = (body: NewRule) => api.post<Changed>('/api/calendar/quota-rules', body);
export const updateRule = (id: number, patch: RulePatch) => api.patch<Changed>(`/api/calendar/quota-rules/${id}`, patch);

export const getPublicDays = (cityId: number, year: number, signal?: AbortSignal) =>
  api.get<PublicDays>('/api/calendar/public-days', { query: { cityId, year }, signal });
export const savePublicDays = (body: PublicDaysEntry) => api.put<{ saved: number; recomputed: number }>('/api/calendar/public-days', body);

export const saveException = (place: CalendarPlace, day: { day: string; kind: 'holiday' | 'workday'; name: string }) =>
  api.post<{ saved: number; recomputed: number }>('/api/calendar/exceptions', { ...place, days: [day] });
export const deleteException = (place: CalendarPlace, day: string) =>
  api.delete<{ deleted: number; recomputed: number }>('/api/calendar/exceptions', { query: { ...place, day } });

export const downloadTermTemplate = () => download('/api/calendar/terms/template.xlsx', undefined, 'terms-template.xlsx');

/** Imports a term file: all rows or none (422 TERM_IMPORT_INVALID with `details.errors`). */
export function importTerms(place: CalendarPlace, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<{ imported: number; recomputed: number }>('/api/calendar/terms/import', form, { query: { ...place } });
}
