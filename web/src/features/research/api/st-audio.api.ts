import type { StAudioDraft, StAudioRequest } from '@shared/research-st-audio-types';
import { api } from '../../../api/client';

/** The lesson's S-T draft from audio at an interval (default: the activity's, else 30 s), with its agreement with each coding I may see. */
export function getStAudioDraft(recordingId: number, where: { activityId: number | null; intervalSeconds?: number }, signal?: AbortSignal) {
  return api.get<StAudioDraft>(`/api/research/lessons/${recordingId}/st-audio`, {
    query: { activityId: where.activityId ?? undefined, intervalSeconds: where.intervalSeconds }, signal,
  });
}

/** Asks the worker for the draft (queued; one already done is answered as it is). */
export function requestStAudioDraft(recordingId: number, body: StAudioRequest) {
  return api.post<StAudioDraft>(`/api/research/lessons/${recordingId}/st-audio`, body);
}
