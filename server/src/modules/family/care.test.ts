import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addParent, pupilsOf, userId } from './family.test-kit.js';
import { kindergartenAnchors } from './kindergarten.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/** Kindergarten care: arrival, 晨检 and entrusted medication, recorded by the class and seen by the child's guardians only. */
describe('kindergarten care: arrival, 晨检, medication and its doses, for the child\'s guardians only', () => {
  let t: TestApp;
  let k: Awaited<ReturnType<typeof kindergartenAnchors>>;
  let parent: Client;
  let parent2: Client;
  let teacher: Client;
  const today = '2026-12-07';

  beforeAll(async () => {
    t = await createTestApp({ now: new Date(`${today}T07:50:00+08:00`) });
    k = await kindergartenAnchors(t.db.db);
    [parent, parent2, teacher] = [await t.login('gxyey.parent'), await t.login('gxyey.parent2'), await t.login('gxyey.teacher')];
  });
  afterAll(async () => t.close());

  it('records an arrival once when two teachers tap it at the same moment: the second hears 409, never a 500', async () => {
    const other = await t.login('gxyey.teacher');
    const child = (await pupilsOf(t.db.db, k.classA))[1]!.id;
    const answers = await Promise.all([teacher, other].map((c) => c.request('POST', `/api/kindergarten/children/${child}/arrival`, { broughtBy: '爷爷' })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.db.db.selectFrom('kindergarten_arrivals').select('id').where('student_id', '=', child).execute();
    expect(rows).toHaveLength(1);
  });

  it('records arrival and 晨检, which the guardian reads in the child\'s day; a child not well is told at once', async () => {
    const arrived = await teacher.request('POST', `/api/kindergarten/children/${k.childA}/arrival`, { broughtBy: '妈妈' });
    expect(arrived.statusCode).toBe(201);
    expect((await teacher.request('POST', `/api/kindergarten/children/${k.childA}/arrival`, { broughtBy: '妈妈' })).statusCode).toBe(409);
    const check = await teacher.request('PUT', `/api/kindergarten/children/${k.childA}/health-check`, {
      temperature: 37.6, mouthOk: true, handsOk: false, skinOk: true, status: 'attention', note: '手心有红点',
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ temperature: 37.6, handsOk: false, status: 'attention' });
    // Out of range: 400 naming the field.
    const bad = await teacher.request('PUT', `/api/kindergarten/children/${k.childA}/health-check`, { temperature: 50, mouthOk: true, handsOk: true, skinOk: true, status: 'normal' });
    expect(bad.statusCode).toBe(400);
    const day = (await parent.get(`/api/kindergarten/children/${k.childA}/day`)).json();
    expect(day).toMatchObject({ day: today, arrival: { broughtBy: '妈妈' }, healthCheck: { temperature: 37.6, status: 'attention', note: '手心有红点' } });
    const told = await t.db.db.selectFrom('notifications').select('title').where('user_id', '=', await userId(t.db.db, 'gxyey.parent'))
      .where('kind', '=', 'kindergarten_health_check').execute();
    expect(told).toHaveLength(1);
  });

  it('lets a guardian entrust medication; the teacher gives each dose; the guardian sees the dose record', async () => {
    const made = await parent.request('POST', `/api/kindergarten/children/${k.childA}/medications`, {
      name: '小儿氨酚黄那敏颗粒', dose: '半袋', times: ['11:30', '15:00'], fromDay: today, toDay: '2026-12-09', note: '饭后',
    });
    expect(made.statusCode).toBe(201);
    const med = made.json();
    expect((await parent.request('POST', `/api/kindergarten/children/${k.childA}/medications`, {
      name: '药', dose: '1 片', times: ['11:30'], fromDay: today, toDay: '2027-01-30',
    })).json().code).toBe('MEDICATION_TOO_LONG');
    // The desk lists it as due today.
    const desk = (await teacher.get(`/api/kindergarten/classes/${k.classA}/day`)).json();
    expect(desk.children.find((c: { child: { id: number } }) => c.child.id === k.childA).medications).toEqual([expect.objectContaining({ id: med.id, doses: [] })]);
    expect((await teacher.request('POST', `/api/kindergarten/medications/${med.id}/doses`, {})).statusCode).toBe(201);
    expect((await teacher.request('POST', `/api/kindergarten/medications/${med.id}/doses`, { note: '已喝完' })).statusCode).toBe(201);
    const third = await teacher.request('POST', `/api/kindergarten/medications/${med.id}/doses`, {});
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('MEDICATION_DOSES_DONE');
    const list = (await parent.get(`/api/kindergarten/children/${k.childA}/medications`)).json();
    expect(list.items[0].doses).toEqual([
      expect.objectContaining({ day: today, byName: '孟晓静', note: '' }), expect.objectContaining({ day: today, note: '已喝完' }),
    ]);
    expect((await parent.get(`/api/kindergarten/children/${k.childA}/day`)).json().medications[0].doses).toHaveLength(2);
  });

  it('keeps class B\'s care from class A\'s parent and teacher (404), and an unbound parent sees nothing', async () => {
    const medB = (await parent2.request('POST', `/api/kindergarten/children/${k.childB}/medications`, {
      name: '益生菌', dose: '1 袋', times: ['10:00'], fromDay: today, toDay: today,
    })).json();
    expect((await parent.get(`/api/kindergarten/children/${k.childB}/medications`)).statusCode).toBe(404);
    expect((await parent.get(`/api/kindergarten/medications/${medB.id}/photo`)).statusCode).toBe(404);
    expect((await parent.request('DELETE', `/api/kindergarten/medications/${medB.id}`)).statusCode).toBe(404);
    expect((await parent.request('POST', `/api/kindergarten/children/${k.childB}/medications`, {
      name: '药', dose: '1 片', times: ['10:00'], fromDay: today, toDay: today,
    })).statusCode).toBe(404);
    expect((await teacher.request('POST', `/api/kindergarten/medications/${medB.id}/doses`, {})).statusCode).toBe(404);
    expect((await teacher.request('POST', `/api/kindergarten/children/${k.childB}/arrival`, { broughtBy: '爸爸' })).statusCode).toBe(404);
    expect((await teacher.request('PUT', `/api/kindergarten/children/${k.foreignChild}/health-check`, {
      temperature: 36.5, mouthOk: true, handsOk: true, skinOk: true, status: 'normal',
    })).statusCode).toBe(404);
    expect(await t.db.db.selectFrom('medication_doses').select('id').where('medication_id', '=', medB.id).execute()).toEqual([]);

    const unbound = await t.login((await addParent(t.db.db, { username: 'kg.care.unbound', children: [] })).username);
    expect((await unbound.get(`/api/kindergarten/children/${k.childA}/medications`)).statusCode).toBe(404);
    expect((await unbound.get(`/api/kindergarten/medications/${medB.id}/photo`)).statusCode).toBe(404);
    expect((await unbound.get('/api/kindergarten/children')).json().items).toEqual([]);
  });
});
