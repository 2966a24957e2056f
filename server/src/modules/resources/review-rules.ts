import type { Grant } from '../../access/actor.js';
import {
  type FeatureLevel, levelsFor, narrowerScope, REVIEW_LEVELS, type ResourceScope, type ReviewLevel, type ReviewStage, scopeAfterApproval,
  scopeRank,
} from '../../../../shared/resources.js';

/**
 * The review chain's rules (资源审核), pure so they are unit-tested without a database: who reviews
 * a resource at which level, where an approval moves it, and who may feature it (优课 / 精品课).
 */

/** Where a resource sits in the org, as the rules need it. */
export interface ResourcePlace {
  schoolId: number;
  countyId: number;
  cityId: number;
}

/** The review state of a resource. */
export interface ReviewState {
  requestedScope: ResourceScope;
  visibleScope: ResourceScope | null;
  consentCap: ResourceScope | null;
  reviewStage: ReviewStage;
  feature: FeatureLevel | null;
}

/** Does this grant review at `level` for a resource at `place`? */
export function grantReviewsAt(g: Grant, level: ReviewLevel, place: ResourcePlace): boolean {
  switch (level) {
    // The principal of the resource's own school.
    case 'school': return g.role === 'principal' && g.schoolId === place.schoolId;
    // The county's 教科所 (research department staff) or the county bureau's admin, of the resource's county.
    case 'county':
      return g.schoolId === null && g.countyId === place.countyId
        && (g.role === 'county_admin' || (g.role === 'dept_staff' && g.department === 'research'));
    // The city's 教研员 or the city bureau's admin, of the resource's city (not a county-level researcher).
    case 'city':
      return g.schoolId === null && g.countyId === null && g.cityId === place.cityId && (g.role === 'city_admin' || g.role === 'researcher');
  }
}

/** The levels at which these grants review a resource at `place` (narrowest first). */
export function reviewLevelsAt(grants: readonly Grant[], place: ResourcePlace): ReviewLevel[] {
  return REVIEW_LEVELS.filter((level) => grants.some((g) => grantReviewsAt(g, level, place)));
}

/**
 * The levels at which these grants review anywhere, with the nodes: principals' schools, the
 * county reviewers' counties, the city reviewers' cities. The review queue filters by these in SQL.
 */
export function reviewNodesOf(grants: readonly Grant[]): { schoolIds: number[]; countyIds: number[]; cityIds: number[] } {
  const uniq = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];
  return {
    schoolIds: uniq(grants.filter((g) => g.role === 'principal').map((g) => g.schoolId)),
    countyIds: uniq(grants.filter((g) => g.schoolId === null && (g.role === 'county_admin' || (g.role === 'dept_staff' && g.department === 'research'))).map((g) => g.countyId)),
    cityIds: uniq(grants.filter((g) => g.schoolId === null && g.countyId === null && (g.role === 'city_admin' || g.role === 'researcher')).map((g) => g.cityId)),
  };
}

/** The stage after `level` approves: the next level the requested scope must pass, or `done`. */
export function stageAfterApproval(requested: ResourceScope, level: ReviewLevel): ReviewStage {
  const levels = levelsFor(requested);
  const i = levels.indexOf(level);
  return i >= 0 && i + 1 < levels.length ? levels[i + 1]! : 'done';
}

/**
 * Who sees the resource once `level` approves: what the level grants for the requested scope,
 * never narrower than what is already visible (a resubmitted resource stays where earlier levels
 * put it while it climbs again), never wider than the request and the class's consent.
 */
export function visibleAfterApproval(s: Pick<ReviewState, 'requestedScope' | 'visibleScope' | 'consentCap'>, level: ReviewLevel): ResourceScope {
  const granted = scopeAfterApproval(s.requestedScope, level);
  const wider = s.visibleScope && scopeRank(s.visibleScope) > scopeRank(granted) ? s.visibleScope : granted;
  return narrowerScope(narrowerScope(wider, s.requestedScope), s.consentCap ?? 'public');
}

/** The feature levels a review level may give: the county 优课, the city 优课 or 精品课. */
export function featuresAllowedAt(level: ReviewLevel): FeatureLevel[] {
  if (level === 'county') return ['quality'];
  if (level === 'city') return ['quality', 'premium'];
  return [];
}

/**
 * The scope a resource must be visible to at least to be featured so: a 优课 is a county's honour
 * (the city may give it too, to a lesson seen county-wide); a 精品课 stands in the city's collection.
 */
export function scopeFeaturedAs(feature: FeatureLevel): ResourceScope {
  return feature === 'premium' ? 'city' : 'county';
}

export type FeatureRefusal = 'not_done' | 'level' | 'scope' | 'premium_is_city';

/**
 * Whether `level` may set `feature` (null: unfeature) on a resource that is (or this step makes)
 * published with `visible`. The county never touches the city's 精品课.
 */
export function featureRefusal(level: ReviewLevel, stage: ReviewStage, visible: ResourceScope | null, current: FeatureLevel | null, feature: FeatureLevel | null): FeatureRefusal | null {
  if (stage !== 'done') return 'not_done';
  if (feature !== null && !featuresAllowedAt(level).includes(feature)) return 'level';
  if (level !== 'city' && current === 'premium') return 'premium_is_city';
  if (feature === null) return featuresAllowedAt(level).length ? null : 'level';
  if (!visible || scopeRank(visible) < scopeRank(scopeFeaturedAs(feature))) return 'scope';
  return null;
}

/** The widest level among these (a county and city reviewer features as the city). */
export function highestLevel(levels: readonly ReviewLevel[]): ReviewLevel | null {
  let best: ReviewLevel | null = null;
  for (const l of levels) if (best === null || REVIEW_LEVELS.indexOf(l) > REVIEW_LEVELS.indexOf(best)) best = l;
  return best;
}
