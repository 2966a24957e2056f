import { type Actor, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { type LessonFacts, representativeTrack } from '../recordings/recordings.lesson-facts.js';
import type { BookingPurposeCheck } from '../rooms/bookings.service.js';
import * as q from './activities.queries.js';
import { reviewsOpen, type ActivityReads } from './activities.service.js';
import { fileView, lessonView } from './activities.views.js';
import { activityClosed, organiserOnly } from './activities.writes.js';
import type { ActivityRow, ResearchReach } from './research-reach.js';

type Who = { actor: Actor; ip: string };

/** A lesson as the recordings service shows it to the actor (its `get`: 404 unless they may watch it). */
export type WatchableLesson = (actor: Actor, recordingId: number) => Promise<{
  id: number; schoolId: number; groupId: string; teacherUserId: number | null; status: string; tracks: { id: number; track: string; status: string }[];
}>;

/**
 * The lessons of research activities: attach and detach (a member their own lessons, the
 * organiser any lesson they may watch in their own right), the brief the research lesson page
 * opens with, and the check rooms make before an activity's organiser books a room.
 */
export function createActivityLessons(deps: {
  db: Db; clock: Clock; audit: AuditService; reach: ResearchReach; reads: ActivityReads; lessonFacts: LessonFacts;
  watchable: WatchableLesson;
}) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  async function participating(activityId: number, schoolId: number) {
    return db.selectFrom('research_activity_schools').select(['school_id', 'county_id', 'city_id'])
      .where('activity_id', '=', activityId).where('school_id', '=', schoolId).executeTakeFirst();
  }

  async function viewOf(actor: Actor, act: ActivityRow, lessonId: number, organises: boolean) {
    const row = (await q.lessonsOf(db, act.id)).find((l) => l.id === lessonId)!;
    const fact = (await deps.lessonFacts.byIds([row.recording_id])).get(row.recording_id);
    return lessonView(row, fact, act.status !== 'summarised' && (organises || row.attached_by_user_id === actor.userId));
  }

  async function attach(w: Who, activityId: number, recordingId: number) {
    if (!w.actor.permissions.has('research:write')) throw forbidden();
    const act = await deps.reach.activity(w.actor, activityId);
    if (act.status === 'summarised') throw activityClosed();
    const organises = await deps.reach.organises(w.actor, act);
    if (!organises && !(await deps.reads.isMember(act.id, w.actor.userId))) {
      throw new AppError(403, 'RESEARCH_NOT_MEMBER', '只有活动成员和组织者可以挂接课例');
    }
    const lesson = await deps.watchable(w.actor, recordingId);
    const school = await participating(act.id, lesson.schoolId);
    if (!school) throw badRequest('RESEARCH_LESSON_SCHOOL_OUTSIDE', '这节课所在的学校没有参加本次活动：请先把学校加入活动，再挂接课例');
    if (lesson.teacherUserId !== w.actor.userId) {
      if (!organises) throw new AppError(403, 'RESEARCH_ATTACH_OWN_ONLY', '成员只能挂接自己执教的课例；其他老师的课请由本人或活动组织者挂接');
      // In their own right, not through another activity that shares it: a lesson is never passed on.
      const own = scopeOf(w.actor, 'recording:read');
      if (!own || !(own.all || own.cityIds.includes(school.city_id) || own.countyIds.includes(school.county_id) || own.schoolIds.includes(school.school_id))) {
        throw new AppError(403, 'RESEARCH_ATTACH_SHARED', '这节课是通过其他教研活动共享给您观看的，不能再挂接到别的活动；请联系该校或其上级教研部门挂接');
      }
    }
    if (lesson.status === 'failed') throw conflict('RESEARCH_LESSON_FAILED', '这节课处理失败、无法播放，不能挂接；请重新上传后再挂接');
    if (await q.findLesson(db, act.id, lesson)) throw conflict('RESEARCH_LESSON_ATTACHED', '这节课已经挂接在本活动中');
    // Named by a track that plays: the composite once it is ready, else another ready one.
    const rep = representativeTrack(lesson.tracks.filter((t) => t.status === 'ready')) ?? representativeTrack(lesson.tracks) ?? { id: lesson.id };
    const fact = (await deps.lessonFacts.byIds([rep.id])).get(rep.id)!;
    const id = await q.insertLesson(db, {
      activity_id: act.id, recording_id: rep.id, school_id: fact.schoolId, county_id: fact.countyId, city_id: fact.cityId, group_id: fact.groupId,
      teacher_user_id: fact.teacherUserId, teacher_name: fact.teacherName, title: fact.title, attached_by_user_id: w.actor.userId,
      attached_at: deps.clock.now().toISOString(),
    });
    await deps.audit.record({
      ...by(w), action: 'research.lesson.attach', targetType: 'research_activity', targetId: act.id, result: 'success',
      detail: { recordingId: rep.id, schoolId: fact.schoolId, groupId: fact.groupId },
    });
    return viewOf(w.actor, act, id, organises);
  }

  /** The attached lesson a recording id names: by its group (any track), or by the stored track once the recording is gone. */
  async function attachedRow(activityId: number, recordingId: number) {
    const fact = (await deps.lessonFacts.byIds([recordingId])).get(recordingId);
    if (fact) return q.findLesson(db, activityId, fact);
    return db.selectFrom('research_activity_lessons').selectAll().where('activity_id', '=', activityId).where('recording_id', '=', recordingId).executeTakeFirst();
  }

  async function detach(w: Who, activityId: number, recordingId: number) {
    if (!w.actor.permissions.has('research:write')) throw forbidden();
    const act = await deps.reach.activity(w.actor, activityId);
    const row = await attachedRow(act.id, recordingId);
    if (!row) throw notFound('教研课例');
    const organises = await deps.reach.organises(w.actor, act);
    if (!organises && row.attached_by_user_id !== w.actor.userId) throw organiserOnly();
    if (act.status === 'summarised') throw activityClosed();
    await db.transaction().execute(async (trx) => {
      // The lesson's files stay with the activity.
      await trx.updateTable('research_activity_files').set({ lesson_id: null }).where('lesson_id', '=', row.id).execute();
      await trx.deleteFrom('research_activity_lessons').where('id', '=', row.id).execute();
    });
    await deps.audit.record({
      ...by(w), action: 'research.lesson.detach', targetType: 'research_activity', targetId: act.id, result: 'success',
      detail: { recordingId: row.recording_id, schoolId: row.school_id, groupId: row.group_id },
    });
  }

  /** What the research lesson page opens with: the lesson in its activity, its siblings and files. */
  async function brief(actor: Actor, activityId: number, recordingId: number) {
    const { activity: act, lesson } = await deps.reach.lesson(actor, { activityId, recordingId });
    const a = act!;
    const [rows, files, organises, member] = await Promise.all([
      q.lessonsOf(db, a.id), q.filesOf(db, a.id), deps.reach.organises(actor, a), deps.reads.isMember(a.id, actor.userId),
    ]);
    const facts = await deps.lessonFacts.byIds(rows.map((l) => l.recording_id));
    const row = rows.find((l) => l.school_id === lesson.schoolId && l.group_id === lesson.groupId)!;
    const open = a.status !== 'summarised' && actor.permissions.has('research:write');
    return {
      activity: {
        id: a.id, topic: a.topic, kind: a.kind, status: a.status, rubricId: a.rubric_id, stIntervalSeconds: a.st_interval_seconds,
        reviewDeadline: a.review_deadline, organises, mayReview: (organises || member) && reviewsOpen(a, deps.clock.now()),
      },
      lesson: lessonView(row, facts.get(row.recording_id), open && (organises || row.attached_by_user_id === actor.userId)),
      groupId: row.group_id,
      track: facts.get(row.recording_id)?.track ?? 'composite',
      siblings: rows.filter((l) => l.id !== row.id).map((l) => ({ recordingId: l.recording_id, title: l.title, teacherName: l.teacher_name, schoolName: l.school_name })),
      files: files.filter((f) => f.lesson_id === row.id || f.lesson_id === null)
        .map((f) => fileView(f, open && (organises || f.uploaded_by_user_id === actor.userId))),
    };
  }

  /** For rooms: may the actor book a room of this school to record a lesson of the activity? */
  const bookingCheck: BookingPurposeCheck = async (actor, ask) => {
    const act = await deps.reach.activity(actor, ask.purposeRef);
    if (!(await deps.reach.organises(actor, act))) throw organiserOnly();
    if (act.status === 'summarised') throw activityClosed();
    if (!(await participating(act.id, ask.schoolId))) {
      throw badRequest('RESEARCH_BOOKING_SCHOOL_OUTSIDE', '这间录播室所在的学校没有参加本次活动：请选择参加学校的录播室');
    }
    let teacherName = '';
    if (ask.teacherUserId !== null) {
      const m = (await q.membersOf(db, act.id)).find((x) => x.user_id === ask.teacherUserId && x.school_id === ask.schoolId);
      if (!m) throw badRequest('RESEARCH_BOOKING_TEACHER', '授课教师须是本活动中该校的成员：请先把老师加入活动');
      teacherName = m.name;
    }
    return { subject: act.subject, grade: act.grade, note: `教研：${act.topic}`, teacherName };
  };

  return { attach, detach, brief, bookingCheck };
}

export type ActivityLessons = ReturnType<typeof createActivityLessons>;
