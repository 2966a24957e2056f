import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addRoom, otherSchoolOf, schoolNamed, userId, withTerms } from './live.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * Sessions of a weekly 专递课堂: made once a school day, each caller's part decided by the
 * server, only the lead going on air and off, media answered for one's own room only, the
 * patrol wall, overrun sessions ended by the clock; and the class on rooms' timetables and alerts.
 */
describe('live sessions: a school day\'s lesson from the lead room to village classrooms', () => {
  let t: TestApp;
  let teacher: Client;
  let principal: Client;
  let gx2Teacher: Client;
  let county: Client;
  let shenxian: Client;
  let leadRoom: number;
  let gx2Room: number;
  let ruralRoom: number;
  let sessionId: number;
  const due = (at: string) => t.services.live.runDue(new Date(at)) as Promise<{ 'live.sessions': { made: number; ended: number } }>;

  beforeAll(async () => {
    // Monday 2026-11-16, 08:30 in 冠县.
    t = await createTestApp({ now: new Date('2026-11-16T00:30:00Z') });
    await withTerms(t);
    const gxsy = await schoolNamed(t, '冠县实验小学');
    const gx2 = await schoolNamed(t, '冠县第二实验小学');
    const rural = await otherSchoolOf(t, gxsy.county_id, [gxsy.id, gx2.id]);
    leadRoom = await addRoom(t, gxsy.id, '专递课堂主讲教室');
    gx2Room = await addRoom(t, gx2.id, '二实小接收教室');
    ruralRoom = await addRoom(t, rural.id, '乡村接收教室');
    teacher = await t.login('gxsy.teacher');
    principal = await t.login('gxsy.principal');
    gx2Teacher = await t.login('gx2.teacher');
    county = await t.login('guanxian.admin');
    shenxian = await t.login('shenxian.admin');
    const base = {
      subject: '数学', grade: 3, leadRoomId: leadRoom, leadTeacherUserId: await userId(t, 'gxsy.teacher'), receivingRoomIds: [gx2Room, ruralRoom],
      startsOn: '2026-11-16', untilOn: '2027-01-15', minutes: 40,
    };
    expect((await principal.request('POST', '/api/live/classes', { ...base, title: '周一数学专递课堂', weekday: 1, startTime: '09:00' })).statusCode).toBe(201);
    expect((await principal.request('POST', '/api/live/classes', { ...base, title: '周六兴趣课', weekday: 6, startTime: '09:00' })).statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  it('makes today\'s session once, on a school day only', async () => {
    expect((await due('2026-11-16T00:30:00Z'))['live.sessions'].made).toBe(1);
    expect((await due('2026-11-16T00:31:00Z'))['live.sessions'].made).toBe(0);
    // Saturday is no school day: the Saturday class takes place on none.
    const saturday = await county.get('/api/live/sessions?day=2026-11-21');
    expect(saturday.statusCode, saturday.body).toBe(200);
    expect(saturday.json().items).toEqual([]);
    // Next Monday is made when the day is listed.
    expect((await county.get('/api/live/sessions?day=2026-11-23')).json().items.map((s: { title: string }) => s.title)).toEqual(['周一数学专递课堂']);
  });

  it('tells each caller their part: the lead teacher leads, the receiving school receives in its room, the county watches', async () => {
    const part = async (c: Client) => {
      const res = await c.get('/api/live/sessions');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { id: number; role: string; roomId: number | null; canControl: boolean; startsAt: string }[];
    };
    const [lead] = await part(teacher);
    sessionId = lead!.id;
    expect(lead).toMatchObject({ role: 'lead', roomId: leadRoom, canControl: true, startsAt: '2026-11-16T01:00:00.000Z' });
    expect((await part(principal))[0]).toMatchObject({ role: 'lead', canControl: true });
    expect((await part(gx2Teacher))[0]).toMatchObject({ id: sessionId, role: 'receiving', roomId: gx2Room, canControl: false });
    expect((await part(county))[0]).toMatchObject({ id: sessionId, role: 'watcher', roomId: null, canControl: false });
    // Another county sees neither the session in its list nor by id, nor its media.
    expect(await part(shenxian)).toEqual([]);
    expect((await shenxian.get(`/api/live/sessions/${sessionId}`)).statusCode).toBe(404);
    expect((await shenxian.get(`/api/live/sessions/${sessionId}/media`)).statusCode).toBe(404);
    expect((await shenxian.request('POST', `/api/live/sessions/${sessionId}/start`)).statusCode).toBe(404);
    expect((await county.get('/api/live/sessions/999999')).statusCode).toBe(404);
  });

  it('lets only the lead go on air: the receiving school\'s teacher may not start it', async () => {
    expect((await gx2Teacher.get(`/api/live/sessions/${sessionId}/media`)).statusCode).toBe(409);
    const refused = await gx2Teacher.request('POST', `/api/live/sessions/${sessionId}/start`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('LIVE_LEAD_ONLY');
    expect((await county.request('POST', `/api/live/sessions/${sessionId}/start`)).statusCode).toBe(403);
    const started = await teacher.request('POST', `/api/live/sessions/${sessionId}/start`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'live', mode: expect.stringMatching(/^(webrtc|hls)$/) });
    // A second click answers the session as it is.
    expect((await principal.request('POST', `/api/live/sessions/${sessionId}/start`)).json().status).toBe('live');
  });

  it('answers media for the caller\'s own room only, with the part the server decided', async () => {
    const mine = await gx2Teacher.get(`/api/live/sessions/${sessionId}/media?roomId=${gx2Room}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ sessionId, role: 'receiving', roomId: gx2Room });
    // Another school's receiving room, or the lead room, is not theirs to speak for.
    expect((await gx2Teacher.get(`/api/live/sessions/${sessionId}/media?roomId=${ruralRoom}`)).statusCode).toBe(404);
    expect((await gx2Teacher.get(`/api/live/sessions/${sessionId}/media?roomId=${leadRoom}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/live/sessions/${sessionId}/media`)).json()).toMatchObject({ role: 'lead', roomId: leadRoom });
    const watcher = (await county.get(`/api/live/sessions/${sessionId}/media`)).json();
    expect(watcher).toMatchObject({ role: 'watcher', roomId: null });
    expect((await county.get(`/api/live/sessions/${sessionId}/media?roomId=${gx2Room}`)).statusCode).toBe(404);
    // Strict query: an unknown parameter is refused.
    expect((await county.get(`/api/live/sessions/${sessionId}/media?role=lead`)).statusCode).toBe(400);
  });

  it('puts the session on the county\'s patrol wall while it is on air', async () => {
    const wall = await county.get('/api/live/sessions?status=live');
    expect(wall.json().items.map((s: { id: number }) => s.id)).toEqual([sessionId]);
    expect((await shenxian.get('/api/live/sessions?status=live')).json().items).toEqual([]);
  });

  it('ends a session 15 minutes past its end if the lead did not, once, audited', async () => {
    expect((await due('2026-11-16T01:50:00Z'))['live.sessions'].ended).toBe(0);
    expect((await due('2026-11-16T01:56:00Z'))['live.sessions'].ended).toBe(1);
    expect((await due('2026-11-16T01:57:00Z'))['live.sessions'].ended).toBe(0);
    teacher = await t.login('gxsy.teacher');
    const ended = (await teacher.get(`/api/live/sessions/${sessionId}`)).json();
    expect(ended).toMatchObject({ status: 'ended' });
    expect((await teacher.request('POST', `/api/live/sessions/${sessionId}/end`)).json().status).toBe('ended');
    expect((await teacher.request('POST', `/api/live/sessions/${sessionId}/start`)).statusCode).toBe(409);
    const actions = (await t.db.db.selectFrom('audit_log').select('action').where('target_type', '=', 'live_session').orderBy('id').execute()).map((a) => a.action);
    expect(actions).toEqual(['live.session.start', 'live.session.end']);
  });

  it('shows the class on every involved room\'s timetable and raises the lead room\'s offline alert before it', async () => {
    const timetable = await county.get(`/api/rooms/${gx2Room}/timetable`);
    expect(timetable.statusCode, timetable.body).toBe(200);
    expect(timetable.json().held).toEqual(expect.arrayContaining([expect.objectContaining({ title: '周一数学专递课堂', role: 'receiving', weekday: 1, startsAt: '09:00', endsAt: '09:40' })]));
    expect((await county.get(`/api/rooms/${leadRoom}/timetable`)).json().held[0]).toMatchObject({ role: 'lead', fromSchool: '冠县实验小学' });
    // Next Monday, 08:50: the rooms have no recorder online.
    t.clock.set(new Date('2026-11-23T00:50:00Z'));
    await due('2026-11-23T00:50:00Z');
    await t.services.roomAlerts.checkBeforeLessons(new Date('2026-11-23T00:50:00Z'));
    const alerts = await t.db.db.selectFrom('room_alerts').select(['room_id', 'message']).where('kind', '=', 'offline_before_lesson').execute();
    expect(alerts.map((a) => a.room_id).sort()).toEqual([leadRoom, gx2Room, ruralRoom].sort());
    expect(alerts[0]!.message).toContain('直播课「周一数学专递课堂」');
  });
});
