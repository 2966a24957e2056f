import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addParent, classOfParent, userId } from './family.test-kit.js';
import { kindergartenAnchors, PNG, photoPart } from './kindergarten.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 接送: authorised people set by guardians, one-off authorisations, and the desk that refuses anyone else. */
describe('kindergarten pick-up: authorised people, one-offs once and for one day, refusals logged and told', () => {
  let t: TestApp;
  let k: Awaited<ReturnType<typeof kindergartenAnchors>>;
  let parent: Client;
  let parent2: Client;
  let teacher: Client;
  const today = '2026-12-07';

  beforeAll(async () => {
    t = await createTestApp({ now: new Date(`${today}T08:00:00+08:00`) });
    k = await kindergartenAnchors(t.db.db);
    [parent, parent2, teacher] = [await t.login('gxyey.parent'), await t.login('gxyey.parent2'), await t.login('gxyey.teacher')];
  });
  afterAll(async () => t.close());

  /** Moves the clock and signs everyone in again (a session idles out over a night). */
  async function moveTo(at: Date) {
    t.clock.set(at);
    [parent, parent2, teacher] = [await t.login('gxyey.parent'), await t.login('gxyey.parent2'), await t.login('gxyey.teacher')];
  }

  const notices = async (username: string, kind: string) => t.db.db.selectFrom('notifications').select(['title', 'body'])
    .where('user_id', '=', await userId(t.db.db, username)).where('kind', '=', kind).execute();

  it('lets a guardian authorise an adult with a photo, and never a minor', async () => {
    const minor = await parent.request('POST', `/api/kindergarten/children/${k.childA}/pickup-persons`, {
      name: '张小哥', relation: '哥哥', phone: '13800000001', birthDate: '2012-03-01',
    });
    expect(minor.statusCode).toBe(400);
    expect(minor.json()).toMatchObject({ code: 'PICKUP_PERSON_MINOR' });
    expect(minor.json().message).toContain('未满 18 周岁');
    expect((await parent.request('POST', `/api/kindergarten/children/${k.childA}/pickup-persons`, { name: '张三', relation: '舅舅', phone: '13800000002' })).json())
      .toMatchObject({ code: 'PICKUP_PERSON_ID_MISSING' });

    const added = await parent.request('POST', `/api/kindergarten/children/${k.childA}/pickup-persons`, {
      name: '张建国', relation: '外公', phone: '13800000003', birthDate: '1960-05-01',
    });
    expect(added.statusCode).toBe(201);
    const person = added.json();
    const m = photoPart('外公.png', PNG);
    const photo = await t.app.inject({ method: 'PUT', url: `/api/kindergarten/pickup-persons/${person.id}/photo`, headers: { ...parent.headers, ...m.headers }, body: m.body });
    expect(photo.statusCode).toBe(200);
    expect(photo.json().hasPhoto).toBe(true);
    const fake = photoPart('外公.png', Buffer.from('<html>not an image</html>'));
    const bad = await t.app.inject({ method: 'PUT', url: `/api/kindergarten/pickup-persons/${person.id}/photo`, headers: { ...parent.headers, ...fake.headers }, body: fake.body });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('PHOTO_TYPE');

    // The teacher's desk shows the child's people with their photos.
    const desk = (await teacher.get(`/api/kindergarten/classes/${k.classA}/day`)).json();
    const row = desk.children.find((c: { child: { id: number } }) => c.child.id === k.childA);
    expect(row.persons).toEqual([expect.objectContaining({ id: person.id, name: '张建国', hasPhoto: true })]);
    const img = await teacher.get(`/api/kindergarten/pickup-persons/${person.id}/photo`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('refuses a person not on the list: nothing picked up, the refusal kept, audited and told to the guardians', async () => {
    const res = await teacher.request('POST', `/api/kindergarten/children/${k.childA}/pickup`, { name: '陌生人', phone: '13900000000' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'refused', pickup: null, refusal: { personName: '陌生人', reason: 'not_on_list' }, guardiansNotified: 1 });
    expect(await t.db.db.selectFrom('kindergarten_pickups').select('id').where('student_id', '=', k.childA).execute()).toEqual([]);
    expect(await t.db.db.selectFrom('pickup_refusals').select(['person_name', 'reason']).where('student_id', '=', k.childA).execute())
      .toEqual([{ person_name: '陌生人', reason: 'not_on_list' }]);
    const audit = await t.db.db.selectFrom('audit_log').select(['result', 'target_id']).where('action', '=', 'kindergarten.pickup_refused').execute();
    expect(audit).toEqual([{ result: 'denied', target_id: String(k.childA) }]);
    expect(await notices('gxyey.parent', 'kindergarten_pickup_refused')).toEqual([expect.objectContaining({ body: expect.stringContaining('陌生人') })]);
    // The guardian sees it in the child's day.
    const day = (await parent.get(`/api/kindergarten/children/${k.childA}/day`)).json();
    expect(day).toMatchObject({ day: today, pickup: null, refusals: [expect.objectContaining({ personName: '陌生人' })] });
  });

  it('takes a one-off once: it picks the child up, and the same authorisation cannot be used again', async () => {
    const made = await parent.request('POST', `/api/kindergarten/children/${k.childA}/one-offs`, { day: today, name: '李阿姨', relation: '邻居', phone: '13700000001' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ state: 'waiting' });
    // The typed name and phone match the one-off.
    const res = await teacher.request('POST', `/api/kindergarten/children/${k.childA}/pickup`, { name: '李阿姨', phone: '13700000001' });
    expect(res.json()).toMatchObject({ outcome: 'picked_up', pickup: { personName: '李阿姨', via: 'one_off' } });
    expect((await parent.get(`/api/kindergarten/children/${k.childA}/day`)).json().pickup).toMatchObject({ personName: '李阿姨', personRelation: '邻居' });
    expect((await parent.get(`/api/kindergarten/children/${k.childA}/pickup-people`)).json().oneOffs).toEqual([expect.objectContaining({ id: made.json().id, state: 'used' })]);
    // Already picked up today: a second pick-up is a mistake the desk sees.
    expect((await teacher.request('POST', `/api/kindergarten/children/${k.childA}/pickup`, { oneOffId: made.json().id })).statusCode).toBe(409);
    // Tomorrow the used one-off is refused (and logged).
    await moveTo(new Date(t.clock.now().getTime() + DAY_MS));
    const again = await teacher.request('POST', `/api/kindergarten/children/${k.childA}/pickup`, { oneOffId: made.json().id });
    expect(again.json()).toMatchObject({ outcome: 'refused', refusal: { reason: 'one_off_used' } });
    // The authorised person still picks up on the next day.
    const person = (await parent.get(`/api/kindergarten/children/${k.childA}/pickup-people`)).json().persons[0];
    expect((await teacher.request('POST', `/api/kindergarten/children/${k.childA}/pickup`, { personId: person.id })).json())
      .toMatchObject({ outcome: 'picked_up', pickup: { personName: '张建国', via: 'person' } });
    await moveTo(new Date(`${today}T08:00:00+08:00`));
  });

  it('lets an unused one-off expire at the end of its day (Asia/Shanghai)', async () => {
    const other = (await t.db.db.selectFrom('students').select('id').where('class_id', '=', k.classA).orderBy('id').execute())[1]!.id;
    const guardian = await addParent(t.db.db, { username: 'kg.oneoff.parent', children: [{ studentId: other }] });
    const g = await t.login(guardian.username);
    const made = (await g.request('POST', `/api/kindergarten/children/${other}/one-offs`, { day: today, name: '王叔叔', relation: '同事', phone: '13700000002' })).json();
    await moveTo(new Date(`${today}T23:59:00+08:00`));
    expect((await (await t.login(guardian.username)).get(`/api/kindergarten/children/${other}/pickup-people`)).json().oneOffs[0].state).toBe('waiting');
    await moveTo(new Date('2026-12-08T07:30:00+08:00'));
    const res = await teacher.request('POST', `/api/kindergarten/children/${other}/pickup`, { oneOffId: made.id });
    expect(res.json()).toMatchObject({ outcome: 'refused', refusal: { reason: 'one_off_expired' } });
    expect(await notices(guardian.username, 'kindergarten_pickup_refused')).toHaveLength(1);
    await moveTo(new Date(`${today}T08:00:00+08:00`));
  });

  it('gives class A\'s parent 404 for class B\'s and the other county\'s records; the teacher reaches only their class', async () => {
    const b = await parent2.request('POST', `/api/kindergarten/children/${k.childB}/pickup-persons`, { name: '王奶奶', relation: '奶奶', phone: '13600000001', idLast4: '123X' });
    expect(b.statusCode).toBe(201);
    const bOneOff = (await parent2.request('POST', `/api/kindergarten/children/${k.childB}/one-offs`, { day: today, name: '赵叔', relation: '叔叔', phone: '13600000002' })).json();
    for (const url of [
      `/api/kindergarten/children/${k.childB}/pickup-people`, `/api/kindergarten/children/${k.childB}/day`, `/api/kindergarten/children/${k.childB}/medications`,
      `/api/kindergarten/pickup-persons/${b.json().id}/photo`, `/api/kindergarten/one-offs/${bOneOff.id}/photo`,
      `/api/kindergarten/children/${k.foreignChild}/day`, `/api/kindergarten/children/${k.foreignChild}/pickup-people`,
    ]) expect([url, (await parent.get(url)).statusCode]).toEqual([url, 404]);
    expect((await parent.request('DELETE', `/api/kindergarten/pickup-persons/${b.json().id}`)).statusCode).toBe(404);
    expect((await parent.request('DELETE', `/api/kindergarten/one-offs/${bOneOff.id}`)).statusCode).toBe(404);
    expect((await parent.request('POST', `/api/kindergarten/children/${k.childB}/pickup-persons`, { name: '坏人', relation: '舅舅', phone: '13600000003', idLast4: '1234' })).statusCode).toBe(404);
    expect((await parent.get('/api/kindergarten/children')).json().items.map((c: { id: number }) => c.id)).toEqual([k.childA]);
    // The teacher of class A: not class B's desk nor its children.
    expect((await teacher.get(`/api/kindergarten/classes/${k.classB}/day`)).statusCode).toBe(404);
    expect((await teacher.request('POST', `/api/kindergarten/children/${k.childB}/pickup`, { personId: b.json().id })).statusCode).toBe(404);
    expect((await teacher.get('/api/kindergarten/classes')).json().items.map((c: { id: number }) => c.id)).toEqual([k.classA]);
    // A parent never works the desk.
    expect((await parent.request('POST', `/api/kindergarten/children/${k.childA}/pickup`, { name: '张建国', phone: '13800000003' })).statusCode).toBe(403);
  });

  it('shows an unbound parent nothing, and a primary pupil\'s parent gets a 400 for their own child and 404 for the kindergarten\'s', async () => {
    const unbound = await t.login((await addParent(t.db.db, { username: 'kg.unbound', children: [] })).username);
    expect((await unbound.get('/api/kindergarten/children')).json().items).toEqual([]);
    expect((await unbound.get(`/api/kindergarten/children/${k.childA}/day`)).statusCode).toBe(404);
    const gxsy = await t.login('gxsy.parent');
    const own = (await classOfParent(t.db.db, 'gxsy.parent')).studentId;
    const res = await gxsy.get(`/api/kindergarten/children/${own}/day`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('KINDERGARTEN_ONLY');
    expect((await gxsy.get(`/api/kindergarten/children/${k.childA}/pickup-people`)).statusCode).toBe(404);
    expect((await gxsy.get('/api/kindergarten/children')).json().items).toEqual([]);
  });
});
