import type { StCoding, StCompare, StLessonCodings, StSaveCoding } from '@shared/research-st-types';
import { api } from '../../../api/client';

/** A lesson's S-T codings the caller may see, in an activity (or outside any: activityId null), with agreement. */
export function listStCodings(recordingId: number, activityId: number | null, signal?: AbortSignal) {
  return api.get<StLessonCodings>('/api/research/st-codings', { query: { recordingId, activityId }, signal });
}

/** Saves the caller's own coding of the lesson (created the first time). */
export function saveStCoding(body: StSaveCoding) {
  return api.put<StCoding>('/api/research/st-codings', body);
}

export function deleteStCoding(id: number) {
  return api.delete<void>(`/api/research/st-codings/${id}`);
}

/** 同课异构: two or three of an activity's lessons with their S-T figures and curves. */
export function getStCompare(activityId: number, lessons: number[], coderUserId: number | null, signal?: AbortSignal) {
  return api.get<StCompare>(`/api/research/activities/${activityId}/st-compare`, { query: { lessons: lessons.join(','), coderUserId }, signal });
}
