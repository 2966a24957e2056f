import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * Issue 9, acceptance point 1: a city research officer (city.research) creates a 同课异构
 * activity with a school of 冠县 and one of 莘县; a teacher of each attaches a lesson;
 * participants from both counties see both lessons (the activity, the lists, and the other
 * county's lesson through recordings); a 冠县 teacher not in the activity sees neither the
 * activity (404, not listed, not counted) nor the 莘县 lesson (404 on the recording and its
 * playback). Runs on SQLite and on PostgreSQL (DATABASE_URL).
 */
describe('acceptance 1: a city 同课异构 across 冠县 and 莘县', () => {
  let t: TestApp;
  let city: Client;
  let gxTeacher: Client;
  let sxTeacher: Client;
  let outsider: Client;
  let gxOther: Client;
  let ids: { gx: number; sx: number; gxTeacher: number; sxTeacher: number };
  let lessons: { gx: number; sx: number };
  let activityId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    ids = {
      gx: await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code),
      sx: await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code),
      gxTeacher: await userIdOf(db, 'gxsy.teacher'),
      sxTeacher: await userIdOf(db, `t${DEMO_SCHOOLS.shenxianShiyan.code}_01`),
    };
    lessons = {
      gx: (await addLesson(db, { schoolId: ids.gx, title: '冠县·分数的初步认识', teacherUserId: ids.gxTeacher, teacherName: '李晓燕' })).recordingId,
      sx: (await addLesson(db, { schoolId: ids.sx, title: '莘县·分数的初步认识', teacherUserId: ids.sxTeacher, teacherName: '莘县老师' })).recordingId,
    };
    city = await t.login('city.research');
    gxTeacher = await t.login('gxsy.teacher');
    sxTeacher = await t.login(`t${DEMO_SCHOOLS.shenxianShiyan.code}_01`);
    // Not in the activity: a teacher of another 冠县 school, and one of the participating 冠县 school itself.
    outsider = await t.login('gx2.teacher');
    gxOther = await t.login(`t${DEMO_SCHOOLS.guanxianShiyan.code}_01`);
  });
  afterAll(async () => t.close());

  it('the city officer creates the activity at city level with both counties\' schools', async () => {
    const res = await city.request('POST', '/api/research/activities', {
      kind: 'same_topic', topic: '分数的初步认识（同课异构）', subject: '数学', grade: '三年级', schoolIds: [ids.gx, ids.sx],
      members: [{ userId: ids.gxTeacher, role: 'teacher' }, { userId: ids.sxTeacher, role: 'teacher' }],
      startsOn: '2018-04-02', endsOn: '2018-04-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    const act = res.json();
    activityId = act.id;
    expect(act).toMatchObject({ level: 'city', status: 'planned', organises: true, countyId: null, schoolId: null });
    expect(act.schools.map((s: { id: number }) => s.id).sort()).toEqual([ids.gx, ids.sx].sort());
    expect(act.members.map((m: { userId: number; schoolId: number | null }) => [m.userId, m.schoolId])).toEqual(expect.arrayContaining([
      [ids.gxTeacher, ids.gx], [ids.sxTeacher, ids.sx],
    ]));
    // Invited teachers are told.
    const inbox = await gxTeacher.get('/api/notifications');
    expect(inbox.body).toContain('分数的初步认识（同课异构）');
  });

  it('a teacher of each county attaches their own lesson; neither may attach the other\'s', async () => {
    const refused = await gxTeacher.request('POST', `/api/research/activities/${activityId}/lessons`, { recordingId: lessons.sx });
    expect(refused.statusCode).toBe(404); // the 莘县 lesson is not yet the 冠县 teacher's to see
    const gx = await gxTeacher.request('POST', `/api/research/activities/${activityId}/lessons`, { recordingId: lessons.gx });
    expect(gx.statusCode, gx.body).toBe(201);
    const sx = await sxTeacher.request('POST', `/api/research/activities/${activityId}/lessons`, { recordingId: lessons.sx });
    expect(sx.statusCode, sx.body).toBe(201);
    expect((await sxTeacher.request('POST', `/api/research/activities/${activityId}/lessons`, { recordingId: lessons.sx })).statusCode).toBe(409);
  });

  it('participants of both counties see both lessons: the activity, the lists, the counts', async () => {
    for (const c of [city, gxTeacher, sxTeacher]) {
      const act = await c.get(`/api/research/activities/${activityId}`);
      expect(act.statusCode).toBe(200);
      const titles = act.json().lessons.map((l: { title: string }) => l.title).sort();
      expect(titles).toEqual(['冠县·分数的初步认识', '莘县·分数的初步认识']);
      const mine = c === city ? await c.get('/api/research/activities?view=supervised') : await c.get('/api/research/activities?view=mine');
      expect(mine.json().items.map((a: { id: number }) => a.id)).toContain(activityId);
      expect((await c.get('/api/research/activities/counts')).json().total).toBeGreaterThanOrEqual(1);
    }
  });

  it('each county\'s teacher watches the other county\'s lesson through the activity', async () => {
    for (const [c, other] of [[gxTeacher, lessons.sx], [sxTeacher, lessons.gx]] as const) {
      const rec = await c.get(`/api/recordings/${other}`);
      expect(rec.statusCode, rec.body).toBe(200);
      expect((await c.request('POST', `/api/recordings/${other}/playback`)).statusCode).toBe(200);
      const brief = await c.get(`/api/research/activities/${activityId}/lessons/${other}`);
      expect(brief.statusCode).toBe(200);
      expect(brief.json().activity).toMatchObject({ id: activityId, kind: 'same_topic' });
    }
  });

  it('a 冠县 teacher outside the activity sees neither the activity nor the 莘县 lesson', async () => {
    for (const c of [outsider, gxOther]) {
      expect((await c.get(`/api/research/activities/${activityId}`)).statusCode).toBe(404);
      expect((await c.get(`/api/research/activities/${activityId}/lessons/${lessons.sx}`)).statusCode).toBe(404);
      for (const view of ['mine', 'supervised']) {
        const list = await c.get(`/api/research/activities?view=${view}&pageSize=100`);
        expect(list.statusCode).toBe(200);
        expect(list.json().items.map((a: { id: number }) => a.id)).not.toContain(activityId);
        expect(list.body).not.toContain('分数的初步认识（同课异构）');
      }
      expect((await c.get('/api/research/activities/counts')).json().total).toBe(0);
      expect((await c.get(`/api/recordings/${lessons.sx}`)).statusCode).toBe(404);
      expect((await c.request('POST', `/api/recordings/${lessons.sx}/playback`)).statusCode).toBe(404);
      // Nor may they put it into an activity of their own, or reach its files, or book for it.
      expect((await c.request('POST', `/api/research/activities/${activityId}/lessons`, { recordingId: lessons.gx })).statusCode).toBe(404);
      expect((await c.get(`/api/research/activities/${activityId}/files/1`)).statusCode).toBe(404);
    }
    // The participating school's own lesson stays visible to its staff through recordings, as before.
    expect((await gxOther.get(`/api/recordings/${lessons.gx}`)).statusCode).toBe(200);
  });

  it('once the activity is deleted the 莘县 lesson is no longer shared with 冠县', async () => {
    expect((await city.request('DELETE', `/api/research/activities/${activityId}`)).statusCode).toBe(204);
    expect((await gxTeacher.get(`/api/recordings/${lessons.sx}`)).statusCode).toBe(404);
    expect((await gxTeacher.get(`/api/research/activities/${activityId}`)).statusCode).toBe(404);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('action', 'like', 'research.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['research.activity.create', 'research.lesson.attach', 'research.activity.delete']));
  });
});
