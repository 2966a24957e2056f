import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoCalendar } from '../calendar/calendar.demo-seed.js';
import { addRecording, demoSchools } from '../compliance/compliance.test-kit.js';
import { createComplianceService, type ComplianceService } from '../compliance/compliance.service.js';
import { createNotificationGenerators } from './notifications.generators.js';

const userId = async (t: TestApp, username: string) =>
  (await t.db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('notifications: the inbox', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => t.close());

  it('notify puts a notice into each inbox once; the bell counts unread; mark one and all read', async () => {
    const principal = await t.login('gxsy.principal');
    const teacher = await t.login('gxsy.teacher');
    const notify = t.services.notifications.notify;
    expect(await notify([principal.me.id, teacher.me.id, principal.me.id], { kind: 'test', title: '试一下', body: '内容', link: '/schools' })).toBe(2);
    expect(await notify([principal.me.id], { kind: 'test', title: '第二条', body: '内容' })).toBe(1);

    expect((await principal.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    const page = (await principal.get('/api/notifications')).json();
    expect(page).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['第二条', '试一下']);

    const first = page.items[1];
    const read = await principal.request('POST', `/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await principal.get('/api/notifications?unread=true')).json()).toMatchObject({ total: 1, unread: 1 });
    expect((await principal.request('POST', '/api/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await principal.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('refuses a link outside the platform', async () => {
    await expect(t.services.notifications.notify([1], { kind: 'x', title: 'x', body: 'x', link: 'https://evil.example' }))
      .rejects.toMatchObject({ code: 'NOTIFICATION_LINK' });
  });

  it('attacker side: nobody reads or marks another person\'s notification', async () => {
    const owner = await t.login('gx2.teacher');
    const other = await t.login('gxsy.teacher');
    await t.services.notifications.notify([owner.me.id], { kind: 'test', title: '只给张老师', body: '私信' });
    const mine = (await owner.get('/api/notifications')).json().items[0];
    expect(mine.title).toBe('只给张老师');
    expect((await other.get('/api/notifications')).body).not.toContain('只给张老师');
    const res = await other.request('POST', `/api/notifications/${mine.id}/read`);
    expect(res.statusCode).toBe(404);
    await other.request('POST', '/api/notifications/read-all');
    expect((await owner.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('notifications: quota reminders and department digests', () => {
  let t: TestApp;
  let compliance: ComplianceService;
  let s: Awaited<ReturnType<typeof demoSchools>>;
  const generators = () => createNotificationGenerators({
    db: t.db.db, clock: t.clock, compliance, notify: t.services.notifications.notify, reminderHour: 15, digestHour: 7,
  });
  const inbox = (username: string, kind: string) =>
    t.db.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['notifications.title', 'notifications.body', 'notifications.link', 'notifications.dedupe_key'])
      .where('users.username', '=', username).where('notifications.kind', '=', kind).orderBy('notifications.id').execute();

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-02T08:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    compliance = createComplianceService({ db: t.db, clock: t.clock });
    await compliance.trackSchools([s.gxsy, s.gx2, s.sxsy, s.guanxianKindergarten].map((x) => ({ schoolId: x.id, since: '2018-04-02' })));
    // Wednesday 2018-04-04: 冠县实验小学 one counted lesson (and a 10-minute one), 冠县第二实验小学 two, 莘县实验小学 none.
    t.clock.set(new Date('2018-04-04T10:00:00+08:00'));
    for (const spec of [
      { schoolId: s.gxsy.id, group: 'a', counts: 1 as const }, { schoolId: s.gxsy.id, group: 'b', counts: 0 as const, minutes: 10 },
      { schoolId: s.gx2.id, group: 'c', counts: 1 as const }, { schoolId: s.gx2.id, group: 'd', counts: 1 as const },
    ]) {
      await addRecording(t.db.db, { ...spec, day: '2018-04-04' });
      await compliance.onRecordingChanged({ schoolId: spec.schoolId, day: '2018-04-04' });
    }
  });
  afterAll(async () => t.close());

  it('before the reminder hour nobody is reminded', async () => {
    t.clock.set(new Date('2018-04-04T14:59:00+08:00'));
    expect(await generators().quotaReminders()).toBe(0);
  });

  it('from the hour, the principals of each school short of its quota get one reminder — run twice, or at once from two processes, still one', async () => {
    t.clock.set(new Date('2018-04-04T15:05:00+08:00'));
    const [a, b] = await Promise.all([generators().quotaReminders(), generators().quotaReminders()]);
    // gxsy (1/2) and sxsy (0/2) each have a named and a generated principal, the kindergarten (0/2)
    // a generated one; gx2 met its quota.
    expect(a + b).toBe(5);
    expect(await generators().quotaReminders()).toBe(0);
    const gx = await inbox('gxsy.principal', 'quota_reminder');
    expect(gx).toHaveLength(1);
    expect(gx[0]).toMatchObject({ title: '冠县实验小学今日录播课 1/2 节', link: `/dashboard/schools/${s.gxsy.id}?asOf=2018-04-04`, dedupe_key: `quota_reminder:2018-04-04:${s.gxsy.id}` });
    expect(await inbox('sxsy.principal', 'quota_reminder')).toHaveLength(1);
    expect(await inbox(`p${s.gx2.code}`, 'quota_reminder')).toHaveLength(0);
    // The kindergarten (tracked, 0 lessons) has a generated principal too.
    expect(await inbox(`p${s.guanxianKindergarten.code}`, 'quota_reminder')).toHaveLength(1);
  });

  it('no reminder on a day that is no school day (Qingming, 2018-04-05)', async () => {
    t.clock.set(new Date('2018-04-05T16:00:00+08:00'));
    expect(await generators().quotaReminders()).toBe(0);
  });

  it('the morning after, each county department gets its schools\' day: 教科所 all, 电教馆 primary and junior, 学前教研室 kindergartens — once', async () => {
    t.clock.set(new Date('2018-04-05T07:30:00+08:00'));
    const added = await generators().dailyDigests();
    expect(await generators().dailyDigests()).toBe(0);
    const research = await inbox('guanxian.research', 'daily_digest');
    expect(research).toHaveLength(1);
    expect(research[0]!.title).toBe('4月4日录播日报：1/3 所学校达标');
    expect(research[0]!.body).toContain('冠县实验小学（1/2）');
    expect(research[0]!.link).toBe(`/dashboard/compliance?from=2018-04-04&to=2018-04-04&countyId=${s.guanxian}&met=false`);
    expect(research[0]!.body).not.toContain('冠县第二实验小学（');
    expect((await inbox('guanxian.edtech', 'daily_digest'))[0]!.title).toBe('4月4日录播日报：1/2 所学校达标');
    const preschool = await inbox('guanxian.preschool', 'daily_digest');
    expect(preschool[0]!.title).toBe('4月4日录播日报：0/1 所学校达标');
    expect((await inbox('shenxian.research', 'daily_digest'))[0]!.title).toBe('4月4日录播日报：0/1 所学校达标');
    // 莘县 tracks no kindergarten: its 学前教研室 gets nothing; other counties track nothing.
    expect(await inbox('shenxian.preschool', 'daily_digest')).toHaveLength(0);
    expect(await inbox('linqing.research', 'daily_digest')).toHaveLength(0);
    expect(added).toBe(3 + 2);
  });

  it('no digest after a day without school (the morning after Qingming)', async () => {
    t.clock.set(new Date('2018-04-06T09:00:00+08:00'));
    expect(await generators().dailyDigests()).toBe(0);
  });

  it('the maintenance entry point runs what is due: on 04-04 at 16:00 the reminders are out, Tuesday\'s digest is not yet', async () => {
    t.clock.set(new Date('2018-04-04T16:00:00+08:00'));
    const first = await generators().runDue();
    expect(first.reminders).toBe(0);
    expect(first.digests).toBe(5);
    expect(await generators().runDue()).toEqual({ reminders: 0, digests: 0 });
    const gx = await userId(t, 'guanxian.research');
    const digests = await t.db.db.selectFrom('notifications').select('dedupe_key').where('user_id', '=', gx).where('kind', '=', 'daily_digest').orderBy('id').execute();
    expect(digests.map((d) => d.dedupe_key)).toEqual([`daily_digest:2018-04-04:${s.guanxian}:research`, `daily_digest:2018-04-03:${s.guanxian}:research`]);
  });
});
