import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoRollout } from '../../seed/rollout.demo-seed.js';

/**
 * The city moves its deadlines (批次与时间节点). 莘县实验小学 is built and activated with nobody
 * named, so the 04-30 deadline ("已建成项目学校全面激活使用、专人负责") makes it overdue for the
 * 电教馆 from 05-01 — until the city gives the schools more time. Further down the city adds a
 * deadline and removes it.
 */
interface DeadlineJson { id: number; cityId: number; name: string; dueOn: string; appliesTo: string; requires: string[] }
interface OverdueJson { schoolName: string; batch: string; requirement: string; dueOn: string; source: string; deadlineName: string | null }

async function seeded(): Promise<TestApp> {
  const t = await createTestApp();
  t.clock.set(new Date('2018-04-04T16:00:00+08:00'));
  const city = await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
  await seedDemoRollout(t.db.db, city.id);
  return t;
}

/** Another city with a batch and a deadline of its own: none of 聊城's staff may touch them. */
async function addForeignCity(t: TestApp) {
  const other = await t.db.db.insertInto('regions')
    .values({ code: '371400', name: '德州市', level: 'city', parent_id: null, bureau_name: '德州市教育局' })
    .returning('id').executeTakeFirstOrThrow();
  await t.db.db.insertInto('rollout_batches').values({
    city_id: other.id, code: '2019-09', name: '德州市第一批', due_on: '2019-09-30', target_kindergarten: 0, target_primary_junior: 10,
    created_at: '2018-03-01T00:00:00.000Z', updated_at: '2018-03-01T00:00:00.000Z',
  }).execute();
  const deadline = await t.db.db.insertInto('rollout_deadlines').values({
    city_id: other.id, name: '德州市项目学校完成激活', due_on: '2018-06-30', applies_to: 'new', batch_code: null,
    requires: JSON.stringify(['activated']), created_at: '2018-03-01T00:00:00.000Z',
  }).returning('id').executeTakeFirstOrThrow();
  return { cityId: other.id, deadlineId: deadline.id };
}

