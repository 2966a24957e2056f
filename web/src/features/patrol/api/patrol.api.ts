import type {
  Patrol, PatrolExportBy, PatrolInput, PatrolLesson, PatrolRecordFilters, PatrolRecords, PatrolStats, PatrolStatsFilters, PatrolWall,
  PatrolWallFilters,
} from '@shared/patrol-api-types';
import { api, download } from '../../../api/client';

/** Today's wall: the lessons of the person's schools recorded today. */
export function getWall(query: PatrolWallFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<PatrolWall>('/api/patrol/wall', { query: { ...query }, signal });
}

/** One lesson with the person's patrol of it and the patrols they may see. */
export function getPatrolLesson(recordingId: number, signal?: AbortSignal) {
  return api.get<PatrolLesson>(`/api/patrol/lessons/${recordingId}`, { signal });
}

/** Scores a lesson of today, or corrects the person's patrol of it today. */
export function savePatrol(recordingId: number, body: PatrolInput) {
  return api.put<Patrol>(`/api/patrol/lessons/${recordingId}`, body);
}

export function listPatrolRecords(query: PatrolRecordFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<PatrolRecords>('/api/patrol/records', { query: { ...query }, signal });
}

export function getPatrolStats(query: PatrolStatsFilters, signal?: AbortSignal) {
  return api.get<PatrolStats>('/api/patrol/stats', { query: { ...query }, signal });
}

export function exportPatrolStats(query: PatrolStatsFilters & { by: PatrolExportBy }): Promise<void> {
  return download('/api/patrol/stats/export.xlsx', { ...query }, `patrol-${query.by}.xlsx`);
}
