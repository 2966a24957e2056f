import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedDemoRollout } from '../../seed/rollout.demo-seed.js';

/**
 * The article's rules on the demo data (seeded into the test city): which department answers for
 * what, and which schools are overdue when. The test city's 冠县 has 冠县实验小学 (batch 2018-08,
 * built, in regular use), 冠县第二实验小学 (2019-02, installation planned 03-30 and not done) and
 * 冠县第一幼儿园 (2018-08, registration planned 03-20 and not done); 莘县实验小学 is built and
 * activated with nobody named.
 */
interface OverdueJson { schoolName: string; requirement: string; department: string; departmentName: string; dueOn: string; source: string; kind: string }
interface SchoolJson {
  id: number; name: string; kind: string; batch: string; built: boolean; namedPerson: { name: string } | null;
  milestones: { milestone: string; done: boolean; doneOn: string | null; department: string; canRecord: boolean; evidenceNote?: string | null; recordedBy?: { name: string } | null }[];
  overdue: OverdueJson[];
}
interface ProgressRow { countyName: string; batch: string; group: string; target: number; schools: number; registered: number; installed: number; activated: number; inRegularUse: number; overdue: number }

describe('rollout on the demo data: overdue lists and routing follow the article', () => {
  let t: TestApp;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T16:00:00+08:00'));
    const city = await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
    await seedDemoRollout(t.db.db, city.id);
    for (const s of await t.db.db.selectFrom('schools').select(['id', 'name']).execute()) id[s.name] = s.id;
  });
  afterAll(async () => t.close());

  const overdue = async (user: string, query: string) => {
    const res = await (await t.login(user)).get(`/api/rollout/overdue?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: OverdueJson[] }).items;
  };
  const line = (items: OverdueJson[], school: string) => items.filter((i) => i.schoolName === school).map((i) => `${i.requirement}→${i.departmentName}`);

  it('on 2018-04-04 lists the missed plans, each with the department the article makes answer for it', async () => {
    const items = await overdue('city.admin', 'asOf=2018-04-04');
    // A kindergarten's programme is the 学前教研室's; a recording room's installation the 教科所's.
    expect(line(items, '冠县第一幼儿园')).toEqual(['registered→学前教研室']);
    expect(line(items, '冠县第二实验小学')).toEqual(['installed→教科所']);
    expect(items.find((i) => i.schoolName === '冠县第二实验小学')).toMatchObject({ dueOn: '2018-03-30', source: 'plan', department: 'research' });
    // In regular use with its principal named: nothing overdue, now or after either deadline.
    expect(line(items, '冠县实验小学')).toEqual([]);
    expect(line(await overdue('city.admin', 'asOf=2018-06-01'), '冠县实验小学')).toEqual([]);
    // The 04-30 deadline has not passed yet.
    expect(line(items, '莘县实验小学')).toEqual([]);
  });

  it('makes a built school without a named person overdue after 04-30, for the 电教馆', async () => {
    expect(line(await overdue('city.admin', 'asOf=2018-04-30'), '莘县实验小学')).toEqual([]);
    const items = await overdue('city.admin', 'asOf=2018-05-01');
    expect(line(items, '莘县实验小学')).toEqual(['named_person→电教馆']);
    expect(items.find((i) => i.schoolName === '莘县实验小学')).toMatchObject({ dueOn: '2018-04-30', source: 'deadline', department: 'edtech' });
  });

  it('holds the 2018-08 batch\'s new schools to 05-31, and the 2019-02 batch only to its own plans', async () => {
    const items = await overdue('city.admin', 'asOf=2018-06-01');
    expect(line(items, '冠县第一幼儿园').sort()).toEqual(['activated→学前教研室', 'installed→教科所', 'registered→学前教研室']);
    // 冠县第二实验小学 (2019-02) is not held to 05-31: only its own plans are overdue.
    expect(line(items, '冠县第二实验小学').sort()).toEqual(['activated→电教馆', 'installed→教科所']);
    expect(items.find((i) => i.schoolName === '冠县第二实验小学' && i.requirement === 'activated')).toMatchObject({ source: 'plan', dueOn: '2018-04-25' });
  });

  it('gives each county department only its duty: the 学前教研室 kindergartens, the 电教馆 primary and junior schools', async () => {
    const preschool = await overdue('guanxian.preschool', 'asOf=2018-06-01');
    expect(new Set(preschool.map((i) => i.schoolName))).toEqual(new Set(['冠县第一幼儿园']));
    const edtech = await overdue('guanxian.edtech', 'asOf=2018-06-01&department=edtech');
    expect(edtech.map((i) => `${i.schoolName}:${i.requirement}`)).toEqual(['冠县第二实验小学:activated']);
    // The 教科所 sees every programme school of its county, and filters to its recording rooms.
    const research = await overdue('guanxian.research', 'asOf=2018-06-01&department=research');
    expect(research.map((i) => `${i.schoolName}:${i.requirement}`).sort()).toEqual(['冠县第一幼儿园:installed', '冠县第二实验小学:installed']);
    // No department sees another county's school.
    expect([...preschool, ...edtech, ...research].some((i) => i.schoolName.startsWith('莘县'))).toBe(false);
  });

  it('shows one school\'s milestones with evidence, the department answering for each and what the caller may record', async () => {
    const edtech = await t.login('guanxian.edtech');
    const res = await edtech.get(`/api/rollout/schools/${id['冠县实验小学']}?asOf=2018-04-04`);
    expect(res.statusCode).toBe(200);
    const s = res.json() as SchoolJson;
    expect(s).toMatchObject({ built: true, batch: '2018-08', namedPerson: { name: '马建国' }, overdue: [] });
    expect(s.milestones.map((m) => [m.milestone, m.done, m.department, m.canRecord])).toEqual([
      ['registered', true, 'edtech', true], ['installed', true, 'research', false], ['activated', true, 'edtech', true], ['in_regular_use', true, 'research', false],
    ]);
    expect(s.milestones[0]!.evidenceNote).toContain('1371525001');
  });

  it('lists schools with filters: overdue, department, kind', async () => {
    const city = await t.login('city.admin');
    const page = (await city.get('/api/rollout/schools?asOf=2018-04-04&overdue=true&pageSize=200')).json() as { items: SchoolJson[]; total: number };
    const names = page.items.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['冠县第一幼儿园', '冠县第二实验小学']));
    expect(names).not.toContain('冠县实验小学');
    expect(page.items.every((s) => s.overdue.length > 0)).toBe(true);
    const kg = (await city.get('/api/rollout/schools?department=preschool&pageSize=200')).json() as { items: SchoolJson[] };
    expect(kg.items.length).toBeGreaterThan(0);
    expect(kg.items.every((s) => s.kind === 'kindergarten')).toBe(true);
    // Senior schools are not in the programme.
    const all = (await city.get('/api/rollout/schools?pageSize=200')).json() as { items: SchoolJson[] };
    expect(all.items.some((s) => s.kind === 'senior')).toBe(false);
  });

  it('gives progress per county against the batch targets, only in the groups the caller answers for', async () => {
    const city = await t.login('city.admin');
    const rows = ((await city.get('/api/rollout/progress?asOf=2018-04-04')).json() as { rows: ProgressRow[] }).rows;
    const gx = rows.filter((r) => r.countyName === '冠县');
    expect(gx.map((r) => `${r.batch}/${r.group}`)).toEqual(['2018-08/kindergarten', '2018-08/primaryAndJunior', '2019-02/primaryAndJunior']);
    expect(gx[1]).toMatchObject({ schools: 1, registered: 1, installed: 1, activated: 1, inRegularUse: 1, overdue: 0 });
    expect(gx[0]).toMatchObject({ schools: 1, registered: 0, overdue: 1 });
    // The county targets add up to the article's: 200 kindergartens and 150 + 280 primary and junior schools.
    const sum = (batch: string, group: string) => rows.filter((r) => r.batch === batch && r.group === group).reduce((n, r) => n + r.target, 0);
    expect([sum('2018-08', 'kindergarten'), sum('2018-08', 'primaryAndJunior'), sum('2019-02', 'primaryAndJunior')]).toEqual([200, 150, 280]);

    const edtech = ((await (await t.login('guanxian.edtech')).get('/api/rollout/progress?asOf=2018-04-04')).json() as { rows: ProgressRow[] }).rows;
    expect(edtech.map((r) => `${r.countyName} ${r.batch}/${r.group}`)).toEqual(['冠县 2018-08/primaryAndJunior', '冠县 2019-02/primaryAndJunior']);
    const preschool = ((await (await t.login('guanxian.preschool')).get('/api/rollout/progress?batch=2018-08')).json() as { rows: ProgressRow[] }).rows;
    expect(preschool.map((r) => `${r.countyName} ${r.batch}/${r.group}`)).toEqual(['冠县 2018-08/kindergarten']);
  });

  it('lets a principal read only their own school', async () => {
    const principal = await t.login('gxsy.principal');
    const page = (await principal.get('/api/rollout/schools')).json() as { items: SchoolJson[] };
    expect(page.items.map((s) => s.name)).toEqual(['冠县实验小学']);
    expect((await principal.get(`/api/rollout/schools/${id['冠县第二实验小学']}`)).statusCode).toBe(404);
    const write = await principal.request('POST', `/api/rollout/schools/${id['冠县实验小学']}/milestones`, { milestone: 'registered', plannedOn: '2018-05-01' });
    expect(write.statusCode).toBe(403);
  });
});

describe('rollout writes, from the attacker\'s side too', () => {
  let t: TestApp;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2018-04-04T16:00:00+08:00'));
    const city = await t.db.db.selectFrom('regions').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
    await seedDemoRollout(t.db.db, city.id);
    for (const s of await t.db.db.selectFrom('schools').select(['id', 'name']).execute()) id[s.name] = s.id;
  });
  afterAll(async () => t.close());

  it('lets the 电教馆 record a milestone with evidence; the school leaves the overdue list', async () => {
    const edtech = await t.login('guanxian.edtech');
    const res = await edtech.request('POST', `/api/rollout/schools/${id['冠县第二实验小学']}/milestones`, {
      milestone: 'activated', doneOn: '2018-04-04', evidenceNote: '平台激活，已开通教师账号 30 个',
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as SchoolJson;
    expect(s.milestones.find((m) => m.milestone === 'activated')).toMatchObject({ done: true, doneOn: '2018-04-04', evidenceNote: '平台激活，已开通教师账号 30 个', recordedBy: { name: '谢红梅' } });
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'rollout.milestone').execute();
    expect(audit).toEqual([{ action: 'rollout.milestone', target_id: String(id['冠县第二实验小学']) }]);
  });

  it('refuses a done milestone without evidence, in the future, or out of order', async () => {
    const research = await t.login('guanxian.research');
    const url = `/api/rollout/schools/${id['冠县第二实验小学']}/milestones`;
    const none = await research.request('POST', url, { milestone: 'installed', doneOn: '2018-04-03' });
    expect(none.json()).toMatchObject({ code: 'ROLLOUT_EVIDENCE_REQUIRED' });
    const future = await research.request('POST', url, { milestone: 'installed', doneOn: '2018-04-05', evidenceNote: '验收单' });
    expect(future.json()).toMatchObject({ code: 'ROLLOUT_DATE_IN_FUTURE' });
    // Registered on 03-12: the installation cannot come before it.
    const early = await research.request('POST', url, { milestone: 'installed', doneOn: '2018-03-01', evidenceNote: '验收单' });
    expect(early.json()).toMatchObject({ code: 'ROLLOUT_DATE_OUT_OF_ORDER' });
    const ok = await research.request('POST', url, { milestone: 'installed', doneOn: '2018-04-03', evidenceNote: '验收单 YS-25002-1' });
    expect(ok.statusCode, ok.body).toBe(200);
    const items = (await (await t.login('city.admin')).get('/api/rollout/overdue?asOf=2018-04-04')).json() as { items: OverdueJson[] };
    expect(items.items.filter((i) => i.schoolName === '冠县第二实验小学')).toEqual([]);
  });

  it('keeps the 电教馆 out of kindergartens and other counties, and out of the 教科所\'s milestones', async () => {
    const edtech = await t.login('guanxian.edtech');
    const body = { milestone: 'registered', doneOn: '2018-04-02', evidenceNote: '注册' };
    expect((await edtech.get(`/api/rollout/schools/${id['冠县第一幼儿园']}`)).statusCode).toBe(404);
    expect((await edtech.request('POST', `/api/rollout/schools/${id['冠县第一幼儿园']}/milestones`, body)).statusCode).toBe(404);
    expect((await edtech.get(`/api/rollout/schools/${id['莘县实验小学']}`)).statusCode).toBe(404);
    expect((await edtech.request('POST', `/api/rollout/schools/${id['莘县实验小学']}/milestones`, body)).statusCode).toBe(404);
    expect((await edtech.request('PUT', `/api/rollout/schools/${id['莘县实验小学']}/named-person`, { userId: 1 })).statusCode).toBe(404);
    const page = (await edtech.get('/api/rollout/schools?pageSize=200')).json() as { items: SchoolJson[] };
    expect(page.items.map((s) => s.name).sort()).toEqual(['冠县实验小学', '冠县第二实验小学']);
    // Its own county's primary school, but a recording room's milestone: the 教科所's.
    const room = await edtech.request('POST', `/api/rollout/schools/${id['冠县实验小学']}/milestones`, { milestone: 'in_regular_use', plannedOn: '2018-05-01' });
    expect(room.statusCode).toBe(403);
    expect(room.json()).toMatchObject({ code: 'ROLLOUT_NOT_YOUR_DUTY' });
    // And the 教科所 does not name the programme's person.
    const research = await t.login('guanxian.research');
    const named = await research.request('PUT', `/api/rollout/schools/${id['冠县第二实验小学']}/named-person`, { userId: 1 });
    expect(named.json()).toMatchObject({ code: 'ROLLOUT_NOT_YOUR_DUTY' });
  });

  it('names a person of the school or county, and only such a person', async () => {
    const preschool = await t.login('guanxian.preschool');
    const url = `/api/rollout/schools/${id['冠县第一幼儿园']}`;
    const candidates = (await preschool.get(`${url}/candidates`)).json() as { items: { userId: number; name: string; username: string }[] };
    const me = candidates.items.find((c) => c.username === 'guanxian.preschool')!;
    expect(me).toBeDefined();
    expect(candidates.items.some((c) => c.username === 'sxsy.principal')).toBe(false);
    const foreign = await t.db.db.selectFrom('users').select('id').where('username', '=', 'sxsy.principal').executeTakeFirstOrThrow();
    expect((await preschool.request('PUT', `${url}/named-person`, { userId: foreign.id })).json()).toMatchObject({ code: 'ROLLOUT_NAMED_PERSON_NOT_ELIGIBLE' });
    const ok = await preschool.request('PUT', `${url}/named-person`, { userId: me.userId });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as SchoolJson).namedPerson).toMatchObject({ name: me.name });
  });

  it('lets the city create and retarget a batch, shared out over the counties; a county may not', async () => {
    const city = await t.login('city.admin');
    const res = await city.request('POST', '/api/rollout/batches', {
      code: '2019-08', name: '第三批', dueOn: '2019-08-31', targets: { kindergarten: 16, primaryAndJunior: 0 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json() as { id: number; counties: { countyName: string; kindergarten: number }[] };
    expect(batch.counties).toHaveLength(8);
    expect(batch.counties.reduce((n, c) => n + c.kindergarten, 0)).toBe(16);
    const bad = await city.request('PATCH', `/api/rollout/batches/${batch.id}`, {
      targets: { kindergarten: 10, primaryAndJunior: 0 }, counties: [{ countyId: 99999, kindergarten: 10, primaryAndJunior: 0 }],
    });
    expect(bad.json()).toMatchObject({ code: 'ROLLOUT_TARGET_COUNTY_UNKNOWN' });
    const dup = await city.request('POST', '/api/rollout/batches', { code: '2019-08', name: 'x', dueOn: '2019-08-31', targets: { kindergarten: 0, primaryAndJunior: 0 } });
    expect(dup.statusCode).toBe(409);
    const county = await t.login('guanxian.admin');
    expect((await county.request('PATCH', `/api/rollout/batches/${batch.id}`, { name: '改名' })).statusCode).toBe(403);
    const seen = (await county.get('/api/rollout/batches')).json() as { items: { code: string; counties: { countyName: string }[] }[] };
    expect(seen.items.map((b) => b.code)).toEqual(['2018-08', '2019-02', '2019-08']);
    expect(seen.items.every((b) => b.counties.every((c) => c.countyName === '冠县'))).toBe(true);
  });

  it('lists the article\'s two deadlines', async () => {
    const rows = (await (await t.login('city.admin')).get('/api/rollout/deadlines')).json() as { items: { dueOn: string; appliesTo: string; requires: string[] }[] };
    expect(rows.items.map((d) => `${d.dueOn} ${d.appliesTo} ${d.requires.join('+')}`))
      .toEqual(['2018-04-30 built activated+named_person', '2018-05-31 new registered+activated+installed']);
  });

  it('puts the school\'s named person in compliance\'s list of who answers, else the county 教科所\'s staff', async () => {
    const res = await (await t.login('city.admin')).get('/api/compliance/schools?from=2018-04-02&to=2018-04-04&pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: { name: string; responsible: { departmentName: string | null; people: { name: string }[] } }[] }).items;
    expect(items.find((s) => s.name === '冠县实验小学')?.responsible).toMatchObject({ departmentName: '冠县教育局教科所', people: [{ name: '马建国' }] });
    expect(items.find((s) => s.name === '莘县实验小学')?.responsible.people.map((p) => p.name)).toEqual(['宋建军']);
  });
});
