import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Builders for research tests: activities with their schools, members and lessons, and ready
 * lessons (recording rows only) to attach. Rows go straight into the tables, so a test of one
 * part (comments, rubrics, S-T, analysis) does not depend on the activity routes.
 */
type Db = Kysely<Database>;

export async function userIdOf(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export async function schoolIdOf(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('schools').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A ready lesson (one composite track, no files) of a school; returns its recording id and group id. */
export async function addLesson(db: Db, opts: {
  schoolId: number; title?: string; subject?: string; grade?: string; teacherUserId?: number | null; teacherName?: string;
  lessonStart?: string; durationSeconds?: number; track?: 'composite' | 'teacher' | 'students'; groupId?: string;
}): Promise<{ recordingId: number; groupId: string; schoolId: number }> {
  const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', opts.schoolId).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const start = opts.lessonStart ?? '2018-04-04T02:00:00.000Z';
  const groupId = opts.groupId ?? randomBytes(6).toString('hex');
  const row = await db.insertInto('recordings').values({
    school_id: s.id, county_id: s.county_id, city_id: s.city_id, room_id: null, group_id: groupId, track: opts.track ?? 'composite',
    title: opts.title ?? '分数的初步认识', subject: opts.subject ?? '数学', grade: opts.grade ?? '三年级', class_id: null,
    teacher_user_id: opts.teacherUserId ?? null, teacher_name: opts.teacherName ?? '', lesson_start: start, lesson_end: null,
    school_day: start.slice(0, 10), uploaded_by_user_id: null, uploaded_by_device_id: null, sha256: randomBytes(32).toString('hex'),
    size_bytes: 1, source_key: 'recordings/0/source.mp4', status: 'ready', progress: 100, failure_code: null, failure_message: null,
    duration_seconds: opts.durationSeconds ?? 2400, media_info: null, packaging: 'copy', renditions: null, has_audio: 1, audio_max_db: -10,
    counts: 1, counts_reason: null, keep: 0, created_at: now, ready_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return { recordingId: row.id, groupId, schoolId: s.id };
}

/**
 * An activity organised at a node (the city, a county, or a school), with its participating
 * schools, members (the organiser first) and attached lessons.
 */
export async function addActivity(db: Db, opts: {
  organiserUserId: number;
  owner: { cityId: number; countyId?: number | null; schoolId?: number | null };
  schoolIds?: number[];
  members?: { userId: number; role?: 'teacher' | 'observer'; schoolId?: number | null }[];
  lessons?: { recordingId: number; attachedByUserId?: number }[];
  kind?: 'joint_prep' | 'same_topic' | 'open_lesson' | 'lesson_review';
  status?: 'planned' | 'open' | 'summarised';
  topic?: string;
  rubricId?: number | null;
  groupId?: number | null;
}): Promise<{ activityId: number; lessonIds: number[] }> {
  const now = new Date().toISOString();
  const a = await db.insertInto('research_activities').values({
    kind: opts.kind ?? 'same_topic', topic: opts.topic ?? '分数的初步认识', subject: '数学', grade: '三年级', description: '',
    status: opts.status ?? 'open', city_id: opts.owner.cityId, county_id: opts.owner.countyId ?? null, school_id: opts.owner.schoolId ?? null,
    group_id: opts.groupId ?? null, organiser_user_id: opts.organiserUserId, rubric_id: opts.rubricId ?? null, st_interval_seconds: 30,
    starts_on: '2018-04-02', ends_on: '2018-04-20', review_deadline: null, summary: null, summarised_at: null, summarised_by_user_id: null,
    created_at: now, updated_at: now, deleted_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  for (const schoolId of opts.schoolIds ?? []) {
    const s = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', schoolId).executeTakeFirstOrThrow();
    await db.insertInto('research_activity_schools').values({ activity_id: a.id, school_id: schoolId, county_id: s.county_id, city_id: s.city_id }).execute();
  }
  await db.insertInto('research_activity_members').values({
    activity_id: a.id, user_id: opts.organiserUserId, school_id: opts.owner.schoolId ?? null, role: 'organiser', added_at: now,
  }).execute();
  for (const m of opts.members ?? []) {
    if (m.userId === opts.organiserUserId) continue;
    await db.insertInto('research_activity_members').values({
      activity_id: a.id, user_id: m.userId, school_id: m.schoolId ?? null, role: m.role ?? 'teacher', added_at: now,
    }).execute();
  }
  const lessonIds: number[] = [];
  let position = 0;
  for (const l of opts.lessons ?? []) {
    const r = await db.selectFrom('recordings')
      .select(['id', 'school_id', 'county_id', 'city_id', 'group_id', 'teacher_user_id', 'teacher_name', 'title'])
      .where('id', '=', l.recordingId).executeTakeFirstOrThrow();
    const row = await db.insertInto('research_activity_lessons').values({
      activity_id: a.id, recording_id: r.id, school_id: r.school_id, county_id: r.county_id, city_id: r.city_id, group_id: r.group_id,
      teacher_user_id: r.teacher_user_id, teacher_name: r.teacher_name, title: r.title, attached_by_user_id: l.attachedByUserId ?? opts.organiserUserId,
      attached_at: now, position: position++,
    }).returning('id').executeTakeFirstOrThrow();
    lessonIds.push(row.id);
  }
  return { activityId: a.id, lessonIds };
}
