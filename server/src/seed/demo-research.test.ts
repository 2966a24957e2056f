import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActivity, addLesson, schoolIdOf, userIdOf } from '../modules/research/research.test-kit.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { seedDemoResearch } from './demo-research.js';

/** The demo's research, made from its lessons: what the named accounts see on the research pages. */
describe('demo research', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const gx = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    const sx = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    // As the recent demo weeks have them: lessons with teachers, one subject taught at both schools.
    await addLesson(db, { schoolId: gx, subject: '数学', title: '数学 · 圆的认识', teacherUserId: await userIdOf(db, 'gxsy.teacher'), teacherName: '李晓燕', groupId: 'recent-gx-1' });
    await addLesson(db, { schoolId: gx, subject: '语文', title: '语文 · 古诗两首', teacherUserId: await userIdOf(db, `t${DEMO_SCHOOLS.guanxianShiyan.code}_01`), groupId: 'recent-gx-2' });
    await addLesson(db, { schoolId: sx, subject: '数学', title: '数学 · 圆的认识', teacherUserId: await userIdOf(db, `t${DEMO_SCHOOLS.shenxianShiyan.code}_01`), groupId: 'recent-sx-1' });
    await addLesson(db, { schoolId: gx2, subject: '英语', title: '英语 · Colours', teacherUserId: await userIdOf(db, 'gx2.teacher'), groupId: 'recent-gx2-1' });
    expect(await seedDemoResearch(db, { clock: t.clock })).toEqual({ activities: 3, lessons: 3, groups: 2 });
  });
  afterAll(async () => t.close());

  it('runs once', async () => {
    expect(await seedDemoResearch(t.db.db, { clock: t.clock })).toEqual({ activities: 0, lessons: 0, groups: 0 });
  });

  it('leaves the city 同课异构 to the research analysis\'s demo when it made one', async () => {
    const other = await createTestApp();
    try {
      const db = other.db.db;
      const cityId = (await db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow()).id;
      await addActivity(db, { organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId }, kind: 'same_topic' });
      expect(await seedDemoResearch(db, { clock: other.clock })).toMatchObject({ groups: 2, activities: 1 });
    } finally {
      await other.close();
    }
  });

  it('shows the city 同课异构 across 冠县 and 莘县 to the city, both counties and the teachers in it', async () => {
    for (const username of ['city.research', 'guanxian.research', 'shenxian.research', 'gxsy.teacher', `t${DEMO_SCHOOLS.shenxianShiyan.code}_01`]) {
      const c = await t.login(username);
      const list = (await c.get('/api/research/activities?view=supervised&kind=same_topic')).json();
      expect(list.items, username).toHaveLength(1);
      const act = (await c.get(`/api/research/activities/${list.items[0].id}`)).json();
      expect(act).toMatchObject({ topic: '同课异构：圆的认识', status: 'open', level: 'city' });
      expect(act.lessons.map((l: { schoolName: string }) => l.schoolName)).toEqual(['冠县实验小学', '莘县实验小学']);
    }
  });

  it('shows the county 公开课 in 冠县\'s studio, and the 教研组 with its planned 集体备课', async () => {
    const county = await t.login('guanxian.research');
    const summarised = (await county.get('/api/research/activities?view=supervised&status=summarised')).json().items;
    expect(summarised).toEqual([expect.objectContaining({ kind: 'open_lesson', level: 'county', groupName: '冠县小学数学名师工作室' })]);
    const teacher = await t.login('gxsy.teacher');
    const groups = (await teacher.get('/api/research/groups?view=mine')).json().items.map((g: { name: string }) => g.name).sort();
    expect(groups).toEqual(['冠县实验小学数学教研组', '冠县小学数学名师工作室']);
    const group = (await teacher.get('/api/research/groups?view=mine&kind=subject_group')).json().items[0];
    const page = (await teacher.get(`/api/research/groups/${group.id}`)).json();
    expect(page.activities).toEqual([expect.objectContaining({ kind: 'joint_prep', status: 'planned' })]);
    expect(page.may).toEqual({ edit: true, organise: true });
    // 莘县 sees none of 冠县's own research.
    const sx = await t.login('shenxian.research');
    expect((await sx.get('/api/research/activities?view=supervised')).json().total).toBe(1);
    expect((await sx.get('/api/research/groups?view=supervised')).json().total).toBe(0);
  });
});
