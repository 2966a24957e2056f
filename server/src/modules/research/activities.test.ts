import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { upload } from '../imports/import-test-kit.js';
import { addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

/** Activities as organisers run them: where they may organise, who may take part, states, lessons, files, lists. */
describe('research activities: organising, taking part, states, lessons and files', () => {
  let t: TestApp;
  let ids: { gx: number; gx2: number; sx: number; gxTeacher: number; gxTeacher1: number; gx2Teacher: number; sxTeacher: number; gxResearch: number };
  let county: Client;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  let gx2: Client;
  const base = (over: Record<string, unknown> = {}) => ({
    kind: 'open_lesson', topic: '认识钟表', subject: '数学', grade: '一年级', startsOn: '2018-04-02', endsOn: '2018-04-20', ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    ids = {
      gx: await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code), gx2: await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code),
      sx: await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code), gxTeacher: await userIdOf(db, 'gxsy.teacher'),
      gxTeacher1: await userIdOf(db, `t${DEMO_SCHOOLS.guanxianShiyan.code}_01`), gx2Teacher: await userIdOf(db, 'gx2.teacher'),
      sxTeacher: await userIdOf(db, `t${DEMO_SCHOOLS.shenxianShiyan.code}_01`), gxResearch: await userIdOf(db, 'guanxian.research'),
    };
    county = await t.login('guanxian.research');
    city = await t.login('city.research');
    principal = await t.login('gxsy.principal');
    teacher = await t.login('gxsy.teacher');
    gx2 = await t.login('gx2.teacher');
  });
  afterAll(async () => t.close());

  it('organises at the node of the creator\'s grant and invites only schools inside it', async () => {
    const countyAct = await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx, ids.gx2] }));
    expect(countyAct.statusCode, countyAct.body).toBe(201);
    expect(countyAct.json()).toMatchObject({ level: 'county', nodeName: '冠县', schoolId: null });
    // Another county's school is out of the county officer's sight altogether.
    expect((await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx, ids.sx] }))).statusCode).toBe(404);
    const schoolAct = await principal.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx] }));
    expect(schoolAct.json()).toMatchObject({ level: 'school', nodeName: '冠县实验小学', schoolId: ids.gx });
    expect((await principal.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx2] }))).statusCode).toBe(404);
    // A teacher organises within their school; the organiser sits at it.
    const own = await teacher.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx] }));
    expect(own.statusCode).toBe(201);
    expect(own.json().members).toEqual([expect.objectContaining({ userId: ids.gxTeacher, role: 'organiser', schoolId: ids.gx })]);
    // The city officer's city-level activity may reach any county; a county officer can see the city's school list but not invite past the county.
    const cityAct = await city.request('POST', '/api/research/activities', base({ schoolIds: [ids.sx, ids.gx2] }));
    expect(cityAct.json()).toMatchObject({ level: 'city', nodeName: '聊城市' });
  });

  it('takes part: staff of participating schools and officers of their counties or the city; nobody else', async () => {
    const ok = await county.request('POST', '/api/research/activities', base({
      schoolIds: [ids.gx], members: [{ userId: ids.gxTeacher, role: 'teacher' }, { userId: await userIdOf(t.db.db, 'guanxian.researcher'), role: 'observer' }],
    }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().members.map((m: { role: string }) => m.role)).toEqual(['organiser', 'teacher', 'observer']);
    const outsider = await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], members: [{ userId: ids.gx2Teacher, role: 'teacher' }] }));
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json()).toMatchObject({ code: 'RESEARCH_MEMBER_OUTSIDE' });
    expect(outsider.json().message).toContain('张志强');
    const otherCounty = await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], members: [{ userId: await userIdOf(t.db.db, 'shenxian.research'), role: 'observer' }] }));
    expect(otherCounty.json().code).toBe('RESEARCH_MEMBER_OUTSIDE');
    const twice = await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], members: [{ userId: ids.gxTeacher, role: 'teacher' }, { userId: ids.gxTeacher, role: 'observer' }] }));
    expect(twice.json().code).toBe('RESEARCH_MEMBER_TWICE');
  });

  it('checks dates and the rubric: a published rubric only', async () => {
    expect((await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], endsOn: '2018-04-01' }))).json().code).toBe('RESEARCH_DATES');
    const db = t.db.db;
    const cityId = (await db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow()).id;
    const rubric = async (status: 'draft' | 'published') => (await db.insertInto('observation_rubrics').values({
      name: `量表-${status}`, description: '', city_id: cityId, county_id: null, definition: '{"dimensions":[]}', status,
      created_by_user_id: ids.gxResearch, created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow()).id;
    const draft = await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], rubricId: await rubric('draft') }));
    expect(draft.json().code).toBe('RESEARCH_RUBRIC_UNPUBLISHED');
    expect((await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], rubricId: 999_999 }))).json().code).toBe('RESEARCH_RUBRIC_UNPUBLISHED');
    const published = await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], rubricId: await rubric('published'), stIntervalSeconds: 15 }));
    expect(published.json()).toMatchObject({ rubricName: '量表-published', stIntervalSeconds: 15 });
  });

  it('runs planned → open → summarised for the organiser only, and freezes the activity after the summary', async () => {
    const lesson = await addLesson(t.db.db, { schoolId: ids.gx, teacherUserId: ids.gxTeacher, title: '认识钟表' });
    const act = (await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], members: [{ userId: ids.gxTeacher, role: 'teacher' }] }))).json();
    const url = `/api/research/activities/${act.id}`;
    expect(act).toMatchObject({ mayEdit: true, mayAttach: true, mayReview: false });
    expect((await teacher.get(url)).json()).toMatchObject({ organises: false, isMember: true, mayEdit: false, mayAttach: true, mayReview: false });
    expect((await teacher.request('POST', `${url}/open`)).json().code).toBe('RESEARCH_ORGANISER_ONLY');
    expect((await county.request('POST', `${url}/summary`, { summary: '太早' })).json().code).toBe('RESEARCH_SUMMARY_TOO_EARLY');
    expect((await county.request('POST', `${url}/open`)).json()).toMatchObject({ status: 'open', mayReview: true });
    expect((await county.request('POST', `${url}/open`)).json().code).toBe('RESEARCH_NOT_PLANNED');
    expect((await teacher.get(url)).json().mayReview).toBe(true);
    expect((await teacher.request('POST', `${url}/lessons`, { recordingId: lesson.recordingId })).statusCode).toBe(201);
    const summarised = await county.request('POST', `${url}/summary`, { summary: '两位老师都注重动手操作。' });
    expect(summarised.json()).toMatchObject({ status: 'summarised', summary: '两位老师都注重动手操作。', summarisedByName: '邢文军', mayEdit: false, mayAttach: false, mayReview: false });
    for (const [method, path, body] of [
      ['PATCH', url, { topic: '改' }], ['POST', `${url}/open`, undefined], ['POST', `${url}/summary`, { summary: '再写' }],
      ['DELETE', `${url}/lessons/${lesson.recordingId}`, undefined],
    ] as const) {
      expect((await county.request(method, path, body)).json().code, `${method} ${path}`).toBe('RESEARCH_ACTIVITY_CLOSED');
    }
    expect((await upload(t, teacher, `${url}/files?kind=other`, 'a.pdf', PDF)).json().code).toBe('RESEARCH_ACTIVITY_CLOSED');
    // Members were told when it opened and when it closed.
    const inbox = (await teacher.get('/api/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(inbox).toEqual(expect.arrayContaining(['教研活动开放评课：认识钟表', '教研活动已总结：认识钟表']));
  });

  it('edits the schools and members; a school with lessons stays until they are detached', async () => {
    const lesson = await addLesson(t.db.db, { schoolId: ids.gx2, teacherUserId: ids.gx2Teacher, title: '二小的课' });
    const act = (await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx, ids.gx2], members: [{ userId: ids.gx2Teacher, role: 'teacher' }] }))).json();
    const url = `/api/research/activities/${act.id}`;
    expect((await gx2.request('POST', `${url}/lessons`, { recordingId: lesson.recordingId })).statusCode).toBe(201);
    const stranded = await county.request('PATCH', url, { schoolIds: [ids.gx] });
    expect(stranded.json().code).toBe('RESEARCH_SCHOOL_HAS_LESSONS');
    // The member may detach what they attached; then the school can go, and its teacher with it.
    expect((await gx2.request('DELETE', `${url}/lessons/${lesson.recordingId}`)).statusCode).toBe(204);
    expect((await county.request('PATCH', url, { schoolIds: [ids.gx] })).json().code).toBe('RESEARCH_MEMBER_OUTSIDE');
    const edited = await county.request('PATCH', url, { schoolIds: [ids.gx], members: [{ userId: ids.gxTeacher1, role: 'observer' }], topic: '认识钟表（二）' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ topic: '认识钟表（二）', schools: [expect.objectContaining({ id: ids.gx })] });
    expect(edited.json().members.map((m: { userId: number }) => m.userId)).toEqual([ids.gxResearch, ids.gxTeacher1]);
    expect((await gx2.get(url)).statusCode).toBe(404);
    // A member who does not organise may not edit.
    const member = await t.login(`t${DEMO_SCHOOLS.guanxianShiyan.code}_01`);
    expect((await member.request('PATCH', url, { topic: 'x' })).json().code).toBe('RESEARCH_ORGANISER_ONLY');
  });

  it('attaches: a member their own lessons, the organiser any lesson of a participating school they may watch', async () => {
    const mine = await addLesson(t.db.db, { schoolId: ids.gx, teacherUserId: ids.gxTeacher, title: '我的课' });
    const colleague = await addLesson(t.db.db, { schoolId: ids.gx, teacherUserId: ids.gxTeacher1, title: '同事的课' });
    const elsewhere = await addLesson(t.db.db, { schoolId: ids.gx2, title: '二小的课' });
    const act = (await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], members: [{ userId: ids.gxTeacher, role: 'teacher' }] }))).json();
    const url = `/api/research/activities/${act.id}/lessons`;
    expect((await teacher.request('POST', url, { recordingId: colleague.recordingId })).json().code).toBe('RESEARCH_ATTACH_OWN_ONLY');
    const own = await teacher.request('POST', url, { recordingId: mine.recordingId });
    expect(own.json()).toMatchObject({ title: '我的课', teacherUserId: ids.gxTeacher, schoolName: '冠县实验小学', status: 'ready', durationSeconds: 2400, mayDetach: true });
    expect((await county.request('POST', url, { recordingId: colleague.recordingId })).statusCode).toBe(201);
    expect((await county.request('POST', url, { recordingId: elsewhere.recordingId })).json().code).toBe('RESEARCH_LESSON_SCHOOL_OUTSIDE');
    expect((await county.request('POST', url, { recordingId: 999_999 })).statusCode).toBe(404);
    // A member may not detach another's lesson; the organiser may.
    expect((await teacher.request('DELETE', `${url}/${colleague.recordingId}`)).json().code).toBe('RESEARCH_ORGANISER_ONLY');
    expect((await county.request('DELETE', `${url}/${colleague.recordingId}`)).statusCode).toBe(204);
    expect((await county.request('DELETE', `${url}/${colleague.recordingId}`)).statusCode).toBe(404);
    // The lesson page's brief: the lesson in its activity, with the others beside it.
    expect((await county.request('POST', url, { recordingId: colleague.recordingId })).statusCode).toBe(201);
    const brief = (await teacher.get(`${url}/${mine.recordingId}`)).json();
    expect(brief).toMatchObject({ activity: { id: act.id, status: 'planned', organises: false, mayReview: false }, lesson: { title: '我的课' }, track: 'composite' });
    expect(brief.siblings).toEqual([expect.objectContaining({ title: '同事的课' })]);
    expect((await teacher.get(`${url}/${elsewhere.recordingId}`)).statusCode).toBe(404);
  });

  it('keeps lesson plans and courseware: checked types, the size limit, downloads for those who reach the activity', async () => {
    const act = (await county.request('POST', '/api/research/activities', base({ schoolIds: [ids.gx], members: [{ userId: ids.gxTeacher, role: 'teacher' }] }))).json();
    const url = `/api/research/activities/${act.id}/files`;
    const sent = await upload(t, teacher, `${url}?kind=lesson_plan`, '认识钟表教案.pdf', PDF);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ name: '认识钟表教案.pdf', kind: 'lesson_plan', contentType: 'application/pdf', sizeBytes: PDF.length, mayDelete: true });
    const got = await county.get(`${url}/${sent.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain(encodeURIComponent('认识钟表教案.pdf'));
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await gx2.get(`${url}/${sent.json().id}`)).statusCode).toBe(404);
    expect((await upload(t, gx2, `${url}?kind=other`, 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await upload(t, teacher, `${url}?kind=other`, '病毒.exe', Buffer.from('MZ'))).json().code).toBe('RESEARCH_FILE_TYPE');
    expect((await upload(t, teacher, `${url}?kind=other`, '假的.pdf', Buffer.from('<html>hi</html>'))).json().code).toBe('RESEARCH_FILE_CONTENT');
    expect((await upload(t, teacher, `${url}?kind=other`, '空.txt', Buffer.alloc(0))).json().code).toBe('RESEARCH_FILE_EMPTY');
    const big = await upload(t, teacher, `${url}?kind=courseware`, '大课件.pptx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(20 * 1024 * 1024 + 10)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('RESEARCH_FILE_TOO_LARGE');
    const none = await teacher.request('POST', `${url}?kind=other`, {});
    expect(none.json().code).toBe('RESEARCH_FILE_MISSING');
    expect((await upload(t, teacher, `${url}?kind=other&lessonId=999999`, 'a.pdf', PDF)).statusCode).toBe(404);
    // The organiser deletes anyone's file; a member only their own.
    const countyFile = (await upload(t, county, `${url}?kind=courseware`, '说明.txt', Buffer.from('第一课时'))).json();
    expect((await teacher.request('DELETE', `${url}/${countyFile.id}`)).json().code).toBe('RESEARCH_ORGANISER_ONLY');
    expect((await county.request('DELETE', `${url}/${sent.json().id}`)).statusCode).toBe(204);
    expect((await county.get(`${url}/${sent.json().id}`)).statusCode).toBe(404);
    expect((await county.get(`/api/research/activities/${act.id}`)).json().files.map((f: { name: string }) => f.name)).toEqual(['说明.txt']);
  });

  it('lists and counts in scope with filters; the mine view holds only the caller\'s own', async () => {
    const list = async (c: Client, q: string) => (await c.get(`/api/research/activities?pageSize=100&${q}`)).json();
    const all = await list(county, 'view=supervised');
    expect(all.total).toBeGreaterThan(5);
    expect(all.items.every((a: { countyId: number | null; schools: { countyName: string }[] }) => a.schools.some((s) => s.countyName === '冠县'))).toBe(true);
    // The city activity with 莘县 and 冠县第二实验小学 reaches 冠县 through its school.
    expect(all.items.some((a: { level: string }) => a.level === 'city')).toBe(true);
    expect((await list(county, 'view=mine')).items.every((a: { organiserName: string }) => a.organiserName === '邢文军')).toBe(true);
    expect((await list(county, `view=supervised&schoolId=${ids.gx2}`)).items.every((a: { schools: { id: number }[] }) => a.schools.some((s) => s.id === ids.gx2))).toBe(true);
    expect((await list(county, 'view=supervised&status=summarised')).items.map((a: { topic: string }) => a.topic)).toEqual(['认识钟表']);
    expect((await list(county, 'view=supervised&q=二')).items.map((a: { topic: string }) => a.topic)).toEqual(['认识钟表（二）']);
    expect((await list(city, `view=supervised&countyId=${(await t.db.db.selectFrom('schools').select('county_id').where('id', '=', ids.sx).executeTakeFirstOrThrow()).county_id}`)).total).toBe(1);
    const counts = (await county.get('/api/research/activities/counts?view=supervised')).json();
    expect(counts.total).toBe(all.total);
    expect(counts.byStatus.summarised).toBe(1);
    expect(counts.byKind.open_lesson).toBe(all.total);
    // A teacher's list is their own activities, whatever the view.
    expect((await list(gx2, 'view=supervised')).total).toBe(0);
  });

  it('finds people to invite only where the caller organises', async () => {
    const staff = (await city.get(`/api/research/people?schoolId=${ids.sx}`)).json().items;
    expect(staff.map((p: { role: string }) => p.role)).toEqual(expect.arrayContaining(['principal', 'teacher']));
    const countyId = (await t.db.db.selectFrom('schools').select('county_id').where('id', '=', ids.gx).executeTakeFirstOrThrow()).county_id;
    const officers = (await city.get(`/api/research/people?countyId=${countyId}`)).json().items;
    expect(officers.map((p: { userId: number }) => p.userId)).toContain(ids.gxResearch);
    expect((await county.get(`/api/research/people?schoolId=${ids.sx}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/research/people?schoolId=${ids.gx}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/research/people?schoolId=${ids.gx2}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/research/people?countyId=${countyId}`)).statusCode).toBe(404);
    expect((await city.get('/api/research/people')).json().code).toBe('RESEARCH_PEOPLE_NODE');
  });
});
