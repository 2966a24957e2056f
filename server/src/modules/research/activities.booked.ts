import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { type LessonFact, type LessonFacts, representativeTrack } from '../recordings/recordings.lesson-facts.js';
import * as q from './activities.queries.js';

/** A room booking a processed lesson was recorded during (rooms' bookings service). */
export interface CoveringBooking {
  id: number;
  purpose: string;
  purposeRef: number | null;
}

/**
 * “Record it in room X at time T”: when a lesson recorded in a room during a research booking
 * becomes ready (`recording.ready`), it attaches itself to the booking's activity — named by its
 * composite track where it has one — and the organiser is told. Subscribed where the app and a
 * job worker are composed, so it runs in whichever process processed the lesson. Idempotent: the
 * lesson's other tracks, or a rerun of the job, find it attached. Any attached lesson (booked or
 * not) is named by its composite track once that is ready.
 */
export function createBookedLessons(deps: {
  db: Kysely<Database>; clock: Clock; audit: Pick<AuditService, 'record'>; notify: NotificationsService['notify'];
  lessonFacts: LessonFacts; bookingsCovering: (roomId: number, lessonStart: string) => Promise<CoveringBooking[]>;
}) {
  const { db } = deps;

  /** The ready track that names a lesson: its composite picture once ready, else its first ready track. */
  async function representativeOf(fact: LessonFact): Promise<number> {
    const tracks = (await deps.lessonFacts.tracksOf(fact.schoolId, fact.groupId)).filter((t) => t.status === 'ready');
    return representativeTrack(tracks.map((t) => ({ id: t.recordingId, track: t.track })))?.id ?? fact.recordingId;
  }

  async function attachBooked(activityId: number, fact: LessonFact, bookingId: number): Promise<boolean> {
    const act = await db.selectFrom('research_activities').selectAll().where('id', '=', activityId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!act || act.status === 'summarised') return false;
    const school = await db.selectFrom('research_activity_schools').select('id').where('activity_id', '=', act.id).where('school_id', '=', fact.schoolId).executeTakeFirst();
    if (!school) return false;
    const repId = await representativeOf(fact);
    if (await q.findLesson(db, act.id, fact)) return false;
    try {
      await q.insertLesson(db, {
        activity_id: act.id, recording_id: repId, school_id: fact.schoolId, county_id: fact.countyId, city_id: fact.cityId, group_id: fact.groupId,
        teacher_user_id: fact.teacherUserId, teacher_name: fact.teacherName, title: fact.title, attached_by_user_id: act.organiser_user_id,
        attached_at: deps.clock.now().toISOString(),
      });
    } catch (err) {
      // Another track of the lesson attached it in the meantime.
      if (await q.findLesson(db, act.id, fact)) return false;
      throw err;
    }
    await deps.audit.record({
      actor: null, ip: '', action: 'research.lesson.attach', targetType: 'research_activity', targetId: act.id, result: 'success',
      detail: { recordingId: repId, schoolId: fact.schoolId, groupId: fact.groupId, bookingId, automatic: true },
    });
    await deps.notify([act.organiser_user_id], {
      kind: 'research_lesson_recorded', title: `预约录制的课例已挂接：${fact.title}`,
      body: `按预约在录播室录制的「${fact.title}」（${fact.teacherName || '未填写教师'}）已处理完成，并自动挂接到教研活动「${act.topic}」。`,
      link: `/research/activities/${act.id}`,
    });
    return true;
  }

  /** The handler of `recording.ready`: resolves with how many activities the lesson joined. */
  async function onRecordingReady(change: { recordingId?: number }): Promise<number> {
    if (change.recordingId === undefined) return 0;
    const fact = (await deps.lessonFacts.byIds([change.recordingId])).get(change.recordingId);
    if (!fact || fact.status !== 'ready') return 0;
    // A lesson attached while only another track played is named by its composite once that is ready.
    const named = await representativeOf(fact);
    await db.updateTable('research_activity_lessons').set({ recording_id: named })
      .where('school_id', '=', fact.schoolId).where('group_id', '=', fact.groupId).where('recording_id', '!=', named).execute();
    if (fact.roomId === null) return 0;
    let attached = 0;
    for (const b of await deps.bookingsCovering(fact.roomId, fact.lessonStart)) {
      if (b.purpose !== 'research' || b.purposeRef === null) continue;
      if (await attachBooked(b.purposeRef, fact, b.id)) attached++;
    }
    return attached;
  }

  return { onRecordingReady };
}

export type BookedLessons = ReturnType<typeof createBookedLessons>;
