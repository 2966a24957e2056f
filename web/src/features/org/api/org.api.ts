import type { Department, RegionLevel } from '@shared/domain';
import { api } from '../../../api/client';

// Response shapes of /api/org/* and /api/regions. TODO(shared): move to shared/ once the server
// exports its view types there, so neither side re-types them.

export interface CountySummary {
  id: number;
  code: string;
  name: string;
  schools: number;
  kindergartens: number;
  primaryAndJunior: number;
  poorVillage: number;
}

export interface OrgSummary {
  counties: number;
  schools: number;
  kindergartens: number;
  poorVillage: number;
  byCounty: CountySummary[];
}

export interface RegionDepartment {
  id: number;
  kind: Department;
  name: string;
}

export interface Region {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  bureauName: string;
  departments: RegionDepartment[];
}

/** Counts of the caller's scope: counties, schools, kindergartens, poor-village schools. */
export function getOrgSummary(signal?: AbortSignal): Promise<OrgSummary> {
  return api.get<OrgSummary>('/api/org/summary', { signal });
}

/** The city and counties the caller may see, each with its bureau's departments. */
export function listRegions(signal?: AbortSignal): Promise<Region[]> {
  return api.get<Region[]>('/api/regions', { signal });
}
