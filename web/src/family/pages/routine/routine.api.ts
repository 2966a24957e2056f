import type { ChildDay, ChildSchoolCalendar, ClassTimetable, RoutineChild } from '@shared/routine-api-types';
import { api } from '../../../api/client';

/** The children whose routine the signed-in guardian reads. */
export function routineChildren(signal?: AbortSignal): Promise<{ items: RoutineChild[] }> {
  return api.get('/api/family/routine/children', { signal });
}

/** A child's day (default today): lessons as the calendar has them, homework against the limit. */
export function childDay(childId: number, day?: string, signal?: AbortSignal): Promise<ChildDay> {
  return api.get(`/api/family/children/${childId}/today`, { query: { day }, signal });
}

export function classTimetable(classId: number, signal?: AbortSignal): Promise<ClassTimetable> {
  return api.get(`/api/classes/${classId}/timetable`, { signal });
}

export function childSchoolCalendar(childId: number, signal?: AbortSignal): Promise<ChildSchoolCalendar> {
  return api.get(`/api/family/children/${childId}/school-calendar`, { signal });
}
