import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seededIds } from './people.test-kit.js';

const PASSWORD = 'Yangguang#2018';

describe('role assignments: who may grant what, where', () => {
  let t: TestApp;
  let city: number;
  let guanxian: number;
  let shenxian: number;
  let gxsy: number;
  let gx2: number;
  let sxsy: number;
  let id: (username: string) => number;

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seededIds(t);
    const { region, school } = seeded;
    id = seeded.user;
    [city, guanxian, shenxian] = [await region('聊城市'), await region('冠县'), await region('莘县')];
    [gxsy, gx2, sxsy] = [await school('冠县实验小学'), await school('冠县第二实验小学'), await school('莘县实验小学')];
  });
  afterAll(async () => t.close());

  const assignmentsOf = (userId: number) =>
    t.db.db.selectFrom('role_assignments').selectAll().where('user_id', '=', userId).orderBy('id').execute();

  it('lets a county admin grant roles in their county, deriving the county\'s city and the school\'s county', async () => {
    const admin = await t.login('guanxian.admin');
    const dept = await admin.request('POST', `/api/people/${id('gx2.teacher')}/assignments`, { role: 'dept_staff', department: 'edtech', countyId: guanxian });
    expect(dept.statusCode).toBe(201);
    expect(dept.json()).toMatchObject({ role: 'dept_staff', department: 'edtech', countyId: guanxian, cityId: city, schoolId: null, scopeName: '冠县' });
    const teach = await admin.request('POST', `/api/people/${id('gx2.teacher')}/assignments`, { role: 'teacher', schoolId: gxsy });
    expect(teach.statusCode).toBe(201);
    // 督学 (school inspector): appointed by the county, scoped like its staff.
    const inspector = await admin.request('POST', `/api/people/${id('gx2.teacher')}/assignments`, { role: 'inspector', countyId: guanxian });
    expect(inspector.statusCode).toBe(201);
    expect(inspector.json()).toMatchObject({ role: 'inspector', countyId: guanxian, cityId: city, schoolId: null });
    expect(teach.json()).toMatchObject({ cityId: city, countyId: guanxian, schoolId: gxsy });
    const audit = await t.db.db.selectFrom('audit_log').select(['target_id', 'result']).where('action', '=', 'person.assign').execute();
    expect(audit.filter((a) => a.result === 'success').map((a) => a.target_id)).toContain(String(id('gx2.teacher')));
    const dup = await admin.request('POST', `/api/people/${id('gx2.teacher')}/assignments`, { role: 'teacher', schoolId: gxsy });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ASSIGNMENT_EXISTS');
  });

  it('refuses a county admin city_admin, a role in another county, and a person of another county, and audits the attempt', async () => {
    const admin = await t.login('guanxian.admin');
    const target = `/api/people/${id('gxsy.teacher')}/assignments`;
    for (const body of [
      { role: 'city_admin', cityId: city },
      { role: 'researcher', cityId: city },
      { role: 'county_admin', countyId: shenxian },
      { role: 'teacher', schoolId: sxsy },
      { role: 'sysadmin' },
    ]) {
      const res = await admin.request('POST', target, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
      expect(res.json().code).toBe('ROLE_NOT_GRANTABLE');
    }
    expect((await assignmentsOf(id('gxsy.teacher'))).map((a) => a.role)).toEqual(['teacher']);
    const denied = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'person.assign').where('result', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThanOrEqual(5);
    const other = await admin.request('POST', `/api/people/${id('sxsy.principal')}/assignments`, { role: 'teacher', schoolId: gxsy });
    expect(other.statusCode).toBe(404);
  });

  it('checks the node against the role and that it exists, naming the field in Chinese', async () => {
    const admin = await t.login('guanxian.admin');
    const target = `/api/people/${id('gxsy.teacher')}/assignments`;
    const wrongLevel = await admin.request('POST', target, { role: 'teacher', countyId: guanxian });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json()).toMatchObject({ code: 'ASSIGNMENT_SCOPE_INVALID', message: expect.stringContaining('学校（schoolId）') });
    const noDept = await admin.request('POST', target, { role: 'dept_staff', countyId: guanxian });
    expect(noDept.json().code).toBe('ASSIGNMENT_SCOPE_INVALID');
    const missing = await admin.request('POST', target, { role: 'teacher', schoolId: 999_999 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'ASSIGNMENT_NODE_NOT_FOUND', message: expect.stringContaining('学校') });
    const countyAsCity = await (await t.login('city.admin')).request('POST', target, { role: 'city_admin', cityId: guanxian });
    expect(countyAsCity.json().code).toBe('ASSIGNMENT_NODE_NOT_FOUND');
    const parent = await admin.request('POST', target, { role: 'parent' });
    expect(parent.json().code).toBe('ROLE_NOT_ASSIGNABLE');
  });

  it('forbids changing one\'s own roles', async () => {
    const admin = await t.login('guanxian.admin');
    const add = await admin.request('POST', `/api/people/${id('guanxian.admin')}/assignments`, { role: 'teacher', schoolId: gxsy });
    expect(add.statusCode).toBe(403);
    expect(add.json().code).toBe('SELF_ASSIGNMENT');
    const own = (await assignmentsOf(id('guanxian.admin')))[0]!;
    const remove = await admin.request('DELETE', `/api/people/${id('guanxian.admin')}/assignments/${own.id}`);
    expect(remove.json().code).toBe('SELF_ASSIGNMENT');
  });

  it('keeps the three system roles apart from each other and from every other role (三员分立)', async () => {
    const sec = await t.login('secadmin');
    const onSysadmin = await sec.request('POST', `/api/people/${id('sysadmin')}/assignments`, { role: 'auditor' });
    expect(onSysadmin.statusCode).toBe(409);
    expect(onSysadmin.json().code).toBe('ROLE_CONFLICT');
    expect((await sec.request('POST', `/api/people/${id('auditor')}/assignments`, { role: 'teacher', schoolId: gxsy })).json().code).toBe('ROLE_CONFLICT');
    expect((await sec.request('POST', `/api/people/${id('gxsy.teacher')}/assignments`, { role: 'sysadmin' })).json().code).toBe('ROLE_CONFLICT');
    const both = await sec.request('POST', '/api/people', { username: 'sys.two', name: '双角色', password: PASSWORD, assignments: [{ role: 'sysadmin' }, { role: 'auditor' }] });
    expect(both.statusCode).toBe(409);
    expect(both.json().code).toBe('ROLE_CONFLICT');
    const auditor = await sec.request('POST', '/api/people', { username: 'audit.two', name: '第二审计员', password: PASSWORD, assignments: [{ role: 'auditor' }] });
    expect(auditor.statusCode).toBe(201);
    expect((await sec.request('POST', `/api/people/${auditor.json().id}/assignments`, { role: 'secadmin' })).json().code).toBe('ROLE_CONFLICT');
    expect((await (await t.login('city.admin')).request('POST', `/api/people/${id('gxsy.teacher')}/assignments`, { role: 'auditor' })).statusCode).toBe(403);
  });

  it('removing a role ends the person\'s sessions at once and is audited', async () => {
    const teacher = await t.login('gxsy.teacher');
    expect((await teacher.get('/api/students')).statusCode).toBe(200);
    const admin = await t.login('guanxian.admin');
    const role = (await assignmentsOf(id('gxsy.teacher')))[0]!;
    expect((await admin.request('DELETE', `/api/people/${id('gxsy.teacher')}/assignments/${role.id}`)).statusCode).toBe(204);
    expect((await teacher.get('/api/me')).statusCode).toBe(401);
    expect(await assignmentsOf(id('gxsy.teacher'))).toEqual([]);
    // With no role left the person is out of the county's reach.
    expect((await admin.get(`/api/people/${id('gxsy.teacher')}`)).statusCode).toBe(404);
    const audit = await t.db.db.selectFrom('audit_log').select('target_id').where('action', '=', 'person.unassign').execute();
    expect(audit.map((a) => a.target_id)).toContain(String(id('gxsy.teacher')));
  });

  it('answers 404 for an assignment outside the actor\'s reach, even on a person they see', async () => {
    const city = await t.login('city.admin');
    const res = await city.request('POST', `/api/people/${id('gx2.teacher')}/assignments`, { role: 'teacher', schoolId: sxsy });
    expect(res.statusCode).toBe(201);
    const admin = await t.login('guanxian.admin');
    expect((await admin.request('DELETE', `/api/people/${id('gx2.teacher')}/assignments/${res.json().id}`)).statusCode).toBe(404);
    expect((await admin.request('DELETE', `/api/people/${id('gx2.teacher')}/assignments/999999`)).statusCode).toBe(404);
    const sxRole = (await assignmentsOf(id('sxsy.principal')))[0]!;
    expect((await admin.request('DELETE', `/api/people/${id('sxsy.principal')}/assignments/${sxRole.id}`)).statusCode).toBe(404);
    expect((await assignmentsOf(id('sxsy.principal'))).length).toBe(1);
  });

  it('lets nobody below take over an account that also holds a role beyond their scope', async () => {
    // gx2.teacher now also teaches in 莘县 (previous test): 冠县 may not reset or disable the shared account.
    const admin = await t.login('guanxian.admin');
    const reset = await admin.request('POST', `/api/people/${id('gx2.teacher')}/password`, { password: 'Jieguan#2018x' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().code).toBe('PERSON_BEYOND_SCOPE');
    expect((await admin.request('PATCH', `/api/people/${id('gx2.teacher')}`, { disabled: true })).json().code).toBe('PERSON_BEYOND_SCOPE');
    expect((await (await t.login('city.admin')).request('POST', `/api/people/${id('gx2.teacher')}/password`, { password: 'Jieguan#2018x' })).statusCode).toBe(204);
  });

  it('lets a county admin manage a school role they granted in a school of theirs', async () => {
    const admin = await t.login('guanxian.admin');
    const created = await admin.request('POST', '/api/people', {
      username: 'gx.newprincipal', name: '新校长', password: PASSWORD, assignments: [{ role: 'principal', schoolId: gx2 }],
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    const principal = await t.login('gx.newprincipal', PASSWORD);
    expect((await admin.request('DELETE', `/api/people/${person.id}/assignments/${person.assignments[0].id}`)).statusCode).toBe(204);
    expect((await principal.get('/api/me')).statusCode).toBe(401);
  });
});
