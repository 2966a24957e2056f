import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { checkDefinition, flatItems } from '../modules/research/rubric-definition.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from '../modules/research/research.test-kit.js';
import { CITY_RUBRIC, COUNTY_RUBRIC, seedDemoRubricScores, seedDemoRubrics } from './demo-rubrics.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';

describe('the demo\'s observation rubrics', () => {
  let t: TestApp;
  let ids: number[];

  beforeAll(async () => {
    t = await createTestApp();
    ids = await seedDemoRubrics(t.db.db);
  });
  afterAll(async () => t.close());

  it('are valid, published, and the city\'s weighted total is out of 100', async () => {
    expect(checkDefinition(CITY_RUBRIC.definition)).toEqual(CITY_RUBRIC.definition);
    expect(checkDefinition(COUNTY_RUBRIC.definition)).toEqual(COUNTY_RUBRIC.definition);
    expect(CITY_RUBRIC.definition.dimensions.map((d) => d.name)).toEqual(['教学目标', '教学过程', '学生参与', '教学效果']);
    expect(flatItems(CITY_RUBRIC.definition).reduce((sum, i) => sum + i.weight * i.max, 0)).toBe(100);
    expect(ids).toHaveLength(2);
    const teacher = await t.login('gxsy.teacher');
    const list = (await teacher.get('/api/research/rubrics')).json().items;
    expect(list.map((r: { name: string; status: string; owner: { name: string } }) => `${r.owner.name} ${r.name} ${r.status}`))
      .toEqual(['聊城市 聊城市中小学课堂观察量表 published', '冠县 冠县小学语文课堂观察量表 published']);
  });

  it('score the demo\'s open activities (when there are any) so their results show agreement', async () => {
    const db = t.db.db;
    expect(await seedDemoRubricScores(db, ids[0]!)).toBe(0);
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const city = (await db.selectFrom('schools').select('city_id').where('id', '=', gxsy).executeTakeFirstOrThrow()).city_id;
    const lesson = await addLesson(db, { schoolId: gxsy, teacherUserId: await userIdOf(db, 'gxsy.teacher') });
    const { activityId } = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId: city }, schoolIds: [gxsy], lessons: [{ recordingId: lesson.recordingId }],
      members: [{ userId: await userIdOf(db, 'gxsy.teacher'), schoolId: gxsy }, { userId: await userIdOf(db, 'gx2.teacher'), role: 'observer' }],
    });
    expect(await seedDemoRubricScores(db, ids[0]!)).toBe(3 * 9);
    const res = await (await t.login('city.research')).get(`/api/research/activities/${activityId}/rubric-results`);
    expect(res.json().rubric.name).toBe('聊城市中小学课堂观察量表');
    expect(res.json().lessons[0].agreement).toMatchObject({ observers: 3, items: 9 });
    expect(res.json().lessons[0].completeObservers).toBe(3);
  });
});
