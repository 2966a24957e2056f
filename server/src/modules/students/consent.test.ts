import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { setConsentRow } from '../resources/resources.test-kit.js';
import { userIdOf } from '../research/research.test-kit.js';

/** Guardians' consent: who reads and sets it, what is kept, and what the bodies may hold. */
describe('consent: a guardian sets their own child\'s, the school records paper forms and reads a class\'s', () => {
  let t: TestApp;
  let ownChild: number;
  let otherClassChild: number;
  let shenxianChild: number;
  let ownClass: number;
  let shenxianClass: number;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const childOf = async (username: string) =>
      (await db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
        .select('guardianships.student_id').where('users.username', '=', username).executeTakeFirstOrThrow()).student_id;
    ownChild = await childOf('gxsy.parent');
    otherClassChild = await childOf('gxsy.parent2');
    const sxsy = (await db.selectFrom('schools').select('id').where('name', '=', '莘县实验小学').executeTakeFirstOrThrow()).id;
    const sx = await db.selectFrom('students').select(['id', 'class_id']).where('school_id', '=', sxsy).orderBy('id').executeTakeFirstOrThrow();
    [shenxianChild, shenxianClass] = [sx.id, sx.class_id];
    ownClass = (await db.selectFrom('students').select('class_id').where('id', '=', ownChild).executeTakeFirstOrThrow()).class_id;
  });
  afterAll(async () => t.close());

  it('shows a parent their own child at the default level, internal, until one is set', async () => {
    const parent = await t.login('gxsy.parent');
    const res = await parent.get('/api/consents/mine');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ studentId: ownChild, classId: ownClass, level: 'internal', updatedAt: null })]);
    // Staff hold no guardianship: nobody's children.
    expect((await (await t.login('gxsy.principal')).get('/api/consents/mine')).json().items).toEqual([]);
  });

  it('lets a parent set their own child\'s level, keeping the history and the audit, and nobody else\'s (404)', async () => {
    const parent = await t.login('gxsy.parent');
    const saved = await parent.request('PUT', `/api/students/${ownChild}/consent`, { level: 'city' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ studentId: ownChild, level: 'city', previous: 'internal', changed: true, resourcesNarrowed: 0 });
    // The same level again writes nothing.
    expect((await parent.request('PUT', `/api/students/${ownChild}/consent`, { level: 'city' })).json()).toMatchObject({ changed: false, previous: 'city' });
    expect((await parent.get('/api/consents/mine')).json().items[0]).toMatchObject({ level: 'city', updatedAt: expect.any(String) });
    const history = (await parent.get(`/api/students/${ownChild}/consent/history`)).json();
    expect(history).toMatchObject({ studentId: ownChild, level: 'city' });
    expect(history.items).toEqual([expect.objectContaining({ fromLevel: 'internal', toLevel: 'city', byName: '王丽娟', source: 'guardian' })]);
    const audit = await t.db.db.selectFrom('audit_log').select(['target_id', 'actor_id', 'detail']).where('action', '=', 'consent.set').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_id: String(ownChild), actor_id: parent.me.id });

    // Another class's child, another county's: as if they did not exist.
    for (const child of [otherClassChild, shenxianChild]) {
      expect((await parent.request('PUT', `/api/students/${child}/consent`, { level: 'public' })).statusCode).toBe(404);
      expect((await parent.get(`/api/students/${child}/consent/history`)).statusCode).toBe(404);
    }
    expect(await t.db.db.selectFrom('student_consents').select('student_id').where('student_id', 'in', [otherClassChild, shenxianChild]).execute()).toEqual([]);
    // A parent never reads a class, not even their child's.
    expect((await parent.get(`/api/classes/${ownClass}/consents`)).statusCode).toBe(403);
  });

  it('lets the principal record a paper form for a pupil of the school, shown as the school\'s in the history', async () => {
    const principal = await t.login('gxsy.principal');
    const res = await principal.request('PUT', `/api/students/${otherClassChild}/consent`, { level: 'county' });
    expect(res.json()).toMatchObject({ level: 'county', previous: 'internal', changed: true });
    const history = (await principal.get(`/api/students/${otherClassChild}/consent/history`)).json();
    expect(history.items[0]).toMatchObject({ toLevel: 'county', byName: '马建国', source: 'school' });
    expect((await principal.request('PUT', `/api/students/${shenxianChild}/consent`, { level: 'county' })).statusCode).toBe(404);
  });

  it('shows the school\'s principal and teachers a class with its least level, audited; teachers only read', async () => {
    const db = t.db.db;
    const pupils = await db.selectFrom('students').select('id').where('class_id', '=', ownClass).orderBy('id').execute();
    const teacherId = await userIdOf(db, 'gxsy.teacher');
    for (const p of pupils) await setConsentRow(db, p.id, 'public', teacherId);
    await setConsentRow(db, pupils[pupils.length - 1]!.id, 'county', teacherId);
    const teacher = await t.login('gxsy.teacher');
    const res = await teacher.get(`/api/classes/${ownClass}/consents`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ classId: ownClass, least: 'county', cap: 'county', counts: { internal: 0, county: 1, city: 0, public: pupils.length - 1 } });
    expect(body.items).toHaveLength(pupils.length);
    const reads = await db.selectFrom('audit_log').select(['target_type', 'target_id', 'actor_id']).where('action', '=', 'consent.class_read').execute();
    expect(reads).toContainEqual({ target_type: 'class', target_id: String(ownClass), actor_id: teacher.me.id });
    expect((await teacher.request('PUT', `/api/students/${ownChild}/consent`, { level: 'internal' })).statusCode).toBe(403);
    // Another county's class: 404 for this school's staff, and the other county's principal cannot read this one.
    expect((await teacher.get(`/api/classes/${shenxianClass}/consents`)).statusCode).toBe(404);
    expect((await (await t.login('sxsy.principal')).get(`/api/classes/${ownClass}/consents`)).statusCode).toBe(404);
    // Neither do bureau roles: children's consent is not theirs to read.
    for (const username of ['guanxian.admin', 'shenxian.admin', 'city.admin', 'sysadmin']) {
      expect((await (await t.login(username)).get(`/api/classes/${ownClass}/consents`)).statusCode, username).toBe(403);
    }
  });

  it('refuses bodies with an unknown field, a wrong level or no level, naming the field', async () => {
    const parent = await t.login('gxsy.parent');
    const put = (body: unknown) => parent.request('PUT', `/api/students/${ownChild}/consent`, body);
    const extra = await put({ level: 'city', note: '纸质' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED', details: { field: '/note' } });
    for (const body of [{ level: 'everyone' }, { level: 3 }, {}]) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details.field, JSON.stringify(body)).toBe('/level');
    }
  });
});
