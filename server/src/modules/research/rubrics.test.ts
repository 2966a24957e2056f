import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';
import { createRubricsService } from './rubrics.service.js';
import { sampleDefinition } from './rubrics.test-kit.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
type Def = ReturnType<typeof sampleDefinition>;

describe('observation rubrics: define, validate, publish, version, and who sees which', () => {
  let t: TestApp;
  let city: Client;
  let county: Client;
  let shenxian: Client;
  let teacher: Client;
  let cityRubric: number;
  let countyRubric: number;

  const body = (name: string, definition: Def = sampleDefinition()) => ({ name, description: '市级通用课堂观察量表', definition });
  const edit = (mutate: (d: Def) => void) => {
    const d = sampleDefinition();
    mutate(d);
    return body('坏量表', d);
  };

  beforeAll(async () => {
    t = await createTestApp();
    city = await t.login('city.research');
    county = await t.login('guanxian.research');
    shenxian = await t.login('shenxian.research');
    teacher = await t.login('gxsy.teacher');
  });
  afterAll(async () => t.close());

  it('a city research officer defines a draft owned by the city; a county officer one owned by the county', async () => {
    const res = await city.request('POST', '/api/research/rubrics', body('聊城市课堂观察量表'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: '聊城市课堂观察量表', status: 'draft', version: 1, copiedFromRubricId: null, owner: { level: 'city', name: '聊城市', countyId: null },
      dimensionCount: 2, itemCount: 4, scoreCount: 0, canWrite: true, locked: false, createdByName: '高文静',
    });
    expect(res.json().definition.dimensions[0].items[0]).toMatchObject({ key: 'goal_clear', weight: 2 });
    cityRubric = res.json().id;
    const own = await county.request('POST', '/api/research/rubrics', body('冠县语文课堂观察量表'));
    expect(own.json().owner).toMatchObject({ level: 'county', name: '冠县' });
    countyRubric = own.json().id;
    expect(await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'rubric.create').execute()).toHaveLength(2);
  });

  it('refuses a broken definition with a Chinese message naming the item', async () => {
    const cases: [ReturnType<typeof edit>, string, string][] = [
      [edit((d) => { d.dimensions = []; }), 'RUBRIC_EMPTY', '至少添加一个维度'],
      [edit((d) => { d.dimensions[1]!.items = []; }), 'RUBRIC_DIMENSION_EMPTY', '维度「学生参与」'],
      [edit((d) => { d.dimensions[1]!.items[0]!.key = 'goal_clear'; }), 'RUBRIC_KEY_TWICE', '「目标明确」和「参与面广」'],
      [edit((d) => { d.dimensions[1]!.key = 'goals'; }), 'RUBRIC_KEY_TWICE', '「教学目标」和「学生参与」'],
      [edit((d) => { d.dimensions[0]!.items[1]!.weight = 0; }), 'RUBRIC_WEIGHT_NOT_POSITIVE', '维度「教学目标」的观察项目「符合学情」的权重是 0'],
      [edit((d) => { d.dimensions[1]!.items[1]!.levels = [d.dimensions[1]!.items[1]!.levels[0]!]; }), 'RUBRIC_LEVELS_TOO_FEW', '「思维活跃」只有 1 个等级'],
      [edit((d) => { d.dimensions[0]!.items[0]!.levels = [{ score: 2, label: '好', descriptor: '' }, { score: 2, label: '差', descriptor: '' }]; }),
        'RUBRIC_LEVEL_SCORE_TWICE', '「目标明确」有两个等级都是 2 分'],
    ];
    for (const [payload, code, words] of cases) {
      const res = await city.request('POST', '/api/research/rubrics', payload);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toContain(words);
    }
    // The JSON schema: keys are short ASCII, weights are numbers, no unknown fields.
    expect((await city.request('POST', '/api/research/rubrics', edit((d) => { d.dimensions[0]!.items[0]!.key = '目标'; }))).json().code).toBe('VALIDATION_FAILED');
    const extra = edit(() => {});
    (extra.definition.dimensions[0]!.items[0] as Record<string, unknown>).colour = 'red';
    expect((await city.request('POST', '/api/research/rubrics', extra)).json().code).toBe('FIELD_NOT_ALLOWED');
  });

  it('drafts are seen by their writers only; published rubrics by the readers of the city and their own county', async () => {
    expect((await teacher.get(`/api/research/rubrics/${cityRubric}`)).statusCode).toBe(404);
    expect((await teacher.get('/api/research/rubrics')).json().items).toEqual([]);
    expect((await city.request('POST', `/api/research/rubrics/${cityRubric}/publish`)).json().status).toBe('published');
    expect((await county.request('POST', `/api/research/rubrics/${countyRubric}/publish`)).json().status).toBe('published');

    const mine = (await teacher.get('/api/research/rubrics')).json().items;
    expect(mine.map((r: { name: string }) => r.name)).toEqual(['聊城市课堂观察量表', '冠县语文课堂观察量表']);
    expect(mine.every((r: { canWrite: boolean }) => !r.canWrite)).toBe(true);
    // 莘县 reads the city's rubric, not 冠县's; a guessed id of 冠县's is as missing.
    expect((await shenxian.get('/api/research/rubrics')).json().items.map((r: { name: string }) => r.name)).toEqual(['聊城市课堂观察量表']);
    expect((await shenxian.get(`/api/research/rubrics/${countyRubric}`)).statusCode).toBe(404);
    const sxPrincipal = await t.login('sxsy.principal');
    expect((await sxPrincipal.get(`/api/research/rubrics/${countyRubric}`)).statusCode).toBe(404);
    // The city reads every county's.
    expect((await city.get('/api/research/rubrics?status=published')).json().items).toHaveLength(2);
  });

  it('attacker side: another county cannot change 冠县\'s rubric; 冠县 cannot change the city\'s; a teacher cannot define one', async () => {
    expect((await shenxian.request('PUT', `/api/research/rubrics/${countyRubric}`, body('改'))).statusCode).toBe(404);
    expect((await shenxian.request('POST', `/api/research/rubrics/${countyRubric}/archive`)).statusCode).toBe(404);
    expect((await shenxian.request('POST', `/api/research/rubrics/${countyRubric}/copy`)).statusCode).toBe(404);
    const notYours = await county.request('PUT', `/api/research/rubrics/${cityRubric}`, body('改'));
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().code).toBe('RUBRIC_NOT_YOURS');
    expect((await teacher.request('POST', '/api/research/rubrics', body('教师量表'))).statusCode).toBe(403);
    expect((await t.db.db.selectFrom('observation_rubrics').select('name').where('id', '=', countyRubric).executeTakeFirstOrThrow()).name).toBe('冠县语文课堂观察量表');
  });

  it('a published rubric changes until someone scores on it; then only a copy — the next version — may', async () => {
    const renamed = await city.request('PUT', `/api/research/rubrics/${cityRubric}`, { ...body('聊城市课堂观察量表'), description: '修订说明' });
    expect(renamed.json()).toMatchObject({ status: 'published', description: '修订说明' });

    // One observer scores one item of a lesson in an activity observing on it.
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const lesson = await addLesson(db, { schoolId: gxsy });
    const s = await db.selectFrom('schools').select(['city_id', 'county_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const { activityId } = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId: s.city_id }, schoolIds: [gxsy], lessons: [{ recordingId: lesson.recordingId }], rubricId: cityRubric,
    });
    const scored = await city.request('PUT', `/api/research/activities/${activityId}/lessons/${lesson.recordingId}/scores`, { items: [{ itemKey: 'goal_clear', score: 4 }] });
    expect(scored.statusCode, scored.body).toBe(200);

    const locked = await city.request('PUT', `/api/research/rubrics/${cityRubric}`, body('再改'));
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('RUBRIC_LOCKED');
    expect(locked.json().message).toContain('已有 1 条评分');
    expect((await city.get(`/api/research/rubrics/${cityRubric}`)).json()).toMatchObject({ locked: true, scoreCount: 1, activityCount: 1 });

    const copy = await city.request('POST', `/api/research/rubrics/${cityRubric}/copy`);
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: '聊城市课堂观察量表', status: 'draft', version: 2, copiedFromRubricId: cityRubric, owner: { level: 'city' }, scoreCount: 0 });
    expect((await city.request('PUT', `/api/research/rubrics/${copy.json().id}`, body('聊城市课堂观察量表'))).statusCode).toBe(200);
    // A county copying the city's rubric makes its own, version 1.
    const adapted = await county.request('POST', `/api/research/rubrics/${cityRubric}/copy`);
    expect(adapted.json()).toMatchObject({ version: 1, copiedFromRubricId: cityRubric, owner: { level: 'county', name: '冠县' }, canWrite: true });
  });

  it('an archived rubric is kept with its scores but neither changes nor is published again', async () => {
    expect((await county.request('POST', `/api/research/rubrics/${countyRubric}/archive`)).json().status).toBe('archived');
    expect((await county.request('PUT', `/api/research/rubrics/${countyRubric}`, body('x'))).json().code).toBe('RUBRIC_ARCHIVED');
    expect((await county.request('POST', `/api/research/rubrics/${countyRubric}/publish`)).json().code).toBe('RUBRIC_ARCHIVED');
    expect((await county.request('POST', `/api/research/rubrics/${countyRubric}/copy`)).json()).toMatchObject({ status: 'draft', version: 2 });
    expect((await teacher.get('/api/research/rubrics?status=archived')).json().items.map((r: { id: number }) => r.id)).toEqual([countyRubric]);
  });

  it('tells the activities area which rubrics an activity may choose: published and in reach', async () => {
    const rubrics = createRubricsService({ db: t.db.db, clock: t.clock, audit: { record: async () => {} } as never });
    const actorOf = async (username: string) => (await t.services.auth.actorFromToken((await t.login(username)).token))!;
    const guanxian = await actorOf('guanxian.research');
    await expect(rubrics.assertUsable(guanxian, cityRubric)).resolves.toMatchObject({ id: cityRubric });
    await expect(rubrics.assertUsable(guanxian, countyRubric)).rejects.toMatchObject({ code: 'RUBRIC_NOT_PUBLISHED' });
    await expect(rubrics.assertUsable(await actorOf('shenxian.research'), countyRubric)).rejects.toMatchObject({ status: 404 });
  });
});
