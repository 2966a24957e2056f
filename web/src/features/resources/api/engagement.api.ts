import type {
  NewResourceUse, ResourceComment, ResourceComments, ResourceEngagement, ResourceFavourites, ResourcePreparations, ResourceUseResult,
} from '@shared/resources-engagement-types';
import { api } from '../../../api/client';

/** Keeps a view (once per page visit; the server counts a reload within 30 minutes once) or a lesson preparation. */
export function keepResourceUse(resourceId: number, body: NewResourceUse) {
  return api.post<ResourceUseResult>(`/api/resources/${resourceId}/uses`, body);
}

export function resourceEngagement(resourceId: number, signal?: AbortSignal) {
  return api.get<ResourceEngagement>(`/api/resources/${resourceId}/engagement`, { signal });
}

export function favouriteResource(resourceId: number) {
  return api.put<ResourceEngagement>(`/api/resources/${resourceId}/favourite`);
}

export function unfavouriteResource(resourceId: number) {
  return api.delete<void>(`/api/resources/${resourceId}/favourite`);
}

export function rateResource(resourceId: number, stars: number) {
  return api.put<ResourceEngagement>(`/api/resources/${resourceId}/rating`, { stars });
}

export function listResourceComments(resourceId: number, signal?: AbortSignal) {
  return api.get<ResourceComments>(`/api/resources/${resourceId}/comments`, { signal });
}

export function postResourceComment(resourceId: number, body: string) {
  return api.post<ResourceComment>(`/api/resources/${resourceId}/comments`, { body });
}

export function deleteResourceComment(resourceId: number, commentId: number) {
  return api.delete<void>(`/api/resources/${resourceId}/comments/${commentId}`);
}

export function myFavourites(signal?: AbortSignal) {
  return api.get<ResourceFavourites>('/api/resources/favourites', { signal });
}

export function myPreparations(signal?: AbortSignal) {
  return api.get<ResourcePreparations>('/api/resources/preparations', { signal });
}
