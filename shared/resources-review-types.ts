import type { FeatureLevel, ResourceKind, ResourceScope, ReviewDecision, ReviewLevel, ReviewStage } from './resources.js';

/**
 * What the review and featuring API answers (资源审核 / 优课 精品课): the server's schemas and the
 * web pages both use these shapes.
 */

/** One resource waiting in a reviewer's queue. */
export interface ReviewQueueItem {
  id: number;
  kind: ResourceKind;
  title: string;
  subject: string;
  grade: string;
  requestedScope: ResourceScope;
  visibleScope: ResourceScope | null;
  consentCap: ResourceScope | null;
  reviewStage: ReviewStage;
  feature: FeatureLevel | null;
  publisherName: string;
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  updatedAt: string;
}

export interface ReviewQueue {
  items: ReviewQueueItem[];
  total: number;
  page: number;
  pageSize: number;
  /** The levels the actor reviews at somewhere (empty: they review nowhere). */
  levels: ReviewLevel[];
}

/** A review decision sent by a reviewer. */
export interface ReviewRequest {
  decision: 'approve' | 'return' | 'feature' | 'unfeature';
  comment?: string;
  feature?: FeatureLevel;
}

/** A resource's review state after a step. */
export interface ReviewOutcome {
  id: number;
  reviewStage: ReviewStage;
  visibleScope: ResourceScope | null;
  feature: FeatureLevel | null;
  publishedAt: string | null;
}

/** One step in a resource's review history (`unfeature` is kept as decision `feature` with feature null). */
export interface ReviewHistoryEntry {
  id: number;
  level: ReviewLevel | null;
  decision: ReviewDecision;
  comment: string;
  scopeAfter: ResourceScope | null;
  feature: FeatureLevel | null;
  byName: string | null;
  at: string;
}

export interface ReviewHistory {
  resourceId: number;
  reviewStage: ReviewStage;
  requestedScope: ResourceScope;
  visibleScope: ResourceScope | null;
  consentCap: ResourceScope | null;
  feature: FeatureLevel | null;
  /** The levels at which the asker may act on this resource now (empty: nothing to do). */
  canReviewAt: ReviewLevel[];
  /** The asker may feature or unfeature it (a county or city reviewer of a published resource). */
  canFeature: FeatureLevel[];
  /** The asker published it and it was returned or withdrawn: they may submit it again. */
  canSubmit: boolean;
  items: ReviewHistoryEntry[];
}

/** A featured resource in the city's collection. */
export interface FeaturedItem {
  id: number;
  kind: ResourceKind;
  title: string;
  feature: FeatureLevel;
  featuredAt: string | null;
  schoolCode: string;
  schoolName: string;
  lesson: string;
}

export interface FeaturedGroup {
  subject: string;
  grade: string;
  items: FeaturedItem[];
}

export interface FeaturedCollection {
  groups: FeaturedGroup[];
  total: number;
}
