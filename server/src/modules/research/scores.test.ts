import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { krippendorffAlphaInterval } from './rubric-agreement.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';
import { addRubric, addTeacher } from './rubrics.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

describe('scoring a lesson on the activity\'s rubric: three observers, their means and agreement', () => {
  let t: TestApp;
  let activityId: number;
  let recordingId: number;
  let rubricId: number;
  let observers: Record<'gx2' | 'county' | 'city', Client>;
  let lessonTeacher: Client;
  const url = () => `/api/research/activities/${activityId}/lessons/${recordingId}/scores`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    const s = await db.selectFrom('schools').select(['city_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const cityResearch = await userIdOf(db, 'city.research');
    rubricId = await addRubric(db, { cityId: s.city_id, createdByUserId: cityResearch, name: '聊城市课堂观察量表' });
    const teacherId = await userIdOf(db, 'gxsy.teacher');
    const lesson = await addLesson(db, { schoolId: gxsy, teacherUserId: teacherId, teacherName: '李晓燕', title: '分数的初步认识' });
    recordingId = lesson.recordingId;
    ({ activityId } = await addActivity(db, {
      organiserUserId: cityResearch, owner: { cityId: s.city_id }, schoolIds: [gxsy, gx2], rubricId,
      members: [{ userId: teacherId, schoolId: gxsy }, { userId: await userIdOf(db, 'gx2.teacher'), role: 'observer', schoolId: gx2 }],
      lessons: [{ recordingId }],
    }));
    observers = { gx2: await t.login('gx2.teacher'), county: await t.login('guanxian.research'), city: await t.login('city.research') };
    lessonTeacher = await t.login('gxsy.teacher');
  });
  afterAll(async () => t.close());

  it('an observer\'s sheet carries the rubric with its levels and descriptors, and saves item by item', async () => {
    const sheet = await observers.gx2.get(url());
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json()).toMatchObject({ activityId, recordingId, reviewsOpen: true, ownLesson: false, scores: [], rubric: { id: rubricId, status: 'published' } });
    expect(sheet.json().rubric.definition.dimensions[0].items[0].levels[0]).toEqual({ score: 4, label: '优', descriptor: '完全做到，且有亮点' });

    const first = await observers.gx2.request('PUT', url(), { items: [{ itemKey: 'goal_clear', score: 3, note: '目标写在黑板上' }] });
    expect(first.json().scores).toMatchObject([{ itemKey: 'goal_clear', score: 3, note: '目标写在黑板上' }]);
    // Upsert: the same item again changes it; null takes one back.
    await observers.gx2.request('PUT', url(), { items: [{ itemKey: 'goal_clear', score: 4, note: '目标写在黑板上' }, { itemKey: 'goal_fit', score: 2 }] });
    const back = await observers.gx2.request('PUT', url(), { items: [{ itemKey: 'goal_fit', score: null }] });
    expect(back.json().scores.map((s: { itemKey: string; score: number }) => `${s.itemKey}=${s.score}`)).toEqual(['goal_clear=4']);
  });

  it('refuses a score that is no level, an item the rubric lacks, an item twice, and the lesson\'s own teacher', async () => {
    const notLevel = await observers.gx2.request('PUT', url(), { items: [{ itemKey: 'goal_fit', score: 2.5 }] });
    expect(notLevel.json()).toMatchObject({ code: 'RUBRIC_SCORE_NOT_LEVEL' });
    expect(notLevel.json().message).toContain('「符合学情」只能选 1、2、3、4 分');
    expect((await observers.gx2.request('PUT', url(), { items: [{ itemKey: 'nothing', score: 1 }] })).json().code).toBe('RUBRIC_ITEM_UNKNOWN');
    expect((await observers.gx2.request('PUT', url(), { items: [{ itemKey: 'goal_fit', score: 1 }, { itemKey: 'goal_fit', score: 2 }] })).json().code).toBe('RUBRIC_ITEM_TWICE');
    expect((await lessonTeacher.get(url())).json().ownLesson).toBe(true);
    const own = await lessonTeacher.request('PUT', url(), { items: [{ itemKey: 'goal_fit', score: 4 }] });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('RUBRIC_OWN_LESSON');
  });

  it('the results show each observer\'s scores, the means, weighted totals and agreement with the number of observers', async () => {
    // goal_clear (w 2), goal_fit (w 1), participation (w 1), thinking (w 2); levels 1–4.
    const sheets = { gx2: [4, 3, 3, 2], county: [4, 3, 2, 4], city: [3, 3, 1, 3] } as const;
    const keys = ['goal_clear', 'goal_fit', 'participation', 'thinking'];
    for (const [who, values] of Object.entries(sheets) as [keyof typeof sheets, readonly number[]][]) {
      const res = await observers[who].request('PUT', url(), { items: values.map((score, i) => ({ itemKey: keys[i]!, score })) });
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await lessonTeacher.get(`/api/research/activities/${activityId}/rubric-results`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rubric).toMatchObject({ id: rubricId, name: '聊城市课堂观察量表' });
    expect(body.maxTotal).toBe(24);
    expect(body.items.map((i: { key: string }) => i.key)).toEqual(keys);
    const [lesson] = body.lessons;
    expect(lesson).toMatchObject({ recordingId, title: '分数的初步认识', teacherName: '李晓燕', completeObservers: 3, meanTotal: 18.33, meanPercent: 76.39 });
    const byName = Object.fromEntries(lesson.observers.map((o: { name: string }) => [o.name, o]));
    expect(byName['张志强']).toMatchObject({ total: 18, complete: true, scored: 4 });
    expect(byName['邢文军']).toMatchObject({ total: 21 });
    expect(byName['高文静']).toMatchObject({ total: 16 });
    expect(byName['张志强'].scores[0]).toEqual({ itemKey: 'goal_clear', score: 4, note: '目标写在黑板上' });
    expect(lesson.items).toEqual([
      { key: 'goal_clear', n: 3, mean: 3.67, sd: 0.58, min: 3, max: 4, range: 1, levelSpread: 1, disagree: false },
      { key: 'goal_fit', n: 3, mean: 3, sd: 0, min: 3, max: 3, range: 0, levelSpread: 0, disagree: false },
      { key: 'participation', n: 3, mean: 2, sd: 1, min: 1, max: 3, range: 2, levelSpread: 2, disagree: true },
      { key: 'thinking', n: 3, mean: 3, sd: 1, min: 2, max: 4, range: 2, levelSpread: 2, disagree: true },
    ]);
    // Alpha on the items' 0–1 scales ((score − 1) / 3), from the unit-tested function.
    const units = keys.map((_, i) => Object.values(sheets).map((v) => (v[i]! - 1) / 3));
    const alpha = Math.round(krippendorffAlphaInterval(units).alpha! * 1000) / 1000;
    expect(lesson.agreement).toMatchObject({ observers: 3, items: 4, alpha, iccItems: 4, exactShare: 0.25 });
    expect(lesson.agreement.icc).toEqual(expect.any(Number));
    expect(body.overall).toMatchObject({ observers: 3, items: 4, alpha });
  });

  it('takes no scores once the activity is summarised, past its deadline, or not yet open; the sheet says why', async () => {
    const db = t.db.db;
    const put = () => observers.county.request('PUT', url(), { items: [{ itemKey: 'goal_fit', score: 1 }] });
    await db.updateTable('research_activities').set({ status: 'summarised' }).where('id', '=', activityId).execute();
    expect((await put()).json().code).toBe('RESEARCH_SUMMARISED');
    expect((await observers.county.get(url())).json()).toMatchObject({ reviewsOpen: false, closedCode: 'RESEARCH_SUMMARISED' });
    await db.updateTable('research_activities').set({ status: 'planned' }).where('id', '=', activityId).execute();
    expect((await put()).json().code).toBe('RESEARCH_NOT_OPEN');
    await db.updateTable('research_activities').set({ status: 'open', review_deadline: '2000-01-01T00:00:00.000Z' }).where('id', '=', activityId).execute();
    expect((await put()).json().code).toBe('RESEARCH_REVIEW_CLOSED');
    await db.updateTable('research_activities').set({ review_deadline: null }).where('id', '=', activityId).execute();
    expect((await put()).statusCode).toBe(200);
  });

  it('an activity without a rubric has no sheet, and empty results', async () => {
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const s = await db.selectFrom('schools').select(['city_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const lesson = await addLesson(db, { schoolId: gxsy });
    const { activityId: bare } = await addActivity(db, { organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId: s.city_id }, schoolIds: [gxsy], lessons: [{ recordingId: lesson.recordingId }] });
    const sheet = await observers.city.get(`/api/research/activities/${bare}/lessons/${lesson.recordingId}/scores`);
    expect(sheet.statusCode).toBe(409);
    expect(sheet.json().code).toBe('RUBRIC_NONE');
    expect((await observers.city.get(`/api/research/activities/${bare}/rubric-results`)).json()).toMatchObject({ rubric: null, lessons: [], items: [] });
  });

  it('attacker side: a non-member teacher, another county, a lesson not in the activity: 404 like a missing one', async () => {
    await addTeacher(t, 'gxsy.outsider', DEMO_SCHOOLS.guanxianShiyan.code);
    const outsider = await t.login('gxsy.outsider');
    const shenxian = await t.login('shenxian.research');
    const sxPrincipal = await t.login('sxsy.principal');
    for (const c of [outsider, shenxian, sxPrincipal]) {
      expect((await c.get(url())).statusCode).toBe(404);
      expect((await c.request('PUT', url(), { items: [{ itemKey: 'goal_fit', score: 1 }] })).statusCode).toBe(404);
      expect((await c.get(`/api/research/activities/${activityId}/rubric-results`)).statusCode).toBe(404);
    }
    // A lesson of the same school that is not attached, under a reached activity.
    const gxsy = await schoolIdOf(t.db.db, DEMO_SCHOOLS.guanxianShiyan.code);
    const stray = await addLesson(t.db.db, { schoolId: gxsy });
    expect((await observers.city.request('PUT', `/api/research/activities/${activityId}/lessons/${stray.recordingId}/scores`, { items: [{ itemKey: 'goal_fit', score: 1 }] })).statusCode).toBe(404);
    // Nothing they tried was stored.
    const stored = await t.db.db.selectFrom('observation_scores').select('observer_user_id').where('activity_id', '=', activityId).execute();
    expect(new Set(stored.map((s) => s.observer_user_id)).size).toBe(3);
  });
});
