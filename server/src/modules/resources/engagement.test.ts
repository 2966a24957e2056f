import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { addActivity, schoolIdOf, userIdOf } from '../research/research.test-kit.js';
import { addResource, addUse } from './resources.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
interface Engagement {
  views: number; downloads: number; preparations: number; favourites: number; comments: number; published: boolean;
  rating: { average: number | null; count: number }; mine: { favourite: boolean; stars: number | null; preparations: number };
}

/**
 * Using a resource: 冠县实验小学's teacher publishes a courseware to 冠县 (county scope); the
 * neighbouring 冠县第二实验小学 and the county's bureau use it; 莘县 (another county) must not reach
 * it at all. The clock starts at 07:30 in Shanghai, still the day before in UTC.
 */
describe('using a resource: views, preparations, favourites, ratings, comments', () => {
  let t: TestApp;
  let resource: number;
  let ids: Record<string, number>;
  const clients = new Map<string, Client>();
  const as = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await t.login(username));
    return clients.get(username)!;
  };
  const engagement = async (who: Client, id = resource) => {
    const res = await who.get(`/api/resources/${id}/engagement`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Engagement;
  };
  const uses = (kind: string) => t.db.db.selectFrom('resource_uses').selectAll().where('resource_id', '=', resource).where('kind', '=', kind as never).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2018-04-10T07:30:00+08:00') });
    const db = t.db.db;
    ids = {};
    for (const u of ['gxsy.teacher', 'gxsy.principal', 'gx2.teacher', 'guanxian.research', 'sxsy.principal', 'city.research']) ids[u] = await userIdOf(db, u);
    ids.gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    ids.gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    resource = await addResource(db, { schoolId: ids.gxsy, publisherUserId: ids['gxsy.teacher']!, requestedScope: 'county', title: '分数的初步认识课件' });
  });
  afterAll(async () => t.close());

  it('keeps a view with the viewer\'s school, county and Shanghai day; a reload within 30 minutes is the same view', async () => {
    const teacher = await as('gx2.teacher');
    const first = await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'view' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ kept: true });
    t.clock.advance(29 * 60_000);
    expect((await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'view' })).json()).toEqual({ kept: false });
    t.clock.advance(2 * 60_000);
    expect((await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'view' })).json()).toEqual({ kept: true });

    const gx2 = await t.db.db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', ids.gx2!).executeTakeFirstOrThrow();
    const views = await uses('view');
    expect(views).toHaveLength(2);
    // 07:30 in Shanghai is 23:30 of the day before in UTC: the use counts on the Shanghai day.
    expect(views[0]).toMatchObject({ user_id: ids['gx2.teacher'], school_id: ids.gx2, county_id: gx2.county_id, city_id: gx2.city_id, day: '2018-04-10', activity_id: null });
    expect(views[0]!.at.slice(0, 10)).toBe('2018-04-09');
    expect((await engagement(teacher)).views).toBe(2);
  });

  it('keeps a bureau officer\'s view with their county and no school; the publisher\'s own views are not uses', async () => {
    const officer = await as('guanxian.research');
    expect((await officer.request('POST', `/api/resources/${resource}/uses`, { kind: 'view' })).json()).toEqual({ kept: true });
    const gx2 = await t.db.db.selectFrom('schools').select(['county_id']).where('id', '=', ids.gx2!).executeTakeFirstOrThrow();
    const last = (await uses('view')).at(-1)!;
    expect(last).toMatchObject({ user_id: ids['guanxian.research'], school_id: null, county_id: gx2.county_id });

    const publisher = await as('gxsy.teacher');
    expect((await publisher.request('POST', `/api/resources/${resource}/uses`, { kind: 'view' })).json()).toEqual({ kept: false });
    expect((await uses('view')).filter((u) => u.user_id === ids['gxsy.teacher'])).toHaveLength(0);
  });

  it('keeps “used in my lesson preparation”, linked to an activity the teacher reaches, once a day', async () => {
    const db = t.db.db;
    const gx = await db.selectFrom('schools').select(['county_id', 'city_id']).where('id', '=', ids.gx2!).executeTakeFirstOrThrow();
    const mine = (await addActivity(db, {
      organiserUserId: ids['guanxian.research']!, owner: { cityId: gx.city_id, countyId: gx.county_id }, schoolIds: [ids.gx2!],
      members: [{ userId: ids['gx2.teacher']!, schoolId: ids.gx2 }], kind: 'joint_prep',
    })).activityId;
    const elsewhere = (await addActivity(db, { organiserUserId: ids['city.research']!, owner: { cityId: gx.city_id }, kind: 'joint_prep' })).activityId;
    const teacher = await as('gx2.teacher');

    const linked = await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'prepare', activityId: mine });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual({ kept: true });
    expect((await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'prepare', activityId: mine })).json()).toEqual({ kept: false });
    // An activity the teacher is not in answers like a missing one, and nothing is kept.
    const foreign = await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'prepare', activityId: elsewhere });
    expect(foreign.statusCode).toBe(404);
    expect((await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'prepare' })).json()).toEqual({ kept: true });

    const prepared = await uses('prepare');
    expect(prepared.map((u) => u.activity_id)).toEqual([mine, null]);
    expect(prepared[0]).toMatchObject({ user_id: ids['gx2.teacher'], school_id: ids.gx2, day: '2018-04-10' });
    const e = await engagement(teacher);
    expect(e).toMatchObject({ preparations: 2, mine: { preparations: 2 } });
    const list = (await teacher.get('/api/resources/preparations')).json() as { items: { resourceId: number; activityId: number | null }[] };
    expect(list.items.map((i) => i.activityId)).toEqual([null, mine]);
    expect(list.items.every((i) => i.resourceId === resource)).toBe(true);
  });

  it('counts the downloads the courseware route keeps beside views and preparations', async () => {
    const teacher = await as('gx2.teacher');
    const before = await engagement(teacher);
    await addUse(t.db.db, { resourceId: resource, kind: 'download', userId: ids['gx2.teacher']!, schoolId: ids.gx2! });
    await addUse(t.db.db, { resourceId: resource, kind: 'download', userId: ids['guanxian.research']!, schoolId: null });
    expect(await engagement(teacher)).toMatchObject({ downloads: before.downloads + 2, views: before.views, preparations: before.preparations });
  });

  it('averages ratings, one per person, changeable', async () => {
    for (const [user, stars] of [['gx2.teacher', 5], ['guanxian.research', 4], ['gxsy.principal', 2]] as const) {
      const res = await (await as(user)).request('PUT', `/api/resources/${resource}/rating`, { stars });
      expect(res.statusCode, res.body).toBe(200);
    }
    const teacher = await as('gx2.teacher');
    expect(await engagement(teacher)).toMatchObject({ rating: { average: 3.7, count: 3 }, mine: { stars: 5 } });
    const changed = await (await as('gxsy.principal')).request('PUT', `/api/resources/${resource}/rating`, { stars: 5 });
    expect(changed.json()).toMatchObject({ rating: { average: 4.7, count: 3 }, mine: { stars: 5 } });
    const audits = await t.db.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'resource.rate').execute();
    expect(audits).toHaveLength(4);
  });

  it('refuses bodies outside their schema, naming the field', async () => {
    const teacher = await as('gx2.teacher');
    const six = await teacher.request('PUT', `/api/resources/${resource}/rating`, { stars: 6 });
    expect(six.statusCode).toBe(400);
    expect(six.json().details).toMatchObject({ field: '/stars', in: 'body' });
    const zero = await teacher.request('PUT', `/api/resources/${resource}/rating`, { stars: 0 });
    expect(zero.json().details).toMatchObject({ field: '/stars' });
    const extra = await teacher.request('PUT', `/api/resources/${resource}/rating`, { stars: 3, userId: 1 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED', details: { field: '/userId' } });
    const download = await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'download' });
    expect(download.statusCode).toBe(400);
    expect(download.json().details.field).toBe('/kind');
    const unknown = await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'view', schoolId: 1 });
    expect(unknown.json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED', details: { field: '/schoolId' } });
    const long = await teacher.request('POST', `/api/resources/${resource}/comments`, { body: '好'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().details.field).toBe('/body');
    const blank = await teacher.request('POST', `/api/resources/${resource}/comments`, { body: '   ' });
    expect(blank.statusCode).toBe(400);
    const viewWithActivity = await teacher.request('POST', `/api/resources/${resource}/uses`, { kind: 'view', activityId: 1 });
    expect(viewWithActivity.json().code).toBe('RESOURCE_USE_ACTIVITY_VIEW');
    expect(await engagement(teacher)).toMatchObject({ rating: { count: 3 }, mine: { stars: 5 } });
  });

  it('another county cannot see, use, rate, favourite or comment on a county resource: 404 like a missing one', async () => {
    const other = await as('sxsy.principal');
    const before = (await t.db.db.selectFrom('resource_uses').select('id').execute()).length;
    const tries = [
      await other.request('POST', `/api/resources/${resource}/uses`, { kind: 'view' }),
      await other.request('POST', `/api/resources/${resource}/uses`, { kind: 'prepare' }),
      await other.request('PUT', `/api/resources/${resource}/rating`, { stars: 1 }),
      await other.request('PUT', `/api/resources/${resource}/favourite`),
      await other.request('POST', `/api/resources/${resource}/comments`, { body: '看不到的资源' }),
      await other.get(`/api/resources/${resource}/comments`),
      await other.get(`/api/resources/${resource}/engagement`),
    ];
    expect(tries.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await t.db.db.selectFrom('resource_uses').select('id').execute()).length).toBe(before);
    expect(await t.db.db.selectFrom('resource_ratings').select('user_id').where('user_id', '=', ids['sxsy.principal']!).execute()).toEqual([]);
    expect(await t.db.db.selectFrom('resource_comments').select('id').where('user_id', '=', ids['sxsy.principal']!).execute()).toEqual([]);
  });

  it('favourites: marked once, listed while in reach, removed; a resource narrowed out of reach drops out of the list', async () => {
    const teacher = await as('gx2.teacher');
    expect((await teacher.request('PUT', `/api/resources/${resource}/favourite`)).json()).toMatchObject({ favourites: 1, mine: { favourite: true } });
    expect((await teacher.request('PUT', `/api/resources/${resource}/favourite`)).json()).toMatchObject({ favourites: 1 });
    const narrowed = await addResource(t.db.db, { schoolId: ids.gxsy!, publisherUserId: ids['gxsy.teacher']!, requestedScope: 'county', title: '将要收窄的资源' });
    expect((await teacher.request('PUT', `/api/resources/${narrowed}/favourite`)).statusCode).toBe(200);
    const listed = async () => ((await teacher.get('/api/resources/favourites')).json() as { items: { resourceId: number }[] }).items.map((i) => i.resourceId);
    expect(await listed()).toEqual([narrowed, resource]);
    // Consent withdrawn: the resource is now seen inside its own school only.
    await t.db.db.updateTable('resources').set({ visible_scope: 'school' }).where('id', '=', narrowed).execute();
    expect(await listed()).toEqual([resource]);
    expect((await teacher.request('DELETE', `/api/resources/${narrowed}/favourite`)).statusCode).toBe(404);
    expect((await teacher.request('DELETE', `/api/resources/${resource}/favourite`)).statusCode).toBe(204);
    expect(await listed()).toEqual([]);
    expect((await engagement(teacher)).favourites).toBe(0);
  });

  it('comments: posted, listed newest first, deleted by the author or the publisher\'s principal only; audited', async () => {
    const teacher = await as('gx2.teacher');
    const officer = await as('guanxian.research');
    const a = await teacher.request('POST', `/api/resources/${resource}/comments`, { body: '  课件的例题设计很好，已用于我们的集体备课。 ' });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ body: '课件的例题设计很好，已用于我们的集体备课。', author: { userId: ids['gx2.teacher'] }, canDelete: true });
    const b = await officer.request('POST', `/api/resources/${resource}/comments`, { body: '建议补充分层练习。' });
    const list = (await teacher.get(`/api/resources/${resource}/comments`)).json() as { total: number; items: { id: number; canDelete: boolean; author: { name: string } }[] };
    expect(list.total).toBe(2);
    expect(list.items.map((c) => [c.id, c.canDelete])).toEqual([[b.json().id, false], [a.json().id, true]]);
    expect(list.items[0]!.author.name).not.toBe('');

    expect((await teacher.request('DELETE', `/api/resources/${resource}/comments/${b.json().id}`)).statusCode).toBe(403);
    const principal = await as('gxsy.principal');
    expect(((await principal.get(`/api/resources/${resource}/comments`)).json() as { items: { canDelete: boolean }[] }).items.every((c) => c.canDelete)).toBe(true);
    expect((await principal.request('DELETE', `/api/resources/${resource}/comments/${b.json().id}`)).statusCode).toBe(204);
    expect((await teacher.request('DELETE', `/api/resources/${resource}/comments/${a.json().id}`)).statusCode).toBe(204);
    expect((await teacher.request('DELETE', `/api/resources/${resource}/comments/${a.json().id}`)).statusCode).toBe(404);
    expect((await engagement(teacher)).comments).toBe(0);

    const audits = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id', 'target_id']).where('action', 'like', 'resource_comment.%').orderBy('id').execute();
    expect(audits.map((x) => [x.action, x.actor_id])).toEqual([
      ['resource_comment.create', ids['gx2.teacher']], ['resource_comment.create', ids['guanxian.research']],
      ['resource_comment.delete', ids['gxsy.principal']], ['resource_comment.delete', ids['gx2.teacher']],
    ]);
  });

  it('a resource still in review takes no engagement: its view is not kept, a rating is refused', async () => {
    const pending = await addResource(t.db.db, { schoolId: ids.gxsy!, publisherUserId: ids['gxsy.teacher']!, requestedScope: 'county', reviewStage: 'school' });
    const principal = await as('gxsy.principal');
    expect((await principal.request('POST', `/api/resources/${pending}/uses`, { kind: 'view' })).json()).toEqual({ kept: false });
    const rating = await principal.request('PUT', `/api/resources/${pending}/rating`, { stars: 5 });
    expect(rating.statusCode).toBe(409);
    expect(rating.json().code).toBe('RESOURCE_NOT_PUBLISHED');
    expect(await engagement(principal, pending)).toMatchObject({ published: false, views: 0, rating: { count: 0 } });
    // The neighbour school's teacher does not reach it before it is published.
    expect((await (await as('gx2.teacher')).request('POST', `/api/resources/${pending}/uses`, { kind: 'view' })).statusCode).toBe(404);
  });
});
