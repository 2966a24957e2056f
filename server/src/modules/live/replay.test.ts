import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLesson } from '../../test-support/media-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { demoSchools } from '../compliance/compliance.test-kit.js';
import { createComplianceService } from '../compliance/compliance.service.js';
import { createVideoTestApp, runJobs } from '../recordings/recordings.test-kit.js';
import type { LiveRecordedTrack } from './live-media.js';

const DAY = '2018-04-04';
const START = `${DAY}T10:00:00+08:00`;
const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();

/**
 * Acceptance 3 of issue 12: after a live class (led from 冠县实验小学 to a room of 冠县第二实验小学)
 * its recorded tracks — real files made by ffmpeg, as the media engine leaves them — become one
 * lesson of the lead school through the real job runner: processed, counted for the lead school's
 * day, watched by the receiving school, hidden from 莘县, with hands and polls on its timeline.
 */
describe('a live session\'s replay', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;
  let dir: string;
  let sessionId: number;
  let leadRoomId: number;
  let receivingRoomId: number;
  let tracks: LiveRecordedTrack[];

  beforeAll(async () => {
    t = await createVideoTestApp();
    t.clock.set(new Date(`${DAY}T18:00:00+08:00`));
    const db = t.db.db;
    s = await demoSchools(db);
    await seedDemoCalendar(db, s.cityId);
    await createComplianceService({ db: t.db, clock: t.clock }).trackSchools([{ schoolId: s.gxsy.id, since: '2018-04-02' }]);
    const now = new Date().toISOString();
    const room = async (school: typeof s.gxsy, name: string) => (await db.insertInto('rooms').values({
      school_id: school.id, county_id: school.county_id, city_id: school.city_id, name, location: '', vendor: '', model: '',
      tracks: '["composite"]', status: 'in_use', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
    leadRoomId = await room(s.gxsy, '专递主讲教室');
    receivingRoomId = await room(s.gx2, '专递接收教室');
    const teacher = await db.selectFrom('users').select('id').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow();
    // The receiving school's principal: gx2.teacher is given that post here (the test city has none).
    const gx2 = await db.selectFrom('users').select('id').where('username', '=', 'gx2.teacher').executeTakeFirstOrThrow();
    await db.insertInto('role_assignments').values({
      user_id: gx2.id, role: 'principal', department: null, city_id: s.cityId, county_id: s.guanxian, school_id: s.gx2.id, created_at: now,
    }).execute();
    const cls = await db.insertInto('live_classes').values({
      city_id: s.cityId, county_id: s.guanxian, school_id: s.gxsy.id, lead_room_id: leadRoomId, lead_teacher_user_id: teacher.id,
      title: '分数的初步认识（专递课堂）', subject: '数学', grade: 3, weekday: 3, starts_on: DAY, until_on: null, start_time: '10:00', minutes: 40,
      created_by: teacher.id, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('live_class_rooms').values({
      live_class_id: cls.id, room_id: receivingRoomId, school_id: s.gx2.id, county_id: s.guanxian, city_id: s.cityId,
    }).execute();
    sessionId = (await db.insertInto('live_sessions').values({
      live_class_id: cls.id, day: DAY, starts_at: at(0), ends_at: at(2400), status: 'ended', mode: 'webrtc', media: null,
      started_at: at(0), ended_at: at(62), replay_recording_id: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const event = (kind: string, seconds: number, roomId: number | null, payload: object = {}) => db.insertInto('live_events').values({
      session_id: sessionId, kind, room_id: roomId, user_id: null, payload: JSON.stringify(payload), at: at(seconds),
    }).execute();
    await event('hand.raise', 10, receivingRoomId);
    await event('hand.call', 12, receivingRoomId);
    await event('attendance.join', 1, receivingRoomId);
    await event('poll.open', 20, null, { question: '二分之一和三分之一哪个大？' });
    await event('poll.close', 40, null);

    // The engine's files: a minute of picture and tone from each room (the receiving one started 1.5 s later).
    dir = await mkdtemp(join(tmpdir(), 'live-replay-'));
    const lead = join(dir, 'lead.mp4');
    const receiving = join(dir, 'receiving.mp4');
    await copyFile(await makeLesson({ seconds: 62 }), lead);
    await copyFile(await makeLesson({ seconds: 62, width: 256, height: 192 }), receiving);
    tracks = [
      { roomId: receivingRoomId, lead: false, path: receiving, startedAt: at(1.5) },
      { roomId: leadRoomId, lead: true, path: lead, startedAt: at(0) },
    ];
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const replay = () => t.services.live.replay;
  const lessonRows = () => t.db.db.selectFrom('recordings').selectAll().where('group_id', '=', `live-${sessionId}`).orderBy('id').execute();

  it('becomes a ready lesson of the lead school and room with both rooms\' tracks', async () => {
    expect(await replay().onEnded({ id: sessionId }, tracks)).toEqual({ queued: true });
    await runJobs(t);
    const rows = await lessonRows();
    expect(rows.map((r) => ({ track: r.track, status: r.status, school: r.school_id, room: r.room_id, offset: r.start_offset_ms }))).toEqual([
      { track: 'composite', status: 'ready', school: s.gxsy.id, room: leadRoomId, offset: 0 },
      { track: 'students', status: 'ready', school: s.gxsy.id, room: leadRoomId, offset: 1500 },
    ]);
    expect(rows[0]).toMatchObject({ school_day: DAY, title: '分数的初步认识（专递课堂）', grade: '三年级', teacher_name: '李晓燕', counts: 1 });
    const session = await t.db.db.selectFrom('live_sessions').select('replay_recording_id').where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(session.replay_recording_id).toBe(rows[0]!.id);
  }, 180_000);

  it('counts for the lead school\'s day as the research office reads it', async () => {
    const research = await t.login('guanxian.research');
    const res = await research.get(`/api/compliance/schools/${s.gxsy.id}/days?from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { days: { day: string; counted: number | null }[] }).days.find((d) => d.day === DAY)).toMatchObject({ counted: 1 });
  });

  it('plays for the lead and the receiving school, not for another county', async () => {
    const id = (await lessonRows())[0]!.id;
    for (const who of ['gxsy.principal', 'gx2.teacher']) {
      const c = await t.login(who);
      const detail = await c.get(`/api/recordings/${id}`);
      expect(detail.statusCode, who).toBe(200);
      expect((detail.json() as { tracks: unknown[] }).tracks).toHaveLength(2);
      const play = await c.request('POST', `/api/recordings/${id}/playback`);
      expect(play.statusCode, who).toBe(200);
      expect((play.json() as { tracks: unknown[] }).tracks).toHaveLength(2);
    }
    const shenxian = await t.login('sxsy.principal');
    expect((await shenxian.get(`/api/recordings/${id}`)).statusCode).toBe(404);
    expect((await shenxian.request('POST', `/api/recordings/${id}/playback`)).statusCode).toBe(404);
    expect((await shenxian.get(`/api/live/sessions/${sessionId}/replay`)).statusCode).toBe(404);
  });

  it('puts hands and polls on the timeline and names each room\'s track', async () => {
    const id = (await lessonRows())[0]!.id;
    const res = await (await t.login('gx2.teacher')).get(`/api/live/sessions/${sessionId}/replay`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { recordingId: number; rooms: { roomId: number; lead: boolean; track: string | null }[]; markers: { kind: string; atMs: number; roomName: string | null; text: string | null }[] };
    expect(body.recordingId).toBe(id);
    expect(body.rooms).toEqual([
      expect.objectContaining({ roomId: leadRoomId, lead: true, track: 'composite' }),
      expect.objectContaining({ roomId: receivingRoomId, lead: false, track: 'students', schoolName: s.gx2.name }),
    ]);
    expect(body.markers.map((m) => [m.kind, m.atMs, m.roomName, m.text])).toEqual([
      ['hand.raise', 10_000, '专递接收教室', null],
      ['hand.call', 12_000, '专递接收教室', null],
      ['poll.open', 20_000, null, '二分之一和三分之一哪个大？'],
      ['poll.close', 40_000, null, null],
    ]);
  });

  it('a second end of the same session adds nothing', async () => {
    const before = await lessonRows();
    const jobs = await t.db.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await replay().onEnded({ id: sessionId }, tracks)).toEqual({ queued: false });
    await runJobs(t);
    expect(await lessonRows()).toEqual(before);
    expect(await t.db.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(jobs);
  });

  it('resumes after a crash between the tracks without a second copy of either', async () => {
    const db = t.db.db;
    const cls = await db.selectFrom('live_sessions').select('live_class_id').where('id', '=', sessionId).executeTakeFirstOrThrow();
    const later = '2018-04-11';
    const start = Date.parse(`${later}T10:00:00+08:00`);
    const iso = (seconds: number) => new Date(start + seconds * 1000).toISOString();
    const second = (await db.insertInto('live_sessions').values({
      live_class_id: cls.live_class_id, day: later, starts_at: iso(0), ends_at: iso(2400), status: 'ended', mode: 'hls', media: null,
      started_at: iso(0), ended_at: iso(5), replay_recording_id: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const lead = join(dir, 'lead-2.mp4');
    const receiving = join(dir, 'receiving-2.mp4');
    await copyFile(await makeLesson({ seconds: 5, width: 288, height: 216 }), lead);
    await copyFile(await makeLesson({ seconds: 5, width: 224, height: 168 }), receiving);
    // The run that crashed had stored the lead room's file as the lesson's first track, and no more.
    const crashed = await t.services.recordings!.lessonIngest.ingestLocalLesson({
      meta: {
        schoolId: s.gxsy.id, roomId: leadRoomId, groupId: `live-${second}`, title: '分数的初步认识（专递课堂）', subject: '数学', grade: '三年级',
        classId: null, teacherUserId: null, teacherName: '李晓燕', lessonStart: iso(0), lessonEnd: iso(5),
      },
      files: [{ localPath: lead, track: 'composite', startOffsetMs: 0 }],
      uploadedBy: { userId: null, deviceId: null },
    });
    expect(await replay().onEnded({ id: second }, [
      { roomId: leadRoomId, lead: true, path: lead, startedAt: iso(0) },
      { roomId: receivingRoomId, lead: false, path: receiving, startedAt: iso(0.4) },
    ])).toEqual({ queued: true });
    await runJobs(t);
    const rows = await db.selectFrom('recordings').select(['id', 'track', 'status', 'start_offset_ms']).where('group_id', '=', `live-${second}`).orderBy('id').execute();
    expect(rows).toEqual([
      { id: crashed.tracks[0]!.recordingId, track: 'composite', status: 'ready', start_offset_ms: 0 },
      { id: expect.any(Number), track: 'students', status: 'ready', start_offset_ms: 400 },
    ]);
    const session = await db.selectFrom('live_sessions').select('replay_recording_id').where('id', '=', second).executeTakeFirstOrThrow();
    expect(session.replay_recording_id).toBe(crashed.tracks[0]!.recordingId);
  }, 120_000);
});
