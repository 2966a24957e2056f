import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { type Actor, type Grant, permissionsOf } from '../../access/actor.js';
import type { Role } from '../../../../shared/domain.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addResource, addUse } from '../resources/resources.test-kit.js';
import { userIdOf } from '../research/research.test-kit.js';
import { createEquityService, type EquityService } from './equity.service.js';
import { EQUITY_SHEETS } from './equity.export.js';

/**
 * Acceptance 5: a small city built here (均衡市: 甲县 and 乙县, seven schools) with known
 * production and use in November 2026; every figure below is worked out by hand in the comments,
 * not by calling the code under test.
 *
 * Schools (kind, locality):
 *   A1 甲县实验小学  primary urban         publishes R1 (数学三年级, 优课), R2 (英语三年级), R3 (科学四年级)
 *   A2 甲县村小      primary rural 贫困村  R6 published then withdrawn (does not count), R7 waiting for review (does not count)
 *   A3 甲县中学      junior  rural
 *   B1 乙县实验小学  primary urban         publishes R4 (语文三年级, 精品课)
 *   B2 乙县村幼儿园  kindergarten rural 贫困村
 *   B3 乙县二小      primary rural         published R5 (数学五年级, 优课) in October
 *   B4 乙县教学点    primary rural 贫困村  does nothing: the one idle school
 * R3 is published at 2026-10-31T17:00Z = 11-01 01:00 in Shanghai: it counts in November.
 *
 * November uses (school → resource, from county → to county):
 *   A2: R4 ×2 (乙→甲, featured), R2 ×1 (甲→甲)        A3: R2 ×1 (甲→甲)
 *   B1: R1 ×1 (甲→乙)   B2: R1 ×1 (甲→乙, featured)   B3: R3 ×1 (甲→乙)
 *   not counted: an anonymous view of R4 (no school); B3's use at 2026-11-30T20:00Z (= 12-01 in Shanghai).
 * October: A2 uses R5 once.
 */
