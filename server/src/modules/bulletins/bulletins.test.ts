import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';

describe('bulletins: the city publishes, everyone of the city reads', () => {
  let t: TestApp;
  let gxsy: number;
  let gx2: number;
  let shenxian: number;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T10:00:00+08:00'));
    const byCode = (code: string) => t.db.db.selectFrom('schools').select(['id', 'county_id']).where('code', '=', code).executeTakeFirstOrThrow();
    gxsy = (await byCode(DEMO_SCHOOLS.guanxianShiyan.code)).id;
    gx2 = (await byCode(DEMO_SCHOOLS.guanxianDier.code)).id;
    shenxian = (await byCode(DEMO_SCHOOLS.shenxianShiyan.code)).county_id;
  });
  afterAll(async () => t.close());

  it('the city publishes a commendation naming schools; a principal and a teacher see it, the school page lists it, the principal is told', async () => {
    const city = await t.login('city.admin');
    const res = await city.request('POST', '/api/bulletins', {
      kind: 'commendation', title: '关于表彰阳光校园建设先进学校的通报', body: '冠县实验小学等学校……', issuedOn: '2018-04-04', schoolIds: [gxsy],
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ kind: 'commendation', status: 'published', createdByName: '孙立新' });
    expect(b.subjects).toEqual([{ kind: 'school', id: gxsy, code: DEMO_SCHOOLS.guanxianShiyan.code, name: '冠县实验小学', countyName: '冠县' }]);

    const principal = await t.login('gxsy.principal');
    expect((await principal.get('/api/bulletins')).json().items.map((x: { id: number }) => x.id)).toEqual([b.id]);
    expect((await principal.get(`/api/bulletins/schools/${gxsy}/commendations`)).json().items).toEqual([{ id: b.id, title: b.title, issuedOn: '2018-04-04' }]);
    expect((await principal.get(`/api/bulletins/schools/${gx2}/commendations`)).json().items).toEqual([]);
    expect((await principal.get('/api/notifications')).json().items[0]).toMatchObject({ kind: 'bulletin', link: `/bulletins/${b.id}` });
    const teacher = await t.login('gx2.teacher');
    expect((await teacher.get(`/api/bulletins/${b.id}`)).statusCode).toBe(200);
    expect((await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'bulletin.create').execute())).toHaveLength(1);
  });

  it('a draft is the city bureau\'s alone until published; publishing twice is refused', async () => {
    const city = await t.login('city.admin');
    const draft = (await city.request('POST', '/api/bulletins', {
      kind: 'notice', title: '3月录播情况通报', body: '……', issuedOn: '2018-04-04', countyIds: [shenxian], publish: false,
    })).json();
    expect(draft.status).toBe('draft');
    expect(draft.subjects).toMatchObject([{ kind: 'county', id: shenxian, name: '莘县' }]);
    const county = await t.login('guanxian.admin');
    expect((await county.get(`/api/bulletins/${draft.id}`)).statusCode).toBe(404);
    expect((await county.get('/api/bulletins')).json().total).toBe(1);
    expect((await city.get('/api/bulletins?status=draft')).json().total).toBe(1);
    expect((await city.request('POST', `/api/bulletins/${draft.id}/publish`)).json().status).toBe('published');
    expect((await city.request('POST', `/api/bulletins/${draft.id}/publish`)).json().code).toBe('BULLETIN_PUBLISHED');
    expect((await county.get(`/api/bulletins?countyId=${shenxian}`)).json().items.map((x: { id: number }) => x.id)).toEqual([draft.id]);
  });

  it('refuses a commendation that names nobody, and schools or counties outside the city', async () => {
    const city = await t.login('city.admin');
    const nobody = await city.request('POST', '/api/bulletins', { kind: 'commendation', title: 'x', body: 'x', issuedOn: '2018-04-04' });
    expect(nobody.json().code).toBe('BULLETIN_NAMES_NOBODY');
    const unknown = await city.request('POST', '/api/bulletins', { kind: 'notice', title: 'x', body: 'x', issuedOn: '2018-04-04', schoolIds: [999999] });
    expect(unknown.statusCode).toBe(404);
  });

  it('attacker side: a county may not publish, a parent may not read', async () => {
    const county = await t.login('guanxian.admin');
    expect((await county.request('POST', '/api/bulletins', { kind: 'notice', title: 'x', body: 'x', issuedOn: '2018-04-04' })).statusCode).toBe(403);
    const parent = await t.login('gxsy.parent');
    expect((await parent.get('/api/bulletins')).statusCode).toBe(403);
  });
});
