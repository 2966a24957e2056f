import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';
import { parseLessonIds } from './st-compare.service.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * 同课异构 comparison on both databases: a city activity with a 冠县 and a 莘县 lesson, coded by
 * two observers; the figures, means and curves; and who may not compare (a teacher outside, a
 * lesson of another activity, fewer than two or more than three lessons).
 */
describe('S-T comparison (同课异构)', () => {
  let t: TestApp;
  let teacher: Client;
  let sxPrincipal: Client;
  let gx2Teacher: Client;
  let ids: { activity: number; other: number; a: number; b: number; c: number; teacherTrack: number; principalId: number; teacherId: number };

  const compare = (c: Client, activity: number, lessons: string, extra = '') => c.get(`/api/research/activities/${activity}/st-compare?lessons=${lessons}${extra}`);
  const save = (c: Client, recordingId: number, codes: string) => c.request('PUT', '/api/research/st-codings', { recordingId, activityId: ids.activity, codes });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-10T10:00:00+08:00'));
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    const sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const school = await db.selectFrom('schools').select(['city_id', 'county_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const teacherId = await userIdOf(db, 'gxsy.teacher');
    const a = await addLesson(db, { schoolId: gxsy, title: '分数的初步认识（一）', teacherName: '李晓燕', durationSeconds: 2400 });
    // The same lesson's teacher close-up: the reach finds the lesson from any of its tracks.
    const teacherTrack = await addLesson(db, { schoolId: gxsy, groupId: a.groupId, track: 'teacher', durationSeconds: 2400 });
    const b = await addLesson(db, { schoolId: sxsy, title: '分数的初步认识（二）', teacherName: '莘县教师', durationSeconds: 2700 });
    const c = await addLesson(db, { schoolId: gx2, teacherName: '张志强' });
    const activity = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId: school.city_id }, schoolIds: [gxsy, sxsy],
      members: [{ userId: teacherId, schoolId: gxsy }], lessons: [{ recordingId: a.recordingId }, { recordingId: b.recordingId }],
    });
    const other = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'guanxian.research'), owner: { cityId: school.city_id, countyId: school.county_id }, schoolIds: [gx2],
      members: [{ userId: await userIdOf(db, 'gx2.teacher'), schoolId: gx2 }], lessons: [{ recordingId: c.recordingId }],
    });
    ids = {
      activity: activity.activityId, other: other.activityId, a: a.recordingId, b: b.recordingId, c: c.recordingId, teacherTrack: teacherTrack.recordingId,
      principalId: await userIdOf(db, 'sxsy.principal'), teacherId,
    };
    teacher = await t.login('gxsy.teacher');
    sxPrincipal = await t.login('sxsy.principal');
    gx2Teacher = await t.login('gx2.teacher');
    // Lesson A: a lecture by both observers' codings; lesson B: the teacher's coding only, a dialogue.
    expect((await save(teacher, ids.a, 'TTTTTTTTSS')).statusCode).toBe(200);
    expect((await save(sxPrincipal, ids.a, 'TTTTTTTSSS')).statusCode).toBe(200);
    expect((await save(teacher, ids.b, 'TSTSDSTS')).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('gives each lesson\'s brief, its codings\' Rt, Ch and type with their means, and the first coder\'s curve', async () => {
    const res = await compare(sxPrincipal, ids.activity, `${ids.a},${ids.b}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ activityId: ids.activity, kind: 'same_topic', intervalSeconds: 30 });
    expect(body.coders).toEqual([{ userId: ids.teacherId, name: '李晓燕' }, { userId: ids.principalId, name: '赵立群' }]);
    const [a, b] = body.lessons;
    expect(a).toMatchObject({ recordingId: ids.a, track: 'composite', title: '分数的初步认识（一）', teacherName: '李晓燕', schoolName: '冠县实验小学', durationSeconds: 2400, position: 0 });
    expect(a.codings.map((c: { coderName: string; rt: number }) => [c.coderName, c.rt])).toEqual([['李晓燕', 0.8], ['赵立群', 0.7]]);
    expect(a.summary.coders).toBe(2);
    expect(a.summary.meanRt).toBeCloseTo(0.75);
    expect(a.summary.meanCh).toBeCloseTo(0.1);
    expect(a.summary.type).toBe('lecture');
    expect(a.curve).toMatchObject({ coderName: '李晓燕', intervalSeconds: 30, codes: 'TTTTTTTTSS' });
    expect(a.curve.points).toHaveLength(11);
    expect(a.curve.points.at(-1)).toEqual({ atSeconds: 300, t: 240, s: 60 });
    expect(b).toMatchObject({ recordingId: ids.b, schoolName: '莘县实验小学', position: 1 });
    expect(b.summary).toMatchObject({ coders: 1, type: 'dialogue' });
  });

  it('draws the chosen coder\'s curve where they coded the lesson, else the first coder\'s', async () => {
    const body = (await compare(teacher, ids.activity, `${ids.b},${ids.a}`, `&coderUserId=${ids.principalId}`)).json();
    expect(body.lessons.map((l: { recordingId: number }) => l.recordingId)).toEqual([ids.b, ids.a]);
    expect(body.lessons[1].curve.coderName).toBe('赵立群');
    expect(body.lessons[0].curve.coderName).toBe('李晓燕');
  });

  it('finds a lesson from any of its tracks, and shows an uncoded lesson without a curve', async () => {
    const res = await compare(teacher, ids.activity, `${ids.teacherTrack},${ids.b}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lessons[0].recordingId).toBe(ids.a);
    await t.db.db.deleteFrom('st_codings').where('recording_id', '=', ids.b).execute();
    const bare = (await compare(teacher, ids.activity, `${ids.a},${ids.b}`)).json().lessons[1];
    expect(bare).toMatchObject({ codings: [], summary: { coders: 0, meanRt: null, meanCh: null, type: null }, curve: null });
    expect((await save(teacher, ids.b, 'TSTSDSTS')).statusCode).toBe(200);
  });

  it('takes two or three different lessons', async () => {
    for (const lessons of [`${ids.a}`, `${ids.a},${ids.a}`, `${ids.a},${ids.teacherTrack}`, `${ids.a},${ids.b},${ids.c},${ids.a}`, 'a,b', `${ids.a};${ids.b}`]) {
      const res = await compare(teacher, ids.activity, encodeURIComponent(lessons));
      expect(res.statusCode, lessons).toBe(400);
      expect(res.json().code).toBe('ST_COMPARE_LESSONS');
    }
    expect(parseLessonIds('1,2,3')).toEqual([1, 2, 3]);
    expect(parseLessonIds('0,2')).toBeNull();
    expect(parseLessonIds('1,9999999999')).toBeNull();
  });

  it('refuses a teacher outside the activity, and lessons of another activity', async () => {
    expect((await compare(gx2Teacher, ids.activity, `${ids.a},${ids.b}`)).statusCode).toBe(404);
    // gx2.teacher reaches the county's activity, but the city's lessons are not attached to it.
    expect((await compare(gx2Teacher, ids.other, `${ids.a},${ids.c}`)).statusCode).toBe(404);
    // gxsy.teacher reaches the city's activity, not lesson C of the county's.
    expect((await compare(teacher, ids.activity, `${ids.a},${ids.c}`)).statusCode).toBe(404);
    expect((await compare(sxPrincipal, ids.other, `${ids.c},${ids.a}`)).statusCode).toBe(404);
    expect((await compare(teacher, 2_147_483_647, `${ids.a},${ids.b}`)).statusCode).toBe(404);
  });
});
