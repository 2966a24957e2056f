import type { Page, Playback, Recording, RecordingDetail, RecordingFilters, RecordingStatus, RecordingTrack } from '@shared/api-types';
import { api } from '../../../api/client';

const STATUS_SET: Record<RecordingStatus, true> = { queued: true, processing: true, ready: true, failed: true };

/** 排队中 → 处理中 → 可观看 / 失败. */
export const RECORDING_STATUSES = Object.keys(STATUS_SET) as RecordingStatus[];

/** One page of recorded lessons in the caller's scope (one row per camera track). */
export function listRecordings(query: RecordingFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<Recording>> {
  return api.get<Page<Recording>>('/api/recordings', { query: { ...query }, signal });
}

/** One recording: status, progress, failure reason, counts and reason, and the lesson's other tracks. */
export function getRecording(id: number, signal?: AbortSignal): Promise<RecordingDetail> {
  return api.get<RecordingDetail>(`/api/recordings/${id}`, { signal });
}

/**
 * Short-lived media URLs (≤ 10 minutes, bound to this viewer) for every ready track of the
 * lesson. Each call is audited as a view; the player calls it again before the URLs expire.
 */
export function startPlayback(id: number): Promise<Playback> {
  return api.post<Playback>(`/api/recordings/${id}/playback`);
}

export function deleteRecording(id: number): Promise<void> {
  return api.delete<void>(`/api/recordings/${id}`);
}

/** Where a track's first frame lies on the lesson's clock (ms): for cameras that started apart. */
export function setStartOffset(id: number, startOffsetMs: number): Promise<RecordingTrack> {
  return api.put<RecordingTrack>(`/api/recordings/${id}/start-offset`, { startOffsetMs });
}