describe('equity figures of a hand-computed city (acceptance 5)', () => {
  let t: TestApp;
  let equity: EquityService;
  const id: Record<string, number> = {};
  let cityId = 0;
  let countyA = 0;
  let countyB = 0;

  function actor(role: Role, node: { cityId?: number; countyId?: number; schoolId?: number }): Actor {
    const grants: Grant[] = [{
      assignmentId: 0, role, department: role === 'dept_staff' ? 'research' : null,
      cityId: node.cityId ?? cityId, countyId: node.countyId ?? null, schoolId: node.schoolId ?? null,
    }];
    return { userId: id.publisher!, username: 'x', name: 'x', kind: 'staff', sessionId: 0, csrfToken: '', grants, permissions: permissionsOf(grants) };
  }

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-20T10:00:00+08:00') });
    equity = createEquityService({ db: t.db, clock: t.clock });
    const db = t.db.db;
    id.publisher = await userIdOf(db, 'gxsy.teacher');
    const region = async (code: string, name: string, level: 'city' | 'county', parent: number | null) =>
      (await db.insertInto('regions').values({ code, name, level, parent_id: parent, bureau_name: `${name}教育局` }).returning('id').executeTakeFirstOrThrow()).id;
    cityId = await region('379901', '均衡市', 'city', null);
    countyA = await region('379902', '甲县', 'county', cityId);
    countyB = await region('379903', '乙县', 'county', cityId);
    const now = new Date().toISOString();
    const school = async (key: string, name: string, county: number, kind: 'primary' | 'junior' | 'kindergarten', locality: 'urban' | 'rural', poor: boolean) => {
      id[key] = (await db.insertInto('schools').values({
        code: `99990000${String(Object.keys(id).length).padStart(2, '0')}`, name, kind, county_id: county, city_id: cityId, township: '镇', locality,
        poor_village: poor ? 1 : 0, student_count: 100, staff_count: 10, address: '', contact_name: '', contact_phone: '', batch: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow()).id;
    };
    await school('A1', '甲县实验小学', countyA, 'primary', 'urban', false);
    await school('A2', '甲县村小', countyA, 'primary', 'rural', true);
    await school('A3', '甲县中学', countyA, 'junior', 'rural', false);
    await school('B1', '乙县实验小学', countyB, 'primary', 'urban', false);
    await school('B2', '乙县村幼儿园', countyB, 'kindergarten', 'rural', true);
    await school('B3', '乙县二小', countyB, 'primary', 'rural', false);
    await school('B4', '乙县教学点', countyB, 'primary', 'rural', true);
    await db.insertInto('grades').values({ school_id: id.A2!, name: '三年级', level: 3 }).execute();
    // B4's principal (an account of the test city given a second post here) answers for it.
    id.principal = await userIdOf(db, 'gxsy.principal');
    await db.insertInto('role_assignments').values({
      user_id: id.principal, role: 'principal', department: null, city_id: cityId, county_id: countyB, school_id: id.B4!, created_at: now,
    }).execute();

    const pub = id.publisher!;
    const nov = '2026-11-05T09:00:00+08:00';
    id.R1 = await addResource(db, { schoolId: id.A1!, publisherUserId: pub, subject: '数学', grade: '三年级', requestedScope: 'city', feature: 'quality', at: nov });
    id.R2 = await addResource(db, { schoolId: id.A1!, publisherUserId: pub, subject: '英语', grade: '三年级', requestedScope: 'city', at: nov });
    id.R3 = await addResource(db, { schoolId: id.A1!, publisherUserId: pub, subject: '科学', grade: '四年级', requestedScope: 'city', at: '2026-10-31T17:00:00.000Z' });
    id.R4 = await addResource(db, { schoolId: id.B1!, publisherUserId: pub, subject: '语文', grade: '三年级', requestedScope: 'city', feature: 'premium', at: nov });
    id.R5 = await addResource(db, { schoolId: id.B3!, publisherUserId: pub, subject: '数学', grade: '五年级', requestedScope: 'city', feature: 'quality', at: '2026-10-15T09:00:00+08:00' });
    id.R6 = await addResource(db, { schoolId: id.A2!, publisherUserId: pub, visibleScope: null, at: nov });
    id.R7 = await addResource(db, { schoolId: id.A2!, publisherUserId: pub, reviewStage: 'school', at: nov });

    const use = (school: string, resource: string, at = '2026-11-10T10:00:00+08:00') => addUse(db, { resourceId: id[resource]!, schoolId: id[school]!, at });
    await use('A2', 'R4'); await use('A2', 'R4'); await use('A2', 'R2'); await use('A3', 'R2');
    await use('B1', 'R1'); await use('B2', 'R1'); await use('B3', 'R3');
    await addUse(db, { resourceId: id.R4!, at: '2026-11-10T10:00:00+08:00' });
    await use('B3', 'R2', '2026-11-30T20:00:00.000Z');
    await use('A2', 'R5', '2026-10-20T10:00:00+08:00');
  });
  afterAll(async () => t.close());

  it('the city: producers, users, Gini and 差异系数 of production and use, village reach', async () => {
    const o = await equity.overview(actor('city_admin', {}), { month: '2026-11' });
    const city = o.regions.find((r) => r.level === 'city')!;
    // Production per school [A1..B4] = [3,0,0,1,0,0,0]: n = 7, total 4, mean 4/7.
    // Gini: sorted [0,0,0,0,0,1,3], Σ i·x = 6·1 + 7·3 = 27; G = 2·27/(7·4) − 8/7 = 54/28 − 32/28 = 11/14.
    // CV: Σx² = 10, variance = 10/7 − (4/7)² = 54/49, σ = √54 / 7, CV = (√54/7)/(4/7) = √54 / 4 ≈ 1.8371.
    expect(city).toMatchObject({ schools: 7, producers: 2, produced: 4 });
    expect(city.productionGini).toBeCloseTo(11 / 14, 10);
    expect(city.productionCv).toBeCloseTo(1.8371173070873836, 10);
    // Use per school = [0,3,1,1,1,1,0]: total 7, mean 1. Gini: sorted [0,0,1,1,1,1,3], Σ i·x = 3+4+5+6+21 = 39;
    // G = 78/49 − 56/49 = 22/49. CV: Σx² = 13, variance = 13/7 − 1 = 6/7, CV = √(6/7) ≈ 0.9258.
    expect(city).toMatchObject({ users: 5, used: 7 });
    expect(city.useGini).toBeCloseTo(22 / 49, 10);
    expect(city.useCv).toBeCloseTo(0.9258200997725514, 10);
    // 贫困村 schools A2, B2, B4; A2 used R4 (精品课) and B2 used R1 (优课); B4 nothing → 2/3.
    expect(city).toMatchObject({ villageSchools: 3, villageReached: 2 });
    expect(city.villageReach).toBeCloseTo(2 / 3, 10);
  });

  it('each county, each kind and each locality group', async () => {
    const o = await equity.overview(actor('city_admin', {}), { month: '2026-11' });
    const a = o.regions.find((r) => r.id === countyA)!;
    const b = o.regions.find((r) => r.id === countyB)!;
    // 甲县 production [3,0,0]: G = 2·(3·3)/(3·3) − 4/3 = 2/3; mean 1, variance 9/3 − 1 = 2, CV = √2.
    expect(a.productionGini).toBeCloseTo(2 / 3, 10);
    expect(a.productionCv).toBeCloseTo(Math.SQRT2, 10);
    // 乙县 production [1,0,0,0]: G = 3/4 (one school holds all of four); CV = √3.
    expect(b.productionGini).toBeCloseTo(0.75, 10);
    expect(b.productionCv).toBeCloseTo(Math.sqrt(3), 10);
    // 甲县 use [0,3,1]: sorted Σ i·x = 2·1 + 3·3 = 11, G = 22/(3·4) − 4/3 = 1/2; village reach 1/1.
    expect(a.useGini).toBeCloseTo(0.5, 10);
    expect(a).toMatchObject({ villageSchools: 1, villageReached: 1, villageReach: 1 });
    const city = o.regions.find((r) => r.level === 'city')!;
    // By kind: primary A1 A2 B1 B3 B4, junior A3, kindergarten B2.
    // Idle: only B4 (primary) neither published nor used.
    expect(city.byKind.map((k) => [k.kind, k.schools, k.producers, k.users, k.idle])).toEqual([
      ['kindergarten', 1, 0, 1, 0], ['primary', 5, 2, 3, 1], ['junior', 1, 0, 1, 0],
    ]);
    // 贫困村 A2 B2 B4: production all 0 (Gini undefined), use [3,1,0] → G = 2·(2·1 + 3·3)/(3·4) − 4/3 = 1/2.
    const village = city.byLocality.find((g) => g.group === 'poor_village')!;
    expect(village).toMatchObject({ schools: 3, producers: 0, users: 2, productionGini: null });
    expect(village.useGini).toBeCloseTo(0.5, 10);
    expect(city.byLocality.find((g) => g.group === 'urban')).toMatchObject({ schools: 2, producers: 2, users: 1 });
    expect(city.byLocality.find((g) => g.group === 'rural')).toMatchObject({ schools: 2, producers: 0, users: 2 });
  });

  it('county → county flows, idle schools with who answers, the trend', async () => {
    const o = await equity.overview(actor('city_admin', {}), { month: '2026-11' });
    // 甲→乙: B1, B2, B3 used R1, R1, R3 = 3; 甲→甲: A2 and A3 used R2 = 2; 乙→甲: A2 used R4 twice = 2.
    expect(o.flows.map((f) => [f.fromCountyName, f.toCountyName, f.uses])).toEqual([['甲县', '乙县', 3], ['甲县', '甲县', 2], ['乙县', '甲县', 2]]);
    expect(o.idle.total).toBe(1);
    expect(o.idle.items.map((s) => s.name)).toEqual(['乙县教学点']);
    const principal = await t.db.db.selectFrom('users').select('name').where('id', '=', id.principal!).executeTakeFirstOrThrow();
    expect(o.idle.items[0]!.responsible).toEqual({ departmentName: null, people: [{ userId: id.principal, name: principal.name }] });
    const oct = o.trend.find((m) => m.month === '2026-10')!;
    // October: B3 published R5 (R3 belongs to November in Shanghai), A2 used R5.
    expect(oct).toMatchObject({ producers: 1, users: 1, produced: 1, used: 1 });
    expect(oct.villageReach).toBeCloseTo(1 / 3, 10);
    expect(o.trend.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // The trend's November is summed by the database; it must say what the city's line says (11/14, 22/49, 2/3).
    const nov = o.trend.at(-1)!;
    expect(nov).toMatchObject({ producers: 2, users: 5, produced: 4, used: 7 });
    expect(nov.productionGini).toBeCloseTo(11 / 14, 10);
    expect(nov.useGini).toBeCloseTo(22 / 49, 10);
    expect(nov.useCv).toBeCloseTo(Math.sqrt(6 / 7), 10);
    expect(nov.villageReach).toBeCloseTo(2 / 3, 10);
  });

  it('the lists behind the figures', async () => {
    const city = actor('city_admin', {});
    const names = async (filter: 'producers' | 'users' | 'idle' | 'village-reached' | 'village-not-reached', more: object = {}) =>
      (await equity.schools(city, { month: '2026-11', filter, page: 1, pageSize: 50, ...more })).items.map((s) => s.name).filter((n) => /^[甲乙]县/.test(n));
    expect(await names('producers')).toEqual(['甲县实验小学', '乙县实验小学']);
    expect(await names('village-reached')).toEqual(['甲县村小', '乙县村幼儿园']);
    expect(await names('village-not-reached')).toEqual(['乙县教学点']);
    expect(await names('users', { countyId: countyA })).toEqual(['甲县村小', '甲县中学']);
    expect(await names('users', { kind: 'kindergarten' })).toEqual(['乙县村幼儿园']);
  });

  it('a county sees its own county only: another county is 404, and the city line is not theirs', async () => {
    const a = actor('county_admin', { countyId: countyA });
    const own = await equity.overview(a, { month: '2026-11' });
    expect(own.regions.map((r) => r.name)).toEqual(['甲县']);
    expect(own.idle.total).toBe(0);
    await expect(equity.overview(a, { month: '2026-11', countyId: countyB })).rejects.toMatchObject({ status: 404 });
    await expect(equity.schools(a, { month: '2026-11', countyId: countyB, page: 1, pageSize: 10 })).rejects.toMatchObject({ status: 404 });
    // A teacher has no equity:read.
    await expect(equity.overview(actor('teacher', { countyId: countyA, schoolId: id.A2 }), {})).rejects.toMatchObject({ status: 403 });
  });

  it('recommends featured lessons for the school\'s grades in subject-and-grade pairs it has not used', async () => {
    const teacher = actor('teacher', { countyId: countyA, schoolId: id.A2 });
    // A2 has 三年级 only. R1 数学三年级 (优课, city-wide): recommended. R4 语文三年级 (精品课): A2 used it.
    // R5 数学五年级: not A2's grade. R2 英语三年级: not featured.
    const r = await equity.recommendations(teacher, { schoolId: id.A2! });
    expect(r.items.map((i) => i.id)).toEqual([id.R1]);
    expect(r.items[0]).toMatchObject({ schoolName: '甲县实验小学', countyName: '甲县', feature: 'quality' });
    await expect(equity.recommendations(teacher, { schoolId: id.B2! })).rejects.toMatchObject({ status: 404 });
  });

  it('exports the page as a workbook, sheet for sheet', async () => {
    const admin = await t.login('city.admin');
    const res = await admin.get('/api/equity/export.xlsx?month=2026-11');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(EQUITY_SHEETS));
    // city.admin is 聊城's: 均衡市 is another city and appears nowhere.
    const text: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value)))));
    expect(text.some((v) => v.includes('均衡市') || v.includes('甲县'))).toBe(false);
    expect(text).toContain('聊城市');
    const bad = await admin.get('/api/equity?month=2026-13');
    expect(bad.statusCode).toBe(400);
  });

  // Last: it changes the city. The uses are rolled up (equity-rollup.ts) on the first read; later
  // uses and later featuring must reach the figures too.
  it('keeps up with later uses and with a lesson featured or unfeatured after its uses', async () => {
    const city = actor('city_admin', {});
    await equity.overview(city, { month: '2026-11' });
    await addUse(t.db.db, { resourceId: id.R1!, schoolId: id.B4!, at: '2026-11-25T10:00:00+08:00' });
    let o = await equity.overview(city, { month: '2026-11' });
    // B4 used R1 (优课): all three village schools reached, nobody idle.
    expect(o.regions.find((r) => r.level === 'city')).toMatchObject({ villageReached: 3, users: 6, used: 8 });
    expect(o.idle.total).toBe(0);
    // R4 is no longer featured: A2's only featured uses were of R4 → B2 and B4 remain.
    await t.db.db.updateTable('resources').set({ feature: null, featured_at: null }).where('id', '=', id.R4!).execute();
    o = await equity.overview(city, { month: '2026-11' });
    expect(o.regions.find((r) => r.level === 'city')).toMatchObject({ villageReached: 2, used: 8 });
    // …and featured again: A2 is back.
    await t.db.db.updateTable('resources').set({ feature: 'quality' }).where('id', '=', id.R4!).execute();
    o = await equity.overview(city, { month: '2026-11' });
    expect(o.regions.find((r) => r.level === 'city')).toMatchObject({ villageReached: 3 });
  });
});
