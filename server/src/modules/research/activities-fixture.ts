import { Readable } from 'node:stream';
import { MATRIX_ACTORS, type MatrixActor, type MatrixFixture, type Target } from '../../access/matrix/matrix-types.js';
import { researchFileKey } from '../../storage/keys.js';
import type { TestApp } from '../../test-support/test-app.js';
import { recordingsOf } from '../recordings/recordings-fixture.js';
import { roomsOf } from '../rooms/rooms-fixture.js';
import { researchOf } from './research-fixture.js';
import { addActivity, userIdOf } from './research.test-kit.js';

type PerActor = Record<MatrixActor, Record<Target, number>>;

/**
 * What the activities' and groups' matrix entries act on, apart from the shared research fixture
 * (whose activities other areas review, so nothing here changes them). Per actor and target, each
 * organised by matrix.<target> at the target school, gxsy.teacher a member at `own`:
 * `editable` (planned: edit, open, attach, upload), `closing` (open, the target's lesson attached
 * and a file: detach, delete the file, summarise), `doomed` (planned: delete) and `booking`
 * (planned, never changed: book a room, with a booking made by its organiser to cancel).
 * Per target: a file on the shared activity to download, and a 教研组 at the school.
 */
export interface ActivitiesFixture {
  editable: PerActor;
  closing: PerActor;
  closingFile: PerActor;
  doomed: PerActor;
  bookingActivity: PerActor;
  booking: PerActor;
  file: Record<Target, number>;
  group: Record<Target, number>;
}

export const MATRIX_PDF = Buffer.from('%PDF-1.4\n% 矩阵教案\n%%EOF\n');

export async function addActivitiesToFixture(t: TestApp, f: MatrixFixture): Promise<ActivitiesFixture> {
  const db = t.db.db;
  const teacher = await userIdOf(db, 'gxsy.teacher');
  const now = new Date().toISOString();
  const empty = () => Object.fromEntries(Object.keys(MATRIX_ACTORS).map((a) => [a, {}])) as PerActor;
  const out: ActivitiesFixture = {
    editable: empty(), closing: empty(), closingFile: empty(), doomed: empty(), bookingActivity: empty(), booking: empty(),
    file: {} as Record<Target, number>, group: {} as Record<Target, number>,
  };
  const addFile = async (activityId: number, uploader: number) => {
    const key = researchFileKey(activityId, `matrix${Math.random().toString(16).slice(2, 10)}`, 'pdf');
    await t.storage.putStream(key, Readable.from([MATRIX_PDF]), 'application/pdf');
    const row = await db.insertInto('research_activity_files').values({
      activity_id: activityId, lesson_id: null, kind: 'lesson_plan', name: '矩阵教案.pdf', storage_key: key, content_type: 'application/pdf',
      size_bytes: MATRIX_PDF.length, uploaded_by_user_id: uploader, created_at: now, deleted_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const actors = Object.keys(MATRIX_ACTORS) as MatrixActor[];
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const organiser = f.person[target];
    const members = [{ userId: organiser, schoolId: s.id }, ...(target === 'own' ? [{ userId: teacher, schoolId: s.id }] : [])];
    const base = { organiserUserId: organiser, owner: { cityId: s.city_id, countyId: s.county_id, schoolId: s.id }, schoolIds: [s.id], members };
    for (const [i, actor] of actors.entries()) {
      out.editable[actor][target] = (await addActivity(db, { ...base, status: 'planned', topic: `矩阵可改-${actor}-${target}` })).activityId;
      const closing = await addActivity(db, { ...base, status: 'open', topic: `矩阵收尾-${actor}-${target}`, lessons: [{ recordingId: recordingsOf(f).recording[target] }] });
      out.closing[actor][target] = closing.activityId;
      out.closingFile[actor][target] = await addFile(closing.activityId, organiser);
      out.doomed[actor][target] = (await addActivity(db, { ...base, status: 'planned', topic: `矩阵待删-${actor}-${target}` })).activityId;
      const booking = (await addActivity(db, { ...base, status: 'planned', topic: `矩阵预约-${actor}-${target}` })).activityId;
      out.bookingActivity[actor][target] = booking;
      const startsAt = new Date(Date.UTC(2031, 0, 6, 1 + i)).toISOString();
      const row = await db.insertInto('room_bookings').values({
        room_id: roomsOf(f).room[target], school_id: s.id, county_id: s.county_id, city_id: s.city_id, starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(), subject: '数学', grade: '三年级', teacher_user_id: null,
        teacher_name: '', purpose: 'research', purpose_ref: booking, note: '矩阵预约', created_by_user_id: organiser, created_at: now, cancelled_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      out.booking[actor][target] = row.id;
    }
    out.file[target] = await addFile(researchOf(f).activity[target], organiser);
    const group = await db.insertInto('research_groups').values({
      kind: 'subject_group', name: `矩阵教研组-${target}`, subject: '数学', description: '', city_id: s.city_id, county_id: s.county_id, school_id: s.id,
      leader_user_id: organiser, created_by_user_id: organiser, created_at: now, updated_at: now, archived_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('research_group_members').values(members.map((m) => ({
      group_id: group.id, user_id: m.userId, school_id: s.id, role: m.userId === organiser ? 'leader' as const : 'member' as const, joined_at: now,
    }))).execute();
    out.group[target] = group.id;
  }
  Object.assign(f, out);
  return out;
}

export function activitiesOf(f: MatrixFixture): ActivitiesFixture {
  const r = f as MatrixFixture & Partial<ActivitiesFixture>;
  if (!r.editable || !r.group) throw new Error('the matrix fixture has no research activities: call addActivitiesToFixture(t, f) in buildMatrixFixture');
  return r as MatrixFixture & ActivitiesFixture;
}
