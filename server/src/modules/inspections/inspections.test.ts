import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

describe('inspections: visits, follow-ups and who may touch them', () => {
  let t: TestApp;
  let ids: { gxsy: number; gx2: number; sxsy: number; gxKindergarten: number };
  let research: Client;
  let principal: Client;
  let visitId: number;
  let followUpIds: number[];

  const school = (code: string) => t.db.db.selectFrom('schools').select('id').where('code', '=', code).executeTakeFirstOrThrow().then((r) => r.id);
  const visit = (schoolId: number, extra: Record<string, unknown> = {}) => ({
    schoolId, visitedOn: '2018-04-03', inspectors: '邢文军、耿明',
    items: [{ item: 'room_use', ok: true }, { item: 'daily_recording', ok: false, note: '4月2日仅录 1 节' }],
    findings: '录播室使用正常，每日录课不足两节。', rating: 'fair',
    followUps: [{ description: '每个上课日至少录播两节课', dueOn: '2018-04-10' }, { description: '确定录播管理员', dueOn: '2018-04-30' }],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T10:00:00+08:00'));
    const gxsy = await school(DEMO_SCHOOLS.guanxianShiyan.code);
    const county = (await t.db.db.selectFrom('schools').select('county_id').where('id', '=', gxsy).executeTakeFirstOrThrow()).county_id;
    const kg = await t.db.db.selectFrom('schools').select('id').where('county_id', '=', county).where('kind', '=', 'kindergarten').executeTakeFirstOrThrow();
    ids = { gxsy, gx2: await school(DEMO_SCHOOLS.guanxianDier.code), sxsy: await school(DEMO_SCHOOLS.shenxianShiyan.code), gxKindergarten: kg.id };
    research = await t.login('guanxian.research');
    principal = await t.login('gxsy.principal');
  });
  afterAll(async () => t.close());

  it('the county 教科所 records a visit with its findings and follow-ups; the principal is told', async () => {
    const res = await research.request('POST', '/api/inspections', visit(ids.gxsy));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      schoolName: '冠县实验小学', visitedOn: '2018-04-03', rating: 'fair', followUps: 2, openFollowUps: 2, overdueFollowUps: 0,
      canReview: true, canRectify: false,
    });
    expect(body.items).toHaveLength(2);
    expect(body.followUpList.map((f: { status: string }) => f.status)).toEqual(['open', 'open']);
    visitId = body.id;
    followUpIds = body.followUpList.map((f: { id: number }) => f.id);
    const inbox = (await principal.get('/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'follow_up_assigned', link: `/inspections/${visitId}` });
    expect(inbox.items[0].title).toContain('2 项整改事项');
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'inspection.create').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a visit in the future, a follow-up due before the visit, and an item checked twice', async () => {
    const future = await research.request('POST', '/api/inspections', visit(ids.gxsy, { visitedOn: '2018-04-05' }));
    expect(future.json().code).toBe('INSPECTION_DATE_FUTURE');
    const early = await research.request('POST', '/api/inspections', visit(ids.gxsy, { followUps: [{ description: 'x', dueOn: '2018-04-01' }] }));
    expect(early.json().code).toBe('FOLLOW_UP_DUE_BEFORE_VISIT');
    const twice = await research.request('POST', '/api/inspections', visit(ids.gxsy, { items: [{ item: 'room_use', ok: true }, { item: 'room_use', ok: false }] }));
    expect(twice.json().code).toBe('INSPECTION_ITEM_TWICE');
  });

  it('a department acts within its duty: the 学前教研室 visits kindergartens, not primary schools; the 电教馆 the reverse', async () => {
    const preschool = await t.login('guanxian.preschool');
    const refused = await preschool.request('POST', '/api/inspections', visit(ids.gxsy));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('INSPECTION_OUTSIDE_DUTY');
    expect((await preschool.request('POST', '/api/inspections', visit(ids.gxKindergarten, { followUps: [] }))).statusCode).toBe(201);
    const edtech = await t.login('guanxian.edtech');
    expect((await edtech.request('POST', '/api/inspections', visit(ids.gxKindergarten, { followUps: [] }))).json().code).toBe('INSPECTION_OUTSIDE_DUTY');
    // …and the 电教馆 may review the primary school's follow-ups.
    expect((await edtech.get(`/api/inspections/${visitId}`)).json().canReview).toBe(true);
  });

  it('attacker side: another county cannot record, see or find a visit of 冠县; 404 like a missing one', async () => {
    const shenxian = await t.login('shenxian.research');
    expect((await shenxian.request('POST', '/api/inspections', visit(ids.gxsy))).statusCode).toBe(404);
    expect((await shenxian.get(`/api/inspections/${visitId}`)).statusCode).toBe(404);
    expect((await shenxian.get('/api/inspections')).json().total).toBe(0);
    expect((await shenxian.get('/api/inspections/follow-ups')).json().total).toBe(0);
    expect((await shenxian.request('POST', `/api/inspections/follow-ups/${followUpIds[0]}/review`, { decision: 'verify' })).statusCode).toBe(404);
  });

  it('attacker side: a principal sees only their own school\'s visits, and cannot rectify another school\'s follow-up', async () => {
    const other = await research.request('POST', '/api/inspections', visit(ids.gx2));
    const otherFollowUp = other.json().followUpList[0].id;
    const mine = (await principal.get('/api/inspections')).json();
    expect(mine.items.map((i: { schoolId: number }) => i.schoolId)).toEqual([ids.gxsy]);
    expect((await principal.get(`/api/inspections/${other.json().id}`)).statusCode).toBe(404);
    expect((await principal.request('POST', `/api/inspections/follow-ups/${otherFollowUp}/rectification`, { note: '已整改' })).statusCode).toBe(404);
    const sxsy = await t.login('sxsy.principal');
    expect((await sxsy.get('/api/inspections')).json().total).toBe(0);
    // A principal may not record visits at all.
    expect((await principal.request('POST', '/api/inspections', visit(ids.gxsy))).statusCode).toBe(403);
  });

  it('the principal writes the rectification note; county staff who can read it cannot; the inspectors reopen, then verify', async () => {
    const [first] = followUpIds;
    const staff = await research.request('POST', `/api/inspections/follow-ups/${first}/rectification`, { note: '代写' });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().code).toBe('FOLLOW_UP_PRINCIPAL_ONLY');
    expect((await principal.get(`/api/inspections/${visitId}`)).json().canRectify).toBe(true);

    const done = await principal.request('POST', `/api/inspections/follow-ups/${first}/rectification`, { note: '已安排每班每周录课表，4月9日起每天两节' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'rectified', rectificationNote: '已安排每班每周录课表，4月9日起每天两节' });
    const researchInbox = (await research.get('/api/notifications')).json();
    expect(researchInbox.items[0]).toMatchObject({ kind: 'follow_up_rectified' });

    expect((await research.request('POST', `/api/inspections/follow-ups/${first}/review`, { decision: 'reopen' })).json().code).toBe('FOLLOW_UP_REOPEN_COMMENT');
    const reopened = await research.request('POST', `/api/inspections/follow-ups/${first}/review`, { decision: 'reopen', comment: '4月9日仍只录 1 节' });
    expect(reopened.json()).toMatchObject({ status: 'open', reviewComment: '4月9日仍只录 1 节' });
    expect((await principal.get('/api/notifications')).json().items[0].kind).toBe('follow_up_reopened');
    expect((await research.request('POST', `/api/inspections/follow-ups/${followUpIds[1]}/review`, { decision: 'reopen', comment: 'x' })).json().code).toBe('FOLLOW_UP_NOT_RECTIFIED');

    await principal.request('POST', `/api/inspections/follow-ups/${first}/rectification`, { note: '已补录' });
    const verified = await research.request('POST', `/api/inspections/follow-ups/${first}/review`, { decision: 'verify' });
    expect(verified.json().status).toBe('verified');
    // Verifying again changes nothing; a verified follow-up's note is closed.
    expect((await research.request('POST', `/api/inspections/follow-ups/${first}/review`, { decision: 'verify' })).json().status).toBe('verified');
    expect((await principal.request('POST', `/api/inspections/follow-ups/${first}/rectification`, { note: '再改' })).json().code).toBe('FOLLOW_UP_VERIFIED');
  });

  it('lists overdue follow-ups as of a day, soonest due first, in the caller\'s scope', async () => {
    const city = await t.login('city.admin');
    const asOf = '2018-04-11';
    const overdue = (await city.get(`/api/inspections/follow-ups?overdue=true&asOf=${asOf}`)).json();
    // gx2's first follow-up (due 04-10) is open and overdue; gxsy's first is verified, the 04-30 ones are not yet due.
    expect(overdue.items.map((f: { schoolName: string; dueOn: string }) => `${f.schoolName} ${f.dueOn}`)).toEqual(['冠县第二实验小学 2018-04-10']);
    expect(overdue.items[0].overdue).toBe(true);
    expect((await city.get(`/api/inspections/follow-ups?overdue=true&asOf=2018-05-01`)).json().total).toBe(3);
    const list = (await city.get(`/api/inspections?asOf=${asOf}`)).json();
    expect(list.items.find((i: { schoolId: number }) => i.schoolId === ids.gx2)).toMatchObject({ openFollowUps: 2, overdueFollowUps: 1 });
    expect((await principal.get(`/api/inspections/follow-ups?overdue=true&asOf=2018-05-01`)).json().total).toBe(1);
    expect((await principal.get(`/api/inspections/follow-ups?schoolId=${ids.gx2}`)).json().total).toBe(0);
  });
});
