import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ConsentLevel, FeatureLevel, ResourceKind, ResourceScope, ReviewStage, Stage, UseKind } from '../../../../shared/resources.js';

/**
 * Builders for resource tests: resources at any review stage, their uses, and pupils' consent.
 * Rows go straight into the tables, so a test of one part (search, consent, use, equity) does
 * not depend on the publishing routes.
 */
type Db = Kysely<Database>;

export interface ResourceSeed {
  schoolId: number;
  publisherUserId: number;
  kind?: ResourceKind;
  title?: string;
  description?: string;
  stage?: Stage;
  subject?: string;
  grade?: string;
  edition?: string;
  volume?: string;
  unit?: string;
  lesson?: string;
  tags?: string[];
  recordingGroupId?: string | null;
  classId?: number | null;
  requestedScope?: ResourceScope;
  /** Defaults to the requested scope when the stage is `done`, else null. */
  visibleScope?: ResourceScope | null;
  consentCap?: ResourceScope | null;
  reviewStage?: ReviewStage;
  feature?: FeatureLevel | null;
  at?: string;
}

/** A resource row; by default a published (`done`) county-wide courseware of 数学 三年级. */
export async function addResource(db: Db, seed: ResourceSeed): Promise<number> {
  const s = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', seed.schoolId).executeTakeFirstOrThrow();
  const at = seed.at ?? new Date().toISOString();
  const requested = seed.requestedScope ?? 'county';
  const stage = seed.reviewStage ?? 'done';
  const row = await db.insertInto('resources').values({
    kind: seed.kind ?? 'courseware', title: seed.title ?? '分数的初步认识', description: seed.description ?? '',
    stage: seed.stage ?? 'primary', subject: seed.subject ?? '数学', grade: seed.grade ?? '三年级', edition: seed.edition ?? '人教版',
    volume: seed.volume ?? '三年级上册', unit: seed.unit ?? '第八单元 分数的初步认识', lesson: seed.lesson ?? '几分之一',
    tags: JSON.stringify(seed.tags ?? []), city_id: s.city_id, county_id: s.county_id, school_id: seed.schoolId,
    publisher_user_id: seed.publisherUserId, recording_group_id: seed.recordingGroupId ?? null, class_id: seed.classId ?? null,
    requested_scope: requested, visible_scope: seed.visibleScope !== undefined ? seed.visibleScope : stage === 'done' ? requested : null,
    consent_cap: seed.consentCap ?? null, review_stage: stage, feature: seed.feature ?? null, featured_at: seed.feature ? at : null,
    published_at: stage === 'done' ? at : null, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One use of a resource by a person of a school (or anonymous: no user, no school). */
export async function addUse(db: Db, use: { resourceId: number; kind?: UseKind; userId?: number | null; schoolId?: number | null; at?: string; activityId?: number | null }): Promise<void> {
  const at = use.at ?? new Date().toISOString();
  const s = use.schoolId
    ? await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', use.schoolId).executeTakeFirstOrThrow()
    : null;
  const day = new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await db.insertInto('resource_uses').values({
    resource_id: use.resourceId, kind: use.kind ?? 'view', user_id: use.userId ?? null, school_id: use.schoolId ?? null,
    county_id: s?.county_id ?? null, city_id: s?.city_id ?? null, activity_id: use.activityId ?? null, day, at,
  }).execute();
}

/** Sets a pupil's consent directly (no history, no event): the state a test starts from. */
export async function setConsentRow(db: Db, studentId: number, level: ConsentLevel, byUserId: number): Promise<void> {
  await db.deleteFrom('student_consents').where('student_id', '=', studentId).execute();
  await db.insertInto('student_consents').values({ student_id: studentId, level, by_user_id: byUserId, updated_at: new Date().toISOString() }).execute();
}
