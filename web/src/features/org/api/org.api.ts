import type { OrgSummary, Region } from '@shared/api-types';
import { api } from '../../../api/client';

/** Counts of the caller's scope: counties, schools, kindergartens, poor-village schools. */
export function getOrgSummary(signal?: AbortSignal): Promise<OrgSummary> {
  return api.get<OrgSummary>('/api/org/summary', { signal });
}

/** The city and counties the caller may see, each with its bureau's departments. */
export function listRegions(signal?: AbortSignal): Promise<Region[]> {
  return api.get<Region[]>('/api/regions', { signal });
}
