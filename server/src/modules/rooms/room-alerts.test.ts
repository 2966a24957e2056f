import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { replacedWeekday } from '../calendar/timetable-day.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * Offline rooms before lessons follow the school calendar — no alert on 清明 (a Thursday off),
 * one on the 调休 Sunday that stands in for Friday — and reach the principal's and the 电教馆's
 * inboxes once per room and lesson.
 */
describe('room-offline alerts: school calendar and inboxes', () => {
  let t: TestApp;
  let research: Client;
  let roomId: number;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-02T09:00:00+08:00'));
    const school = await t.db.db.selectFrom('schools').select(['id', 'city_id']).where('name', '=', '冠县实验小学').executeTakeFirstOrThrow();
    await seedDemoCalendar(t.db.db, school.city_id);
    research = await t.login('guanxian.research');
    const created = await research.request('POST', '/api/rooms', { schoolId: school.id, name: '清明测试录播室', status: 'in_use' });
    expect(created.statusCode, created.body).toBe(201);
    roomId = created.json().id;
    // Tuesday, Thursday and Friday at 10:00; the recorder is added but never connects.
    const lesson = { startsAt: '10:00', endsAt: '10:40', subject: '数学', grade: '三年级', classId: null, teacher: '李晓燕' };
    const put = await research.request('PUT', `/api/rooms/${roomId}/timetable`, { lessons: [2, 4, 5].map((weekday) => ({ ...lesson, weekday })) });
    expect(put.statusCode, put.body).toBe(200);
    expect((await research.request('POST', `/api/rooms/${roomId}/devices`, { name: '录播主机' })).statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  const check = (at: string) => t.services.roomAlerts.checkBeforeLessons(new Date(at));
  const alerts = async () => (await t.db.db.selectFrom('room_alerts').select('lesson_start')
    .where('room_id', '=', roomId).where('kind', '=', 'offline_before_lesson').orderBy('lesson_start').execute()).map((a) => a.lesson_start);
  async function inbox(username: string) {
    const res = await (await t.login(username)).get('/api/notifications?pageSize=100');
    return (res.json().items as { kind: string; title: string; body: string; link: string }[]).filter((n) => n.kind === 'room_offline');
  }

  it('alerts on an ordinary school day, and tells the principal and the 电教馆 once each', async () => {
    await check('2018-04-03T09:50:00+08:00');
    await check('2018-04-03T09:51:00+08:00');
    await check('2018-04-03T09:55:00+08:00');
    expect(await alerts()).toEqual(['2018-04-03T02:00:00.000Z']);
    for (const who of ['gxsy.principal', 'guanxian.edtech']) {
      const mine = await inbox(who);
      expect(mine, who).toHaveLength(1);
      expect(mine[0]).toMatchObject({ title: '录播室「清明测试录播室」离线，即将上课', link: '/rooms' });
      expect(mine[0]!.body).toContain('10:00 的数学课即将开始');
    }
    // Neither another school's principal nor the county's other departments.
    for (const who of ['gxsy.teacher', 'guanxian.research', 'sxsy.principal', 'shenxian.edtech']) expect(await inbox(who), who).toEqual([]);
  });

  it('raises nothing on 清明 (Thursday 2018-04-05), a public holiday', async () => {
    await check('2018-04-05T09:50:00+08:00');
    expect(await alerts()).toEqual(['2018-04-03T02:00:00.000Z']);
    // Nor on Friday 2018-04-06, a day off in lieu.
    await check('2018-04-06T09:50:00+08:00');
    expect(await alerts()).toEqual(['2018-04-03T02:00:00.000Z']);
  });

  it('alerts on the 调休 Sunday 2018-04-08 by Friday\'s timetable, which it stands in for', async () => {
    expect(replacedWeekday('2018-04-08')).toBe(5);
    await check('2018-04-08T09:50:00+08:00');
    await check('2018-04-08T09:52:00+08:00');
    expect(await alerts()).toEqual(['2018-04-03T02:00:00.000Z', '2018-04-08T02:00:00.000Z']);
    expect(await inbox('gxsy.principal')).toHaveLength(2);
    expect(await inbox('guanxian.edtech')).toHaveLength(2);
  });

  it('raises nothing between terms', async () => {
    await check('2018-08-07T09:50:00+08:00'); // a Tuesday of the summer holiday
    expect(await alerts()).toHaveLength(2);
  });
});

describe('the weekday a 调休 working day stands in for', () => {
  it('pairs each working weekend day with a day taken off for the same holiday', () => {
    expect(replacedWeekday('2018-04-28')).toBe(1); // Saturday of 劳动节 pays for Monday 04-30
    expect(replacedWeekday('2018-09-29')).toBe(4); // 国庆: Saturday for Thursday 10-04 …
    expect(replacedWeekday('2018-09-30')).toBe(5); // … Sunday for Friday 10-05
    expect(replacedWeekday('2018-04-07')).toBeNull(); // a plain Saturday off
    expect(replacedWeekday('2018-04-04')).toBeNull(); // a plain Wednesday
  });
});
