import type { Static } from 'typebox';
import { type Actor, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden } from '../../http/errors.js';
import { type ResourceScope, scopeRank } from '../../../../shared/resources.js';
import type { AuditService } from '../audit/audit.service.js';
import { classFacts } from '../org/class-facts.js';
import type { LessonFacts } from '../recordings/recordings.lesson-facts.js';
import { EDITABLE_STAGES, type ResourceLibrary } from './resources.service.js';
import * as q from './resources.queries.js';
import type { CreateResourceBody, UpdateResourceBody } from './resources.schema.js';

type Who = { actor: Actor; ip: string };
type Create = Static<typeof CreateResourceBody>;
type Update = Static<typeof UpdateResourceBody>;

/** A lesson as the recordings service shows it to the actor (its `get`: 404 unless they may watch it). */
export type WatchableLesson = (actor: Actor, recordingId: number) => Promise<{
  id: number; schoolId: number; groupId: string; status: string; title: string;
}>;
/** The widest scope a class's guardians allow (students' consent cap). */
export type ClassConsentCap = (classId: number) => Promise<{ cap: ResourceScope; least: string | null; pupils: number }>;

/** How scopes and consent read in the publisher's language. */
const SCOPE_WORDS: Record<ResourceScope, string> = { school: '本校', county: '本县', city: '全市', public: '公开（无需登录）' };
const CONSENT_WORDS: Record<ResourceScope, string> = { school: '校内', county: '县内', city: '市内', public: '公开' };

function consentRefusal(cap: ResourceScope, requested: ResourceScope) {
  return badRequest(
    'RESOURCE_CONSENT_CAP',
    `本班有学生的出镜授权仅到“${CONSENT_WORDS[cap]}”，不能发布到${SCOPE_WORDS[requested]}；请调整发布范围或请家长更新授权`,
    { cap, requested },
  );
}

/**
 * Publishing to the library: a lesson from a ready recording of the publisher's school (capped by
 * its class's consent) or a courseware record (its files come through the courseware routes);
 * editing (which resubmits to the school's review) and withdrawing. Every write is audited and
 * brings the search index up to date.
 */
