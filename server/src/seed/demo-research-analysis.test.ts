import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { addLesson, schoolIdOf, userIdOf } from '../modules/research/research.test-kit.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { seedDemoResearchAnalysis } from './demo-research-analysis.js';
import { seedDemoSt } from './st.demo-seed.js';

describe('demo seed: research over the recent lessons, for 教研分析', () => {
  let t: TestApp;
  const window = { from: '2018-03-12', to: '2018-04-06' };

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2018-04-10T10:00:00+08:00') });
    const db = t.db.db;
    // Two lessons of every 冠县 and 莘县 school in the window, each by a teacher of the school.
    const counties = await db.selectFrom('schools').select(['county_id']).where('code', 'in', [DEMO_SCHOOLS.guanxianShiyan.code, DEMO_SCHOOLS.shenxianShiyan.code]).execute();
    const schools = await db.selectFrom('schools').select(['id']).where('county_id', 'in', counties.map((c) => c.county_id)).execute();
    const gxsyTeacher = await userIdOf(db, 'gxsy.teacher');
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    for (const s of schools) {
      const teacher = s.id === gxsy ? gxsyTeacher : (await db.selectFrom('role_assignments').select('user_id').where('school_id', '=', s.id).where('role', '=', 'teacher').executeTakeFirstOrThrow()).user_id;
      for (const day of ['2018-03-20', '2018-04-02']) await addLesson(db, { schoolId: s.id, teacherUserId: teacher, lessonStart: `${day}T01:00:00.000Z` });
    }
    expect(await seedDemoResearchAnalysis(db, window, t.clock.now())).toMatchObject({ activities: 4 });
    // As on the first start: the S-T demo codes the 同课异构's lessons after this seed.
    expect((await seedDemoSt(db, t.clock.now())).codings).toBeGreaterThan(0);
  });
  afterAll(async () => t.close());

  it('gives the analysis figures this term, and leaves most schools in the "never took part" list', async () => {
    const city = await t.login('city.admin');
    const counties = (await city.get('/api/research/analysis/counties')).json().rows as { name: string; schools: number; schoolsTakingPart: number; lessonsObserved: number; st: { codings: number; types: Record<string, number> } }[];
    const gx = counties.find((c) => c.name === "冠县")!;
    expect(gx.schoolsTakingPart).toBe(gx.schools);
    expect(gx.lessonsObserved).toBeGreaterThan(0);
    expect(gx.st.codings).toBeGreaterThan(0);
    // Each lesson is coded as the kind of lesson it was drawn as: every type shows in the mix.
    const types: Record<string, number> = { practice: 0, lecture: 0, dialogue: 0, mixed: 0 };
    for (const c of counties) for (const k of Object.keys(types)) types[k]! += c.st.types[k]!;
    expect(Object.values(types).every((n) => n > 0), JSON.stringify(types)).toBe(true);
    const absent = (await city.get('/api/research/analysis/absent')).json();
    expect(absent.rows.length).toBeGreaterThan(absent.schools / 2);
    const teacher = (await (await t.login('gxsy.teacher')).get('/api/research/analysis/me')).json();
    expect(teacher.row.activities.total).toBe(2);
    expect(teacher.row.lessonsAttached).toBeGreaterThanOrEqual(1);
    expect(teacher.row.commentsReceived).toBeGreaterThan(0);
  });
});
