import type {
  ClassHomework, ClassTimetable, HomeworkCheck, HomeworkPosted, Lesson, NewHomework, StaffClasses, TimetableSaved, WeeklyHomeworkFigures,
} from '@shared/routine-api-types';
import { api } from '../../../api/client';

/** The classes the signed-in teacher (or principal) posts homework for, with each one's limit. */
export function staffClasses(signal?: AbortSignal): Promise<StaffClasses> {
  return api.get('/api/homework/classes', { signal });
}

/** What the homework would do to the class's day, nothing saved: the form shows the warning before posting. */
export function checkHomework(body: NewHomework, signal?: AbortSignal): Promise<HomeworkCheck> {
  return api.post('/api/homework/check', body, { signal });
}

export function postHomework(body: NewHomework): Promise<HomeworkPosted> {
  return api.post('/api/homework', body);
}

export function classHomework(classId: number, from: string, to: string, signal?: AbortSignal): Promise<ClassHomework> {
  return api.get(`/api/classes/${classId}/homework`, { query: { from, to }, signal });
}

export function classTimetable(classId: number, signal?: AbortSignal): Promise<ClassTimetable> {
  return api.get(`/api/classes/${classId}/timetable`, { signal });
}

export function saveTimetable(classId: number, lessons: Lesson[]): Promise<TimetableSaved> {
  return api.put(`/api/classes/${classId}/timetable`, { lessons });
}

export function weeklyFigures(week: string, countyId?: number, signal?: AbortSignal): Promise<WeeklyHomeworkFigures> {
  return api.get('/api/homework/figures', { query: { week, countyId }, signal });
}
