import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { ManualClock } from '../clock.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { seedCity } from './seed-city.js';
import { createTestDb } from '../test-support/test-db.js';
import { seedDemoRollout } from './rollout.demo-seed.js';
import { createRolloutService } from '../modules/rollout/rollout.service.js';

type TestDb = Awaited<ReturnType<typeof createTestDb>>;
const dialect = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

/** The demo city's rollout as the bureau sees it on 2018-04-04: believable, and the same every run. */
describe(`rollout demo seed, demo scale (${dialect})`, () => {
  let db: TestDb;
  let rollout: ReturnType<typeof createRolloutService>;
  let city: Actor;

  beforeAll(async () => {
    db = await createTestDb();
    await seedCity(db, { scale: 'demo', passwordHash: await hashPassword(DEMO_PASSWORD) });
    const { id: cityId } = await db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
    await seedDemoRollout(db.db, cityId);
    const clock = new ManualClock(new Date('2018-04-04T09:00:00+08:00'));
    rollout = createRolloutService({ db, clock, audit: createAuditService({ db, clock }) });
    city = {
      userId: 0, username: 'city', name: '市', kind: 'staff', sessionId: 0, csrfToken: '', permissions: new Set(['rollout:read']),
      grants: [{ assignmentId: 0, role: 'city_admin', department: null, cityId, countyId: null, schoolId: null }],
    };
  }, 120_000);
  afterAll(() => db?.dropAll());

  it('shares the article\'s targets out so that each county\'s target is its programme schools', async () => {
    const rows = await rollout.countyProgress(city, { asOf: '2018-04-04' });
    const sum = (batch: string, group: string, k: 'target' | 'schools') => rows.filter((r) => r.batch === batch && r.group === group).reduce((n, r) => n + r[k], 0);
    expect([sum('2018-08', 'kindergarten', 'target'), sum('2018-08', 'primaryAndJunior', 'target'), sum('2019-02', 'primaryAndJunior', 'target')]).toEqual([200, 150, 280]);
    expect(rows.every((r) => r.target === r.schools)).toBe(true);
    // Half a year before the first batch is due: some done, nothing of the second batch in use.
    const first = rows.filter((r) => r.batch === '2018-08');
    const share = (k: 'registered' | 'activated' | 'inRegularUse') => first.reduce((n, r) => n + r[k], 0) / 350;
    expect(share('registered')).toBeGreaterThan(0.5);
    expect(share('activated')).toBeGreaterThan(0.15);
    expect(share('inRegularUse')).toBeLessThan(share('activated'));
    expect(rows.filter((r) => r.batch === '2019-02').reduce((n, r) => n + r.inRegularUse, 0)).toBe(0);
  });

  it('has some schools overdue on 2018-04-04, and the built ones without a named person after 04-30', async () => {
    const today = await rollout.overdue(city, { asOf: '2018-04-04' });
    const schools = new Set(today.items.map((i) => i.schoolId));
    expect(schools.size).toBeGreaterThan(15);
    expect(schools.size).toBeLessThan(120);
    expect(today.items.every((i) => i.source === 'plan')).toBe(true);
    const may = await rollout.overdue(city, { asOf: '2018-05-01' });
    const unnamed = may.items.filter((i) => i.requirement === 'named_person');
    expect(unnamed.length).toBeGreaterThan(10);
    expect(unnamed.every((i) => i.built && i.department !== 'research')).toBe(true);
    expect(unnamed.some((i) => i.schoolName === '莘县实验小学' && i.departmentName === '电教馆')).toBe(true);
    expect(unnamed.some((i) => i.schoolName === '冠县实验小学')).toBe(false);
  });

  it('records nothing after the demo\'s today and keeps each school\'s milestones in order', async () => {
    const rows = await db.db.selectFrom('rollout_milestones').select(['school_id', 'milestone', 'done_on', 'evidence_note', 'recorded_by_user_id']).execute();
    const done = rows.filter((r) => r.done_on !== null);
    expect(done.every((r) => r.done_on! <= '2018-04-04' && r.evidence_note && r.recorded_by_user_id)).toBe(true);
    const order = ['registered', 'installed', 'activated', 'in_regular_use'];
    const bySchool = new Map<number, typeof done>();
    for (const r of done) bySchool.set(r.school_id, [...(bySchool.get(r.school_id) ?? []), r]);
    for (const list of bySchool.values()) {
      const dates = list.sort((a, b) => order.indexOf(a.milestone) - order.indexOf(b.milestone)).map((r) => r.done_on!);
      expect(dates).toEqual([...dates].sort());
    }
  });
});
