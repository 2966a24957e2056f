import type { Page } from '@shared/api-types';
import type {
  FollowUp, FollowUpFilters, FollowUpReview, FollowUpStatus, Inspection, InspectionFilters, InspectionItem, InspectionRating,
  InspectionSummary, NewInspection,
} from '@shared/supervision-api-types';
import { api } from '../../../api/client';

// Value lists in display order, each a Record over the server's type so a change there is a type error here.
const ITEM_SET: Record<InspectionItem, true> = {
  room_use: true, daily_recording: true, resource_use: true, teaching_research: true, equipment: true, named_person: true,
};
const RATING_SET: Record<InspectionRating, true> = { excellent: true, good: true, fair: true, poor: true };
const STATUS_SET: Record<FollowUpStatus, true> = { open: true, rectified: true, verified: true };

export const INSPECTION_ITEMS = Object.keys(ITEM_SET) as InspectionItem[];
export const RATINGS = Object.keys(RATING_SET) as InspectionRating[];
export const FOLLOW_UP_STATUSES = Object.keys(STATUS_SET) as FollowUpStatus[];

export function listInspections(query: InspectionFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<Page<InspectionSummary>>('/api/inspections', { query: { ...query }, signal });
}

export function getInspection(id: number, asOf: string | undefined, signal?: AbortSignal) {
  return api.get<Inspection>(`/api/inspections/${id}`, { query: { asOf }, signal });
}

export function createInspection(body: NewInspection) {
  return api.post<Inspection>('/api/inspections', body);
}

export function listFollowUps(query: FollowUpFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<Page<FollowUp>>('/api/inspections/follow-ups', { query: { ...query }, signal });
}

/** The school's principal reports a follow-up put right. */
export function rectifyFollowUp(id: number, note: string) {
  return api.post<FollowUp>(`/api/inspections/follow-ups/${id}/rectification`, { note });
}

/** The inspectors verify a follow-up, or reopen a rectified one with a comment. */
export function reviewFollowUp(id: number, review: FollowUpReview) {
  return api.post<FollowUp>(`/api/inspections/follow-ups/${id}/review`, review);
}
