import type { Page } from '@shared/api-types';
import type {
  NewResource, PublicResource, ResourceDetail, ResourceFilters, ResourcePatch, ResourceSummary, ResourceTaxonomyValues,
} from '@shared/resources-library-types';
import { api } from '../../../api/client';

export function listResources(query: ResourceFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<Page<ResourceSummary>>('/api/resources', { query: { ...query }, signal });
}

/** The taxonomy's values among the resources the caller reaches, for the filter selects. */
export function getTaxonomy(signal?: AbortSignal) {
  return api.get<ResourceTaxonomyValues>('/api/resources/taxonomy', { signal });
}

export function getResource(id: number, signal?: AbortSignal) {
  return api.get<ResourceDetail>(`/api/resources/${id}`, { signal });
}

export function publishResource(body: NewResource) {
  return api.post<ResourceDetail>('/api/resources', body);
}

export function updateResource(id: number, patch: ResourcePatch) {
  return api.patch<ResourceDetail>(`/api/resources/${id}`, patch);
}

export function withdrawResource(id: number) {
  return api.post<ResourceDetail>(`/api/resources/${id}/withdraw`);
}

/** Without login: one resource published to the public. */
export function getPublicResource(id: number, signal?: AbortSignal) {
  return api.get<PublicResource>(`/api/public/resources/${id}`, { signal, redirectOn401: false });
}
