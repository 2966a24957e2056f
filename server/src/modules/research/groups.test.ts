import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/** 教研组 and 名师工作室: who sets them up, who is in them, who sees them, and the activities their leaders organise. */
describe('research groups', () => {
  let t: TestApp;
  let ids: { gx: number; gx2: number; sx: number; gxTeacher: number; gxTeacher1: number; gx2Teacher: number; sxTeacher: number };
  let principal: Client;
  let city: Client;
  let teacher: Client;
  let county: Client;
  let studioId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    ids = {
      gx: await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code), gx2: await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code),
      sx: await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code), gxTeacher: await userIdOf(db, 'gxsy.teacher'),
      gxTeacher1: await userIdOf(db, `t${DEMO_SCHOOLS.guanxianShiyan.code}_01`), gx2Teacher: await userIdOf(db, 'gx2.teacher'),
      sxTeacher: await userIdOf(db, `t${DEMO_SCHOOLS.shenxianShiyan.code}_01`),
    };
    principal = await t.login('gxsy.principal');
    city = await t.login('city.research');
    teacher = await t.login('gxsy.teacher');
    county = await t.login('guanxian.research');
  });
  afterAll(async () => t.close());

  it('a principal sets up the school\'s 教研组 with its own teachers only; a teacher may not set one up', async () => {
    const res = await principal.request('POST', '/api/research/groups', {
      kind: 'subject_group', name: '数学教研组', subject: '数学', schoolId: ids.gx, leaderUserId: ids.gxTeacher, memberIds: [ids.gxTeacher1],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 'school', nodeName: '冠县实验小学', leaderName: '李晓燕', memberCount: 2 });
    expect(res.json().members.map((m: { role: string }) => m.role)).toEqual(['leader', 'member']);
    const outside = await principal.request('POST', '/api/research/groups', {
      kind: 'subject_group', name: '语文组', subject: '语文', schoolId: ids.gx, leaderUserId: ids.gxTeacher, memberIds: [ids.gx2Teacher],
    });
    expect(outside.json().code).toBe('RESEARCH_GROUP_MEMBER_OUTSIDE');
    const byTeacher = await teacher.request('POST', '/api/research/groups', {
      kind: 'subject_group', name: '英语组', subject: '英语', schoolId: ids.gx, leaderUserId: ids.gxTeacher, memberIds: [],
    });
    expect(byTeacher.json().code).toBe('RESEARCH_GROUP_CREATE');
    expect((await principal.request('POST', '/api/research/groups', { kind: 'master_studio', name: '工作室', subject: '数学', leaderUserId: ids.gxTeacher, memberIds: [] })).json().code)
      .toBe('RESEARCH_STUDIO_OFFICERS');
    expect((await principal.request('POST', '/api/research/groups', { kind: 'subject_group', name: '组', subject: '数学', leaderUserId: ids.gxTeacher, memberIds: [] })).json().code)
      .toBe('RESEARCH_GROUP_SCHOOL');
  });

  it('the city officer sets up a 名师工作室 across counties; members and the city see it, others do not', async () => {
    const res = await city.request('POST', '/api/research/groups', {
      kind: 'master_studio', name: '李晓燕小学数学名师工作室', subject: '数学', leaderUserId: ids.gxTeacher, memberIds: [ids.sxTeacher],
    });
    expect(res.statusCode, res.body).toBe(201);
    studioId = res.json().id;
    expect(res.json()).toMatchObject({ level: 'city', nodeName: '聊城市' });
    const sx = await t.login(`t${DEMO_SCHOOLS.shenxianShiyan.code}_01`);
    expect((await sx.get(`/api/research/groups/${studioId}`)).statusCode).toBe(200);
    expect((await sx.get('/api/research/groups?view=mine')).json().items.map((g: { id: number }) => g.id)).toEqual([studioId]);
    expect((await (await t.login('gx2.teacher')).get(`/api/research/groups/${studioId}`)).statusCode).toBe(404);
    // A county's officer supervises its county's groups, not the city's studio.
    expect((await county.get(`/api/research/groups/${studioId}`)).statusCode).toBe(404);
    const countyList = (await county.get('/api/research/groups?view=supervised')).json().items.map((g: { name: string }) => g.name);
    expect(countyList).toEqual(['数学教研组']);
    // A member was told.
    expect((await sx.get('/api/notifications')).body).toContain('李晓燕小学数学名师工作室');
  });

  it('the leader organises the group\'s activities with its members\' schools; a member who does not lead may not', async () => {
    const body = {
      kind: 'same_topic', topic: '工作室研讨：小数的意义', subject: '数学', grade: '四年级', groupId: studioId, schoolIds: [ids.gx, ids.sx],
      members: [{ userId: ids.sxTeacher, role: 'teacher' }], startsOn: '2018-05-02', endsOn: '2018-05-20',
    };
    const act = await teacher.request('POST', '/api/research/activities', body);
    expect(act.statusCode, act.body).toBe(201);
    expect(act.json()).toMatchObject({ groupId: studioId, groupName: '李晓燕小学数学名师工作室', level: 'city', organises: true });
    // Only the members' schools: 冠县第二实验小学 has no member.
    const wide = await teacher.request('POST', '/api/research/activities', { ...body, schoolIds: [ids.gx2] });
    expect(wide.statusCode).toBe(404); // not even visible to the teacher
    const sx = await t.login(`t${DEMO_SCHOOLS.shenxianShiyan.code}_01`);
    expect((await sx.request('POST', '/api/research/activities', body)).json().code).toBe('RESEARCH_GROUP_NOT_LEADER');
    // The group's page shows its feed.
    const page = (await sx.get(`/api/research/groups/${studioId}`)).json();
    expect(page.activities.map((a: { topic: string }) => a.topic)).toEqual(['工作室研讨：小数的意义']);
    expect(page.may).toEqual({ edit: false, organise: false });
    expect((await teacher.get(`/api/research/groups/${studioId}`)).json().may).toEqual({ edit: true, organise: true });
  });

  it('never passes on a lesson: the leader may not attach a lesson shared with them through another activity', async () => {
    const db = t.db.db;
    const sxLesson = await addLesson(db, { schoolId: ids.sx, teacherUserId: ids.sxTeacher, title: '莘县的课' });
    const cityId = (await db.selectFrom('schools').select('city_id').where('id', '=', ids.sx).executeTakeFirstOrThrow()).city_id;
    // A city activity shares the 莘县 lesson with the 冠县 leader.
    await addActivity(db, {
      organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId }, schoolIds: [ids.gx, ids.sx],
      members: [{ userId: ids.gxTeacher, schoolId: ids.gx }], lessons: [{ recordingId: sxLesson.recordingId }],
    });
    expect((await teacher.get(`/api/recordings/${sxLesson.recordingId}`)).statusCode).toBe(200);
    const studioAct = (await teacher.get('/api/research/activities?view=mine&groupId=' + studioId)).json().items[0];
    const res = await teacher.request('POST', `/api/research/activities/${studioAct.id}/lessons`, { recordingId: sxLesson.recordingId });
    expect(res.json().code).toBe('RESEARCH_ATTACH_SHARED');
    // Its own teacher may attach it.
    const sx = await t.login(`t${DEMO_SCHOOLS.shenxianShiyan.code}_01`);
    expect((await sx.request('POST', `/api/research/activities/${studioAct.id}/lessons`, { recordingId: sxLesson.recordingId })).statusCode).toBe(201);
  });

  it('edits members and the leader, and archives: archived groups stay readable and take no new activity', async () => {
    const edited = await city.request('PATCH', `/api/research/groups/${studioId}`, { leaderUserId: ids.sxTeacher, memberIds: [ids.gxTeacher] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ leaderUserId: ids.sxTeacher, memberCount: 2 });
    expect((await teacher.request('PATCH', `/api/research/groups/${studioId}`, { description: '我不再是组长' })).json().code).toBe('RESEARCH_GROUP_MANAGERS');
    const archived = await city.request('POST', `/api/research/groups/${studioId}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await city.request('PATCH', `/api/research/groups/${studioId}`, { description: '晚了' })).json().code).toBe('RESEARCH_GROUP_ARCHIVED');
    const sx = await t.login(`t${DEMO_SCHOOLS.shenxianShiyan.code}_01`);
    const late = await sx.request('POST', '/api/research/activities', {
      kind: 'joint_prep', topic: '归档后', subject: '数学', grade: '四年级', groupId: studioId, schoolIds: [ids.sx], startsOn: '2018-06-01', endsOn: '2018-06-02',
    });
    expect(late.json().code).toBe('RESEARCH_GROUP_ARCHIVED');
    expect((await teacher.get(`/api/research/groups/${studioId}`)).json().activities).toHaveLength(1);
    const actions = (await t.db.db.selectFrom('audit_log').select('action').where('action', 'like', 'research.group.%').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['research.group.create', 'research.group.update', 'research.group.archive']));
  });
});
