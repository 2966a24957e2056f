import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemoResources } from './demo-resources.js';

/** The demo library on the test city: published and featured resources, review queues, uses reaching village schools. */
describe('demo resources', () => {
  let t: TestApp;
  let summary: Awaited<ReturnType<typeof seedDemoResources>>;
  const now = new Date('2026-12-06T12:00:00+08:00');

  beforeAll(async () => {
    t = await createTestApp({ now });
    const city = await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
    summary = await seedDemoResources(t.db.db, city.id, now);
  });
  afterAll(async () => t.close());

  it('publishes forty resources, some featured, and leaves a queue at every review level', async () => {
    expect(summary.resources).toBe(40);
    const db = t.db.db;
    const stages = await db.selectFrom('resources').select(['review_stage', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('review_stage').execute();
    expect(Object.fromEntries(stages.map((s) => [s.review_stage, Number(s.n)]))).toEqual({ done: 40, school: 2, county: 2, city: 2 });
    const featured = await db.selectFrom('resources').select('id').where('feature', 'is not', null).execute();
    expect(featured.length).toBeGreaterThanOrEqual(5);
    // Nothing is used before it was published.
    const early = await db.selectFrom('resource_uses').innerJoin('resources', 'resources.id', 'resource_uses.resource_id')
      .select('resource_uses.id').whereRef('resource_uses.at', '<=', 'resources.published_at').execute();
    expect(early).toEqual([]);
    // Seeding again adds nothing.
    expect(await seedDemoResources(db, 1, now)).toEqual({ resources: 0, pending: 0, uses: 0 });
  });

  it('gives the equity page a picture: producers, users across months, village schools among them', async () => {
    const admin = await t.login('city.admin');
    const res = await admin.get('/api/equity?month=2026-12');
    expect(res.statusCode).toBe(200);
    const o = res.json() as { total: { producers: number; users: number; villageSchools: number }; trend: { month: string; users: number }[]; flows: unknown[] };
    expect(summary.uses).toBeGreaterThan(0);
    expect(o.trend.filter((m) => m.users > 0).length).toBeGreaterThanOrEqual(4);
    expect(o.flows.length).toBeGreaterThan(0);
    const village = await t.db.db.selectFrom('resource_uses').innerJoin('schools', 'schools.id', 'resource_uses.school_id')
      .select('schools.id').where('schools.poor_village', '=', 1).limit(1).execute();
    expect(village.length).toBe(1);
  });
});
