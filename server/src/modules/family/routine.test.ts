import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { addClassStaff, addParent, classOfParent, nthClass, userId } from './family.test-kit.js';

/**
 * The campus routine (日常): a child's day follows the school calendar (清明 has no lessons and
 * says so; the 调休 Sunday 2018-04-08 runs Friday's timetable), homework is held to the national
 * limits (a warning for the poster, a notification for the head teacher), the county's weekly
 * figure is the sum of its schools, and a parent reaches only their own child's class.
 */
describe('routine: timetable, a child\'s day and homework against the national limits', () => {
  let t: TestApp;
  let classA: number;
  let classB: number;
  let childA: number;
  let childB: number;
  let schoolId: number;
  let grade2Class: number;
  let grade3Class: number;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2018-04-09T01:00:00Z') });
    const a = await classOfParent(t.db.db, 'gxsy.parent');
    const b = await classOfParent(t.db.db, 'gxsy.parent2');
    [classA, classB, childA, childB, schoolId] = [a.classId, b.classId, a.studentId, b.studentId, a.schoolId];
    // The 2018 terms of the demo city: the days around 清明 are in the spring term.
    const city = await t.db.db.selectFrom('schools').select('city_id').where('id', '=', schoolId).executeTakeFirstOrThrow();
    await seedDemoCalendar(t.db.db, city.city_id);
    // The test school's grade-2 classes come after the two grade-1 classes.
    grade2Class = await nthClass(t.db.db, schoolId, 2);
    // A grade-3 class (the test seed stops at grade 2), its head teacher gxsy.teacher.
    const grade = await t.db.db.insertInto('grades').values({ school_id: schoolId, name: '三年级', level: 3 }).returning('id').executeTakeFirstOrThrow();
    grade3Class = (await t.db.db.insertInto('classes').values({ school_id: schoolId, grade_id: grade.id, name: '三年级(1)班' }).returning('id').executeTakeFirstOrThrow()).id;
    await addClassStaff(t.db.db, { userId: await userId(t.db.db, 'gxsy.teacher'), classId: grade3Class, duty: 'head', subject: '语文' });
  });
  afterAll(async () => t.close());

  it('gives a Monday its own lessons, the 调休 Sunday the Friday it replaces, 清明 none with its name', async () => {
    const parent = await t.login('gxsy.parent');
    const monday = (await parent.get(`/api/family/children/${childA}/today?day=2018-04-09`)).json();
    expect(monday).toMatchObject({ schoolDay: true, reason: 'school_day', timetableWeekday: 1 });
    expect(monday.lessons.map((l: { subject: string }) => l.subject)).toEqual(['语文', '数学', '语文', '音乐', '体育', '道德与法治']);

    const makeup = (await parent.get(`/api/family/children/${childA}/today?day=2018-04-08`)).json();
    expect(makeup).toMatchObject({ schoolDay: true, reason: 'makeup_workday', timetableWeekday: 5 });
    expect(makeup.lessons.map((l: { subject: string }) => l.subject)).toEqual(['语文', '数学', '科学', '道德与法治', '班会', '阅读']);

    const holiday = (await parent.get(`/api/family/children/${childA}/today?day=2018-04-05`)).json();
    expect(holiday).toMatchObject({ schoolDay: false, reason: 'public_holiday', reasonName: '清明', timetableWeekday: null, lessons: [] });

    // Default: today on the clock (Monday 2018-04-09 in Liaocheng).
    expect((await parent.get(`/api/family/children/${childA}/today`)).json()).toMatchObject({ day: '2018-04-09', timetableWeekday: 1 });
    const cal = (await parent.get(`/api/family/children/${childA}/school-calendar?from=2018-04-01&to=2018-05-06`)).json();
    expect(cal.days).toEqual(expect.arrayContaining([
      expect.objectContaining({ day: '2018-04-05', schoolDay: false, name: '清明' }),
      expect.objectContaining({ day: '2018-04-08', schoolDay: true, reason: 'makeup_workday', timetableWeekday: 5 }),
    ]));
    expect(cal.days.some((d: { day: string }) => d.day === '2018-04-09')).toBe(false);
    expect(cal.terms.length).toBeGreaterThan(0);
  });

  it('lets class staff replace a timetable and refuses a slot given twice', async () => {
    const teacher = await t.login('gxsy.teacher');
    const lessons = [{ weekday: 1, period: 1, startsAt: '08:00', endsAt: '08:40', subject: '语文', teacherName: '李晓燕' }];
    const saved = await teacher.request('PUT', `/api/classes/${grade3Class}/timetable`, { lessons });
    expect(saved.statusCode).toBe(200);
    expect((await teacher.get(`/api/classes/${grade3Class}/timetable`)).json().lessons).toEqual(lessons);
    const twice = await teacher.request('PUT', `/api/classes/${grade3Class}/timetable`, { lessons: [...lessons, lessons[0]] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('TIMETABLE_SLOT_TWICE');
    // gxsy.teacher is no staff of class B.
    expect((await teacher.request('PUT', `/api/classes/${classB}/timetable`, { lessons })).statusCode).toBe(404);
  });

  it('warns on written homework in grade 2 and tells the class\'s head teacher', async () => {
    const principal = await t.login('gxsy.principal');
    const body = { classId: grade2Class, subject: '数学', content: '口算练习一页', kind: 'written', minutes: 15, assignedOn: '2018-04-09', dueOn: '2018-04-10' };
    const checked = (await principal.request('POST', '/api/homework/check', body)).json();
    expect(checked).toMatchObject({ warning: 'NO_WRITTEN_HOMEWORK', writtenLimit: 0, dayWrittenMinutes: 15 });
    const posted = await principal.request('POST', '/api/homework', body);
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({ warning: 'NO_WRITTEN_HOMEWORK', headTeachersNotified: 1 });
    expect(posted.json().message).toContain('一、二年级不布置书面');
    const head = await t.db.db.selectFrom('class_staff').select('user_id').where('class_id', '=', grade2Class).where('duty', '=', 'head').executeTakeFirstOrThrow();
    const inbox = await t.db.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', head.user_id).where('kind', '=', 'homework_over_limit').execute();
    expect(inbox).toHaveLength(1);
    // Oral homework is fine in grade 2.
    const oral = (await principal.request('POST', '/api/homework/check', { ...body, kind: 'oral' })).json();
    expect(oral.warning).toBeNull();
  });

  it('warns once a grade-3 class\'s written day passes 60 minutes', async () => {
    const teacher = await t.login('gxsy.teacher');
    const base = { classId: grade3Class, subject: '语文', content: '抄写生字', kind: 'written', assignedOn: '2018-04-10', dueOn: '2018-04-11' };
    const first = (await teacher.request('POST', '/api/homework', { ...base, minutes: 40 })).json();
    expect(first).toMatchObject({ warning: null, dayWrittenMinutes: 40, writtenLimit: 60, headTeachersNotified: 0 });
    const second = (await teacher.request('POST', '/api/homework', { ...base, subject: '数学', minutes: 30 })).json();
    expect(second).toMatchObject({ warning: 'OVER_WRITTEN_LIMIT', dayWrittenMinutes: 70, headTeachersNotified: 1 });
    const week = (await teacher.get(`/api/classes/${grade3Class}/homework?from=2018-04-09&to=2018-04-15`)).json();
    expect(week.days.find((d: { day: string }) => d.day === '2018-04-10')).toMatchObject({ writtenMinutes: 70, overLimit: true });
  });

  it('makes the county\'s weekly figure the sum of its schools, and the city\'s the sum of its counties', async () => {
    // A second school of 冠县 posts homework too.
    const gx2 = await t.db.db.selectFrom('users').innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .select(['users.id', 'role_assignments.school_id']).where('users.username', '=', 'gx2.teacher').executeTakeFirstOrThrow();
    const gx2Class = await nthClass(t.db.db, gx2.school_id!, 0);
    await addClassStaff(t.db.db, { userId: gx2.id, classId: gx2Class, duty: 'subject', subject: '数学' });
    const other = await t.login('gx2.teacher');
    expect((await other.request('POST', '/api/homework', { classId: gx2Class, subject: '数学', content: '读一读', kind: 'oral', minutes: 10, assignedOn: '2018-04-11', dueOn: '2018-04-12' })).statusCode).toBe(200);

    const county = (await (await t.login('guanxian.admin')).get('/api/homework/figures?week=2018-04-11')).json();
    expect(county.level).toBe('school');
    expect(county.weekStart).toBe('2018-04-09');
    expect(county.rows.length).toBe(2);
    for (const k of ['classes', 'classDays', 'writtenMinutes', 'overLimitClassDays'] as const) {
      expect(county.total[k]).toBe(county.rows.reduce((n: number, r: Record<string, number>) => n + (r[k] ?? 0), 0));
    }
    expect(county.total).toMatchObject({ classes: 3, classDays: 3, writtenMinutes: 85, overLimitClassDays: 2 });
    const city = (await (await t.login('city.admin')).get('/api/homework/figures?week=2018-04-11')).json();
    expect(city.level).toBe('county');
    expect(city.total).toEqual(county.total);
    // A principal sees the own school only; a parent holds no family:stats.
    const own = (await (await t.login('gxsy.principal')).get('/api/homework/figures?week=2018-04-11')).json();
    expect(own.rows.map((r: { id: number }) => r.id)).toEqual([schoolId]);
    expect((await (await t.login('gxsy.parent')).get('/api/homework/figures')).statusCode).toBe(403);
  });

  it('gives a parent of class A a 404 for class B and an unbound parent nothing', async () => {
    const parent = await t.login('gxsy.parent');
    expect((await parent.get(`/api/classes/${classA}/timetable`)).statusCode).toBe(200);
    expect((await parent.get(`/api/classes/${classB}/timetable`)).statusCode).toBe(404);
    expect((await parent.get(`/api/classes/${classB}/homework`)).statusCode).toBe(404);
    expect((await parent.get(`/api/family/children/${childB}/today`)).statusCode).toBe(404);
    expect((await parent.get(`/api/family/children/${childB}/school-calendar`)).statusCode).toBe(404);
    expect((await parent.get('/api/family/routine/children')).json().items.map((c: { id: number }) => c.id)).toEqual([childA]);

    const unbound = await addParent(t.db.db, { username: 'routine.unbound', children: [] });
    const nobody = await t.login(unbound.username);
    expect((await nobody.get('/api/family/routine/children')).json().items).toEqual([]);
    expect((await nobody.get(`/api/family/children/${childA}/today`)).statusCode).toBe(404);
    expect((await nobody.get(`/api/classes/${classA}/timetable`)).statusCode).toBe(404);
    expect((await nobody.get(`/api/classes/${classA}/homework`)).statusCode).toBe(404);
  });
});
