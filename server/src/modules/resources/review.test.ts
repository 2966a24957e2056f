import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../access/actor.js';
import { resourceReachOf } from '../../access/actor.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { schoolIdOf, userIdOf } from '../research/research.test-kit.js';
import { addResource } from './resources.test-kit.js';
import { findReachedResource } from './review.queries.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * The review chain on the demo city: gxsy.teacher (冠县实验小学) publishes; gxsy.principal reviews
 * at the school level, 冠县's 教科所 (guanxian.research) at the county level, the city's 教研员
 * (city.research) at the city level. A teacher of the sibling school (冠县第二实验小学) and one of
 * 莘县 are the readers whose reach an approval changes.
 */
describe('resource review: school → county → city, returning, featuring', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  const school: Record<string, number> = {};
  const clients = new Map<string, Client>();
  const as = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await t.login(username));
    return clients.get(username)!;
  };
  const review = async (username: string, id: number, body: Record<string, unknown>) => (await as(username)).request('POST', `/api/resources/${id}/review`, body);
  const queueIds = async (username: string) => {
    const res = await (await as(username)).get('/api/resources/review-queue?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((i) => i.id);
  };
  const inbox = async (username: string) => ((await (await as(username)).get('/api/notifications?pageSize=50')).json().items as { kind: string; body: string; link: string }[]);
  /** Whether a teacher of this school reaches the resource (resourceInScope, as every list applies it). */
  const teacherOfReaches = async (schoolKey: string, id: number) => {
    const s = await t.db.db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', school[schoolKey]!).executeTakeFirstOrThrow();
    const grant: Grant = { assignmentId: 0, role: 'teacher', department: null, cityId: s.city_id, countyId: s.county_id, schoolId: s.id };
    return !!(await findReachedResource(t.db.db, resourceReachOf({ userId: -1, grants: [grant] }), id));
  };
  const publish = (opts: Partial<Parameters<typeof addResource>[1]>) =>
    addResource(t.db.db, { schoolId: school.gxsy!, publisherUserId: ids['gxsy.teacher']!, reviewStage: 'school', ...opts });

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['gxsy.teacher', 'gxsy.principal', 'guanxian.research', 'city.research']) ids[u] = await userIdOf(t.db.db, u);
    school.gxsy = await schoolIdOf(t.db.db, DEMO_SCHOOLS.guanxianShiyan.code);
    school.gx2 = await schoolIdOf(t.db.db, DEMO_SCHOOLS.guanxianDier.code);
    school.sxsy = await schoolIdOf(t.db.db, DEMO_SCHOOLS.shenxianShiyan.code);
  });
  afterAll(async () => t.close());

  it('a county-wide request passes the school, then the county, and only then reaches the county', async () => {
    const id = await publish({ title: '分数的初步认识（县级）', requestedScope: 'county' });
    expect(await queueIds('gxsy.principal')).toContain(id);
    expect(await queueIds('guanxian.research')).not.toContain(id);

    // Not yet the county's turn; others may not review at all.
    expect((await review('guanxian.research', id, { decision: 'approve' })).json().code).toBe('REVIEW_NOT_YOUR_LEVEL');
    expect((await review('guanxian.research', id, { decision: 'approve' })).statusCode).toBe(409);
    expect((await review(`p${DEMO_SCHOOLS.guanxianDier.code}`, id, { decision: 'approve' })).statusCode).toBe(404);
    const edtech = await review('guanxian.edtech', id, { decision: 'approve' });
    expect([edtech.statusCode, edtech.json().code]).toEqual([403, 'REVIEW_NOT_REVIEWER']);
    expect((await review('shenxian.research', id, { decision: 'approve' })).statusCode).toBe(404);
    expect((await review('guanxian.researcher', id, { decision: 'approve' })).statusCode).toBe(403);
    expect((await review('gxsy.teacher', id, { decision: 'approve' })).statusCode).toBe(403);
    expect((await review('gxsy.principal', id, { decision: 'approve', extra: 1 })).statusCode).toBe(400);

    const bySchool = await review('gxsy.principal', id, { decision: 'approve', comment: '同意' });
    expect(bySchool.statusCode, bySchool.body).toBe(200);
    expect(bySchool.json()).toMatchObject({ reviewStage: 'county', visibleScope: 'school', publishedAt: null });
    expect(await teacherOfReaches('gxsy', id)).toBe(true);
    expect(await teacherOfReaches('gx2', id)).toBe(false);
    expect(await queueIds('gxsy.principal')).not.toContain(id);
    expect(await queueIds('guanxian.research')).toContain(id);
    expect(await queueIds('shenxian.research')).not.toContain(id);
    expect((await review('gxsy.principal', id, { decision: 'approve' })).statusCode).toBe(409);

    const byCounty = await review('guanxian.research', id, { decision: 'approve' });
    expect(byCounty.statusCode, byCounty.body).toBe(200);
    expect(byCounty.json()).toMatchObject({ reviewStage: 'done', visibleScope: 'county' });
    expect(byCounty.json().publishedAt).toBeTruthy();
    expect(await teacherOfReaches('gx2', id)).toBe(true);
    expect(await teacherOfReaches('sxsy', id)).toBe(false);
    expect(await queueIds('guanxian.research')).not.toContain(id);

    const history = await (await as('gxsy.teacher')).get(`/api/resources/${id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((i: { level: string; decision: string; scopeAfter: string; byName: string }) => [i.level, i.decision, i.scopeAfter, i.byName]))
      .toEqual([['school', 'approve', 'school', '马建国'], ['county', 'approve', 'county', expect.any(String)]]);
    // A reader of the published resource does not see its reviewers' comments.
    expect((await (await as('gx2.teacher')).get(`/api/resources/${id}/history`)).statusCode).toBe(403);

    const told = (await inbox('gxsy.teacher')).filter((n) => n.link === `/resources/${id}`).map((n) => n.kind);
    expect(told.sort()).toEqual(['resource_approved', 'resource_published']);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('target_type', '=', 'resource').where('target_id', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['resource.approve', 'resource.approve']);
  });

  it('a city-wide request is capped by the class consent, and the city cannot feature it city-wide', async () => {
    const id = await publish({ title: '认识钟表（城市）', kind: 'lesson', requestedScope: 'city', consentCap: 'county' });
    expect((await review('gxsy.principal', id, { decision: 'approve' })).json()).toMatchObject({ reviewStage: 'county', visibleScope: 'school' });
    expect((await review('guanxian.research', id, { decision: 'approve' })).json()).toMatchObject({ reviewStage: 'city', visibleScope: 'county' });
    expect(await queueIds('city.research')).toContain(id);
    const premium = await review('city.research', id, { decision: 'approve', feature: 'premium' });
    expect([premium.statusCode, premium.json().code]).toEqual([409, 'REVIEW_FEATURE_SCOPE']);
    const byCity = await review('city.research', id, { decision: 'approve' });
    expect(byCity.json()).toMatchObject({ reviewStage: 'done', visibleScope: 'county' });
    expect(await teacherOfReaches('sxsy', id)).toBe(false);
    const published = (await inbox('gxsy.teacher')).find((n) => n.link === `/resources/${id}` && n.kind === 'resource_published');
    expect(published?.body).toContain('肖像');
  });

  it('a return keeps its comment and what lower levels approved; a resubmission climbs again; the city features', async () => {
    const id = await publish({ title: '圆的认识（公开）', requestedScope: 'public', subject: '数学', grade: '六年级' });
    await review('gxsy.principal', id, { decision: 'approve' });
    await review('guanxian.research', id, { decision: 'approve' });
    const bare = await review('city.research', id, { decision: 'return', comment: '  ' });
    expect([bare.statusCode, bare.json().code]).toEqual([400, 'REVIEW_COMMENT_REQUIRED']);
    const returned = await review('city.research', id, { decision: 'return', comment: '请补充板书设计' });
    expect(returned.json()).toMatchObject({ reviewStage: 'returned', visibleScope: 'county' });
    expect(await teacherOfReaches('gx2', id)).toBe(true);
    expect(await queueIds('city.research')).not.toContain(id);
    expect((await (await as('gxsy.teacher')).get(`/api/resources/${id}/history`)).json()).toMatchObject({ canSubmit: true, canReviewAt: [] });
    expect((await inbox('gxsy.teacher')).find((n) => n.kind === 'resource_returned' && n.link === `/resources/${id}`)?.body).toContain('请补充板书设计');

    // Only the publisher resubmits; twice is once.
    expect((await (await as('gxsy.principal')).request('POST', `/api/resources/${id}/submit`)).statusCode).toBe(403);
    const teacher = await as('gxsy.teacher');
    expect((await teacher.request('POST', `/api/resources/${id}/submit`)).json()).toMatchObject({ reviewStage: 'school', visibleScope: 'county' });
    expect((await teacher.request('POST', `/api/resources/${id}/submit`)).json()).toMatchObject({ reviewStage: 'school' });

    await review('gxsy.principal', id, { decision: 'approve' });
    const afterCounty = await review('guanxian.research', id, { decision: 'approve' });
    expect(afterCounty.json()).toMatchObject({ reviewStage: 'city', visibleScope: 'county' });
    // The county may not give 精品课; the city approves and features in one step.
    expect((await review('guanxian.research', id, { decision: 'feature', feature: 'quality' })).json().code).toBe('REVIEW_FEATURE_NOT_DONE');
    const featured = await review('city.research', id, { decision: 'approve', feature: 'premium', comment: '板书清晰' });
    expect(featured.json()).toMatchObject({ reviewStage: 'done', visibleScope: 'public', feature: 'premium' });

    const history = (await (await as('guanxian.research')).get(`/api/resources/${id}/history`)).json();
    // The county may not touch the city's 精品课, so it is offered no feature button.
    expect(history).toMatchObject({ canSubmit: false, canReviewAt: [], canFeature: [] });
    expect(history.items.map((i: { decision: string; comment: string }) => `${i.decision}:${i.comment}`)).toEqual([
      'approve:', 'approve:', 'return:请补充板书设计', 'submit:', 'approve:', 'approve:', 'approve:板书清晰',
    ]);
    expect(history.items.at(-1)).toMatchObject({ level: 'city', feature: 'premium', scopeAfter: 'public' });

    // In the city's collection, for 莘县 too; the county may not touch the city's 精品课.
    const collection = (await (await as('sxsy.principal')).get('/api/resources/featured?subject=数学')).json();
    const group = collection.groups.find((g: { grade: string }) => g.grade === '六年级');
    expect(group.items.map((i: { id: number; feature: string }) => [i.id, i.feature])).toEqual([[id, 'premium']]);
    const county = await review('guanxian.admin', id, { decision: 'unfeature' });
    expect([county.statusCode, county.json().code]).toEqual([403, 'REVIEW_FEATURE_PREMIUM_CITY']);
    expect((await review('city.admin', id, { decision: 'unfeature', comment: '教材已换版' })).json()).toMatchObject({ feature: null, reviewStage: 'done' });
    expect((await (await as('sxsy.principal')).get('/api/resources/featured')).json().groups.flatMap((g: { items: { id: number }[] }) => g.items.map((i) => i.id))).not.toContain(id);
    const told = (await inbox('gxsy.teacher')).filter((n) => n.link === `/resources/${id}`);
    expect(told.find((n) => n.kind === 'resource_published')?.body).toContain('精品课');
    expect(told.map((n) => n.kind)).toContain('resource_unfeatured');
  });

  it('the county features a county-wide lesson as 优课, seen in its county only', async () => {
    const id = await publish({ title: '长方形的面积（优课）', requestedScope: 'county', reviewStage: 'done', grade: '三年级' });
    const res = await review('guanxian.research', id, { decision: 'feature', feature: 'quality' });
    expect(res.json()).toMatchObject({ feature: 'quality' });
    expect((await inbox('gxsy.teacher')).find((n) => n.link === `/resources/${id}`)?.kind).toBe('resource_featured');
    expect((await review('guanxian.research', id, { decision: 'feature', feature: 'premium' })).statusCode).toBe(403);
    const ids = async (u: string) => (await (await as(u)).get('/api/resources/featured')).json().groups.flatMap((g: { items: { id: number }[] }) => g.items.map((i) => i.id));
    expect(await ids('gx2.teacher')).toContain(id);
    expect(await ids('sxsy.principal')).not.toContain(id);
    expect((await review('gxsy.principal', id, { decision: 'feature', feature: 'quality' })).statusCode).toBe(403);
  });
});
