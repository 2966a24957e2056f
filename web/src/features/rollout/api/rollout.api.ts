import type {
  Page, RolloutBatch, RolloutBatchPatch, RolloutCandidate, RolloutDeadline, RolloutDeadlinePatch, RolloutNewBatch, RolloutNewDeadline, RolloutOverdue,
  RolloutOverdueFilters, RolloutProgress, RolloutRecordMilestone, RolloutSchool, RolloutSchoolDetail, RolloutSchoolFilters,
} from '@shared/api-types';
import { api } from '../../../api/client';

export function listBatches(signal?: AbortSignal): Promise<{ items: RolloutBatch[] }> {
  return api.get('/api/rollout/batches', { signal });
}

/** A new batch; the server checks that the county shares add up to the city's targets. */
export function createBatch(body: RolloutNewBatch): Promise<RolloutBatch> {
  return api.post('/api/rollout/batches', body);
}

export function updateBatch(id: number, body: RolloutBatchPatch): Promise<RolloutBatch> {
  return api.patch(`/api/rollout/batches/${id}`, body);
}

export function listDeadlines(signal?: AbortSignal): Promise<{ items: RolloutDeadline[] }> {
  return api.get('/api/rollout/deadlines', { signal });
}

/** A new deadline; the server checks that its batch is one of the city's and that it requires something. */
export function createDeadline(body: RolloutNewDeadline): Promise<RolloutDeadline> {
  return api.post('/api/rollout/deadlines', body);
}

/** Removes a deadline: its schools are then held to their own plans and their batch's due date. */
export function deleteDeadline(id: number): Promise<void> {
  return api.delete(`/api/rollout/deadlines/${id}`);
}

/** Renames a deadline or moves its day. */
export function updateDeadline(id: number, body: RolloutDeadlinePatch): Promise<RolloutDeadline> {
  return api.patch(`/api/rollout/deadlines/${id}`, body);
}

/** Progress per county, batch and school group against the targets, as of a day. */
export function getProgress(query: { batch?: string; asOf?: string }, signal?: AbortSignal): Promise<RolloutProgress> {
  return api.get('/api/rollout/progress', { query, signal });
}

export function listSchools(query: RolloutSchoolFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<RolloutSchool> & { asOf: string }> {
  return api.get('/api/rollout/schools', { query: { ...query }, signal });
}

export function getSchool(id: number, asOf: string | undefined, signal?: AbortSignal): Promise<RolloutSchoolDetail> {
  return api.get(`/api/rollout/schools/${id}`, { query: { asOf }, signal });
}

export function listOverdue(query: RolloutOverdueFilters, signal?: AbortSignal): Promise<RolloutOverdue> {
  return api.get('/api/rollout/overdue', { query: { ...query }, signal });
}

/** Records a milestone done (with evidence) and/or its planned date. */
export function recordMilestone(schoolId: number, body: RolloutRecordMilestone): Promise<RolloutSchoolDetail> {
  return api.post(`/api/rollout/schools/${schoolId}/milestones`, body);
}

export function listCandidates(schoolId: number, signal?: AbortSignal): Promise<{ items: RolloutCandidate[] }> {
  return api.get(`/api/rollout/schools/${schoolId}/candidates`, { signal });
}

export function setNamedPerson(schoolId: number, userId: number): Promise<RolloutSchoolDetail> {
  return api.put(`/api/rollout/schools/${schoolId}/named-person`, { userId });
}

/** Says whether the school was already built (已建成录播室), which chooses the deadlines it is held to. */
export function setBuilt(schoolId: number, body: { built: boolean; note?: string }): Promise<RolloutSchoolDetail> {
  return api.put(`/api/rollout/schools/${schoolId}/built`, body);
}
