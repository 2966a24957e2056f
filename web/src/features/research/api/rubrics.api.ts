import type {
  ActivityRubricResults, Rubric, RubricInput, RubricPage, RubricStatus, ScoreInput, ScoreSheet,
} from '@shared/research-rubrics-types';
import { api, download } from '../../../api/client';

const STATUS_SET: Record<RubricStatus, true> = { draft: true, published: true, archived: true };
export const RUBRIC_STATUSES = Object.keys(STATUS_SET) as RubricStatus[];

export function listRubrics(status: RubricStatus | undefined, signal?: AbortSignal) {
  return api.get<RubricPage>('/api/research/rubrics', { query: { status }, signal });
}

export function getRubric(id: number, signal?: AbortSignal) {
  return api.get<Rubric>(`/api/research/rubrics/${id}`, { signal });
}

export function createRubric(body: RubricInput) {
  return api.post<Rubric>('/api/research/rubrics', body);
}

export function updateRubric(id: number, body: RubricInput) {
  return api.put<Rubric>(`/api/research/rubrics/${id}`, body);
}

export function publishRubric(id: number) {
  return api.post<Rubric>(`/api/research/rubrics/${id}/publish`);
}

export function archiveRubric(id: number) {
  return api.post<Rubric>(`/api/research/rubrics/${id}/archive`);
}

/** A new draft copied from the rubric (its next version where the caller owns it). */
export function copyRubric(id: number) {
  return api.post<Rubric>(`/api/research/rubrics/${id}/copy`);
}

const lessonPath = (activityId: number, recordingId: number) => `/api/research/activities/${activityId}/lessons/${recordingId}/scores`;

export function getScoreSheet(activityId: number, recordingId: number, signal?: AbortSignal) {
  return api.get<ScoreSheet>(lessonPath(activityId, recordingId), { signal });
}

export function saveScores(activityId: number, recordingId: number, items: ScoreInput[]) {
  return api.put<ScoreSheet>(lessonPath(activityId, recordingId), { items });
}

export function getRubricResults(activityId: number, signal?: AbortSignal) {
  return api.get<ActivityRubricResults>(`/api/research/activities/${activityId}/rubric-results`, { signal });
}

/** The activity's 评课记录 as Excel or PDF. */
export function downloadActivityRecord(activityId: number, format: 'xlsx' | 'pdf') {
  return download(`/api/research/activities/${activityId}/export.${format}`, undefined, `评课记录-${activityId}.${format}`);
}
