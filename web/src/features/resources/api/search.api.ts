import type { ResourceSearchAnswer, ResourceSearchQuery } from '@shared/resource-search-types';
import { api } from '../../../api/client';

/** 资源搜索 inside what the signed-in person reaches. */
export function searchResources(query: ResourceSearchQuery, signal?: AbortSignal): Promise<ResourceSearchAnswer> {
  return api.get<ResourceSearchAnswer>('/api/resources/search', { query: { ...query }, signal });
}