export function createResourcePublishing(deps: {
  db: Db; clock: Clock; audit: AuditService; library: ResourceLibrary; lessonFacts: LessonFacts;
  watchable: WatchableLesson; consentCap: ClassConsentCap; reindex: (id: number) => Promise<void>;
}) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  /** The schools the actor publishes for in their own right (teachers and principals). */
  function ownSchools(actor: Actor): number[] {
    const s = scopeOf(actor, 'resource:write');
    if (!s) throw forbidden();
    return s.schoolIds;
  }

  /** The class on video: one of the lesson's school's classes, named (children appear, so a class must be known). */
  async function classOn(schoolId: number, classId: number | null | undefined) {
    if (classId === null || classId === undefined) {
      throw badRequest('RESOURCE_CLASS_REQUIRED', '请选择出镜的班级：发布课堂录像前需要按该班学生的出镜授权确定可发布的范围');
    }
    const cls = (await classFacts(db, [classId])).get(classId);
    if (!cls || cls.schoolId !== schoolId) throw badRequest('RESOURCE_CLASS_OUTSIDE', '所选班级不属于这节课所在的学校：请重新选择出镜的班级');
    return cls;
  }

  /** The consent cap of the class, refusing a wider scope than it allows. */
  async function cappedScope(classId: number, requested: ResourceScope): Promise<ResourceScope> {
    const { cap } = await deps.consentCap(classId);
    if (scopeRank(requested) > scopeRank(cap)) throw consentRefusal(cap, requested);
    return cap;
  }

  async function create(w: Who, body: Create) {
    const mine = ownSchools(w.actor);
    const now = deps.clock.now().toISOString();
    let schoolId: number;
    let groupId: string | null = null;
    let classId: number | null = null;
    let consentCap: ResourceScope | null = null;
    if (body.kind === 'lesson') {
      if (!body.recordingId) throw badRequest('RESOURCE_LESSON_REQUIRED', '发布课例需要选择一节录播课（recordingId）');
      const lesson = await deps.watchable(w.actor, body.recordingId);
      if (!mine.includes(lesson.schoolId)) {
        throw new AppError(403, 'RESOURCE_LESSON_OTHER_SCHOOL', '只能发布本校的录播课；其他学校的课请由该校老师发布');
      }
      if (lesson.status !== 'ready') throw conflict('RESOURCE_LESSON_NOT_READY', '这节课还没有处理完成（或处理失败），不能发布；处理完成后再发布');
      if (await q.activeForLesson(db, lesson.schoolId, lesson.groupId)) {
        throw conflict('RESOURCE_LESSON_PUBLISHED', '这节课已经发布到资源库（或正在审核）：请在资源库中编辑原资源');
      }
      const facts = await deps.lessonFacts.tracksOf(lesson.schoolId, lesson.groupId);
      const recordedClass = facts.find((f) => f.classId !== null)?.classId ?? null;
      const cls = await classOn(lesson.schoolId, body.classId !== undefined ? body.classId : recordedClass);
      consentCap = await cappedScope(cls.id, body.requestedScope);
      schoolId = lesson.schoolId;
      groupId = lesson.groupId;
      classId = cls.id;
    } else {
      if (body.recordingId !== undefined || (body.classId !== undefined && body.classId !== null)) {
        throw badRequest('RESOURCE_COURSEWARE_NO_VIDEO', '课件资源不关联录播课和班级：发布课堂录像请选择“课例”');
      }
      if (!mine.length) throw new AppError(403, 'RESOURCE_NO_SCHOOL', '您的角色不属于任何学校，不能发布资源');
      schoolId = mine[0]!;
    }
    const school = await db.selectFrom('schools').select(['city_id', 'county_id']).where('id', '=', schoolId).executeTakeFirstOrThrow();
    const id = await q.insertResource(db, {
      kind: body.kind, title: body.title.trim(), description: body.description ?? '', stage: body.stage, subject: body.subject,
      grade: body.grade ?? '', edition: body.edition ?? '', volume: body.volume ?? '', unit: body.unit ?? '', lesson: body.lesson ?? '',
      tags: JSON.stringify(body.tags ?? []), city_id: school.city_id, county_id: school.county_id, school_id: schoolId,
      publisher_user_id: w.actor.userId, recording_group_id: groupId, class_id: classId, requested_scope: body.requestedScope,
      visible_scope: null, consent_cap: consentCap, review_stage: 'school', feature: null, featured_at: null, published_at: null,
      created_at: now, updated_at: now,
    });
    await q.insertReviewStep(db, { resource_id: id, decision: 'submit', comment: '', scope_after: null, by_user_id: w.actor.userId, at: now });
    await deps.audit.record({
      ...by(w), action: 'resource.publish', targetType: 'resource', targetId: id, result: 'success',
      detail: { kind: body.kind, schoolId, groupId, classId, requestedScope: body.requestedScope, consentCap },
    });
    await deps.reindex(id);
    return deps.library.get(w.actor, id);
  }

  /** The publisher's own resource, or 404 (out of reach) / 403 (someone else's). */
  async function own(actor: Actor, id: number) {
    if (!actor.permissions.has('resource:write')) throw forbidden();
    const row = await deps.library.reachable(actor, id);
    if (row.publisher_user_id !== actor.userId) throw new AppError(403, 'RESOURCE_NOT_PUBLISHER', '只有发布者本人可以修改或撤回这份资源');
    return row;
  }

  async function update(w: Who, id: number, body: Update) {
    const row = await own(w.actor, id);
    if (!(EDITABLE_STAGES as readonly string[]).includes(row.review_stage)) {
      throw conflict('RESOURCE_NOT_EDITABLE', '资源已通过审核并发布，不能再修改；如需修改请先撤回，修改后重新提交审核');
    }
    const requested = body.requestedScope ?? row.requested_scope;
    let classId = row.class_id;
    let consentCap = row.consent_cap;
    if (row.kind === 'lesson') {
      const cls = await classOn(row.school_id, body.classId !== undefined ? body.classId : row.class_id);
      classId = cls.id;
      consentCap = await cappedScope(cls.id, requested);
    } else if (body.classId !== undefined && body.classId !== null) {
      throw badRequest('RESOURCE_COURSEWARE_NO_VIDEO', '课件资源不关联录播课和班级：发布课堂录像请选择“课例”');
    }
    const now = deps.clock.now().toISOString();
    const changed = Object.keys(body);
    await q.updateResource(db, id, {
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.stage !== undefined ? { stage: body.stage } : {}),
      ...(body.subject !== undefined ? { subject: body.subject } : {}),
      ...(body.grade !== undefined ? { grade: body.grade } : {}),
      ...(body.edition !== undefined ? { edition: body.edition } : {}),
      ...(body.volume !== undefined ? { volume: body.volume } : {}),
      ...(body.unit !== undefined ? { unit: body.unit } : {}),
      ...(body.lesson !== undefined ? { lesson: body.lesson } : {}),
      ...(body.tags !== undefined ? { tags: JSON.stringify(body.tags) } : {}),
      requested_scope: requested, class_id: classId, consent_cap: consentCap,
      // Resubmitted: the school reviews it again, and nobody sees it until then.
      review_stage: 'school', visible_scope: null, published_at: null, updated_at: now,
    });
    await q.insertReviewStep(db, { resource_id: id, decision: 'submit', comment: '', scope_after: null, by_user_id: w.actor.userId, at: now });
    await deps.audit.record({
      ...by(w), action: 'resource.edit', targetType: 'resource', targetId: id, result: 'success',
      detail: { fields: changed, fromStage: row.review_stage, requestedScope: requested, consentCap },
    });
    await deps.reindex(id);
    return deps.library.get(w.actor, id);
  }

  async function withdraw(w: Who, id: number) {
    const row = await own(w.actor, id);
    if (row.review_stage === 'withdrawn') throw conflict('RESOURCE_WITHDRAWN', '这份资源已经撤回');
    const now = deps.clock.now().toISOString();
    await q.updateResource(db, id, { review_stage: 'withdrawn', visible_scope: null, updated_at: now });
    await q.insertReviewStep(db, { resource_id: id, decision: 'withdraw', comment: '', scope_after: null, by_user_id: w.actor.userId, at: now });
    await deps.audit.record({
      ...by(w), action: 'resource.withdraw', targetType: 'resource', targetId: id, result: 'success',
      detail: { fromStage: row.review_stage, fromScope: row.visible_scope },
    });
    await deps.reindex(id);
    return deps.library.get(w.actor, id);
  }

  return { create, update, withdraw };
}

export type ResourcePublishing = ReturnType<typeof createResourcePublishing>;
