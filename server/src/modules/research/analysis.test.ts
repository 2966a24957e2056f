import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { upsertTerm } from '../calendar/calendar.queries.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';

/**
 * 教研分析 on a small, hand-made term (today: 2018-04-10; the spring term 2018-03-05…07-06, 冠县's
 * own copy of it ending a week later). Every expected figure below is counted by hand from the
 * rows this file inserts:
 *
 * A1 同课异构 organised by the city (city.research): schools gxsy, gx2, sxsy; members T1 (gxsy),
 *    T2 (gx2), sxsy.principal (sxsy), guanxian.research (no school). Lessons L1 (T1, gxsy),
 *    L2 (T2, gx2), L3 (no teacher account, sxsy).
 *    Comments: on L1 by T2, by guanxian.research, by T1 (the teacher's own answer), one by
 *    sxsy.principal deleted; on L2 by T1. A rubric score on L3. Codings: L1 by guanxian.research
 *    TTTTTTTTTT and by T2 TTTTTSSSSS (mean Rt .75, Ch .05: a lecture); L2 by T1 TSTSTSTSTS (dialogue).
 *    Outside any activity: a comment on L1 by T2 (not research activity: not counted).
 * A2 集体备课 organised by gxsy (gxsy.principal): school gxsy; member T1; lesson L4 (T1), with only a note by T1
 *    himself on it (given, but not an observation of L4).
 * A3 公开课 at gx2, deleted: member T2, lesson L5 (T2) with a comment — counts for nothing.
 * A4 评课议课 at gxsy in October 2017 (last term): member T1, lesson L6 (T1), a comment by guanxian.research.
 */
