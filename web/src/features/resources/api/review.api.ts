import type { FeaturedCollection, ReviewHistory, ReviewOutcome, ReviewQueue, ReviewRequest } from '@shared/resources-review-types';
import type { ReviewLevel } from '@shared/resources';
import { api } from '../../../api/client';

/** What waits for the levels I review at (资源审核), oldest first. */
export function reviewQueue(query: { level?: ReviewLevel; page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<ReviewQueue>('/api/resources/review-queue', { query, signal });
}

/** One review step: approve (optionally featuring), return with a comment, feature or unfeature. */
export function reviewResource(id: number, body: ReviewRequest) {
  return api.post<ReviewOutcome>(`/api/resources/${id}/review`, body);
}

/** The publisher resubmits a returned resource to the school (idempotent). */
export function submitResource(id: number) {
  return api.post<ReviewOutcome>(`/api/resources/${id}/submit`, {});
}

export function reviewHistory(id: number, signal?: AbortSignal) {
  return api.get<ReviewHistory>(`/api/resources/${id}/history`, { signal });
}

export function featuredCollection(query: { subject?: string; grade?: string }, signal?: AbortSignal) {
  return api.get<FeaturedCollection>('/api/resources/featured', { query, signal });
}
