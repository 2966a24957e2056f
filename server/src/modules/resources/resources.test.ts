import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addLesson, schoolIdOf, userIdOf } from '../research/research.test-kit.js';
import { addResource, setConsentRow } from './resources.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * The resource library's core on a real database (SQLite, or PostgreSQL with DATABASE_URL):
 * a teacher publishes a lesson of their school (capped by the class's consent) and courseware;
 * edits and withdraws; and the scope probes from the attacker's side — a county-scoped resource
 * is absent for another county (404, lists, counts, taxonomy), the public routes show only
 * public resources, and a lesson plays in another county only once a resource shares it there.
 */
describe('resource library: publishing, browsing, sharing', () => {
  let t: TestApp;
  let teacher: Client;
  let gxOther: Client;
  let sxTeacher: Client;
  let sxPrincipal: Client;
  let ids: { gx: number; gx2: number; sx: number; teacher: number; classId: number; pupils: number[]; sxClassId: number };

  const taxonomy = {
    stage: 'primary', subject: '数学', grade: '三年级', edition: '人教版', volume: '三年级上册', unit: '第八单元 分数的初步认识', lesson: '几分之一',
  };

  async function lessonOfClass(classId: number | null, title = '分数的初步认识') {
    const l = await addLesson(t.db.db, { schoolId: ids.gx, title, teacherUserId: ids.teacher, teacherName: '李晓燕' });
    await t.db.db.updateTable('recordings').set({ class_id: classId }).where('id', '=', l.recordingId).execute();
    return l;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const gx = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const cls = await db.selectFrom('students').select(['class_id']).where('school_id', '=', gx).orderBy('class_id').executeTakeFirstOrThrow();
    const pupils = (await db.selectFrom('students').select('id').where('class_id', '=', cls.class_id).execute()).map((r) => r.id);
    const sx = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const sxClass = await db.selectFrom('classes').select('id').where('school_id', '=', sx).orderBy('id').executeTakeFirstOrThrow();
    ids = {
      gx, gx2: await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code), sx, teacher: await userIdOf(db, 'gxsy.teacher'),
      classId: cls.class_id, pupils, sxClassId: sxClass.id,
    };
    expect(pupils.length).toBeGreaterThan(1);
    // Every guardian of the class allows city-wide publishing to begin with.
    const principalId = await userIdOf(db, 'gxsy.principal');
    for (const p of pupils) await setConsentRow(db, p, 'city', principalId);
    teacher = await t.login('gxsy.teacher');
    gxOther = await t.login(`t${DEMO_SCHOOLS.guanxianShiyan.code}_01`);
    sxTeacher = await t.login(`t${DEMO_SCHOOLS.shenxianShiyan.code}_01`);
    sxPrincipal = await t.login('sxsy.principal');
  });
  afterAll(async () => t.close());

  describe('publishing', () => {
    it('publishes a ready lesson of the school for the school\'s review, with the class\'s consent cap and the recording\'s class', async () => {
      const l = await lessonOfClass(ids.classId);
      const res = await teacher.request('POST', '/api/resources', {
        kind: 'lesson', recordingId: l.recordingId, title: '分数的初步认识（公开课）', description: '用折纸认识几分之一', ...taxonomy,
        tags: ['分数', '公开课'], requestedScope: 'city',
      });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json();
      expect(r).toMatchObject({
        kind: 'lesson', reviewStage: 'school', visibleScope: null, requestedScope: 'city', consentCap: 'city', classId: ids.classId,
        tags: ['分数', '公开课'], mayEdit: true, mayWithdraw: true, schoolId: ids.gx,
      });
      expect(r.lessonVideo).toMatchObject({ recordingId: l.recordingId, status: 'ready' });
      const row = await t.db.db.selectFrom('resources').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ recording_group_id: l.groupId, school_id: ids.gx, consent_cap: 'city', review_stage: 'school' });
      const audit = await t.db.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'resource.publish').execute();
      expect(audit.map((a) => String(a.target_id))).toContain(String(r.id));
      const steps = await t.db.db.selectFrom('resource_reviews').select(['decision']).where('resource_id', '=', r.id).execute();
      expect(steps.map((s) => s.decision)).toEqual(['submit']);
      // The same lesson twice: the original is to be edited instead.
      const again = await teacher.request('POST', '/api/resources', { kind: 'lesson', recordingId: l.recordingId, title: '再发一次', ...taxonomy, requestedScope: 'school' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('RESOURCE_LESSON_PUBLISHED');
    });

    it('refuses a scope wider than the class\'s least consent, naming the consent', async () => {
      await setConsentRow(t.db.db, ids.pupils[0]!, 'county', ids.teacher);
      const l = await lessonOfClass(ids.classId, '认识钟表');
      const res = await teacher.request('POST', '/api/resources', { kind: 'lesson', recordingId: l.recordingId, title: '认识钟表', ...taxonomy, requestedScope: 'city' });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('RESOURCE_CONSENT_CAP');
      expect(res.json().message).toContain('县内');
      expect(res.json().message).toContain('全市');
      expect(await t.db.db.selectFrom('resources').select('id').where('recording_group_id', '=', l.groupId).execute()).toEqual([]);
      // Within the cap it is published, and the cap is kept.
      const ok = await teacher.request('POST', '/api/resources', { kind: 'lesson', recordingId: l.recordingId, title: '认识钟表', ...taxonomy, requestedScope: 'county' });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().consentCap).toBe('county');
      // An edit asking for more is refused the same way.
      const wider = await teacher.request('PATCH', `/api/resources/${ok.json().id}`, { requestedScope: 'public' });
      expect(wider.statusCode).toBe(400);
      expect(wider.json().code).toBe('RESOURCE_CONSENT_CAP');
      await setConsentRow(t.db.db, ids.pupils[0]!, 'city', ids.teacher);
    });

    it('needs the class on video, of the lesson\'s school; refuses other schools\' lessons and bad bodies', async () => {
      const noClass = await lessonOfClass(null, '没有班级的课');
      const res = await teacher.request('POST', '/api/resources', { kind: 'lesson', recordingId: noClass.recordingId, title: 'x', ...taxonomy, requestedScope: 'school' });
      expect(res.json().code).toBe('RESOURCE_CLASS_REQUIRED');
      const foreign = await teacher.request('POST', '/api/resources', { kind: 'lesson', recordingId: noClass.recordingId, classId: ids.sxClassId, title: 'x', ...taxonomy, requestedScope: 'school' });
      expect(foreign.json().code).toBe('RESOURCE_CLASS_OUTSIDE');
      const sxLesson = await addLesson(t.db.db, { schoolId: ids.sx });
      expect((await teacher.request('POST', '/api/resources', { kind: 'lesson', recordingId: sxLesson.recordingId, title: 'x', ...taxonomy, requestedScope: 'school' })).statusCode).toBe(404);
      const unknown = await teacher.request('POST', '/api/resources', { kind: 'courseware', title: 'x', ...taxonomy, requestedScope: 'school', visibleScope: 'public' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('visibleScope');
      const badScope = await teacher.request('POST', '/api/resources', { kind: 'courseware', title: 'x', ...taxonomy, requestedScope: 'world' });
      expect(badScope.statusCode).toBe(400);
      expect(badScope.body).toContain('requestedScope');
    });

    it('creates a courseware record (not capped), which the publisher edits back to the school and withdraws', async () => {
      const res = await teacher.request('POST', '/api/resources', { kind: 'courseware', title: '分数课件', ...taxonomy, requestedScope: 'public' });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as number;
      expect(res.json()).toMatchObject({ kind: 'courseware', consentCap: null, classId: null, lessonVideo: null, reviewStage: 'school' });
      expect((await teacher.request('POST', '/api/resources', { kind: 'courseware', recordingId: 1, title: 'x', ...taxonomy, requestedScope: 'school' })).json().code)
        .toBe('RESOURCE_COURSEWARE_NO_VIDEO');
      // Returned by a reviewer: the publisher edits, and it goes back to the school's review.
      await t.db.db.updateTable('resources').set({ review_stage: 'returned' }).where('id', '=', id).execute();
      const edited = await teacher.request('PATCH', `/api/resources/${id}`, { title: '分数课件（修订）', tags: ['分数'] });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ title: '分数课件（修订）', tags: ['分数'], reviewStage: 'school', visibleScope: null });
      // Another teacher of the same school does not reach it while it waits for review.
      expect((await gxOther.request('PATCH', `/api/resources/${id}`, { title: '改别人的' })).statusCode).toBe(404);
      expect((await gxOther.get(`/api/resources/${id}`)).statusCode).toBe(404);
      // Once done it can no longer be edited, only withdrawn.
      await t.db.db.updateTable('resources').set({ review_stage: 'done', visible_scope: 'school' }).where('id', '=', id).execute();
      expect((await gxOther.request('POST', `/api/resources/${id}/withdraw`)).json().code).toBe('RESOURCE_NOT_PUBLISHER');
      expect((await teacher.request('PATCH', `/api/resources/${id}`, { title: 'x' })).json().code).toBe('RESOURCE_NOT_EDITABLE');
      const withdrawn = await teacher.request('POST', `/api/resources/${id}/withdraw`);
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json()).toMatchObject({ reviewStage: 'withdrawn', visibleScope: null });
      expect((await gxOther.get(`/api/resources/${id}`)).statusCode).toBe(404);
      const actions = (await t.db.db.selectFrom('audit_log').select('action').where('target_id', '=', String(id)).where('target_type', '=', 'resource').execute()).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['resource.publish', 'resource.edit', 'resource.withdraw']));
    });
  });

  describe('scope probes', () => {
    let county: number;
    let city: number;
    let pub: number;

    beforeAll(async () => {
      const db = t.db.db;
      county = await addResource(db, { schoolId: ids.gx, publisherUserId: ids.teacher, title: '县内资源·乘法', subject: '县内学科', requestedScope: 'county' });
      city = await addResource(db, { schoolId: ids.gx, publisherUserId: ids.teacher, title: '全市资源·除法', subject: '全市学科', requestedScope: 'city' });
      pub = await addResource(db, { schoolId: ids.gx, publisherUserId: ids.teacher, title: '公开资源·小数', subject: '公开学科', requestedScope: 'public', feature: 'quality' });
    });

    it('a county-scoped resource is 404 and absent from lists, counts and the taxonomy for another county', async () => {
      for (const c of [sxTeacher, sxPrincipal]) {
        expect((await c.get(`/api/resources/${county}`)).statusCode).toBe(404);
        const list = await c.get('/api/resources?pageSize=100');
        expect(list.statusCode).toBe(200);
        expect(list.body).not.toContain('县内资源·乘法');
        expect((await c.get('/api/resources?subject=县内学科')).json().total).toBe(0);
        expect((await c.get('/api/resources/taxonomy')).json().subjects).not.toContain('县内学科');
        // The city-wide and the public ones are there.
        expect((await c.get(`/api/resources/${city}`)).statusCode).toBe(200);
        expect((await c.get('/api/resources?subject=全市学科')).json().total).toBe(1);
        expect((await c.get('/api/resources/taxonomy')).json().subjects).toEqual(expect.arrayContaining(['全市学科', '公开学科']));
      }
      // In 冠县 it is seen by another school too.
      const gx2 = await t.login('gx2.teacher');
      expect((await gx2.get(`/api/resources/${county}`)).statusCode).toBe(200);
      expect((await gx2.get('/api/resources?subject=县内学科')).json().total).toBe(1);
    });

    it('filters by taxonomy, kind, feature, scope, school and mine', async () => {
      const q = async (query: string) => (await teacher.get(`/api/resources?pageSize=100&${query}`)).json().items.map((r: { id: number }) => r.id) as number[];
      expect(await q('feature=quality')).toEqual([pub]);
      expect(await q('feature=any')).toEqual([pub]);
      expect(await q('scope=county')).toContain(county);
      expect(await q('scope=county')).not.toContain(city);
      expect(await q(`schoolId=${ids.sx}`)).toEqual([]);
      expect(await q('mine=true')).toEqual(expect.arrayContaining([county, city, pub]));
      const published = (await teacher.get('/api/resources?mine=true&status=published&pageSize=100')).json().items as { visibleScope: string | null }[];
      expect(published.length).toBeGreaterThanOrEqual(3);
      expect(published.every((r) => r.visibleScope !== null)).toBe(true);
      const pending = (await teacher.get('/api/resources?mine=true&status=pending&pageSize=100')).json().items as { reviewStage: string }[];
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.every((r) => ['school', 'county', 'city', 'returned'].includes(r.reviewStage))).toBe(true);
      expect((await gxOther.get('/api/resources?mine=true')).json().total).toBe(0);
      expect((await teacher.get('/api/resources?stage=junior&subject=全市学科')).json().total).toBe(0);
      expect((await teacher.get('/api/resources?pageSize=101')).statusCode).toBe(400);
    });

    it('the public routes show public resources only, with no personal data beyond the teacher\'s name and school', async () => {
      const list = await t.app.inject({ method: 'GET', url: '/api/public/resources?pageSize=100' });
      expect(list.statusCode).toBe(200);
      const items = list.json().items as { id: number }[];
      expect(items.map((r) => r.id)).toEqual([pub]);
      expect(list.json().items[0]).toMatchObject({ title: '公开资源·小数', schoolName: '冠县实验小学', teacherName: '李晓燕', feature: 'quality' });
      expect(list.body).not.toContain('publisherUserId');
      expect((await t.app.inject({ method: 'GET', url: `/api/public/resources/${pub}` })).statusCode).toBe(200);
      for (const id of [county, city]) expect((await t.app.inject({ method: 'GET', url: `/api/public/resources/${id}` })).statusCode).toBe(404);
      // Everything else stays behind login.
      expect((await t.app.inject({ method: 'GET', url: `/api/resources/${pub}` })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/api/resources' })).statusCode).toBe(401);
    });
  });

  describe('watching a shared lesson', () => {
    it('a teacher of another county plays a city-scoped lesson through the library, not an unpublished one', async () => {
      const db = t.db.db;
      const shared = await addLesson(db, { schoolId: ids.gx, title: '全市共享课' });
      const pending = await addLesson(db, { schoolId: ids.gx, title: '待审课' });
      const countyOnly = await addLesson(db, { schoolId: ids.gx, title: '县内共享课' });
      // Before any resource names them, 莘县 reaches none of them.
      expect((await sxTeacher.get(`/api/recordings/${shared.recordingId}`)).statusCode).toBe(404);
      await addResource(db, { schoolId: ids.gx, publisherUserId: ids.teacher, kind: 'lesson', recordingGroupId: shared.groupId, requestedScope: 'city' });
      await addResource(db, { schoolId: ids.gx, publisherUserId: ids.teacher, kind: 'lesson', recordingGroupId: pending.groupId, requestedScope: 'city', reviewStage: 'county' });
      await addResource(db, { schoolId: ids.gx, publisherUserId: ids.teacher, kind: 'lesson', recordingGroupId: countyOnly.groupId, requestedScope: 'county' });
      expect((await sxTeacher.get(`/api/recordings/${shared.recordingId}`)).statusCode).toBe(200);
      expect((await sxTeacher.request('POST', `/api/recordings/${shared.recordingId}/playback`)).statusCode).toBe(200);
      for (const l of [pending, countyOnly]) {
        expect((await sxTeacher.get(`/api/recordings/${l.recordingId}`)).statusCode).toBe(404);
        expect((await sxTeacher.request('POST', `/api/recordings/${l.recordingId}/playback`)).statusCode).toBe(404);
      }
      // A 冠县 teacher of another school plays the county one.
      const gx2 = await t.login('gx2.teacher');
      expect((await gx2.request('POST', `/api/recordings/${countyOnly.recordingId}/playback`)).statusCode).toBe(200);
      // Watching a shared lesson gives no right to publish it again: it is another school's.
      const republish = await sxTeacher.request('POST', '/api/resources', {
        kind: 'lesson', recordingId: shared.recordingId, classId: ids.classId, title: '转发', ...taxonomy, requestedScope: 'school',
      });
      expect(republish.statusCode).toBe(403);
      expect(republish.json().code).toBe('RESOURCE_LESSON_OTHER_SCHOOL');
      // Withdrawn, the lesson is out of 莘县's sight again.
      await db.updateTable('resources').set({ review_stage: 'withdrawn', visible_scope: null }).where('recording_group_id', '=', shared.groupId).execute();
      expect((await sxTeacher.request('POST', `/api/recordings/${shared.recordingId}/playback`)).statusCode).toBe(404);
    });
  });
});