describe('research analysis', () => {
  let t: TestApp;
  const id = {} as Record<'gxsy' | 'gx2' | 'sxsy' | 'guanxian' | 'shenxian' | 'city' | 'T1' | 'T2' | 'gxsyPrincipal' | 'sxsyPrincipal' | 'gxResearch' | 'cityResearch', number>;
  let countySchools: Record<'guanxian' | 'shenxian', number>;
  const iso = () => new Date().toISOString();

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2018-04-10T10:00:00+08:00'), countStatements: true });
    const db = t.db.db;
    id.gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    id.gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    id.sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const place = async (schoolId: number) => db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', schoolId).executeTakeFirstOrThrow();
    const gx = await place(id.gxsy);
    id.guanxian = gx.county_id;
    id.city = gx.city_id;
    id.shenxian = (await place(id.sxsy)).county_id;
    countySchools = {
      guanxian: (await db.selectFrom('schools').select('id').where('county_id', '=', id.guanxian).execute()).length,
      shenxian: (await db.selectFrom('schools').select('id').where('county_id', '=', id.shenxian).execute()).length,
    };
    for (const [key, username] of [['T1', 'gxsy.teacher'], ['T2', 'gx2.teacher'], ['gxsyPrincipal', 'gxsy.principal'], ['sxsyPrincipal', 'sxsy.principal'], ['gxResearch', 'guanxian.research'], ['cityResearch', 'city.research']] as const) {
      id[key] = await userIdOf(db, username);
    }
    await seedDemoCalendar(db, id.city);
    await upsertTerm(db, { cityId: id.city, countyId: id.guanxian, name: '2017—2018学年第二学期', startsOn: '2018-03-12', endsOn: '2018-07-13' }, iso());

    const lesson = (schoolId: number, teacherUserId: number | null) => addLesson(db, { schoolId, teacherUserId, teacherName: teacherUserId ? '' : '外聘教师' });
    const L1 = await lesson(id.gxsy, id.T1);
    const L2 = await lesson(id.gx2, id.T2);
    const L3 = await lesson(id.sxsy, null);
    const L4 = await lesson(id.gxsy, id.T1);
    const L5 = await lesson(id.gx2, id.T2);
    const L6 = await lesson(id.gxsy, id.T1);

    const A1 = (await addActivity(db, {
      organiserUserId: id.cityResearch, owner: { cityId: id.city }, kind: 'same_topic', schoolIds: [id.gxsy, id.gx2, id.sxsy],
      members: [
        { userId: id.T1, schoolId: id.gxsy }, { userId: id.T2, schoolId: id.gx2 },
        { userId: id.sxsyPrincipal, schoolId: id.sxsy, role: 'observer' }, { userId: id.gxResearch, role: 'observer' },
      ],
      lessons: [{ recordingId: L1.recordingId }, { recordingId: L2.recordingId }, { recordingId: L3.recordingId }],
    })).activityId;
    const A2 = (await addActivity(db, {
      organiserUserId: id.gxsyPrincipal, owner: { cityId: id.city, countyId: id.guanxian, schoolId: id.gxsy }, kind: 'joint_prep',
      schoolIds: [id.gxsy], members: [{ userId: id.T1, schoolId: id.gxsy }], lessons: [{ recordingId: L4.recordingId }],
    })).activityId;
    const A3 = (await addActivity(db, {
      organiserUserId: id.T2, owner: { cityId: id.city, countyId: id.guanxian, schoolId: id.gx2 }, kind: 'open_lesson',
      schoolIds: [id.gx2], lessons: [{ recordingId: L5.recordingId }],
    })).activityId;
    await db.updateTable('research_activities').set({ deleted_at: iso() }).where('id', '=', A3).execute();
    const A4 = (await addActivity(db, {
      organiserUserId: id.gxsyPrincipal, owner: { cityId: id.city, countyId: id.guanxian, schoolId: id.gxsy }, kind: 'lesson_review',
      schoolIds: [id.gxsy], members: [{ userId: id.T1, schoolId: id.gxsy }], lessons: [{ recordingId: L6.recordingId }],
    })).activityId;
    await db.updateTable('research_activities').set({ starts_on: '2017-10-09', ends_on: '2017-10-20' }).where('id', '=', A4).execute();

    const comment = (activityId: number | null, l: { recordingId: number; groupId: string; schoolId: number }, author: number, deleted = false) =>
      db.insertInto('lesson_comments').values({
        school_id: l.schoolId, group_id: l.groupId, recording_id: l.recordingId, activity_id: activityId, parent_id: null, author_user_id: author,
        at_ms: 60_000, body: '很好', rubric_item_key: null, created_at: iso(), updated_at: iso(), deleted_at: deleted ? iso() : null,
        deleted_by_user_id: deleted ? author : null,
      }).execute();
    await comment(A1, L1, id.T2);
    await comment(A1, L1, id.gxResearch);
    await comment(A1, L1, id.T1);
    await comment(A1, L1, id.sxsyPrincipal, true);
    await comment(A1, L2, id.T1);
    await comment(A2, L4, id.T1);
    await comment(null, L1, id.T2);
    await comment(A3, L5, id.gxsyPrincipal);
    await comment(A4, L6, id.gxResearch);

    const rubric = await db.insertInto('observation_rubrics').values({
      name: '课堂观察量表', description: '', city_id: id.city, county_id: null, definition: '{"dimensions":[]}', status: 'published',
      created_by_user_id: id.cityResearch, created_at: iso(), updated_at: iso(),
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('observation_scores').values({
      activity_id: A1, rubric_id: rubric.id, school_id: L3.schoolId, group_id: L3.groupId, observer_user_id: id.gxResearch, item_key: 'goal', score: 4, note: '', updated_at: iso(),
    }).execute();
    const coding = (l: { recordingId: number; groupId: string; schoolId: number }, coder: number, codes: string) => db.insertInto('st_codings').values({
      school_id: l.schoolId, group_id: l.groupId, activity_id: A1, coder_user_id: coder, recording_id: l.recordingId, interval_seconds: 30, codes, created_at: iso(), updated_at: iso(),
    }).execute();
    await coding(L1, id.gxResearch, 'TTTTTTTTTT');
    await coding(L1, id.T2, 'TTTTTSSSSS');
    await coding(L2, id.T1, 'TSTSTSTSTS');
    void A2;
  });
  afterAll(async () => t.close());

  const noKinds = { joint_prep: 0, same_topic: 0, open_lesson: 0, lesson_review: 0 };
  const noSt = { codings: 0, lessons: 0, types: { practice: 0, lecture: 0, dialogue: 0, mixed: 0 }, meanRt: null, meanCh: null };

  it('opens on the term of today, its dates spanning the copies of the term that apply where the reader stands', async () => {
    const city = await t.login('city.admin');
    const terms = (await city.get('/api/research/analysis/terms')).json();
    const spring = terms.terms.find((x: { name: string }) => x.name === '2017—2018学年第二学期');
    expect(terms.today).toBe('2018-04-10');
    expect(terms.defaultTermId).toBe(spring.id);
    expect(spring).toMatchObject({ from: '2018-03-05', to: '2018-07-13', current: true });
    // 莘县 keeps the city's term: it ends on 07-06 there.
    const sx = (await (await t.login('sxsy.principal')).get('/api/research/analysis/terms')).json();
    expect(sx.terms.find((x: { name: string }) => x.name === spring.name)).toMatchObject({ id: spring.id, from: '2018-03-05', to: '2018-07-06' });
    const answer = (await city.get('/api/research/analysis/schools')).json();
    expect(answer.period).toEqual({ termId: spring.id, name: '2017—2018学年第二学期', from: '2018-03-05', to: '2018-07-13' });
  });

  it('counts each school\'s term, schools with nothing to show included', async () => {
    const county = await t.login('guanxian.research');
    const res = await county.get('/api/research/analysis/schools');
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { schoolId: number }[];
    expect(rows.map((r) => r.schoolId)).not.toContain(id.sxsy);
    expect(rows).toHaveLength(countySchools.guanxian);
    const row = (schoolId: number) => rows.find((r) => r.schoolId === schoolId);
    expect(row(id.gxsy)).toMatchObject({
      tookPart: true, participants: 2,
      activities: { total: 2, organised: 1, byKind: { ...noKinds, same_topic: 1, joint_prep: 1 } },
      lessonsAttached: 2, lessonsObserved: 1, commentsReceived: 2, commentsGiven: 3,
      st: { codings: 2, lessons: 1, types: { practice: 0, lecture: 1, dialogue: 0, mixed: 0 }, meanRt: 0.75, meanCh: 0.05 },
    });
    expect(row(id.gx2)).toMatchObject({
      tookPart: true, participants: 1,
      activities: { total: 1, organised: 0, byKind: { ...noKinds, same_topic: 1 } },
      lessonsAttached: 1, lessonsObserved: 1, commentsReceived: 1, commentsGiven: 1,
      st: { codings: 1, lessons: 1, types: { practice: 0, lecture: 0, dialogue: 1, mixed: 0 }, meanRt: 0.5, meanCh: 0.9 },
    });
    const idle = rows.filter((r) => r.schoolId !== id.gxsy && r.schoolId !== id.gx2);
    for (const r of idle) {
      expect(r).toMatchObject({ tookPart: false, participants: 0, activities: { total: 0, organised: 0, byKind: noKinds }, lessonsAttached: 0, commentsGiven: 0, st: noSt });
    }
    // The city sees 莘县实验小学 too: a lesson observed through a rubric score alone.
    const city = (await (await t.login('city.admin')).get(`/api/research/analysis/schools?countyId=${id.shenxian}`)).json();
    expect(city.rows.find((r: { schoolId: number }) => r.schoolId === id.sxsy)).toMatchObject({
      tookPart: true, participants: 1, activities: { total: 1, organised: 0 }, lessonsAttached: 1, lessonsObserved: 1, commentsReceived: 0, commentsGiven: 0, st: noSt,
    });
  });

  it('adds schools into counties, each activity once per county', async () => {
    const city = await t.login('city.research');
    const rows = (await city.get('/api/research/analysis/counties')).json().rows as { countyId: number }[];
    const gx = rows.find((r) => r.countyId === id.guanxian);
    expect(gx).toMatchObject({
      schools: countySchools.guanxian, schoolsTakingPart: 2, participants: 3,
      activities: { total: 2, organised: 1, byKind: { ...noKinds, same_topic: 1, joint_prep: 1 } },
      lessonsAttached: 3, lessonsObserved: 2, commentsReceived: 3, commentsGiven: 4,
      st: { codings: 3, lessons: 2, types: { practice: 0, lecture: 1, dialogue: 1, mixed: 0 }, meanRt: 0.625, meanCh: 0.475 },
    });
    expect(rows.find((r) => r.countyId === id.shenxian)).toMatchObject({ schools: countySchools.shenxian, schoolsTakingPart: 1, activities: { total: 1, organised: 0 } });
    // County staff see their own county's line only.
    const own = (await (await t.login('guanxian.research')).get('/api/research/analysis/counties')).json().rows;
    expect(own.map((r: { countyId: number }) => r.countyId)).toEqual([id.guanxian]);
  });

  it('lists the county\'s schools that took part in nothing, with their principal and the county\'s 教科所', async () => {
    const county = await t.login('guanxian.research');
    const answer = (await county.get(`/api/research/analysis/absent?countyId=${id.guanxian}`)).json();
    expect(answer.schools).toBe(countySchools.guanxian);
    expect(answer.rows).toHaveLength(countySchools.guanxian - 2);
    const ids = answer.rows.map((r: { schoolId: number }) => r.schoolId);
    expect(ids).not.toContain(id.gxsy);
    expect(ids).not.toContain(id.gx2);
    for (const r of answer.rows) {
      expect(r.principals.length, r.name).toBeGreaterThan(0);
      expect(r.departmentStaff).toContainEqual({ userId: id.gxResearch, name: '邢文军' });
      expect(r.department).toBe('research');
    }
    // Last autumn, only gxsy took part (A4); A1 and A2 lie in this term.
    const autumn = (await county.get(`/api/research/analysis/absent?countyId=${id.guanxian}&from=2017-09-01&to=2018-01-20`)).json();
    expect(autumn.rows.map((r: { schoolId: number }) => r.schoolId)).toContain(id.gx2);
    expect(autumn.rows.map((r: { schoolId: number }) => r.schoolId)).not.toContain(id.gxsy);
  });

  it('gives each teacher of a school their figures; a principal who organised is a row too', async () => {
    const principal = await t.login('gxsy.principal');
    const answer = (await principal.get(`/api/research/analysis/schools/${id.gxsy}/teachers`)).json();
    expect(answer.ownRowOnly).toBe(false);
    const row = (userId: number) => answer.rows.find((r: { userId: number }) => r.userId === userId);
    expect(row(id.T1)).toMatchObject({
      role: 'teacher', activities: { total: 2, organised: 0, byKind: { ...noKinds, same_topic: 1, joint_prep: 1 } },
      lessonsAttached: 2, lessonsObserved: 1, commentsReceived: 2, commentsGiven: 3, codingsGiven: 1,
      st: { codings: 2, lessons: 1, types: { practice: 0, lecture: 1, dialogue: 0, mixed: 0 } },
    });
    expect(row(id.gxsyPrincipal)).toMatchObject({ role: 'principal', activities: { total: 1, organised: 1, byKind: { ...noKinds, joint_prep: 1 } }, lessonsAttached: 0 });
    expect(row(id.T2)).toBeUndefined();
    // The first row is the one who took part most.
    expect(answer.rows[0].userId).toBe(id.T1);
  });

  it('shows a teacher their own row of their school, their own figures as 我的教研, and nothing of other schools', async () => {
    const teacher = await t.login('gxsy.teacher');
    const own = (await teacher.get(`/api/research/analysis/schools/${id.gxsy}/teachers`)).json();
    expect(own.ownRowOnly).toBe(true);
    expect(own.rows.map((r: { userId: number }) => r.userId)).toEqual([id.T1]);
    expect((await teacher.get(`/api/research/analysis/schools/${id.gx2}/teachers`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/research/analysis/schools/${id.gx2}/teachers/export.xlsx`)).statusCode).toBe(404);
    const schools = await teacher.get('/api/research/analysis/schools');
    expect(schools.statusCode).toBe(403);
    expect(schools.json().code).toBe('RESEARCH_ANALYSIS_SUPERVISORS_ONLY');
    expect((await teacher.get('/api/research/analysis/absent')).statusCode).toBe(403);
    expect((await teacher.get('/api/research/analysis/counties/export.xlsx')).statusCode).toBe(403);

    const t2 = (await (await t.login('gx2.teacher')).get('/api/research/analysis/me')).json();
    expect(t2.row).toMatchObject({
      userId: id.T2, role: 'teacher', activities: { total: 1, organised: 0, byKind: { ...noKinds, same_topic: 1 } },
      lessonsAttached: 1, lessonsObserved: 1, commentsReceived: 1, commentsGiven: 1, codingsGiven: 1,
      st: { codings: 1, lessons: 1, types: { practice: 0, lecture: 0, dialogue: 1, mixed: 0 } },
    });
    const autumn = (await teacher.get('/api/research/analysis/me?from=2017-09-01&to=2018-01-20')).json();
    expect(autumn.period).toEqual({ termId: null, name: null, from: '2017-09-01', to: '2018-01-20' });
    expect(autumn.row).toMatchObject({ activities: { total: 1, byKind: { ...noKinds, lesson_review: 1 } }, lessonsAttached: 1, lessonsObserved: 1, commentsReceived: 1, commentsGiven: 0 });
  });

  it('refuses what lies outside the caller\'s scope as if it did not exist', async () => {
    const county = await t.login('guanxian.research');
    for (const url of [
      `/api/research/analysis/schools?countyId=${id.shenxian}`, `/api/research/analysis/absent?countyId=${id.shenxian}`,
      `/api/research/analysis/schools/export.xlsx?countyId=${id.shenxian}`, `/api/research/analysis/absent/export.xlsx?countyId=${id.shenxian}`,
      `/api/research/analysis/schools/${id.sxsy}/teachers`, `/api/research/analysis/schools/${id.sxsy}/teachers/export.xlsx`,
      `/api/research/analysis/terms?countyId=${id.shenxian}`, '/api/research/analysis/schools?termId=999999',
    ]) {
      expect((await county.get(url)).statusCode, url).toBe(404);
    }
    const principal = await t.login('gxsy.principal');
    expect((await principal.get(`/api/research/analysis/schools/${id.gx2}/teachers`)).statusCode).toBe(404);
    const own = (await principal.get('/api/research/analysis/schools')).json();
    expect(own.rows.map((r: { schoolId: number }) => r.schoolId)).toEqual([id.gxsy]);
    expect((await principal.get('/api/research/analysis/counties')).json().rows).toMatchObject([{ countyId: id.guanxian, schools: 1 }]);
    expect((await (await t.login('gxsy.parent')).get('/api/research/analysis/me')).statusCode).toBe(403);
    expect((await county.get('/api/research/analysis/schools?from=2018-04-01')).statusCode).toBe(400);
    expect((await county.get('/api/research/analysis/schools?from=2018-05-01&to=2018-04-01')).statusCode).toBe(400);
  });

  it('exports each list as shown: the same rows and figures, and audits the export', async () => {
    const county = await t.login('guanxian.research');
    const read = async (url: string) => {
      const res = await county.get(url);
      expect(res.statusCode, url).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const out: Record<string, unknown>[] = [];
      ws.eachRow((r, n) => {
        if (n === 1) return;
        const values = (r.values as unknown[]).slice(1);
        out.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
      });
      return out;
    };
    const schools = await read('/api/research/analysis/schools/export.xlsx');
    expect(schools).toHaveLength(countySchools.guanxian);
    expect(schools.find((r) => r['学校'] === DEMO_SCHOOLS.guanxianShiyan.name)).toMatchObject({
      参与活动: 2, 组织活动: 1, 集体备课: 1, 同课异构: 1, 提供课例: 2, 被观评课例: 1, 收到评论: 2, 发表评论: 3, 讲授型: 1, '平均 Rt': '75.0%',
    });
    expect(schools.some((r) => r['学校'] === DEMO_SCHOOLS.shenxianShiyan.name)).toBe(false);
    const absent = await read(`/api/research/analysis/absent/export.xlsx?countyId=${id.guanxian}`);
    expect(absent).toHaveLength(countySchools.guanxian - 2);
    expect(absent[0]).toMatchObject({ 责任部门: expect.stringContaining('教科所'), 部门人员: '邢文军' });
    const teachers = await read(`/api/research/analysis/schools/${id.gxsy}/teachers/export.xlsx`);
    expect(teachers.find((r) => r['姓名'] === '李晓燕')).toMatchObject({ 角色: '教师', 参与活动: 2, 执教课例: 2, '所做 S-T 编码': 1 });
    const counties = await read('/api/research/analysis/counties/export.xlsx');
    expect(counties).toEqual([expect.objectContaining({ 县区: '冠县', 参与学校: 2, 参与活动: 2 })]);
    // The audit row follows the last byte of the download: wait for it rather than race it.
    const audited = () => t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'research_analysis.export').execute();
    await expect.poll(async () => (await audited()).length).toBeGreaterThanOrEqual(4);
    expect((await audited()).map((r) => JSON.parse(r.detail).table)).toEqual(expect.arrayContaining(['各校教研参与', '未参与教研的学校', '教师教研情况', '各县区教研参与']));
  });

  it('reads each list in a handful of grouped statements, however many schools the county has', async () => {
    const statementsOf = async (username: string, url: string) => {
      const client = await t.login(username);
      await client.get(url); // the first request of a session may refresh it; count a later one
      t.statements!.reset();
      expect((await client.get(url)).statusCode, url).toBe(200);
      return t.statements!.statements.map((x) => x.table);
    };
    // The session (1), the calendar's terms (3), the schools (1) and one statement per figure (6).
    for (const who of ['guanxian.research', 'city.admin']) {
      expect((await statementsOf(who, '/api/research/analysis/schools')).length, who).toBeLessThanOrEqual(11);
      expect((await statementsOf(who, '/api/research/analysis/counties')).length, who).toBeLessThanOrEqual(13);
      expect((await statementsOf(who, '/api/research/analysis/absent')).length, who).toBeLessThanOrEqual(9);
    }
    expect((await statementsOf('gxsy.principal', `/api/research/analysis/schools/${id.gxsy}/teachers`)).length).toBeLessThanOrEqual(14);
  });
});
