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

interface Figures { rate: number | null; metDays: number; schoolDays: number; pendingDays: number }

/**
 * A day's figure: while the day is still on (some schools have not yet recorded their lessons) a
 * rate over the schools already judged would read 100% at breakfast, so it shows met of all.
 */
export function dayFigure(f: Figures): string {
  return f.pendingDays > 0 ? `${f.metDays} / ${f.schoolDays}` : percent(f.rate);
}

/** A period's rate; a period whose only school days are still on shows met of all, as a day does. */
export function periodFigure(f: Figures): string {
  return f.rate === null && f.pendingDays > 0 ? dayFigure(f) : percent(f.rate);
}

/** The rate in percent for a chart (null stays a gap). */
export function pct(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}
