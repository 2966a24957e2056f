import type { LessonFact } from '../recordings/recordings.lesson-facts.js';
import type * as q from './activities.queries.js';
import { levelOf } from './organising.js';

type SchoolRef = { id: number; code: string; name: string; countyId: number; countyName: string };

/** An activity as lists show it. */
export function summaryView(r: q.ActivityRow, schools: readonly SchoolRef[]) {
  const node = { cityId: r.city_id, countyId: r.county_id, schoolId: r.school_id };
  return {
    id: r.id, kind: r.kind, topic: r.topic, subject: r.subject, grade: r.grade, status: r.status, level: levelOf(node),
    nodeName: r.school_name ?? r.county_name ?? r.city_name, cityId: r.city_id, countyId: r.county_id, schoolId: r.school_id,
    groupId: r.group_id, groupName: r.group_name ?? null, organiserUserId: r.organiser_user_id, organiserName: r.organiser_name,
    startsOn: r.starts_on, endsOn: r.ends_on, reviewDeadline: r.review_deadline, schools: [...schools],
    lessonCount: Number(r.lesson_count), memberCount: Number(r.member_count),
  };
}

/** An attached lesson with what recordings says of it now (`gone` once deleted or purged). */
export function lessonView(l: q.LessonRow, fact: LessonFact | undefined, mayDetach: boolean) {
  return {
    id: l.id, recordingId: l.recording_id, title: l.title, teacherUserId: l.teacher_user_id, teacherName: l.teacher_name,
    schoolId: l.school_id, schoolName: l.school_name, countyName: l.county_name, subject: fact?.subject ?? '', grade: fact?.grade ?? '',
    lessonStart: fact?.lessonStart ?? null, durationSeconds: fact?.durationSeconds ?? null, status: fact?.status ?? ('gone' as const),
    position: l.position, attachedByName: l.attached_by_name, attachedAt: l.attached_at, mayDetach,
  };
}

export function fileView(f: q.FileRow, mayDelete: boolean) {
  return {
    id: f.id, lessonId: f.lesson_id, kind: f.kind, name: f.name, contentType: f.content_type, sizeBytes: Number(f.size_bytes),
    uploadedByName: f.uploaded_by_name, createdAt: f.created_at, mayDelete,
  };
}

export function memberView(m: Awaited<ReturnType<typeof q.membersOf>>[number]) {
  return { userId: m.user_id, name: m.name, role: m.role, schoolId: m.school_id, schoolName: m.school_name ?? null };
}