describe('moving the city\'s deadlines, from the attacker\'s side too', () => {
  let t: TestApp;
  let built: DeadlineJson;
  let foreignId: number;

  beforeAll(async () => {
    t = await seeded();
    const list = (await (await t.login('city.admin')).get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] };
    built = list.items.find((d) => d.appliesTo === 'built')!;
    foreignId = (await addForeignCity(t)).deadlineId;
  });
  afterAll(async () => t.close());

  // Its planned start of regular use (05-14) falls due on its own: only the named person is the deadline's.
  const namedOverdue = async (asOf: string) => {
    const res = await (await t.login('city.admin')).get(`/api/rollout/overdue?asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: OverdueJson[] }).items.filter((i) => i.schoolName === '莘县实验小学' && i.requirement === 'named_person');
  };

  it('lets the city admin move a deadline: the overdue list as of a day follows, and the change is audited', async () => {
    expect(built).toMatchObject({ dueOn: '2018-04-30', requires: ['activated', 'named_person'] });
    expect(await namedOverdue('2018-05-01')).toMatchObject([{ dueOn: '2018-04-30', source: 'deadline' }]);

    const city = await t.login('city.admin');
    const res = await city.request('PATCH', `/api/rollout/deadlines/${built.id}`, { dueOn: '2018-05-15', name: '已建成项目学校全面激活使用、专人负责（延期）' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: built.id, dueOn: '2018-05-15', name: '已建成项目学校全面激活使用、专人负责（延期）', appliesTo: 'built', requires: ['activated', 'named_person'] });

    // On 05-01 the school is no longer overdue; after the new day it is, against the renamed deadline.
    expect(await namedOverdue('2018-05-01')).toEqual([]);
    expect(await namedOverdue('2018-05-15')).toEqual([]);
    expect(await namedOverdue('2018-05-16')).toMatchObject([
      { requirement: 'named_person', dueOn: '2018-05-15', source: 'deadline', deadlineName: '已建成项目学校全面激活使用、专人负责（延期）' },
    ]);
    const listed = (await city.get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] };
    expect(listed.items.find((d) => d.id === built.id)?.dueOn).toBe('2018-05-15');

    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'target_type', 'target_id', 'detail'])
      .where('action', '=', 'rollout.deadline_update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_type: 'rollout_deadline', target_id: String(built.id) });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ before: { dueOn: '2018-04-30' }, after: { dueOn: '2018-05-15' } });
  });

  it('refuses a day that does not exist and a blank name, with a reason, and changes nothing', async () => {
    const city = await t.login('city.admin');
    const before = ((await city.get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] }).items;
    const badDay = await city.request('PATCH', `/api/rollout/deadlines/${built.id}`, { dueOn: '2018-02-30' });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json()).toMatchObject({ code: 'DATE_INVALID', details: { field: '/dueOn' } });
    expect((badDay.json() as { message: string }).message).toContain('2018-02-30');
    const blank = await city.request('PATCH', `/api/rollout/deadlines/${built.id}`, { name: '   ' });
    expect(blank.json()).toMatchObject({ code: 'TEXT_BLANK', details: { field: '/name' } });
    expect(((await city.get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] }).items).toEqual(before);
  });

  it('refuses county staff (403) and answers 404 for another city\'s deadline', async () => {
    for (const user of ['guanxian.admin', 'guanxian.edtech']) {
      const res = await (await t.login(user)).request('PATCH', `/api/rollout/deadlines/${built.id}`, { dueOn: '2018-12-31' });
      expect(res.statusCode, user).toBe(403);
    }
    const city = await t.login('city.admin');
    const foreign = await city.request('PATCH', `/api/rollout/deadlines/${foreignId}`, { dueOn: '2018-12-31' });
    expect(foreign.statusCode).toBe(404);
    // Not in 聊城's list either, and untouched.
    const listed = ((await city.get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] }).items;
    expect(listed.some((d) => d.id === foreignId)).toBe(false);
    const row = await t.db.db.selectFrom('rollout_deadlines').select('due_on').where('id', '=', foreignId).executeTakeFirstOrThrow();
    expect(row.due_on).toBe('2018-06-30');
    expect((await city.request('PATCH', '/api/rollout/deadlines/999999', { dueOn: '2018-12-31' })).statusCode).toBe(404);
    expect(((await city.get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] }).items.find((d) => d.id === built.id)?.dueOn).toBe('2018-05-15');
  });
});

/**
 * The city adds a deadline of its own for the second batch (2019-02), which the article gives none,
 * and removes it again. The second batch's schools are new and have nobody named; 冠县第二实验小学
 * of that batch registered on 03-12, the others plan to register from September.
 */
describe('adding and removing the city\'s deadlines, from the attacker\'s side too', () => {
  let t: TestApp;
  let foreign: { cityId: number; deadlineId: number };
  const NAME = '第二批项目学校完成注册、专人负责';
  const body = { name: NAME, dueOn: '2018-06-30', appliesTo: 'new', batchCode: '2019-02', requires: ['named_person', 'registered'] };

  beforeAll(async () => {
    t = await seeded();
    foreign = await addForeignCity(t);
  });
  afterAll(async () => t.close());

  const overdue = async (asOf: string) => {
    const res = await (await t.login('city.admin')).get(`/api/rollout/overdue?asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: OverdueJson[] }).items;
  };
  const deadlines = async () => ((await (await t.login('city.admin')).get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] }).items;
  const audited = (action: string) => t.db.db.selectFrom('audit_log').select(['target_id', 'detail']).where('action', '=', action).execute();

  it('holds the batch\'s schools to a new deadline from the day after it, and lets go of them once it is removed', async () => {
    const city = await t.login('city.admin');
    const second = ((await city.get('/api/rollout/schools?batch=2019-02&pageSize=200')).json() as { items: { name: string; namedPerson: unknown }[] }).items;
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((s) => s.namedPerson === null)).toBe(true);
    const before = (await overdue('2018-07-01')).filter((i) => i.batch === '2019-02');
    expect(before.some((i) => i.source === 'deadline')).toBe(false);

    const res = await city.request('POST', '/api/rollout/deadlines', body);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as DeadlineJson & { batchCode: string };
    // What it requires reads in the milestones' order, whatever order it was ticked in.
    expect(made).toMatchObject({ name: NAME, dueOn: '2018-06-30', appliesTo: 'new', batchCode: '2019-02', requires: ['registered', 'named_person'] });
    expect((await deadlines()).map((d) => d.name)).toContain(NAME);

    // Not yet on its own day; from the next every school of the batch is overdue against it, and no other school is.
    expect((await overdue('2018-06-30')).filter((i) => i.deadlineName === NAME)).toEqual([]);
    const after = (await overdue('2018-07-01')).filter((i) => i.deadlineName === NAME);
    expect(new Set(after.map((i) => i.schoolName))).toEqual(new Set(second.map((s) => s.name)));
    expect(after.every((i) => i.batch === '2019-02' && i.source === 'deadline' && i.dueOn === '2018-06-30')).toBe(true);
    // 冠县第二实验小学 registered in March: only its named person is overdue.
    expect(after.filter((i) => i.schoolName === '冠县第二实验小学').map((i) => i.requirement)).toEqual(['named_person']);
    const school = await t.db.db.selectFrom('schools').select('id').where('name', '=', '冠县第二实验小学').executeTakeFirstOrThrow();
    const detail = (await city.get(`/api/rollout/schools/${school.id}?asOf=2018-07-01`)).json() as { deadlines: { name: string; met: boolean }[] };
    expect(detail.deadlines).toEqual([expect.objectContaining({ name: NAME, met: false })]);

    const removed = await city.request('DELETE', `/api/rollout/deadlines/${made.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await deadlines()).map((d) => d.id)).not.toContain(made.id);
    // The batch's schools are back to their own plans and the batch's due date.
    expect((await overdue('2018-07-01')).filter((i) => i.batch === '2019-02')).toEqual(before);
    expect((await city.request('DELETE', `/api/rollout/deadlines/${made.id}`)).statusCode).toBe(404);

    // Both on record; the removal keeps the whole deadline, so it could be set again.
    expect(await audited('rollout.deadline_create')).toMatchObject([{ target_id: String(made.id) }]);
    const [gone] = await audited('rollout.deadline_delete');
    expect(gone?.target_id).toBe(String(made.id));
    expect(JSON.parse(gone!.detail)).toMatchObject({
      deleted: { name: NAME, dueOn: '2018-06-30', appliesTo: 'new', batchCode: '2019-02', requires: ['registered', 'named_person'] },
    });
  });

  it('refuses a batch the city does not have, nothing required, a day that does not exist, a blank or repeated name, and adds nothing', async () => {
    const city = await t.login('city.admin');
    const before = await deadlines();
    const refused = async (payload: object) => {
      const res = await city.request('POST', '/api/rollout/deadlines', { ...body, ...payload });
      return { status: res.statusCode, ...(res.json() as { code: string; message: string }) };
    };
    // 2019-09 is 德州's batch, not 聊城's: the message names the city's own batches.
    const batch = await refused({ batchCode: '2019-09' });
    expect(batch).toMatchObject({ status: 400, code: 'ROLLOUT_DEADLINE_BATCH_UNKNOWN' });
    expect(batch.message).toContain('2018-08、2019-02');
    expect(await refused({ requires: [] })).toMatchObject({ status: 400, code: 'ROLLOUT_REQUIREMENTS_REQUIRED' });
    expect(await refused({ dueOn: '2018-02-30' })).toMatchObject({ status: 400, code: 'DATE_INVALID' });
    expect(await refused({ name: '   ' })).toMatchObject({ status: 400, code: 'TEXT_BLANK' });
    const same = await refused({ name: '未实施项目学校完成注册激活使用和设备安装', batchCode: '2018-08' });
    expect(same).toMatchObject({ status: 409, code: 'ROLLOUT_DEADLINE_NAME_TAKEN' });
    expect(await deadlines()).toEqual(before);
    // The same name for another batch's schools is another deadline.
    const other = await city.request('POST', '/api/rollout/deadlines', { ...body, name: '未实施项目学校完成注册激活使用和设备安装' });
    expect(other.statusCode, other.body).toBe(201);
    expect((await city.request('DELETE', `/api/rollout/deadlines/${(other.json() as DeadlineJson).id}`)).statusCode).toBe(204);
  });

  it('refuses county and school staff (403) and answers 404 for another city', async () => {
    const [target] = await deadlines();
    const created = (await audited('rollout.deadline_create')).length;
    for (const user of ['guanxian.admin', 'guanxian.edtech', 'gxsy.principal']) {
      const c = await t.login(user);
      expect((await c.request('POST', '/api/rollout/deadlines', body)).statusCode, user).toBe(403);
      expect((await c.request('DELETE', `/api/rollout/deadlines/${target!.id}`)).statusCode, user).toBe(403);
    }
    const city = await t.login('city.admin');
    expect((await city.request('POST', '/api/rollout/deadlines', { ...body, cityId: foreign.cityId, batchCode: '2019-09' })).statusCode).toBe(404);
    expect((await city.request('DELETE', `/api/rollout/deadlines/${foreign.deadlineId}`)).statusCode).toBe(404);
    // Nothing of 德州's moved, and 聊城 kept its deadlines.
    const theirs = await t.db.db.selectFrom('rollout_deadlines').select('name').where('city_id', '=', foreign.cityId).execute();
    expect(theirs).toEqual([{ name: '德州市项目学校完成激活' }]);
    expect((await deadlines()).map((d) => d.id)).toContain(target!.id);
    expect(await audited('rollout.deadline_create')).toHaveLength(created);
  });
});
