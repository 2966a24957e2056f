import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoBatches } from '../../seed/rollout.demo-seed.js';

/**
 * Marking a school as already built (已建成录播室) chooses which of the city's deadlines hold it.
 * Only the article's batches and deadlines are seeded, no school stories: 冠县实验小学 (2018-08)
 * has nothing recorded, so as of 2018-06-01 it is new and overdue against the 05-31 deadline for
 * registering, installing and activating; built, it is held to 04-30's activation and named person
 * instead (its batch is due only 08-31).
 */
interface OverdueJson { schoolName: string; requirement: string; dueOn: string; source: string; deadlineName: string | null; department: string }
interface DetailJson {
  built: boolean; canSetBuilt: boolean;
  deadlines: { name: string; dueOn: string }[];
  deadlinesIfBuiltChanged: { name: string; dueOn: string; requires: string[] }[];
}

const AFTER_BOTH = '2018-06-01';

describe('marking a school as already built, from the attacker\'s side too', () => {
  let t: TestApp;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T16:00:00+08:00'));
    const city = await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
    await seedDemoBatches(t.db.db, city.id);
    for (const s of await t.db.db.selectFrom('schools').select(['id', 'name']).execute()) id[s.name] = s.id;
  });
  afterAll(async () => t.close());

  const overdueOf = async (school: string) => {
    const res = await (await t.login('city.admin')).get(`/api/rollout/overdue?asOf=${AFTER_BOTH}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: OverdueJson[] }).items.filter((i) => i.schoolName === school)
      .map((i) => `${i.dueOn} ${i.requirement}`).sort();
  };

  it('moves the school from the 05-31 deadline\'s overdue list to the 04-30 one\'s, and back; audited', async () => {
    const school = '冠县实验小学';
    expect(await overdueOf(school)).toEqual(['2018-05-31 activated', '2018-05-31 installed', '2018-05-31 registered']);

    const edtech = await t.login('guanxian.edtech');
    const before = (await edtech.get(`/api/rollout/schools/${id[school]}`)).json() as DetailJson;
    // The page's confirmation names the deadline the change would bring.
    expect(before).toMatchObject({ built: false, canSetBuilt: true, deadlines: [{ dueOn: '2018-05-31' }] });
    expect(before.deadlinesIfBuiltChanged).toMatchObject([{ dueOn: '2018-04-30', requires: ['activated', 'named_person'] }]);

    const res = await edtech.request('PUT', `/api/rollout/schools/${id[school]}/built`, { built: true, note: '2017年已建成录播室，验收单 YS-25001' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ built: true, deadlines: [{ dueOn: '2018-04-30' }], deadlinesIfBuiltChanged: [{ dueOn: '2018-05-31' }] });
    expect(await overdueOf(school)).toEqual(['2018-04-30 activated', '2018-04-30 named_person']);
    const items = (await (await t.login('city.admin')).get(`/api/rollout/overdue?asOf=${AFTER_BOTH}`)).json() as { items: OverdueJson[] };
    expect(items.items.find((i) => i.schoolName === school && i.requirement === 'named_person'))
      .toMatchObject({ source: 'deadline', deadlineName: '已建成项目学校全面激活使用、专人负责', department: 'edtech' });

    // The city may correct it back.
    const back = await (await t.login('city.admin')).request('PUT', `/api/rollout/schools/${id[school]}/built`, { built: false });
    expect(back.statusCode, back.body).toBe(200);
    expect(await overdueOf(school)).toEqual(['2018-05-31 activated', '2018-05-31 installed', '2018-05-31 registered']);

    const audit = await t.db.db.selectFrom('audit_log').select(['target_id', 'detail']).where('action', '=', 'rollout.built').orderBy('id').execute();
    expect(audit.map((a) => [a.target_id, JSON.parse(a.detail)])).toEqual([
      [String(id[school]), { built: true, before: false, note: '2017年已建成录播室，验收单 YS-25001' }],
      [String(id[school]), { built: false, before: true }],
    ]);
  });

  it('lets the 学前教研室 mark its kindergarten; keeps the 电教馆 out of it (404), like its milestones', async () => {
    const kg = id['冠县第一幼儿园'];
    const edtech = await t.login('guanxian.edtech');
    expect((await edtech.request('PUT', `/api/rollout/schools/${kg}/built`, { built: true })).statusCode).toBe(404);
    expect((await edtech.request('POST', `/api/rollout/schools/${kg}/milestones`, { milestone: 'registered', plannedOn: '2018-05-01' })).statusCode).toBe(404);
    const preschool = await t.login('guanxian.preschool');
    const ok = await preschool.request('PUT', `/api/rollout/schools/${kg}/built`, { built: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ built: true, canSetBuilt: true });
  });

  it('answers 404 to a county officer of another county, 403 to the 教科所 and a principal; nothing changes', async () => {
    const school = id['冠县第二实验小学'];
    for (const user of ['shenxian.edtech', 'shenxian.admin']) {
      const res = await (await t.login(user)).request('PUT', `/api/rollout/schools/${school}/built`, { built: true });
      expect(res.statusCode, user).toBe(404);
    }
    const research = await t.login('guanxian.research');
    const refused = await research.request('PUT', `/api/rollout/schools/${school}/built`, { built: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'ROLLOUT_NOT_YOUR_DUTY' });
    expect((refused.json() as { message: string }).message).toContain('电教馆');
    expect(((await research.get(`/api/rollout/schools/${school}`)).json() as DetailJson).canSetBuilt).toBe(false);
    expect((await (await t.login('gxsy.principal')).request('PUT', `/api/rollout/schools/${id['冠县实验小学']}/built`, { built: true })).statusCode).toBe(403);
    const row = await t.db.db.selectFrom('rollout_schools').select('built').where('school_id', '=', school!).executeTakeFirst();
    expect(row?.built ?? 0).toBe(0);
  });
});
