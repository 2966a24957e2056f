import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';

const TARGETS = ['own', 'sibling', 'foreign'] as const;

/**
 * The live classes the matrix acts on: one led from a room of each target school (冠县实验小学 own,
 * 冠县第二实验小学 sibling, 莘县实验小学 foreign) with one receiving room at another school of the
 * same county (never another target, so a target's principal reaches only its own class), and
 * today's session of each (scheduled). The lead teacher of own's class is gxsy.teacher.
 */
export interface LiveFixture {
  liveClass: Record<Target, number>;
  liveSession: Record<Target, number>;
  liveLeadRoom: Record<Target, number>;
  liveReceivingRoom: Record<Target, number>;
  liveLeadTeacher: Record<Target, number>;
  /**
   * A second class of each target (weekly from today, 13:00, same rooms) with today's session:
   * what the matrix's writes act on (change, start, end, cancel), so the class and session above
   * stay as they are for every other entry.
   */
  liveSpareClass: Record<Target, number>;
  liveSpareSession: Record<Target, number>;
}

export async function addLiveToFixture(t: TestApp, f: MatrixFixture): Promise<LiveFixture> {
  const db = t.db.db;
  const now = new Date();
  const iso = now.toISOString();
  const day = iso.slice(0, 10);
  const out = { liveClass: {}, liveSession: {}, liveLeadRoom: {}, liveReceivingRoom: {}, liveLeadTeacher: {}, liveSpareClass: {}, liveSpareSession: {} } as LiveFixture;
  const targetSchools = TARGETS.map((x) => f.school[x]);
  for (const target of TARGETS) {
    const school = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const lead = await db.selectFrom('rooms').select('id').where('school_id', '=', school.id).orderBy('id').executeTakeFirstOrThrow();
    const other = await db.selectFrom('schools').select(['id', 'county_id', 'city_id'])
      .where('county_id', '=', school.county_id).where('id', 'not in', targetSchools).orderBy('id').executeTakeFirstOrThrow();
    const receiving = await db.selectFrom('rooms').select(['id', 'school_id', 'county_id', 'city_id']).where('school_id', '=', other.id).orderBy('id').executeTakeFirst()
      ?? await db.insertInto('rooms').values({
        city_id: other.city_id, county_id: other.county_id, school_id: other.id, name: `矩阵接收教室-${target}`, location: '', vendor: '', model: '', tracks: '["composite"]', status: 'in_use', created_at: iso, updated_at: iso,
      }).returning(['id', 'school_id', 'county_id', 'city_id']).executeTakeFirstOrThrow();
    const teacher = target === 'own'
      ? (await db.selectFrom('users').select('id').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow()).id
      : (await db.selectFrom('role_assignments').select('user_id').where('school_id', '=', school.id).where('role', '=', 'teacher')
        .orderBy('user_id').executeTakeFirstOrThrow()).user_id;
    const cls = await db.insertInto('live_classes').values({
      city_id: school.city_id, county_id: school.county_id, school_id: school.id, lead_room_id: lead.id, lead_teacher_user_id: teacher,
      title: `矩阵专递课堂-${target}`, subject: 'math', grade: 3, weekday: null, starts_on: day, until_on: null, start_time: '09:00', minutes: 40,
      created_by: teacher, created_at: iso, updated_at: iso,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('live_class_rooms').values({
      live_class_id: cls.id, room_id: receiving.id, school_id: receiving.school_id, county_id: receiving.county_id, city_id: receiving.city_id,
    }).execute();
    const session = await db.insertInto('live_sessions').values({
      live_class_id: cls.id, day, starts_at: iso, ends_at: new Date(now.getTime() + 40 * 60_000).toISOString(),
      mode: null, media: null, started_at: null, ended_at: null, replay_recording_id: null,
    }).returning('id').executeTakeFirstOrThrow();
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
    const spare = await db.insertInto('live_classes').values({
      city_id: school.city_id, county_id: school.county_id, school_id: school.id, lead_room_id: lead.id, lead_teacher_user_id: teacher,
      // An hour apart per target: the targets of one county share the receiving room, and a change re-checks clashes.
      title: `矩阵备用直播课-${target}`, subject: 'math', grade: 3, weekday, starts_on: day, until_on: null, start_time: `${13 + TARGETS.indexOf(target)}:00`, minutes: 40,
      created_by: teacher, created_at: iso, updated_at: iso,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('live_class_rooms').values({
      live_class_id: spare.id, room_id: receiving.id, school_id: receiving.school_id, county_id: receiving.county_id, city_id: receiving.city_id,
    }).execute();
    const spareSession = await db.insertInto('live_sessions').values({
      live_class_id: spare.id, day, starts_at: iso, ends_at: new Date(now.getTime() + 120 * 60_000).toISOString(),
      mode: null, media: null, started_at: null, ended_at: null, replay_recording_id: null,
    }).returning('id').executeTakeFirstOrThrow();
    out.liveSpareClass[target] = spare.id;
    out.liveSpareSession[target] = spareSession.id;
    out.liveClass[target] = cls.id;
    out.liveSession[target] = session.id;
    out.liveLeadRoom[target] = lead.id;
    out.liveReceivingRoom[target] = receiving.id;
    out.liveLeadTeacher[target] = teacher;
  }
  Object.assign(f, out);
  return out;
}

/** The live part of a fixture that went through addLiveToFixture. */
export function liveOf(f: MatrixFixture): LiveFixture {
  const s = f as MatrixFixture & Partial<LiveFixture>;
  if (!s.liveClass || !s.liveSession) throw new Error('the matrix fixture has no live classes: call addLiveToFixture(t, f) in buildMatrixFixture');
  return s as LiveFixture;
}
