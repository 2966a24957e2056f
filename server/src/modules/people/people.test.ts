import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seededIds } from './people.test-kit.js';

interface PersonJson {
  id: number;
  username: string;
  kind: string;
  disabled: boolean;
  lockedUntil: string | null;
  assignments: { id: number; role: string; countyId: number | null; schoolId: number | null; scopeName: string | null }[];
}

describe('people: reading within scope, creating, editing, passwords', () => {
  let t: TestApp;
  let guanxian: number;
  let shenxian: number;
  let gx2School: number;
  let sxsySchool: number;
  let id: (username: string) => number;

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seededIds(t);
    const { region, school } = seeded;
    id = seeded.user;
    guanxian = await region('冠县');
    shenxian = await region('莘县');
    gx2School = await school('冠县第二实验小学');
    sxsySchool = await school('莘县实验小学');
  });
  afterAll(async () => t.close());


  async function listAll(client: Awaited<ReturnType<TestApp['login']>>, query = ''): Promise<{ items: PersonJson[]; total: number }> {
    const items: PersonJson[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const res = await client.get(`/api/people?pageSize=100&page=${page}${query}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      total = body.total;
      items.push(...body.items);
      if (body.items.length < 100) break;
    }
    return { items, total };
  }

  it('lists to a county admin only people holding a role in their county, and counts the same way', async () => {
    const admin = await t.login('guanxian.admin');
    const { items, total } = await listAll(admin);
    expect(items.length).toBe(total);
    expect(total).toBeGreaterThan(5);
    for (const p of items) expect(p.assignments.some((a) => a.countyId === guanxian)).toBe(true);
    const names = items.map((p) => p.username);
    expect(names).toEqual(expect.arrayContaining(['guanxian.admin', 'gxsy.principal', 'gxsy.teacher', 'gx2.teacher']));
    for (const outsider of ['sxsy.principal', 'shenxian.admin', 'city.admin', 'sysadmin', 'gxsy.parent']) expect(names).not.toContain(outsider);
  });

  it('answers 404 for a person in another county, and audits each read of a record', async () => {
    const admin = await t.login('guanxian.admin');
    expect((await admin.get(`/api/people/${id('sxsy.principal')}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/people/${id('city.admin')}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/people/${id('gxsy.parent')}`)).statusCode).toBe(404);
    const res = await admin.get(`/api/people/${id('gxsy.principal')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().assignments[0]).toMatchObject({ role: 'principal', scopeName: '冠县实验小学' });
    const reads = await t.db.db.selectFrom('audit_log').select(['actor_id', 'target_id']).where('action', '=', 'person.read').execute();
    expect(reads).toContainEqual({ actor_id: id('guanxian.admin'), target_id: String(id('gxsy.principal')) });
  });

  it('filters by role, school and text inside the scope, never beyond it', async () => {
    const admin = await t.login('guanxian.admin');
    const principals = await listAll(admin, '&role=principal');
    expect(principals.items.map((p) => p.username)).toContain('gxsy.principal');
    for (const p of principals.items) expect(p.assignments.some((a) => a.role === 'principal' && a.countyId === guanxian)).toBe(true);
    // A filter naming another county's school finds nobody rather than that school's staff.
    expect((await admin.get(`/api/people?schoolId=${sxsySchool}`)).json().total).toBe(0);
    expect((await admin.get(`/api/people?countyId=${shenxian}`)).json().total).toBe(0);
    const q = (await admin.get('/api/people?q=gxsy')).json();
    expect(q.items.map((p: PersonJson) => p.username).sort()).toEqual(['gxsy.principal', 'gxsy.teacher']);
    expect((await admin.get(`/api/people?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
  });

  it('reaches everyone for the city admin except parents and system accounts, and everyone for the security admin', async () => {
    const city = (await listAll(await t.login('city.admin'))).items.map((p) => p.username);
    expect(city).toEqual(expect.arrayContaining(['sxsy.principal', 'gxsy.principal', 'shenxian.admin']));
    expect(city).not.toContain('gxsy.parent');
    expect(city).not.toContain('auditor');
    const sec = (await (await t.login('secadmin')).get('/api/people?q=parent')).json();
    expect(sec.items.map((p: PersonJson) => p.username)).toEqual(expect.arrayContaining(['gxsy.parent', 'gxsy.parent2']));
  });

  it('gives a principal their own school\'s staff and a teacher no staff list at all', async () => {
    const principal = (await listAll(await t.login('gxsy.principal'))).items.map((p) => p.username);
    expect(principal).toContain('gxsy.teacher');
    expect(principal).not.toContain('gx2.teacher');
    expect((await (await t.login('gxsy.teacher')).get('/api/people')).statusCode).toBe(403);
    expect((await (await t.login('auditor')).get('/api/people')).statusCode).toBe(403);
  });

  it('exports the county\'s staff to .xlsx with the agreed columns, audited with the row count', async () => {
    const admin = await t.login('guanxian.admin');
    const res = await admin.get('/api/people/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['用户名', '姓名', '手机号', '角色', '所属单位', '状态']);
    const usernames: string[] = [];
    ws.eachRow((row, n) => { if (n > 1) usernames.push(String(row.getCell(1).value)); });
    const { total } = await listAll(admin);
    expect(usernames.length).toBe(total);
    expect(usernames).toContain('gxsy.principal');
    expect(usernames).not.toContain('sxsy.principal');
    const principalRow = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === 'gxsy.principal')!;
    expect(principalRow.getCell(4).value).toBe('校长');
    expect(principalRow.getCell(5).value).toBe('冠县实验小学');
    expect(principalRow.getCell(6).value).toBe('正常');
    const audit = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.export').execute();
    expect(JSON.parse(audit.at(-1)!.detail).rows).toBe(total);
    expect((await (await t.login('gxsy.principal')).get('/api/people/export.xlsx')).statusCode).toBe(403);
  });

  describe('creating an account', () => {
    const base = { name: '测试教师', phone: '13800000001', password: 'Yangguang#2018' };

    it('creates a teacher in the county, who can then log in and is audited', async () => {
      const admin = await t.login('guanxian.admin');
      const res = await admin.request('POST', '/api/people', { ...base, username: 'gx2.newteacher', assignments: [{ role: 'teacher', schoolId: gx2School }] });
      expect(res.statusCode).toBe(201);
      const p = res.json() as PersonJson;
      expect(p).toMatchObject({ username: 'gx2.newteacher', kind: 'staff', disabled: false, lockedUntil: null });
      expect(p.assignments).toEqual([expect.objectContaining({ role: 'teacher', schoolId: gx2School, countyId: guanxian, scopeName: '冠县第二实验小学' })]);
      const row = await t.db.db.selectFrom('users').select('password_hash').where('id', '=', p.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect((await t.login('gx2.newteacher', base.password)).me.id).toBe(p.id);
      const audit = await t.db.db.selectFrom('audit_log').select('target_id').where('action', '=', 'person.create').execute();
      expect(audit.map((a) => a.target_id)).toContain(String(p.id));
    });

    it('refuses passwords the policy refuses, with its code and a Chinese message', async () => {
      const admin = await t.login('guanxian.admin');
      const cases: [string, string][] = [
        ['Ab#1', 'PASSWORD_LENGTH'],
        ['alllowercase1', 'PASSWORD_CLASSES'],
        ['Gx2.weak#2018', 'PASSWORD_CONTAINS_USERNAME'],
        ['P@ssw0rd', 'PASSWORD_COMMON'],
      ];
      for (const [password, code] of cases) {
        const res = await admin.request('POST', '/api/people', { ...base, username: 'gx2.weak', password, assignments: [{ role: 'teacher', schoolId: gx2School }] });
        expect(res.statusCode, password).toBe(400);
        expect(res.json().code).toBe(code);
        expect(res.json().message).toMatch(/密码/);
      }
      expect(await t.db.db.selectFrom('users').select('id').where('username', '=', 'gx2.weak').executeTakeFirst()).toBeUndefined();
    });

    it('refuses a taken username, a malformed one, and an account its creator could not see', async () => {
      const admin = await t.login('guanxian.admin');
      const taken = await admin.request('POST', '/api/people', { ...base, username: 'gxsy.teacher', assignments: [{ role: 'teacher', schoolId: gx2School }] });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().code).toBe('USERNAME_TAKEN');
      const bad = await admin.request('POST', '/api/people', { ...base, username: 'Bad Name', assignments: [{ role: 'teacher', schoolId: gx2School }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('用户名');
      const none = await admin.request('POST', '/api/people', { ...base, username: 'gx.nobody' });
      expect(none.statusCode).toBe(400);
      expect(none.json().code).toBe('ASSIGNMENT_REQUIRED');
      const elsewhere = await admin.request('POST', '/api/people', { ...base, username: 'sx.sneaky', assignments: [{ role: 'teacher', schoolId: sxsySchool }] });
      expect(elsewhere.statusCode).toBe(403);
      expect(elsewhere.json().code).toBe('ROLE_NOT_GRANTABLE');
      expect(await t.db.db.selectFrom('users').select('id').where('username', 'in', ['gx.nobody', 'sx.sneaky']).execute()).toEqual([]);
    });
  });

  it('disabling an account ends its sessions at once; enabling lets it back in', async () => {
    const admin = await t.login('guanxian.admin');
    const teacher = await t.login('gx2.teacher');
    expect((await teacher.get('/api/me')).statusCode).toBe(200);
    const res = await admin.request('PATCH', `/api/people/${id('gx2.teacher')}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await teacher.get('/api/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gx2.teacher', password: 'Sunshine@2018' } });
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
    expect((await admin.request('PATCH', `/api/people/${id('gx2.teacher')}`, { disabled: false })).statusCode).toBe(200);
    expect((await (await t.login('gx2.teacher')).get('/api/me')).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/people/${id('guanxian.admin')}`, { disabled: true })).json().code).toBe('SELF_DISABLE');
    expect((await admin.request('PATCH', `/api/people/${id('sxsy.principal')}`, { disabled: true })).statusCode).toBe(404);
    const principal = await t.login('gxsy.principal');
    expect((await principal.request('PATCH', `/api/people/${id('gxsy.teacher')}`, { disabled: true })).statusCode).toBe(403);
  });

  it('edits name and phone, audited', async () => {
    const admin = await t.login('guanxian.admin');
    const res = await admin.request('PATCH', `/api/people/${id('gxsy.teacher')}`, { name: '李晓燕', phone: '13900000002' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '李晓燕', phone: '13900000002' });
    expect((await admin.request('PATCH', `/api/people/${id('gxsy.teacher')}`, {})).statusCode).toBe(400);
  });

  it('resets a password: policy checked, sessions ended, lock cleared (how an admin unlocks)', async () => {
    const login = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gxsy.principal', password } });
    const old = await t.login('gxsy.principal');
    for (let i = 0; i < 5; i++) await login(`Wrong#pass${i}`);
    expect((await login('Sunshine@2018')).statusCode).toBe(423);
    const admin = await t.login('guanxian.admin');
    const weak = await admin.request('POST', `/api/people/${id('gxsy.principal')}/password`, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_LENGTH');
    expect((await admin.request('POST', `/api/people/${id('gxsy.principal')}/password`, { password: 'Xinmima#2018' })).statusCode).toBe(204);
    expect((await old.get('/api/me')).statusCode).toBe(401);
    expect((await login('Xinmima#2018')).statusCode).toBe(200);
    const user = await t.db.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', id('gxsy.principal')).executeTakeFirstOrThrow();
    expect(user).toEqual({ failed_logins: 0, locked_until: null });
    expect((await admin.request('POST', `/api/people/${id('sxsy.principal')}/password`, { password: 'Xinmima#2018' })).statusCode).toBe(404);
    const audit = await t.db.db.selectFrom('audit_log').select('target_id').where('action', '=', 'person.password_reset').execute();
    expect(audit.map((a) => a.target_id)).toContain(String(id('gxsy.principal')));
  });
});
