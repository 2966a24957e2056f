import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoRollout } from './rollout.demo-seed.js';

/**
 * The city moves its deadlines (批次与时间节点). 莘县实验小学 is built and activated with nobody
 * named, so the 04-30 deadline ("已建成项目学校全面激活使用、专人负责") makes it overdue for the
 * 电教馆 from 05-01 — until the city gives the schools more time.
 */
interface DeadlineJson { id: number; cityId: number; name: string; dueOn: string; appliesTo: string; requires: string[] }
interface OverdueJson { schoolName: string; requirement: string; dueOn: string; source: string; deadlineName: string | null }

describe('moving the city\'s deadlines, from the attacker\'s side too', () => {
  let t: TestApp;
  let built: DeadlineJson;
  let foreignId: number;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T16:00:00+08:00'));
    const city = await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
    await seedDemoRollout(t.db.db, city.id);
    const list = (await (await t.login('city.admin')).get('/api/rollout/deadlines')).json() as { items: DeadlineJson[] };
    built = list.items.find((d) => d.appliesTo === 'built')!;
    // Another city with a deadline of its own: none of 聊城's staff may touch it.
    const other = await t.db.db.insertInto('regions')
      .values({ code: '371400', name: '德州市', level: 'city', parent_id: null, bureau_name: '德州市教育局' })
      .returning('id').executeTakeFirstOrThrow();
    foreignId = (await t.db.db.insertInto('rollout_deadlines').values({
      city_id: other.id, name: '德州市项目学校完成激活', due_on: '2018-06-30', applies_to: 'new', batch_code: null,
      requires: JSON.stringify(['activated']), created_at: '2018-03-01T00:00:00.000Z',
    }).returning('id').executeTakeFirstOrThrow()).id;
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
    expect(badDay.json()).toMatchObject({ code: 'ROLLOUT_DATE_INVALID' });
    expect((badDay.json() as { message: string }).message).toContain('2018-02-30');
    const blank = await city.request('PATCH', `/api/rollout/deadlines/${built.id}`, { name: '   ' });
    expect(blank.json()).toMatchObject({ code: 'ROLLOUT_NAME_REQUIRED' });
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
