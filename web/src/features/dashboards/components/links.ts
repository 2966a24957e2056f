import { toQueryString } from '../../../api/client';

// The lists behind the dashboards' figures: each figure opens the list it counts, filtered the same way.

export const links = {
  city: (asOf?: string) => `/dashboard${toQueryString({ asOf })}`,
  county: (countyId: number, asOf?: string) => `/dashboard/counties/${countyId}${toQueryString({ asOf })}`,
  school: (schoolId: number, asOf?: string) => `/dashboard/schools/${schoolId}${toQueryString({ asOf })}`,
  bigScreen: (asOf?: string) => `/dashboard/big-screen${toQueryString({ asOf })}`,
  /** The compliance schools list; `met: false` lists the schools that missed a day. */
  schools: (q: { from: string; to: string; countyId?: number; met?: boolean }) =>
    `/dashboard/compliance${toQueryString({ from: q.from, to: q.to, countyId: q.countyId, met: q.met })}`,
  /** Counted lessons (ready, counts), as the quota and the subject bars count them. */
  recordings: (q: { from: string; to: string; countyId?: number; schoolId?: number; subject?: string }) =>
    `/recordings${toQueryString({ ...q, counts: true, status: 'ready' })}`,
  rollout: (countyId?: number, asOf?: string) => `/rollout${toQueryString({ asOf, countyId })}`,
};

/** A rate as a percentage with one decimal ('—' when nothing was judged). */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** The rate in percent for a chart (null stays a gap). */
export function pct(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}
