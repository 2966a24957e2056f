import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertTerm } from '../calendar/calendar.queries.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addLesson, schoolIdOf, userIdOf } from '../research/research.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
interface WallItem { recordingId: number; groupId: string; schoolCode: string; state: string; poster: string | null; patrols: number; mine: { id: number; score: number } | null }
interface Wall { day: string; dayStatus: string | null; items: WallItem[]; total: number }
interface Patrol { id: number; schoolCode: string; score: number; note: string; mine: boolean; patrolDay: string; updatedAt: string | null; patrollerName: string }

const scores = (order: number, organisation: number, engagement: number, technology: number) => ({ order, organisation, engagement, technology });
const at = (hhmm: string, day = '2018-04-04') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

describe('class patrol (巡课): today\'s wall, the patrol form, and who may patrol what', () => {
  let t: TestApp;
  const school = { gxsy: 0, gx2: 0, sxsy: 0 };
  /** gxsy's lessons of today: three ready, one of two tracks, one processing; yesterday's; and one lesson each at gx2 and sxsy. */
  const lesson = { a: 0, b: 0, c: 0, twoTracks: 0, secondTrack: 0, processing: 0, yesterday: 0, gx2: 0, sxsy: 0 };
  let principal: Client;
  let inspector: Client;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T11:00:00+08:00'));
    const db = t.db.db;
    school.gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    school.gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    school.sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const teacher = await userIdOf(db, 'gxsy.teacher');
    const add = async (schoolId: number, start: string, extra: Partial<Parameters<typeof addLesson>[1]> = {}) =>
      (await addLesson(db, { schoolId, lessonStart: start, ...extra })).recordingId;
    lesson.a = await add(school.gxsy, at('08:00'), { teacherUserId: teacher, teacherName: '李晓燕', subject: '数学' });
    lesson.b = await add(school.gxsy, at('09:00'), { teacherUserId: teacher, teacherName: '李晓燕', subject: '数学' });
    lesson.c = await add(school.gxsy, at('10:00'), { teacherName: '王海燕', subject: '语文' });
    const two = await addLesson(db, { schoolId: school.gxsy, lessonStart: at('10:10'), track: 'teacher', teacherName: '刘建国', subject: '科学' });
    lesson.twoTracks = two.recordingId;
    lesson.secondTrack = (await addLesson(db, { schoolId: school.gxsy, lessonStart: at('10:10'), track: 'students', groupId: two.groupId })).recordingId;
    lesson.processing = await add(school.gxsy, at('10:20'));
    await db.updateTable('recordings').set({ status: 'processing', progress: 40 }).where('id', '=', lesson.processing).execute();
    lesson.yesterday = await add(school.gxsy, at('09:00', '2018-04-03'));
    lesson.gx2 = await add(school.gx2, at('09:30'), { teacherName: '张志强' });
    lesson.sxsy = await add(school.sxsy, at('09:30'), { teacherName: '赵立群' });
    const city = (await db.selectFrom('schools').select('city_id').where('id', '=', school.gxsy).executeTakeFirstOrThrow()).city_id;
    await upsertTerm(db, { cityId: city, countyId: null, name: '2017—2018学年第二学期', startsOn: '2018-03-05', endsOn: '2018-07-06' }, new Date().toISOString());
    await upsertTerm(db, { cityId: city, countyId: null, name: '2017—2018学年第一学期', startsOn: '2017-09-01', endsOn: '2018-01-19' }, new Date().toISOString());
    principal = await t.login('gxsy.principal');
    inspector = await t.login('guanxian.inspector');
  });
  afterAll(async () => t.close());

  const wall = async (c: Client, query = '') => {
    const res = await c.get(`/api/patrol/wall?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Wall;
  };
  const patrol = (c: Client, id: number, body: unknown) => c.request('PUT', `/api/patrol/lessons/${id}`, body);

  it('shows a principal today\'s lessons of their school only: one card per lesson, its state, a poster for those ready', async () => {
    const w = await wall(principal);
    expect(w.day).toBe('2018-04-04');
    const ids = w.items.map((i) => i.recordingId);
    expect(ids.sort()).toEqual([lesson.a, lesson.b, lesson.c, lesson.twoTracks, lesson.processing].sort());
    expect(w.total).toBe(5);
    expect(ids).not.toContain(lesson.secondTrack);
    expect(w.items.find((i) => i.recordingId === lesson.processing)).toMatchObject({ state: 'processing', poster: null });
    expect(w.items.find((i) => i.recordingId === lesson.a)?.poster).toMatch(/^\/api\/media\/[^/]+\/poster\.jpg$/);
    // The poster tokens open the lessons' media, so handing them out is audited.
    const audited = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'recording.posters').execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it('lets the principal patrol three lessons, one patrol each per day, corrected rather than repeated', async () => {
    for (const [id, s] of [[lesson.a, scores(5, 4, 4, 3)], [lesson.b, scores(3, 3, 3, 3)], [lesson.c, scores(4, 4, 5, 5)]] as const) {
      const res = await patrol(principal, id, { scores: s, note: '课堂有序' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const first = (await patrol(principal, lesson.a, { scores: scores(5, 4, 4, 3), note: '' })).json() as Patrol;
    expect(first.score).toBe(4);
    const again = (await patrol(principal, lesson.a, { scores: scores(5, 5, 5, 5), note: '学生参与积极' })).json() as Patrol;
    expect(again).toMatchObject({ id: first.id, score: 5, note: '学生参与积极', mine: true, patrolDay: '2018-04-04', patrollerName: '马建国' });
    expect(again.updatedAt).not.toBeNull();
    const rows = await t.db.db.selectFrom('patrols').select('id').where('recording_id', 'in', [lesson.a, lesson.b, lesson.c]).execute();
    expect(rows).toHaveLength(3);
    const w = await wall(principal);
    expect(w.items.filter((i) => i.mine !== null).map((i) => i.recordingId).sort()).toEqual([lesson.a, lesson.b, lesson.c].sort());
    expect(w.items.find((i) => i.recordingId === lesson.a)?.mine?.score).toBe(5);
    expect(await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'patrol.save').execute()).toHaveLength(5);
  });

  it('scores only today\'s lessons that can be watched, on every item of the form, 1 to 5', async () => {
    const yesterday = await patrol(principal, lesson.yesterday, { scores: scores(4, 4, 4, 4) });
    expect(yesterday.statusCode).toBe(409);
    expect(yesterday.json().code).toBe('PATROL_NOT_TODAY');
    const processing = await patrol(principal, lesson.processing, { scores: scores(4, 4, 4, 4) });
    expect(processing.json().code).toBe('PATROL_LESSON_NOT_READY');
    expect((await patrol(principal, lesson.twoTracks, { scores: { order: 4, organisation: 4, engagement: 4 } })).statusCode).toBe(400);
    expect((await patrol(principal, lesson.twoTracks, { scores: scores(4, 4, 4, 6) })).statusCode).toBe(400);
    expect((await patrol(principal, lesson.twoTracks, { scores: scores(4, 4, 4, 0) })).statusCode).toBe(400);
    expect((await patrol(principal, lesson.twoTracks, { scores: { ...scores(4, 4, 4, 4), extra: 1 } })).statusCode).toBe(400);
    expect((await patrol(principal, lesson.twoTracks, { scores: scores(4, 4, 4, 4), note: 'x'.repeat(1001) })).statusCode).toBe(400);
  });

  it('attacker side: a principal reaches neither a neighbour school\'s lessons nor another county\'s, 404 like a missing one', async () => {
    for (const id of [lesson.gx2, lesson.sxsy, 999_999]) {
      expect((await patrol(principal, id, { scores: scores(3, 3, 3, 3) })).statusCode, String(id)).toBe(404);
      expect((await principal.get(`/api/patrol/lessons/${id}`)).statusCode, String(id)).toBe(404);
    }
    const w = await wall(principal, `&schoolId=${school.gx2}`);
    expect(w.items).toEqual([]);
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.get('/api/patrol/wall')).statusCode).toBe(403);
    expect((await patrol(teacher, lesson.a, { scores: scores(3, 3, 3, 3) })).statusCode).toBe(403);
    expect((await teacher.get('/api/patrol/records')).statusCode).toBe(403);
    expect((await teacher.get('/api/patrol/stats')).statusCode).toBe(403);
  });

  it('lets a county inspector patrol their county\'s schools and never another county\'s', async () => {
    const w = await wall(inspector);
    const codes = new Set(w.items.map((i) => i.schoolCode));
    expect(codes).toEqual(new Set([DEMO_SCHOOLS.guanxianShiyan.code, DEMO_SCHOOLS.guanxianDier.code]));
    expect(w.items.find((i) => i.recordingId === lesson.a)).toMatchObject({ patrols: 1, mine: null });
    expect((await patrol(inspector, lesson.gx2, { scores: scores(2, 3, 2, 4), note: '需加强课堂组织' })).statusCode).toBe(200);
    expect((await patrol(inspector, lesson.a, { scores: scores(4, 4, 4, 4) })).statusCode).toBe(200);
    expect((await patrol(inspector, lesson.sxsy, { scores: scores(4, 4, 4, 4) })).statusCode).toBe(404);
    expect((await inspector.get(`/api/patrol/lessons/${lesson.sxsy}`)).statusCode).toBe(404);
    expect((await wall(inspector, `&countyId=${(await t.db.db.selectFrom('schools').select('county_id').where('id', '=', school.sxsy).executeTakeFirstOrThrow()).county_id}`)).items).toEqual([]);

    const detail = (await inspector.get(`/api/patrol/lessons/${lesson.a}`)).json();
    expect(detail).toMatchObject({ canPatrol: true, whyNot: null });
    expect(detail.mine).toMatchObject({ score: 4 });
    expect(detail.patrols.map((p: Patrol) => p.patrollerName).sort()).toEqual(['刘振海', '马建国'].sort());
    // The principal sees the inspector's patrol of their school's lesson, and its note.
    const seen = (await principal.get(`/api/patrol/lessons/${lesson.a}`)).json();
    expect(seen.patrols).toHaveLength(2);
    // 莘县's inspector finds nothing of 冠县.
    const shenxian = await t.login('shenxian.inspector');
    expect((await shenxian.get('/api/patrol/records?pageSize=100')).json().total).toBe(0);
    expect((await shenxian.get(`/api/patrol/lessons/${lesson.a}`)).statusCode).toBe(404);
    expect((await patrol(shenxian, lesson.a, { scores: scores(1, 1, 1, 1) })).statusCode).toBe(404);
    const stats = (await shenxian.get('/api/patrol/stats')).json();
    expect(stats.totals.patrols).toBe(0);
    expect(stats.schools).toEqual([]);
    // The city's inspector patrols in every county; a researcher only reads.
    const cityInspector = await t.login('city.inspector');
    expect((await patrol(cityInspector, lesson.sxsy, { scores: scores(5, 5, 4, 4) })).statusCode).toBe(200);
    const researcher = await t.login('guanxian.researcher');
    expect((await researcher.get('/api/patrol/wall')).statusCode).toBe(200);
    expect((await patrol(researcher, lesson.a, { scores: scores(3, 3, 3, 3) })).statusCode).toBe(403);
    expect((await researcher.get(`/api/patrol/lessons/${lesson.a}`)).json()).toMatchObject({ canPatrol: false, whyNot: 'no_right' });
  });

  it('lists the records in scope, the caller\'s own with mine=true', async () => {
    const all = (await principal.get('/api/patrol/records?pageSize=100')).json() as { items: Patrol[]; total: number };
    // The school's: its principal's three and the inspector's one (not the inspector's of 冠县第二实验小学).
    expect(all.total).toBe(4);
    expect(all.items.every((p) => p.schoolCode === DEMO_SCHOOLS.guanxianShiyan.code)).toBe(true);
    const mine = (await inspector.get('/api/patrol/records?mine=true')).json() as { items: Patrol[]; total: number };
    expect(mine.total).toBe(2);
    expect(mine.items.every((p) => p.mine)).toBe(true);
  });

  it('counts the term per school and per teacher, the term coming from the calendar', async () => {
    const res = await principal.get('/api/patrol/stats');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.term).toMatchObject({ name: '2017—2018学年第二学期', startsOn: '2018-03-05', endsOn: '2018-07-06' });
    expect(s.terms.map((x: { name: string }) => x.name)).toEqual(['2017—2018学年第二学期', '2017—2018学年第一学期']);
    expect(s.totals).toMatchObject({ patrols: 4, lessons: 3, schools: 1, patrollers: 2 });
    expect(s.schools).toEqual([expect.objectContaining({ schoolCode: DEMO_SCHOOLS.guanxianShiyan.code, patrols: 4, lessons: 3, patrollers: 2 })]);
    // (5 + 3 + 4.5 + 4) / 4
    expect(s.totals.meanScore).toBeCloseTo(4.125, 1);
    const li = s.teachers.find((x: { teacherName: string }) => x.teacherName === '李晓燕');
    expect(li).toMatchObject({ lessons: 2, patrols: 3 });
    expect(s.teachersTotal).toBe(2);
    // The other term holds none; a subject narrows.
    const autumn = s.terms.find((x: { name: string }) => x.name === '2017—2018学年第一学期');
    expect((await principal.get(`/api/patrol/stats?termId=${autumn.id}`)).json().totals.patrols).toBe(0);
    expect((await principal.get(`/api/patrol/stats?subject=${encodeURIComponent('语文')}`)).json().totals.patrols).toBe(1);
    expect((await principal.get('/api/patrol/stats?termId=999999')).statusCode).toBe(404);
    expect((await principal.get('/api/patrol/stats?from=2018-04-05&to=2018-04-01')).json().code).toBe('PATROL_RANGE_INVALID');
    // The county sees both of its schools.
    const county = (await inspector.get('/api/patrol/stats')).json();
    expect(county.totals).toMatchObject({ patrols: 5, schools: 2 });
  });

  it('exports the statistics by school and by teacher with the page\'s figures', async () => {
    const read = async (by: string) => {
      const res = await inspector.get(`/api/patrol/stats/export.xlsx?by=${by}`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const stats = (await inspector.get('/api/patrol/stats')).json();
    const bySchool = await read('school');
    expect(bySchool[0]).toEqual(['县(市、区)', '学校名称', '学校标识码', '巡课次数', '巡课节数', '平均分（1–5）', '巡课人数']);
    for (const s of stats.schools) {
      expect(bySchool).toContainEqual([s.countyName, s.schoolName, s.schoolCode, s.patrols, s.lessons, s.meanScore, s.patrollers]);
    }
    const byTeacher = await read('teacher');
    expect(byTeacher).toHaveLength(stats.teachersTotal + 1);
    expect(await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'patrol.export').execute()).toHaveLength(2);
  });

  it('closes the day: tomorrow yesterday\'s patrols stay counted and can no longer be corrected', async () => {
    t.clock.set(new Date('2018-04-05T09:00:00+08:00'));
    try {
      // A new day is a new session (sessions end after 30 idle minutes).
      principal = await t.login('gxsy.principal');
      const res = await patrol(principal, lesson.a, { scores: scores(1, 1, 1, 1) });
      expect(res.json().code).toBe('PATROL_NOT_TODAY');
      expect((await wall(principal)).items).toEqual([]);
      expect((await principal.get('/api/patrol/stats')).json().totals.patrols).toBe(4);
      const detail = (await principal.get(`/api/patrol/lessons/${lesson.a}`)).json();
      expect(detail).toMatchObject({ canPatrol: false, whyNot: 'not_today', mine: null });
    } finally {
      t.clock.set(new Date('2018-04-04T11:00:00+08:00'));
    }
  });
});
