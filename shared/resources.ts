/**
 * Shared quality resources (优质资源共建共享) and guardians' consent: the words the server and the
 * web app share (see GLOSSARY). Scopes and consent levels are ordered from narrowest to widest.
 */

/** What a resource is: a published lesson (a recording with its tracks) or courseware files. */
export const RESOURCE_KINDS = ['lesson', 'courseware'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Who may see a published resource: my school, my county, the city, or anyone (no login). */
export const RESOURCE_SCOPES = ['school', 'county', 'city', 'public'] as const;
export type ResourceScope = (typeof RESOURCE_SCOPES)[number];

/**
 * Where a resource stands in review. A publisher asks for a scope; the school approves first,
 * then the county 教科所 (for county, city or public), then the city (for city or public).
 * `returned`: a reviewer sent it back with a comment; the publisher edits and resubmits.
 */
export const REVIEW_STAGES = ['school', 'county', 'city', 'done', 'returned', 'withdrawn'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** The three review levels, in the order a resource climbs them. */
export const REVIEW_LEVELS = ['school', 'county', 'city'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

export const REVIEW_DECISIONS = ['approve', 'return', 'feature', 'narrowed', 'submit', 'withdraw'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** 优课 (a county's or the city's featured lesson) and 精品课 (the city's finest). */
export const FEATURE_LEVELS = ['quality', 'premium'] as const;
export type FeatureLevel = (typeof FEATURE_LEVELS)[number];

/** 学段 */
export const STAGES = ['preschool', 'primary', 'junior', 'senior'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * A guardian's consent for their child appearing in published video. The default is `internal`
 * (seen inside the school only). A lesson's widest scope is capped by its class's least consent.
 */
export const CONSENT_LEVELS = ['internal', 'county', 'city', 'public'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];
export const DEFAULT_CONSENT: ConsentLevel = 'internal';

/** The widest resource scope a consent level allows. */
export const SCOPE_ALLOWED_BY_CONSENT: Record<ConsentLevel, ResourceScope> = {
  internal: 'school',
  county: 'county',
  city: 'city',
  public: 'public',
};

/** Kinds of use kept for analysis: watched or opened, downloaded, used in lesson preparation. */
export const USE_KINDS = ['view', 'download', 'prepare'] as const;
export type UseKind = (typeof USE_KINDS)[number];

export function scopeRank(scope: ResourceScope): number {
  return RESOURCE_SCOPES.indexOf(scope);
}

/** The narrower of two scopes. */
export function narrowerScope(a: ResourceScope, b: ResourceScope): ResourceScope {
  return scopeRank(a) <= scopeRank(b) ? a : b;
}

/** The widest scope every child's consent allows (`public` for an empty class: courseware, no pupils). */
export function consentCap(levels: readonly ConsentLevel[]): ResourceScope {
  let cap: ResourceScope = 'public';
  for (const level of levels) cap = narrowerScope(cap, SCOPE_ALLOWED_BY_CONSENT[level]);
  return cap;
}

/** The review levels a requested scope must pass, in order. */
export function levelsFor(scope: ResourceScope): ReviewLevel[] {
  switch (scope) {
    case 'school': return ['school'];
    case 'county': return ['school', 'county'];
    case 'city':
    case 'public': return ['school', 'county', 'city'];
  }
}

/** The scope a resource reaches once `level` has approved it, before the consent cap. */
export function scopeAfterApproval(requested: ResourceScope, level: ReviewLevel): ResourceScope {
  if (level === 'school') return 'school';
  if (level === 'county') return narrowerScope(requested, 'county');
  return requested;
}

/** Taxonomy of a resource: stage, subject, grade, textbook edition, volume, unit/chapter, lesson. */
export interface ResourceTaxonomy {
  stage: Stage;
  subject: string;
  grade: string;
  edition: string;
  volume: string;
  unit: string;
  lesson: string;
}
