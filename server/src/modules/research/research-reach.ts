import type { Kysely, Selectable } from 'kysely';
import { type Actor, supervisingScope } from '../../access/actor.js';
import { activityInScope } from '../../access/scope-sql.js';
import type { Clock } from '../../clock.js';
import type { Database, ResearchActivityTable } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import type { LessonFacts } from '../recordings/recordings.lesson-facts.js';

export type ActivityRow = Selectable<ResearchActivityTable>;

/** A lesson as the research tools see it: named by school and group, with its teacher. */
export interface ReachedLesson {
  recordingId: number;
  schoolId: number;
  groupId: string;
  teacherUserId: number | null;
  title: string;
  durationSeconds: number | null;
}

/**
 * The one recorded lesson the actor may watch, as the recordings service answers (in their scope
 * or shared with them through an activity); throws 404 otherwise. Given by the composition root.
 */
export type LessonOf = (actor: Actor, recordingId: number) => Promise<ReachedLesson>;

/**
 * What an actor may reach in research, in one place for every research area (activities,
 * comments, rubrics, S-T, analysis): an activity (activityInScope in the access gate), a lesson
 * inside an activity (attached to it), or a lesson outside any activity (whoever may watch it),
 * and whether reviews are still taken. Unreachable and missing look the same: 404.
 */
export function createResearchReach(deps: { db: Kysely<Database>; clock: Clock; lessonOf: LessonOf; lessonFacts: LessonFacts }) {
  const { db } = deps;

  function requireRead(actor: Actor) {
    if (!actor.permissions.has('research:read')) throw forbidden();
  }

  /** The activity, when the actor reaches it (member, or supervising its node or a school in it). */
  async function activity(actor: Actor, activityId: number): Promise<ActivityRow> {
    requireRead(actor);
    const row = await db.selectFrom('research_activities').selectAll()
      .where('id', '=', activityId).where('deleted_at', 'is', null)
      .where(activityInScope(supervisingScope(actor, 'research:read'), actor.userId))
      .executeTakeFirst();
    if (!row) throw notFound('教研活动');
    return row;
  }

  /**
   * A lesson the actor may review: inside an activity (it must be attached to that activity, and
   * the actor reach the activity), or outside any (the actor may watch it).
   */
  async function lesson(actor: Actor, where: { recordingId: number; activityId: number | null }): Promise<{ lesson: ReachedLesson; activity: ActivityRow | null }> {
    if (where.activityId === null) return { lesson: await deps.lessonOf(actor, where.recordingId), activity: null };
    const act = await activity(actor, where.activityId);
    const track = (await deps.lessonFacts.byIds([where.recordingId])).get(where.recordingId);
    const attached = track && await db.selectFrom('research_activity_lessons')
      .select(['recording_id', 'school_id', 'group_id', 'teacher_user_id', 'title'])
      .where('activity_id', '=', act.id).where('school_id', '=', track.schoolId).where('group_id', '=', track.groupId)
      .executeTakeFirst();
    if (!attached) throw notFound('教研课例');
    // The lesson is named by its representative track; asked by another of its tracks, read that one's length.
    const named = attached.recording_id === track.recordingId ? track : (await deps.lessonFacts.byIds([attached.recording_id])).get(attached.recording_id);
    return {
      activity: act,
      lesson: {
        recordingId: attached.recording_id, schoolId: attached.school_id, groupId: attached.group_id,
        teacherUserId: attached.teacher_user_id, title: attached.title, durationSeconds: named?.durationSeconds ?? null,
      },
    };
  }

  /**
   * Refuses reviews (comments, scores, codings) an activity no longer or not yet takes: before it
   * opens, after its summary, or past its review deadline. Outside an activity reviews are open.
   */
  function assertReviewsOpen(act: ActivityRow | null): void {
    if (!act) return;
    if (act.status === 'planned') throw new AppError(409, 'RESEARCH_NOT_OPEN', '教研活动尚未开放评课：请等待组织者开放后再评论、打分或编码');
    if (act.status === 'summarised') throw new AppError(409, 'RESEARCH_SUMMARISED', '教研活动已总结归档，不再接受新的评论、打分或编码');
    if (act.review_deadline && deps.clock.now().toISOString() > act.review_deadline) {
      throw new AppError(409, 'RESEARCH_REVIEW_CLOSED', `评课已于 ${act.review_deadline.slice(0, 16).replace('T', ' ')}（UTC）截止，如需延长请联系活动组织者`);
    }
  }

  /** Whether the actor organises the activity (or supervises its organising node): they may moderate it. */
  async function organises(actor: Actor, act: ActivityRow): Promise<boolean> {
    if (act.organiser_user_id === actor.userId) return true;
    const scope = supervisingScope(actor, 'research:write');
    if (!scope) return false;
    if (scope.all) return true;
    if (act.school_id !== null && scope.schoolIds.includes(act.school_id)) return true;
    if (act.county_id !== null && scope.countyIds.includes(act.county_id)) return true;
    return scope.cityIds.includes(act.city_id);
  }

  return { activity, lesson, assertReviewsOpen, organises };
}

export type ResearchReach = ReturnType<typeof createResearchReach>;
