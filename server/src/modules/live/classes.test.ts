import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addRoom, otherSchoolOf, schoolNamed, userId, withTerms } from './live.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * The live schedule (互动教学): who may schedule from which room to which classrooms, a room never
 * holding two live classes at once, strict bodies, and each reader seeing only the classes their
 * schools lead or receive.
 */
describe('live classes: scheduling and who sees them', () => {
  let t: TestApp;
  let principal: Client;
  let county: Client;
  let gx2Teacher: Client;
  let sxPrincipal: Client;
  let shenxian: Client;
  let city: Client;
  let leadRoom: number;
  let gx2Room: number;
  let ruralRoom: number;
  let sxRoom: number;
  let teacher: number;
  let gx2TeacherId: number;
  let classId: number;

  beforeAll(async () => {
    // Monday 2026-11-16, 08:30 in 冠县.
    t = await createTestApp({ now: new Date('2026-11-16T00:30:00Z') });
    await withTerms(t);
    const gxsy = await schoolNamed(t, '冠县实验小学');
    const gx2 = await schoolNamed(t, '冠县第二实验小学');
    const sxsy = await schoolNamed(t, '莘县实验小学');
    const rural = await otherSchoolOf(t, gxsy.county_id, [gxsy.id, gx2.id]);
    leadRoom = await addRoom(t, gxsy.id, '专递课堂主讲教室');
    gx2Room = await addRoom(t, gx2.id, '二实小接收教室');
    ruralRoom = await addRoom(t, rural.id, '乡村接收教室');
    sxRoom = await addRoom(t, sxsy.id, '莘县接收教室');
    teacher = await userId(t, 'gxsy.teacher');
    gx2TeacherId = await userId(t, 'gx2.teacher');
    principal = await t.login('gxsy.principal');
    county = await t.login('guanxian.admin');
    gx2Teacher = await t.login('gx2.teacher');
    sxPrincipal = await t.login('sxsy.principal');
    shenxian = await t.login('shenxian.admin');
    city = await t.login('city.admin');
  });
  afterAll(async () => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    title: '三年级数学专递课堂', subject: '数学', grade: 3, leadRoomId: leadRoom, leadTeacherUserId: teacher,
    receivingRoomIds: [gx2Room, ruralRoom], weekday: 1, startsOn: '2026-11-16', untilOn: '2027-01-15', startTime: '09:00', minutes: 40, ...over,
  });

  it('lets the lead school\'s principal schedule a weekly 专递课堂 to two village classrooms, audited', async () => {
    const res = await principal.request('POST', '/api/live/classes', body());
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    classId = c.id;
    expect(c).toMatchObject({
      title: '三年级数学专递课堂', status: 'active', weekday: 1, startTime: '09:00', minutes: 40, canEdit: true,
      lead: { roomId: leadRoom, schoolName: '冠县实验小学' }, leadTeacherName: '李晓燕',
    });
    expect(c.receiving.map((r: { roomId: number }) => r.roomId)).toEqual([gx2Room, ruralRoom]);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'live.class.create').execute();
    expect(audit).toEqual([{ action: 'live.class.create', target_id: String(classId) }]);
  });

  it('refuses a room that already holds a live class then, naming the room and the class (409)', async () => {
    // Another class from the county into the same village classroom, overlapping 09:20–10:00 on Mondays.
    const gx2 = await schoolNamed(t, '冠县第二实验小学');
    const other = await addRoom(t, gx2.id, '二实小主讲教室');
    const res = await county.request('POST', '/api/live/classes', body({
      leadRoomId: other, leadTeacherUserId: gx2TeacherId, receivingRoomIds: [ruralRoom], startTime: '09:20',
    }));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'LIVE_ROOM_BUSY' });
    expect(res.json().message).toContain('乡村接收教室');
    expect(res.json().message).toContain('三年级数学专递课堂');
    // A one-off on a Monday in range clashes too; on a Tuesday it does not.
    expect((await county.request('POST', '/api/live/classes', body({ leadRoomId: other, leadTeacherUserId: gx2TeacherId, receivingRoomIds: [ruralRoom], weekday: null, startsOn: '2026-11-23' }))).statusCode).toBe(409);
    const tuesday = await county.request('POST', '/api/live/classes', body({ leadRoomId: other, leadTeacherUserId: gx2TeacherId, receivingRoomIds: [ruralRoom], weekday: null, startsOn: '2026-11-24' }));
    expect(tuesday.statusCode, tuesday.body).toBe(201);
    // Right after it (09:40) is free.
    const after = await county.request('POST', '/api/live/classes', body({ leadRoomId: other, leadTeacherUserId: gx2TeacherId, receivingRoomIds: [ruralRoom], startTime: '09:40' }));
    expect(after.statusCode, after.body).toBe(201);
  });

  it('checks the teacher, the rooms and the dates with reasons', async () => {
    const notHere = await principal.request('POST', '/api/live/classes', body({ leadTeacherUserId: gx2TeacherId, startTime: '14:00' }));
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().code).toBe('LIVE_TEACHER_NOT_AT_SCHOOL');
    const sameSchool = await addRoom(t, (await schoolNamed(t, '冠县实验小学')).id, '实验小学第二教室');
    expect((await principal.request('POST', '/api/live/classes', body({ receivingRoomIds: [sameSchool], startTime: '14:00' }))).json().code).toBe('LIVE_RECEIVING_SAME_SCHOOL');
    // Another county's classroom: only the city arranges that.
    const cross = await county.request('POST', '/api/live/classes', body({ receivingRoomIds: [sxRoom], startTime: '14:00' }));
    expect(cross.statusCode).toBe(400);
    expect(cross.json().code).toBe('LIVE_RECEIVING_OTHER_COUNTY');
    const byCity = await city.request('POST', '/api/live/classes', body({ receivingRoomIds: [sxRoom], startTime: '14:00' }));
    expect(byCity.statusCode, byCity.body).toBe(201);
    expect((await principal.request('POST', '/api/live/classes', body({ weekday: null, startsOn: '2026-11-01', startTime: '15:00' }))).json().code).toBe('LIVE_CLASS_PAST');
    expect((await principal.request('POST', '/api/live/classes', body({ untilOn: '2026-11-01', startTime: '15:00' }))).json().code).toBe('LIVE_CLASS_RANGE');
    expect((await principal.request('POST', '/api/live/classes', body({ startTime: '23:30', minutes: 60 }))).json().code).toBe('LIVE_CLASS_PAST_MIDNIGHT');
  });

  it('refuses strict bodies: an unknown field, a wrong type or a value out of range, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body(), extra: 1 }, 'extra'],
      [body({ grade: 'three' }), 'grade'],
      [body({ minutes: 5 }), 'minutes'],
      [body({ minutes: 121 }), 'minutes'],
      [body({ weekday: 8 }), 'weekday'],
      [body({ startTime: '9:00' }), 'startTime'],
      [body({ receivingRoomIds: [] }), 'receivingRoomIds'],
      [body({ receivingRoomIds: [1, 2, 3, 4] }), 'receivingRoomIds'],
    ];
    for (const [payload, field] of cases) {
      const res = await principal.request('POST', '/api/live/classes', payload);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.body, field).toContain(field);
    }
    const patch = await principal.request('PATCH', `/api/live/classes/${classId}`, { minutes: 200 });
    expect(patch.statusCode).toBe(400);
    expect(patch.body).toContain('minutes');
  });

  it('refuses writers outside the lead school: another school\'s principal 404, another county 404, a receiving school 403', async () => {
    // 莘县's principal cannot lead from 冠县's room (out of reach: 404), nor see 冠县's class.
    expect((await sxPrincipal.request('POST', '/api/live/classes', body({ startTime: '16:00' }))).statusCode).toBe(404);
    expect((await sxPrincipal.get(`/api/live/classes/${classId}`)).statusCode).toBe(404);
    expect((await shenxian.get(`/api/live/classes/${classId}`)).statusCode).toBe(404);
    expect((await shenxian.request('PATCH', `/api/live/classes/${classId}`, { title: '改名' })).statusCode).toBe(404);
    expect((await shenxian.request('POST', `/api/live/classes/${classId}/cancel`)).statusCode).toBe(404);
    // A guessed id is 404 as well.
    expect((await county.get('/api/live/classes/999999')).statusCode).toBe(404);
    // The receiving school's teacher reads it but schedules nothing (no live:write).
    expect((await gx2Teacher.get(`/api/live/classes/${classId}`)).statusCode).toBe(200);
    expect((await gx2Teacher.request('PATCH', `/api/live/classes/${classId}`, { title: '改名' })).statusCode).toBe(403);
  });

  it('shows a receiving school only the classes it takes part in; a county its county\'s', async () => {
    const titles = async (c: Client) => ((await c.get('/api/live/classes?pageSize=100')).json().items as { id: number; lead: { schoolName: string } }[]);
    const gx2Sees = await titles(gx2Teacher);
    expect(gx2Sees.map((c) => c.id)).toContain(classId);
    // Every class gx2 sees is led from gx2 or received there.
    const gx2 = await schoolNamed(t, '冠县第二实验小学');
    for (const c of (await gx2Teacher.get('/api/live/classes?pageSize=100')).json().items as { lead: { schoolId: number }; receiving: { schoolId: number }[] }[]) {
      expect(c.lead.schoolId === gx2.id || c.receiving.some((r) => r.schoolId === gx2.id)).toBe(true);
    }
    expect((await titles(shenxian)).map((c) => c.id)).not.toContain(classId);
    // The city's cross-county class reaches 莘县 through its receiving room.
    expect((await titles(shenxian)).some((c) => c.lead.schoolName === '冠县实验小学')).toBe(true);
    expect((await titles(county)).map((c) => c.id)).toContain(classId);
  });

  it('changes and cancels a class, audited; a cancelled class takes no more changes', async () => {
    const patched = await principal.request('PATCH', `/api/live/classes/${classId}`, { title: '三年级数学（专递）', receivingRoomIds: [gx2Room] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: '三年级数学（专递）', receiving: [{ roomId: gx2Room }] });
    const cancelled = await county.request('POST', `/api/live/classes/${classId}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canEdit: false });
    expect((await county.request('POST', `/api/live/classes/${classId}/cancel`)).statusCode).toBe(200);
    expect((await principal.request('PATCH', `/api/live/classes/${classId}`, { title: 'x' })).statusCode).toBe(409);
    const actions = (await t.db.db.selectFrom('audit_log').select('action').where('target_id', '=', String(classId)).orderBy('id').execute()).map((a) => a.action);
    expect(actions).toEqual(['live.class.create', 'live.class.update', 'live.class.cancel']);
  });

  it('offers the schedule form the lead school\'s rooms and teachers, and the county\'s other rooms to receive', async () => {
    const gxsy = await schoolNamed(t, '冠县实验小学');
    const res = await principal.get(`/api/live/class-options?schoolId=${gxsy.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.leadSchools.map((s: { id: number }) => s.id)).toEqual([gxsy.id]);
    expect(o.leadRooms.map((r: { roomId: number }) => r.roomId)).toContain(leadRoom);
    expect(o.teachers.map((x: { userId: number }) => x.userId)).toContain(teacher);
    expect(o.receivingRooms.map((r: { roomId: number }) => r.roomId)).toEqual(expect.arrayContaining([gx2Room, ruralRoom]));
    expect(o.receivingRooms.map((r: { roomId: number }) => r.roomId)).not.toContain(sxRoom);
    // Another school's id gives nothing but the caller's own schools.
    const sxsy = await schoolNamed(t, '莘县实验小学');
    expect((await principal.get(`/api/live/class-options?schoolId=${sxsy.id}`)).json()).toMatchObject({ leadRooms: [], teachers: [], receivingRooms: [] });
  });
});
