import type { Static } from 'typebox';
import { type Actor, resourceReachOf } from '../../access/actor.js';
import { publicResource, resourceInScope } from '../../access/scope-sql.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { type LessonFacts, representativeTrack } from '../recordings/recordings.lesson-facts.js';
import { classFacts } from '../org/class-facts.js';
import * as q from './resources.queries.js';
import type { ListQuery, PublicListQuery } from './resources.schema.js';

type List = Static<typeof ListQuery>;
type PublicList = Static<typeof PublicListQuery>;

/** Stages where the publisher may still change a resource (or resubmit it after a return or withdrawal). */
export const EDITABLE_STAGES = ['school', 'county', 'city', 'returned', 'withdrawn'] as const;

const tagsOf = (text: string): string[] => {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export const summaryView = (r: q.ResourceSummaryRow) => ({
  id: r.id, kind: r.kind, title: r.title, stage: r.stage, subject: r.subject, grade: r.grade, edition: r.edition, volume: r.volume,
  unit: r.unit, lesson: r.lesson, tags: tagsOf(r.tags), schoolId: r.school_id, schoolName: r.school_name, schoolCode: r.school_code,
  countyId: r.county_id, countyName: r.county_name, publisherUserId: r.publisher_user_id, publisherName: r.publisher_name,
  requestedScope: r.requested_scope, visibleScope: r.visible_scope, reviewStage: r.review_stage, feature: r.feature,
  publishedAt: r.published_at, createdAt: r.created_at,
});

const publicView = (r: q.ResourceSummaryRow & { description?: string }) => ({
  id: r.id, kind: r.kind, title: r.title, stage: r.stage, subject: r.subject, grade: r.grade, edition: r.edition, volume: r.volume,
  unit: r.unit, lesson: r.lesson, tags: tagsOf(r.tags), description: r.description ?? '', schoolName: r.school_name, countyName: r.county_name,
  teacherName: r.publisher_name, feature: r.feature, publishedAt: r.published_at,
});

/**
 * The library as people browse it: lists, counts, details and the taxonomy's values, each
 * confined to the caller's reach (resourceInScope) in SQL; and the public pages, confined to
 * publicResource(). A resource out of reach is a 404, as if it did not exist.
 */
export function createResourceLibrary(deps: { db: Db; lessonFacts: LessonFacts }) {
  const db = deps.db.db;
  const reachOf = (actor: Actor) => resourceInScope(resourceReachOf(actor));

  async function list(actor: Actor, query: List) {
    const { page, pageSize, mine, ...rest } = query;
    const filter: q.ResourceFilter = { ...rest, publisherUserId: mine ? actor.userId : undefined };
    const where = reachOf(actor);
    const [rows, total] = await Promise.all([
      q.listResources(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countResources(db, where, filter),
    ]);
    return { items: rows.map(summaryView), total, page, pageSize };
  }

  /** A resource the actor reaches (the row), or 404. For the publishing rules and the other resource areas. */
  async function reachable(actor: Actor, id: number): Promise<q.ResourceRow> {
    const row = await q.findResource(db, reachOf(actor), id);
    if (!row) throw notFound('资源');
    return row;
  }

  /** The lesson's track to open the player with: the composite once ready, else another ready track. */
  async function lessonVideo(row: q.ResourceRow) {
    if (row.kind !== 'lesson' || !row.recording_group_id) return null;
    const tracks = await deps.lessonFacts.tracksOf(row.school_id, row.recording_group_id);
    const rep = representativeTrack(tracks.filter((t) => t.status === 'ready').map((t) => ({ ...t, id: t.recordingId })))
      ?? representativeTrack(tracks.map((t) => ({ ...t, id: t.recordingId })));
    if (!rep) return null;
    return {
      recordingId: rep.recordingId, track: rep.track, status: rep.status, teacherName: rep.teacherName,
      lessonStart: rep.lessonStart, durationSeconds: rep.durationSeconds,
    };
  }

  async function detailOf(actor: Actor, row: q.ResourceRow) {
    const classes = row.class_id ? await classFacts(db, [row.class_id]) : new Map();
    const cls = row.class_id ? classes.get(row.class_id) : undefined;
    const publisher = row.publisher_user_id === actor.userId;
    return {
      ...summaryView(row),
      description: row.description, classId: row.class_id, className: cls ? `${cls.gradeName}${cls.name}` : null,
      consentCap: row.consent_cap, updatedAt: row.updated_at, lessonVideo: await lessonVideo(row),
      mayEdit: publisher && actor.permissions.has('resource:write') && (EDITABLE_STAGES as readonly string[]).includes(row.review_stage),
      mayWithdraw: publisher && actor.permissions.has('resource:write') && row.review_stage !== 'withdrawn',
    };
  }

  async function get(actor: Actor, id: number) {
    return detailOf(actor, await reachable(actor, id));
  }

  /** The values the filter selects offer: only those of resources in reach. */
  async function taxonomy(actor: Actor) {
    const where = reachOf(actor);
    const [stages, subjects, grades, editions, volumes, schools] = await Promise.all([
      q.distinctValues(db, where, 'stage'), q.distinctValues(db, where, 'subject'), q.distinctValues(db, where, 'grade'),
      q.distinctValues(db, where, 'edition'), q.distinctValues(db, where, 'volume'), q.schoolsOf(db, where),
    ]);
    return { stages: stages as q.ResourceRow['stage'][], subjects, grades, editions, volumes, schools };
  }

  async function publicList(query: PublicList) {
    const { page, pageSize, ...filter } = query;
    const where = publicResource();
    const [rows, total] = await Promise.all([
      q.listResources(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countResources(db, where, filter),
    ]);
    return { items: rows.map(publicView), total, page, pageSize };
  }

  async function publicGet(id: number) {
    const row = await q.findResource(db, publicResource(), id);
    if (!row) throw notFound('资源');
    return publicView(row);
  }

  return { list, get, reachable, detailOf, taxonomy, publicList, publicGet };
}

export type ResourceLibrary = ReturnType<typeof createResourceLibrary>;
