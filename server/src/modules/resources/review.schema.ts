import { type TSchema, Type } from 'typebox';
import { FEATURE_LEVELS, RESOURCE_KINDS, RESOURCE_SCOPES, REVIEW_DECISIONS, REVIEW_LEVELS, REVIEW_STAGES } from '../../../../shared/resources.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

const Scope = Type.Enum(RESOURCE_SCOPES);
const Stage = Type.Enum(REVIEW_STAGES);
const Level = Type.Enum(REVIEW_LEVELS);
const Feature = Type.Enum(FEATURE_LEVELS, { description: 'quality: 优课; premium: 精品课 (the city only)' });

export const ResourceParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const QueueQuery = Type.Object({
  level: Type.Optional(Level),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
}, { additionalProperties: false });

export const ReviewBody = Type.Object({
  decision: Type.Enum(['approve', 'return', 'feature', 'unfeature'] as const, { description: 'approve: pass this level; return: send back with a comment; feature / unfeature a published resource' }),
  comment: Type.Optional(Type.String({ maxLength: 2000, description: 'Required to return; kept in the history' })),
  feature: Type.Optional(Feature),
}, { additionalProperties: false });

export const ReviewOutcomeSchema = Type.Object({
  id: Type.Integer(), reviewStage: Stage, visibleScope: Nullable(Scope), feature: Nullable(Feature), publishedAt: Nullable(Type.String()),
});

export const ReviewQueueSchema = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), kind: Type.Enum(RESOURCE_KINDS), title: Type.String(), subject: Type.String(), grade: Type.String(),
    requestedScope: Scope, visibleScope: Nullable(Scope), consentCap: Nullable(Scope), reviewStage: Stage, feature: Nullable(Feature),
    publisherName: Type.String(), schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String(), updatedAt: Type.String(),
  })),
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), levels: Type.Array(Level),
});

export const ReviewHistorySchema = Type.Object({
  resourceId: Type.Integer(), reviewStage: Stage, requestedScope: Scope, visibleScope: Nullable(Scope), consentCap: Nullable(Scope), feature: Nullable(Feature),
  canReviewAt: Type.Array(Level), canFeature: Type.Array(Feature), canSubmit: Type.Boolean(),
  items: Type.Array(Type.Object({
    id: Type.Integer(), level: Nullable(Level), decision: Type.Enum(REVIEW_DECISIONS), comment: Type.String(), scopeAfter: Nullable(Scope),
    feature: Nullable(Feature), byName: Nullable(Type.String()), at: Type.String(),
  })),
});

export const FeaturedQuery = Type.Object({
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  grade: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
}, { additionalProperties: false });

export const FeaturedSchema = Type.Object({
  groups: Type.Array(Type.Object({
    subject: Type.String(), grade: Type.String(),
    items: Type.Array(Type.Object({
      id: Type.Integer(), kind: Type.Enum(RESOURCE_KINDS), title: Type.String(), feature: Feature, featuredAt: Nullable(Type.String()),
      schoolCode: Type.String(), schoolName: Type.String(), lesson: Type.String(),
    })),
  })),
  total: Type.Integer(),
});
