import { type TSchema, Type } from 'typebox';
import { FEATURE_LEVELS, RESOURCE_KINDS, RESOURCE_SCOPES, REVIEW_STAGES, STAGES } from '../../../../shared/resources.js';

/** Request and answer shapes of the resource library: publishing, browsing, the public pages. */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = () => Type.Integer({ minimum: 1 });

export const ResourceParams = Type.Object({ id: Id() });

const Taxonomy = {
  stage: Type.Enum(STAGES, { description: '学段' }),
  subject: Type.String({ minLength: 1, maxLength: 20, description: '学科' }),
  grade: Type.String({ maxLength: 20, description: '年级' }),
  edition: Type.String({ maxLength: 30, description: '教材版本, e.g. 人教版' }),
  volume: Type.String({ maxLength: 30, description: '册, e.g. 三年级上册' }),
  unit: Type.String({ maxLength: 60, description: '单元 / 章节' }),
  lesson: Type.String({ maxLength: 60, description: '课' }),
};

const Fields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.String({ maxLength: 5000 }),
  ...Taxonomy,
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10, uniqueItems: true }),
  requestedScope: Type.Enum(RESOURCE_SCOPES, { description: 'who should see it once reviewed: school, county, city or public' }),
  /** The class on video (lessons): its guardians' least consent caps the scope. Default: the recording's class. */
  classId: Type.Optional(Nullable(Id())),
};

export const CreateResourceBody = Type.Object({
  kind: Type.Enum(RESOURCE_KINDS),
  /** Any track of the recorded lesson to publish (lessons only). */
  recordingId: Type.Optional(Id()),
  ...Fields,
  description: Type.Optional(Fields.description),
  grade: Type.Optional(Taxonomy.grade),
  edition: Type.Optional(Taxonomy.edition),
  volume: Type.Optional(Taxonomy.volume),
  unit: Type.Optional(Taxonomy.unit),
  lesson: Type.Optional(Taxonomy.lesson),
  tags: Type.Optional(Fields.tags),
}, { additionalProperties: false });

/** Any of the fields; saving sends the resource back to the school's review. */
export const UpdateResourceBody = Type.Partial(Type.Object(Fields), { additionalProperties: false });

const Filters = {
  stage: Type.Optional(Type.Enum(STAGES)),
  subject: Type.Optional(Type.String({ maxLength: 20 })),
  grade: Type.Optional(Type.String({ maxLength: 20 })),
  edition: Type.Optional(Type.String({ maxLength: 30 })),
  volume: Type.Optional(Type.String({ maxLength: 30 })),
  kind: Type.Optional(Type.Enum(RESOURCE_KINDS)),
  /** quality · premium · any (either). */
  feature: Type.Optional(Type.Union([Type.Enum(FEATURE_LEVELS), Type.Literal('any')])),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const ListQuery = Type.Object({
  ...Filters,
  /** Who sees it now (visible scope). */
  scope: Type.Optional(Type.Enum(RESOURCE_SCOPES)),
  schoolId: Type.Optional(Id()),
  /** Only what the caller published. */
  mine: Type.Optional(Type.Boolean()),
  /** published: seen by someone now (default all the caller reaches, including pending ones they publish or review). */
  status: Type.Optional(Type.Union([Type.Literal('published'), Type.Literal('pending'), Type.Literal('all')])),
}, { additionalProperties: false });

export const PublicListQuery = Type.Object(Filters, { additionalProperties: false });

const TaxonomyView = {
  stage: Type.Enum(STAGES), subject: Type.String(), grade: Type.String(), edition: Type.String(), volume: Type.String(),
  unit: Type.String(), lesson: Type.String(),
};

export const ResourceSummarySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(RESOURCE_KINDS),
  title: Type.String(),
  ...TaxonomyView,
  tags: Type.Array(Type.String()),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  schoolCode: Type.String(),
  countyId: Type.Integer(),
  countyName: Type.String(),
  publisherUserId: Type.Integer(),
  publisherName: Type.String(),
  requestedScope: Type.Enum(RESOURCE_SCOPES),
  visibleScope: Nullable(Type.Enum(RESOURCE_SCOPES)),
  reviewStage: Type.Enum(REVIEW_STAGES),
  feature: Nullable(Type.Enum(FEATURE_LEVELS)),
  publishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const ResourcePage = Type.Object({ items: Type.Array(ResourceSummarySchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

/** The recorded lesson of a lesson resource, as the player needs it. */
export const ResourceLessonSchema = Type.Object({
  /** The track to open the player with (the composite once ready). */
  recordingId: Type.Integer(),
  track: Type.String(),
  status: Type.String(),
  teacherName: Type.String(),
  lessonStart: Type.String(),
  /** As the recording was probed: seconds with their fraction (97.16), like the recordings API. */
  durationSeconds: Nullable(Type.Number()),
});

export const ResourceDetailSchema = Type.Object({
  ...ResourceSummarySchema.properties,
  description: Type.String(),
  classId: Nullable(Type.Integer()),
  className: Nullable(Type.String()),
  consentCap: Nullable(Type.Enum(RESOURCE_SCOPES)),
  updatedAt: Type.String(),
  /** null: courseware, or the lesson's recording is gone. */
  lessonVideo: Nullable(ResourceLessonSchema),
  /** The publisher may edit (before it is done, or when returned) and withdraw. */
  mayEdit: Type.Boolean(),
  mayWithdraw: Type.Boolean(),
});

export const TaxonomySchema = Type.Object({
  stages: Type.Array(Type.Enum(STAGES)),
  subjects: Type.Array(Type.String()),
  grades: Type.Array(Type.String()),
  editions: Type.Array(Type.String()),
  volumes: Type.Array(Type.String()),
  schools: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});

/** What anyone may read of a public resource: no ids of people, no review state. */
export const PublicResourceSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(RESOURCE_KINDS),
  title: Type.String(),
  ...TaxonomyView,
  tags: Type.Array(Type.String()),
  description: Type.String(),
  schoolName: Type.String(),
  countyName: Type.String(),
  teacherName: Type.String(),
  feature: Nullable(Type.Enum(FEATURE_LEVELS)),
  publishedAt: Nullable(Type.String()),
});

export const PublicResourcePage = Type.Object({ items: Type.Array(PublicResourceSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
