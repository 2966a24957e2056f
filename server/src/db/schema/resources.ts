import type { Generated } from 'kysely';
import type {
  ConsentLevel, FeatureLevel, ResourceKind, ResourceScope, ReviewDecision, ReviewLevel, ReviewStage, Stage, UseKind,
} from '../../../../shared/resources.js';

/**
 * Shared quality resources (优质资源) and guardians' consent. Conventions: see ../schema.ts.
 * A lesson resource names its recorded lesson by school and `recording_group_id` (every track),
 * never by copying its files.
 */

export interface ResourceTable {
  id: Generated<number>;
  kind: ResourceKind;
  title: string;
  description: string;
  stage: Stage;
  subject: string;
  grade: string;
  /** 教材版本 (e.g. 人教版) */
  edition: string;
  /** 册 (e.g. 五年级下册) */
  volume: string;
  /** 单元 / 章节 */
  unit: string;
  /** 课 */
  lesson: string;
  /** JSON array of strings. */
  tags: string;
  city_id: number;
  county_id: number;
  school_id: number;
  publisher_user_id: number;
  /** The recorded lesson (lesson resources). */
  recording_group_id: string | null;
  /** The class on video, whose guardians' least consent caps the scope (lesson resources). */
  class_id: number | null;
  /** The scope the publisher asked for. */
  requested_scope: ResourceScope;
  /** Who sees it now (null: not yet approved by the school, or withdrawn). */
  visible_scope: ResourceScope | null;
  /** The widest scope the class's consent allows (null: no video, not capped). */
  consent_cap: ResourceScope | null;
  review_stage: ReviewStage;
  feature: FeatureLevel | null;
  featured_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A courseware file; office files gain a PDF (LibreOffice) and every PDF a thumbnail and its text. */
export interface ResourceFileTable {
  id: Generated<number>;
  resource_id: number;
  name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  pdf_key: string | null;
  thumb_key: string | null;
  pages: number | null;
  /** none (an image) · pending · done · failed · waiting_package (LibreOffice not installed) */
  conversion: 'none' | 'pending' | 'done' | 'failed' | 'waiting_package';
  conversion_error: string | null;
  /** Text extracted from the PDF, for search. */
  body_text: string | null;
  created_by_user_id: number;
  created_at: string;
}

/** Every step of a resource's review, and every narrowing by consent (by_user_id null). */
export interface ResourceReviewTable {
  id: Generated<number>;
  resource_id: number;
  level: ReviewLevel | null;
  decision: ReviewDecision;
  comment: string;
  scope_after: ResourceScope | null;
  feature: FeatureLevel | null;
  by_user_id: number | null;
  at: string;
}

/** One use of a resource: who, from which school, when; kept for the equity picture. */
export interface ResourceUseTable {
  id: Generated<number>;
  resource_id: number;
  kind: UseKind;
  /** null: an anonymous view of a public resource. */
  user_id: number | null;
  school_id: number | null;
  county_id: number | null;
  city_id: number | null;
  /** The research activity the lesson preparation was for. */
  activity_id: number | null;
  /** Asia/Shanghai date of the use. */
  day: string;
  at: string;
}

export interface ResourceFavouriteTable {
  user_id: number;
  resource_id: number;
  at: string;
}

export interface ResourceRatingTable {
  user_id: number;
  resource_id: number;
  stars: number;
  at: string;
}

export interface ResourceCommentTable {
  id: Generated<number>;
  resource_id: number;
  user_id: number;
  body: string;
  created_at: string;
  deleted_at: string | null;
}

/** A child's consent to appear in published video; no row means the default (internal). */
export interface StudentConsentTable {
  student_id: number;
  level: ConsentLevel;
  by_user_id: number;
  updated_at: string;
}

export interface StudentConsentChangeTable {
  id: Generated<number>;
  student_id: number;
  from_level: ConsentLevel;
  to_level: ConsentLevel;
  by_user_id: number;
  at: string;
}
