import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

interface StudentJson {
  id: number;
  name: string;
  schoolId: number;
  classId: number;
  className: string;
}

describe('students: only a school\'s principal and teachers and a child\'s own guardians', () => {
  let t: TestApp;
  let gxsy: number;
  let sxsy: number;
  let ownChild: number;
  let otherClassChild: number;
  let shenxianChild: number;
  let gxsyCount: number;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const school = async (name: string) => (await db.selectFrom('schools').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const childOf = async (username: string) =>
      (await db.selectFrom('guardianships').innerJoin('users', 'users.id', 'guardianships.user_id')
        .select('guardianships.student_id').where('users.username', '=', username).executeTakeFirstOrThrow()).student_id;
    [gxsy, sxsy] = [await school('冠县实验小学'), await school('莘县实验小学')];
    ownChild = await childOf('gxsy.parent');
    otherClassChild = await childOf('gxsy.parent2');
    shenxianChild = (await db.selectFrom('students').select('id').where('school_id', '=', sxsy).executeTakeFirstOrThrow()).id;
    gxsyCount = Number((await db.selectFrom('students').select((eb) => eb.fn.countAll<number>().as('n')).where('school_id', '=', gxsy).executeTakeFirstOrThrow()).n);
  });
  afterAll(async () => t.close());

  it('the seed gives the two parents children in different classes of 冠县实验小学', async () => {
    const rows = await t.db.db.selectFrom('students').select(['id', 'class_id', 'school_id']).where('id', 'in', [ownChild, otherClassChild]).execute();
    expect(rows.map((r) => r.school_id)).toEqual([gxsy, gxsy]);
    expect(rows[0]!.class_id).not.toBe(rows[1]!.class_id);
    expect(gxsyCount).toBeGreaterThan(30);
  });

  it('shows a parent their own child, audited, and nobody else\'s', async () => {
    const parent = await t.login('gxsy.parent');
    const own = await parent.get(`/api/students/${ownChild}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: ownChild, schoolId: gxsy, className: expect.any(String) });
    expect(Object.keys(own.json()).sort()).toEqual(['birthDate', 'classId', 'className', 'gender', 'id', 'name', 'schoolId', 'studentNo']);
    expect((await parent.get(`/api/students/${otherClassChild}`)).statusCode).toBe(404);
    expect((await parent.get(`/api/students/${shenxianChild}`)).statusCode).toBe(404);
    const list = (await parent.get('/api/students')).json();
    expect(list.total).toBe(1);
    expect(list.items.map((s: StudentJson) => s.id)).toEqual([ownChild]);
    // Naming the other class or school does not widen the scope.
    const otherClass = (await t.db.db.selectFrom('students').select('class_id').where('id', '=', otherClassChild).executeTakeFirstOrThrow()).class_id;
    expect((await parent.get(`/api/students?classId=${otherClass}`)).json().total).toBe(0);
    expect((await parent.get(`/api/students?schoolId=${sxsy}`)).json().total).toBe(0);
    const reads = await t.db.db.selectFrom('audit_log').select(['target_id', 'actor_id']).where('action', '=', 'student.read').execute();
    expect(reads).toContainEqual({ target_id: String(ownChild), actor_id: parent.me.id });
    const misses = await t.db.db.selectFrom('audit_log').select('target_id').where('action', '=', 'access.not_found').execute();
    expect(misses.map((m) => m.target_id)).toContain(`GET /api/students/${otherClassChild}`);
  });

  it('shows a teacher their school\'s children and answers 404 for another county\'s', async () => {
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.get(`/api/students/${otherClassChild}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/students/${shenxianChild}`)).statusCode).toBe(404);
    const seen: StudentJson[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const body = (await teacher.get(`/api/students?pageSize=100&page=${page}`)).json();
      total = body.total;
      seen.push(...body.items);
      if (body.items.length < 100) break;
    }
    expect(total).toBe(gxsyCount);
    expect(seen.length).toBe(gxsyCount);
    expect(seen.every((s) => s.schoolId === gxsy)).toBe(true);
    expect((await teacher.get(`/api/students?schoolId=${sxsy}`)).json().total).toBe(0);
  });

  it('gives a teacher of another school in the same county none of them', async () => {
    const teacher = await t.login('gx2.teacher');
    expect((await teacher.get('/api/students')).json().total).toBe(0);
    expect((await teacher.get(`/api/students/${ownChild}`)).statusCode).toBe(404);
  });

  it('shows 莘县实验小学\'s principal only that school', async () => {
    const principal = await t.login('sxsy.principal');
    const body = (await principal.get('/api/students?pageSize=100')).json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((s: StudentJson) => s.schoolId === sxsy)).toBe(true);
    expect((await principal.get(`/api/students/${ownChild}`)).statusCode).toBe(404);
  });

  it('refuses bureau roles with 403: children\'s records are not theirs to read', async () => {
    for (const username of ['guanxian.admin', 'city.admin', 'guanxian.researcher', 'guanxian.inspector', 'secadmin', 'sysadmin']) {
      const client = await t.login(username);
      expect((await client.get('/api/students')).statusCode, username).toBe(403);
      expect((await client.get(`/api/students/${ownChild}`)).statusCode, username).toBe(403);
    }
  });
});
