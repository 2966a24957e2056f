import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';
import { codingAgreement } from './st-analysis.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * S-T codings on both databases: two observers of a 同课异构 activity across 冠县 and 莘县 code a
 * lesson and see each other's coding and their agreement; the rules of a coding string; codings
 * outside any activity; and the attacker's side — a 冠县 teacher outside the activity, another
 * county, guessed coding ids, and one activity's lessons asked for through another.
 */
describe('S-T codings', () => {
  let t: TestApp;
  let teacher: Client; // gxsy.teacher, member of the city's activity
  let sxPrincipal: Client; // 莘县实验小学, a participating school
  let gx2Teacher: Client; // 冠县第二实验小学, member of the county's activity only
  let shenxian: Client; // 莘县教科所
  let parent: Client;
  let ids: {
    cityActivity: number; countyActivity: number; plannedActivity: number; summarisedActivity: number;
    lessonA: number; lessonB: number; lessonC: number; lessonD: number;
  };

  const list = (c: Client, recordingId: number, activityId?: number) =>
    c.get(`/api/research/st-codings?recordingId=${recordingId}${activityId ? `&activityId=${activityId}` : ''}`);
  const save = (c: Client, body: Record<string, unknown>) => c.request('PUT', '/api/research/st-codings', body);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-10T10:00:00+08:00'));
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    const sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const school = await db.selectFrom('schools').select(['city_id', 'county_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const teacherId = await userIdOf(db, 'gxsy.teacher');
    const lessonA = await addLesson(db, { schoolId: gxsy, teacherUserId: teacherId, teacherName: '李晓燕', durationSeconds: 2400 });
    const lessonB = await addLesson(db, { schoolId: sxsy, teacherName: '莘县教师', durationSeconds: 2700 });
    const lessonC = await addLesson(db, { schoolId: gx2, teacherName: '张志强', durationSeconds: 2400 });
    const lessonD = await addLesson(db, { schoolId: gxsy, teacherName: '李晓燕', durationSeconds: 2400 });
    const city = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId: school.city_id }, schoolIds: [gxsy, sxsy],
      members: [{ userId: teacherId, schoolId: gxsy }], lessons: [{ recordingId: lessonA.recordingId }, { recordingId: lessonB.recordingId }],
    });
    const county = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'guanxian.research'), owner: { cityId: school.city_id, countyId: school.county_id }, schoolIds: [gx2],
      members: [{ userId: await userIdOf(db, 'gx2.teacher'), schoolId: gx2 }], lessons: [{ recordingId: lessonC.recordingId }],
    });
    const planned = await addActivity(db, {
      organiserUserId: teacherId, owner: { cityId: school.city_id, countyId: school.county_id, schoolId: gxsy }, schoolIds: [gxsy],
      lessons: [{ recordingId: lessonD.recordingId }], status: 'planned',
    });
    const summarised = await addActivity(db, {
      organiserUserId: teacherId, owner: { cityId: school.city_id, countyId: school.county_id, schoolId: gxsy }, schoolIds: [gxsy],
      lessons: [{ recordingId: lessonD.recordingId }], status: 'summarised',
    });
    ids = {
      cityActivity: city.activityId, countyActivity: county.activityId, plannedActivity: planned.activityId, summarisedActivity: summarised.activityId,
      lessonA: lessonA.recordingId, lessonB: lessonB.recordingId, lessonC: lessonC.recordingId, lessonD: lessonD.recordingId,
    };
    teacher = await t.login('gxsy.teacher');
    sxPrincipal = await t.login('sxsy.principal');
    gx2Teacher = await t.login('gx2.teacher');
    shenxian = await t.login('shenxian.research');
    parent = await t.login('gxsy.parent');
  });
  afterAll(async () => t.close());

  const FIRST = 'TTTTSSTTDDSSTTTTTTSS';
  const SECOND = 'TTTTSSTTTDSSTTTTTSSS';

  it('two observers from two counties code one lesson of the activity and see each other\'s coding and their agreement', async () => {
    const a = await save(teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: FIRST });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ recordingId: ids.lessonA, activityId: ids.cityActivity, intervalSeconds: 30, codes: FIRST, mine: true, coderName: '李晓燕' });
    expect(a.json().figures).toMatchObject({ n: 20, nT: 12, nS: 6, nD: 2, runs: 7, type: 'mixed' });
    expect(a.json().figures.ch).toBeCloseTo(6 / 20);
    expect(a.json().figures.rt).toBeCloseTo(13 / 20);
    const b = await save(sxPrincipal, { recordingId: ids.lessonA, activityId: ids.cityActivity, intervalSeconds: 30, codes: SECOND });
    expect(b.statusCode, b.body).toBe(200);

    for (const viewer of [teacher, sxPrincipal]) {
      const res = await list(viewer, ids.lessonA, ids.cityActivity);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ recordingId: ids.lessonA, activityId: ids.cityActivity, durationSeconds: 2400, intervalSeconds: 30, intervalFixed: true, maxSamples: 81, canCode: true });
      expect(body.codings.map((c: { coderName: string }) => c.coderName)).toEqual(['李晓燕', '赵立群']);
      expect(body.codings.filter((c: { mine: boolean }) => c.mine)).toHaveLength(1);
      const expected = codingAgreement({ codes: FIRST, intervalSeconds: 30 }, { codes: SECOND, intervalSeconds: 30 });
      expect(body.agreements).toHaveLength(1);
      expect(body.agreements[0]).toMatchObject({ aCodingId: a.json().id, bCodingId: b.json().id, items: 20, stepSeconds: 30 });
      expect(body.agreements[0].kappa).toBeCloseTo(expected.kappa!);
      expect(body.agreements[0].observed).toBeCloseTo(18 / 20);
    }
  });

  it('keeps one coding per coder: saving again replaces it, and the coder may read it by id', async () => {
    const again = await save(teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: `${FIRST}SS` });
    expect(again.statusCode, again.body).toBe(200);
    const all = (await list(teacher, ids.lessonA, ids.cityActivity)).json();
    expect(all.codings).toHaveLength(2);
    expect(all.codings[0]).toMatchObject({ id: again.json().id, codes: `${FIRST}SS` });
    const one = await sxPrincipal.get(`/api/research/st-codings/${again.json().id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ codes: `${FIRST}SS`, mine: false });
  });

  it('two first saves at once leave one coding', async () => {
    const shenxianPrincipalBody = { recordingId: ids.lessonB, activityId: ids.cityActivity, codes: 'TS' };
    const [x, y] = await Promise.all([save(teacher, shenxianPrincipalBody), save(teacher, { ...shenxianPrincipalBody, codes: 'TSD' })]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect(x.json().id).toBe(y.json().id);
    expect((await list(teacher, ids.lessonB, ids.cityActivity)).json().codings).toHaveLength(1);
  });

  it('refuses a code string that is not T, S, D or -, one longer than the lesson, and an interval the activity does not use', async () => {
    const bad = await save(teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: 'TTSX' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ST_CODES_INVALID', details: { position: 4, char: 'X' } });
    expect(bad.json().message).toContain('第 4 个是“X”');
    // 40 minutes at 30 s: samples at 0, 30 … 2400 s, 81 in all.
    expect((await save(teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: 'T'.repeat(81) })).statusCode).toBe(200);
    const long = await save(teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: 'T'.repeat(82) });
    expect(long.json()).toMatchObject({ code: 'ST_CODES_TOO_LONG', details: { samples: 82, maxSamples: 81, intervalSeconds: 30 } });
    expect(long.json().message).toContain('40 分钟');
    const fixed = await save(teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, intervalSeconds: 20, codes: 'T' });
    expect(fixed.json()).toMatchObject({ code: 'ST_INTERVAL_FIXED', details: { intervalSeconds: 30 } });
    const lower = await save(teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: 'tts' });
    expect(lower.json().code).toBe('ST_CODES_INVALID');
    const tooFast = await save(teacher, { recordingId: ids.lessonA, activityId: null, intervalSeconds: 5, codes: 'T' });
    expect(tooFast.statusCode).toBe(400);
    expect((await save(teacher, { recordingId: ids.lessonA, activityId: null, codes: 'T' })).json().code).toBe('ST_INTERVAL_REQUIRED');
  });

  it('codes a lesson outside any activity at a chosen interval, apart from the activity\'s codings', async () => {
    const res = await save(teacher, { recordingId: ids.lessonA, activityId: null, intervalSeconds: 20, codes: 'TTSSTT' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ activityId: null, intervalSeconds: 20 });
    const outside = (await list(teacher, ids.lessonA)).json();
    expect(outside).toMatchObject({ activityId: null, intervalSeconds: 20, intervalFixed: false, maxSamples: 121, canCode: true });
    expect(outside.codings.map((c: { id: number }) => c.id)).toEqual([res.json().id]);
    expect((await list(teacher, ids.lessonA, ids.cityActivity)).json().codings.map((c: { id: number }) => c.id)).not.toContain(res.json().id);
    // Outside any activity: whoever may watch the lesson — 莘县's principal through the activity that shares it, not a 冠县 teacher of another school.
    expect((await list(sxPrincipal, ids.lessonA)).json().codings).toHaveLength(1);
    expect((await list(gx2Teacher, ids.lessonA)).statusCode).toBe(404);
    expect((await gx2Teacher.get(`/api/research/st-codings/${res.json().id}`)).statusCode).toBe(404);
  });

  it('reads a lesson whose probed length is not whole seconds (a live class\'s replay, most uploads)', async () => {
    const lesson = await addLesson(t.db.db, { schoolId: await schoolIdOf(t.db.db, DEMO_SCHOOLS.guanxianShiyan.code), teacherName: '李晓燕', durationSeconds: 97.16 });
    const res = await list(teacher, lesson.recordingId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ durationSeconds: 97.16, maxSamples: 4 });
  });

  it('takes no coding before an activity opens or after its summary; reading stays open', async () => {
    const planned = await save(teacher, { recordingId: ids.lessonD, activityId: ids.plannedActivity, codes: 'T' });
    expect(planned.json().code).toBe('RESEARCH_NOT_OPEN');
    const summarised = await save(teacher, { recordingId: ids.lessonD, activityId: ids.summarisedActivity, codes: 'T' });
    expect(summarised.json().code).toBe('RESEARCH_SUMMARISED');
    const read = await list(teacher, ids.lessonD, ids.summarisedActivity);
    expect(read.statusCode).toBe(200);
    expect(read.json().canCode).toBe(false);
  });

  it('lets only the coder withdraw a coding', async () => {
    const mine = await save(gx2Teacher, { recordingId: ids.lessonC, activityId: ids.countyActivity, codes: 'TTS' });
    expect(mine.statusCode, mine.body).toBe(200);
    const research = await t.login('guanxian.research');
    const other = await research.request('DELETE', `/api/research/st-codings/${mine.json().id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('ST_CODING_NOT_YOURS');
    expect((await gx2Teacher.request('DELETE', `/api/research/st-codings/${mine.json().id}`)).statusCode).toBe(204);
    expect((await gx2Teacher.get(`/api/research/st-codings/${mine.json().id}`)).statusCode).toBe(404);
    expect((await list(gx2Teacher, ids.lessonC, ids.countyActivity)).json().codings).toEqual([]);
  });

  describe('from the attacker\'s side', () => {
    let countyCoding: number;
    let cityCoding: number;
    beforeAll(async () => {
      countyCoding = (await save(gx2Teacher, { recordingId: ids.lessonC, activityId: ids.countyActivity, codes: 'TTSS' })).json().id;
      cityCoding = (await list(teacher, ids.lessonA, ids.cityActivity)).json().codings[0].id;
    });

    it('a 冠县 teacher outside the activity reaches neither its lessons\' codings nor the coding by id, and may not code there', async () => {
      expect((await list(gx2Teacher, ids.lessonA, ids.cityActivity)).statusCode).toBe(404);
      expect((await list(gx2Teacher, ids.lessonB, ids.cityActivity)).statusCode).toBe(404);
      expect((await gx2Teacher.get(`/api/research/st-codings/${cityCoding}`)).statusCode).toBe(404);
      expect((await save(gx2Teacher, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: 'T' })).statusCode).toBe(404);
      expect((await gx2Teacher.request('DELETE', `/api/research/st-codings/${cityCoding}`)).statusCode).toBe(404);
      // Nor the 莘县 lesson outside the activity.
      expect((await list(gx2Teacher, ids.lessonB)).statusCode).toBe(404);
    });

    it('another county reaches nothing of 冠县\'s own activity', async () => {
      for (const c of [shenxian, sxPrincipal]) {
        expect((await list(c, ids.lessonC, ids.countyActivity)).statusCode).toBe(404);
        expect((await c.get(`/api/research/st-codings/${countyCoding}`)).statusCode).toBe(404);
        expect((await save(c, { recordingId: ids.lessonC, activityId: ids.countyActivity, codes: 'T' })).statusCode).toBe(404);
      }
      // Yet 莘县教科所 reaches the city's activity, which a school of theirs takes part in.
      expect((await list(shenxian, ids.lessonA, ids.cityActivity)).statusCode).toBe(200);
    });

    it('guessed coding ids answer 404 like missing ones', async () => {
      for (const id of [countyCoding, cityCoding + 1000, 2_147_483_647]) {
        const res = await sxPrincipal.get(`/api/research/st-codings/${id}`);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
    });

    it('one activity\'s lessons cannot be reached through another activity', async () => {
      // gx2.teacher is in the county's activity; the city's lesson A is not attached to it.
      expect((await list(gx2Teacher, ids.lessonA, ids.countyActivity)).statusCode).toBe(404);
      expect((await save(gx2Teacher, { recordingId: ids.lessonA, activityId: ids.countyActivity, codes: 'T' })).statusCode).toBe(404);
      // gxsy.teacher is in the city's activity; lesson C of the county's activity is not in it.
      expect((await list(teacher, ids.lessonC, ids.cityActivity)).statusCode).toBe(404);
    });

    it('a parent has no research at all', async () => {
      expect((await list(parent, ids.lessonA, ids.cityActivity)).statusCode).toBe(403);
      expect((await save(parent, { recordingId: ids.lessonA, activityId: ids.cityActivity, codes: 'T' })).statusCode).toBe(403);
    });
  });
});
