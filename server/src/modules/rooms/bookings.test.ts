import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addLesson, schoolIdOf, userIdOf } from '../research/research.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

const HOUR = 3_600_000;

/**
 * “Record it in room X at time T”: an activity's organiser books a room of a participating
 * school; the booking shows on the room's timetable; a lesson recorded there during the booking
 * attaches itself to the activity once processed, and the organiser is told.
 */
describe('room bookings for research activities', () => {
  let t: TestApp;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  let ids: { gx: number; gx2: number; gxTeacher: number; room: number; room2: number };
  let activityId: number;
  let bookingId: number;
  let slot: { startsAt: string; endsAt: string };

  const addRoom = async (schoolId: number, name: string) => {
    const s = await t.db.db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', schoolId).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    return (await t.db.db.insertInto('rooms').values({
      school_id: schoolId, county_id: s.county_id, city_id: s.city_id, name, location: '', vendor: '', model: '', tracks: '["composite","teacher"]',
      status: 'in_use', planned_on: '2018-03-01', installed_on: null, activated_on: null, in_use_on: '2018-03-20', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const gx = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    ids = { gx, gx2, gxTeacher: await userIdOf(db, 'gxsy.teacher'), room: await addRoom(gx, '一号录播室'), room2: await addRoom(gx2, '二小录播室') };
    city = await t.login('city.research');
    principal = await t.login('gxsy.principal');
    teacher = await t.login('gxsy.teacher');
    const act = await city.request('POST', '/api/research/activities', {
      kind: 'open_lesson', topic: '圆的认识（公开课）', subject: '数学', grade: '六年级', schoolIds: [gx],
      members: [{ userId: ids.gxTeacher, role: 'teacher' }], startsOn: '2018-04-02', endsOn: '2030-04-20',
    });
    activityId = act.json().id;
    const start = new Date(Math.ceil((t.clock.now().getTime() + 24 * HOUR) / HOUR) * HOUR);
    slot = { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 45 * 60_000).toISOString() };
  });
  afterAll(async () => t.close());

  it('the organiser books a room of a participating school; it shows on the room\'s timetable and the activity', async () => {
    const res = await city.request('POST', `/api/rooms/${ids.room}/bookings`, { purpose: 'research', purposeRef: activityId, ...slot, teacherUserId: ids.gxTeacher });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ roomName: '一号录播室', subject: '数学', grade: '六年级', teacherName: '李晓燕', note: '教研：圆的认识（公开课）', purposeRef: activityId });
    bookingId = res.json().id;
    const day = new Date(new Date(slot.startsAt).getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const shown = await principal.get(`/api/rooms/${ids.room}/bookings?from=${day}&to=${day}`);
    expect(shown.json().items.map((b: { id: number }) => b.id)).toEqual([bookingId]);
    expect((await teacher.get(`/api/research/activities/${activityId}`)).json().bookings).toEqual([expect.objectContaining({ id: bookingId, roomName: '一号录播室' })]);
  });

  it('refuses overlaps, past times, rooms of other schools, teachers not in the activity, and people who do not organise', async () => {
    const book = (c: Client, room: number, body: Record<string, unknown> = {}) =>
      c.request('POST', `/api/rooms/${room}/bookings`, { purpose: 'research', purposeRef: activityId, ...slot, ...body });
    expect((await book(city, ids.room)).json().code).toBe('ROOM_BOOKING_OVERLAP');
    expect((await book(city, ids.room, { startsAt: '2018-04-03T01:00:00.000Z', endsAt: '2018-04-03T01:45:00.000Z' })).json().code).toBe('ROOM_BOOKING_PAST');
    expect((await book(city, ids.room, { endsAt: slot.startsAt })).json().code).toBe('ROOM_BOOKING_ENDS_FIRST');
    const later = new Date(new Date(slot.startsAt).getTime() + 2 * HOUR);
    expect((await book(city, ids.room, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 5 * HOUR).toISOString() })).json().code).toBe('ROOM_BOOKING_TOO_LONG');
    expect((await book(city, ids.room2)).json().code).toBe('RESEARCH_BOOKING_SCHOOL_OUTSIDE');
    const other = await userIdOf(t.db.db, `t${DEMO_SCHOOLS.guanxianShiyan.code}_01`);
    expect((await book(city, ids.room, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString(), teacherUserId: other })).json().code)
      .toBe('RESEARCH_BOOKING_TEACHER');
    // The member teacher sees the room but does not organise; the principal neither organises nor reaches a city activity.
    expect((await book(teacher, ids.room, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() })).json().code).toBe('RESEARCH_ORGANISER_ONLY');
    expect((await book(principal, ids.room, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() })).statusCode).toBe(403);
    expect((await book(await t.login('gx2.teacher'), ids.room)).statusCode).toBe(404);
  });

  it('a lesson recorded in the booked room attaches itself once ready; its composite track names it; the organiser is told', async () => {
    const db = t.db.db;
    const lessonStart = new Date(new Date(slot.startsAt).getTime() + 3 * 60_000).toISOString();
    // The teacher camera is processed first, the composite picture after it.
    const teacherTrack = await addLesson(db, { schoolId: ids.gx, teacherUserId: ids.gxTeacher, teacherName: '李晓燕', title: '圆的认识', lessonStart, track: 'teacher' });
    const composite = await addLesson(db, { schoolId: ids.gx, teacherUserId: ids.gxTeacher, teacherName: '李晓燕', title: '圆的认识', lessonStart, track: 'composite', groupId: teacherTrack.groupId });
    await db.updateTable('recordings').set({ room_id: ids.room, status: 'processing' }).where('group_id', '=', teacherTrack.groupId).execute();
    await db.updateTable('recordings').set({ status: 'ready' }).where('id', '=', teacherTrack.recordingId).execute();
    const day = lessonStart.slice(0, 10);
    await t.events.emit('recording.ready', { schoolId: ids.gx, day, recordingId: teacherTrack.recordingId });
    let lessons = (await city.get(`/api/research/activities/${activityId}`)).json().lessons;
    expect(lessons).toEqual([expect.objectContaining({ recordingId: teacherTrack.recordingId, title: '圆的认识', teacherName: '李晓燕' })]);
    await db.updateTable('recordings').set({ status: 'ready' }).where('id', '=', composite.recordingId).execute();
    await t.events.emit('recording.ready', { schoolId: ids.gx, day, recordingId: composite.recordingId });
    lessons = (await city.get(`/api/research/activities/${activityId}`)).json().lessons;
    expect(lessons.map((l: { recordingId: number }) => l.recordingId)).toEqual([composite.recordingId]);
    const inbox = (await city.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'research_lesson_recorded');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ link: `/research/activities/${activityId}` });
    const audit = await db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'research.lesson.attach').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBeNull();
  });

  it('leaves alone lessons recorded outside the booking, in another room, or without a room', async () => {
    const db = t.db.db;
    const before = (await city.get(`/api/research/activities/${activityId}`)).json().lessons.length;
    const elsewhere = [
      { room: ids.room, at: new Date(new Date(slot.endsAt).getTime() + HOUR).toISOString() },
      { room: ids.room, at: new Date(new Date(slot.startsAt).getTime() - HOUR).toISOString() },
      { room: null, at: slot.startsAt },
    ];
    for (const e of elsewhere) {
      const l = await addLesson(db, { schoolId: ids.gx, lessonStart: e.at });
      await db.updateTable('recordings').set({ room_id: e.room }).where('id', '=', l.recordingId).execute();
      await t.events.emit('recording.ready', { schoolId: ids.gx, day: e.at.slice(0, 10), recordingId: l.recordingId });
    }
    expect((await city.get(`/api/research/activities/${activityId}`)).json().lessons).toHaveLength(before);
  });

  it('the organiser cancels; deleting the activity cancels its bookings', async () => {
    const second = new Date(new Date(slot.startsAt).getTime() + 24 * HOUR);
    const res = await city.request('POST', `/api/rooms/${ids.room}/bookings`, {
      purpose: 'research', purposeRef: activityId, startsAt: second.toISOString(), endsAt: new Date(second.getTime() + HOUR).toISOString(),
    });
    expect(res.statusCode).toBe(201);
    expect((await teacher.request('DELETE', `/api/rooms/${ids.room}/bookings/${bookingId}`)).json().code).toBe('RESEARCH_ORGANISER_ONLY');
    expect((await city.request('DELETE', `/api/rooms/${ids.room}/bookings/${bookingId}`)).statusCode).toBe(204);
    expect((await city.request('DELETE', `/api/rooms/${ids.room}/bookings/${bookingId}`)).statusCode).toBe(404);
    expect((await city.request('DELETE', `/api/research/activities/${activityId}`)).statusCode).toBe(204);
    const from = new Date(new Date(slot.startsAt).getTime() - 48 * HOUR).toISOString().slice(0, 10);
    expect((await principal.get(`/api/rooms/${ids.room}/bookings?from=${from}`)).json().items).toEqual([]);
  });
});
