import type { Page } from '@shared/api-types';
import type {
  ActivityCounts, ActivityCountsFilters, ActivityDetail, ActivityFile, ActivityFileKind, ActivityFilters, ActivityKind, ActivityLesson, ActivityPatch,
  ActivityStatus, ActivitySummary, LessonBrief, NewActivity, ResearchPerson,
} from '@shared/research-activities-types';
import { api, download } from '../../../api/client';

// Value lists in display order, each a Record over the server's type so a change there is a type error here.
const KIND_SET: Record<ActivityKind, true> = { joint_prep: true, same_topic: true, open_lesson: true, lesson_review: true };
const STATUS_SET: Record<ActivityStatus, true> = { planned: true, open: true, summarised: true };
const FILE_KIND_SET: Record<ActivityFileKind, true> = { lesson_plan: true, courseware: true, other: true };

/** 集体备课 · 同课异构 · 公开课 · 评课议课 */
export const ACTIVITY_KINDS = Object.keys(KIND_SET) as ActivityKind[];
/** 筹备中 → 评课中 → 已总结 */
export const ACTIVITY_STATUSES = Object.keys(STATUS_SET) as ActivityStatus[];
export const FILE_KINDS = Object.keys(FILE_KIND_SET) as ActivityFileKind[];
/** What the file picker offers (the server checks the bytes too). */
export const FILE_ACCEPT = '.pdf,.doc,.docx,.ppt,.pptx,.xls,.xlsx,.png,.jpg,.jpeg,.txt';

export function listActivities(query: ActivityFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<Page<ActivitySummary>>('/api/research/activities', { query: { ...query }, signal });
}

export function countActivities(query: ActivityCountsFilters, signal?: AbortSignal) {
  return api.get<ActivityCounts>('/api/research/activities/counts', { query: { ...query }, signal });
}

export function getActivity(id: number, signal?: AbortSignal) {
  return api.get<ActivityDetail>(`/api/research/activities/${id}`, { signal });
}

export function createActivity(body: NewActivity) {
  return api.post<ActivityDetail>('/api/research/activities', body);
}

export function updateActivity(id: number, patch: ActivityPatch) {
  return api.patch<ActivityDetail>(`/api/research/activities/${id}`, patch);
}

/** planned → open: reviews are taken from now on. */
export function openActivity(id: number) {
  return api.post<ActivityDetail>(`/api/research/activities/${id}/open`);
}

/** The organiser's summary closes the activity. */
export function summariseActivity(id: number, summary: string) {
  return api.post<ActivityDetail>(`/api/research/activities/${id}/summary`, { summary });
}

export function deleteActivity(id: number) {
  return api.delete<void>(`/api/research/activities/${id}`);
}

export function attachLesson(id: number, recordingId: number) {
  return api.post<ActivityLesson>(`/api/research/activities/${id}/lessons`, { recordingId });
}

export function detachLesson(id: number, recordingId: number) {
  return api.delete<void>(`/api/research/activities/${id}/lessons/${recordingId}`);
}

/** The research lesson page's brief: the lesson in its activity, its siblings and files. */
export function getLessonBrief(id: number, recordingId: number, signal?: AbortSignal) {
  return api.get<LessonBrief>(`/api/research/activities/${id}/lessons/${recordingId}`, { signal });
}

export function uploadActivityFile(id: number, file: File, kind: ActivityFileKind, lessonId?: number) {
  const form = new FormData();
  form.append('file', file);
  return api.post<ActivityFile>(`/api/research/activities/${id}/files`, form, { query: { kind, lessonId } });
}

export function downloadActivityFile(id: number, file: ActivityFile) {
  return download(`/api/research/activities/${id}/files/${file.id}`, undefined, file.name);
}

export function deleteActivityFile(id: number, fileId: number) {
  return api.delete<void>(`/api/research/activities/${id}/files/${fileId}`);
}

/** People a form may invite at one node: a school's teachers, or a county's or the city's officers. */
export function listResearchPeople(node: { schoolId: number } | { countyId: number } | { cityId: number }, q?: string, signal?: AbortSignal) {
  return api.get<{ items: ResearchPerson[] }>('/api/research/people', { query: { ...node, q }, signal });
}

/**
 * Published observation rubrics to choose from. The rubric area serves GET /api/research/rubrics;
 * until it does (or for someone it answers nothing), the choice is simply empty.
 */
export async function listRubricOptions(signal?: AbortSignal): Promise<{ id: number; name: string }[]> {
  try {
    const answer = await api.get<{ items?: { id: number; name: string; status?: string }[] } | { id: number; name: string; status?: string }[]>(
      '/api/research/rubrics', { signal },
    );
    const items = Array.isArray(answer) ? answer : answer.items ?? [];
    return items.filter((r) => r.status === undefined || r.status === 'published').map((r) => ({ id: r.id, name: r.name }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return [];
  }
}
