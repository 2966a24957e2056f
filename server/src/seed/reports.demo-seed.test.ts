import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemoCalendar } from '../modules/calendar/calendar.demo-seed.js';
import { addRecording, demoSchools } from '../modules/compliance/compliance.test-kit.js';
import { createComplianceService } from '../modules/compliance/compliance.service.js';
import { seedDemoRollout } from './rollout.demo-seed.js';
import { seedDemoReports } from './reports.demo-seed.js';

describe('the demo city\'s March reports', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof demoSchools>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T20:00:00+08:00'));
    s = await demoSchools(t.db.db);
    await seedDemoCalendar(t.db.db, s.cityId);
    await seedDemoRollout(t.db.db, s.cityId);
    // From 03-26, 冠县第二实验小学 records one lesson a day and nothing after the 28th: it lags most.
    for (const day of ['2018-03-26', '2018-03-27', '2018-03-28']) {
      await addRecording(t.db.db, { schoolId: s.gx2.id, day, group: `gx2-${day}`, counts: 1 });
      for (const g of ['a', 'b']) await addRecording(t.db.db, { schoolId: s.gxsy.id, day, group: `gxsy-${day}-${g}`, counts: 1 });
    }
    await createComplianceService({ db: t.db, clock: t.clock }).trackSchools([s.gxsy, s.gx2].map((x) => ({ schoolId: x.id, since: '2018-03-26' })));
    expect(await seedDemoReports(t.db, s.cityId)).toBe(24);
    expect(await seedDemoReports(t.db, s.cityId)).toBe(0);
  });
  afterAll(async () => t.close());

  it('has every county department\'s March report, mostly approved, and 冠县电教馆\'s returned with a comment naming the lagging school', async () => {
    const city = await t.login('city.admin');
    const all = (await city.get('/api/reports?pageSize=100')).json() as { items: { id: number; countyName: string; department: string; status: string; returnComment: string | null }[]; total: number };
    expect(all.total).toBe(24);
    const byStatus = (st: string) => all.items.filter((r) => r.status === st);
    expect(byStatus('approved').length).toBe(20);
    expect(byStatus('submitted').length).toBe(2);
    expect(byStatus('draft').length).toBe(1);
    const [returned] = byStatus('returned');
    expect(returned).toMatchObject({ countyName: '冠县', department: 'edtech' });
    expect(returned!.returnComment).toContain('冠县第二实验小学');

    const detail = (await (await t.login('guanxian.edtech')).get(`/api/reports/${returned!.id}`)).json() as {
      status: string; can: { edit: boolean }; problems: string; history: { action: string; actorName: string }[];
      figures: { compliance: { department: { schools: number; missedDays: number } }; rollout: unknown[] };
    };
    expect(detail).toMatchObject({ status: 'returned', can: { edit: true } });
    expect(detail.history.map((h) => h.action)).toEqual(['create', 'submit', 'return']);
    expect(detail.history[2]!.actorName).toBe('孙立新');
    expect(detail.figures.compliance.department).toMatchObject({ schools: 2, missedDays: 7 });
    expect(detail.figures.rollout.length).toBeGreaterThan(0);
    expect(detail.problems).toContain('冠县第二实验小学');

    const inbox = await t.db.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.kind', 'notifications.created_at']).where('notifications.link', '=', `/reports/${returned!.id}`).execute();
    expect(inbox).toEqual([{ username: 'guanxian.edtech', kind: 'report_returned', created_at: expect.stringMatching(/^2018-04-03T/) }]);
  });
});
