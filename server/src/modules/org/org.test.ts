import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describe('org: schools, regions and counts within scope', () => {
  let t: TestApp;
  let shenxian: { id: number; county_id: number };
  let guanxianCounty: number;
  beforeAll(async () => {
    t = await createTestApp();
    shenxian = await t.db.db.selectFrom('schools').select(['id', 'county_id']).where('code', '=', DEMO_SCHOOLS.shenxianShiyan.code).executeTakeFirstOrThrow();
    guanxianCounty = (await t.db.db.selectFrom('regions').select('id').where('name', '=', '冠县').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  it('a county research office cannot read, count or export anything of another county', async () => {
    const c = await t.login('guanxian.research');
    const list = (await c.get(`/api/schools?countyId=${shenxian.county_id}&pageSize=100`)).json();
    expect(list).toMatchObject({ items: [], total: 0 });
    const own = (await c.get('/api/schools?pageSize=100')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((s: { countyId: number }) => s.countyId === guanxianCounty)).toBe(true);

    const summary = (await c.get('/api/org/summary')).json();
    expect(summary.counties).toBe(1);
    expect(summary.byCounty.map((x: { name: string }) => x.name)).toEqual(['冠县']);
    expect(summary.schools).toBe(own.total);

    expect((await c.get(`/api/schools/${shenxian.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/schools/${shenxian.id}/classes`)).statusCode).toBe(404);

    const exported = await c.get(`/api/schools/export.xlsx?countyId=${shenxian.county_id}`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(1); // the header row alone
  });

  it('the same 404 answers a missing id and an id out of scope, and the attempt is audited', async () => {
    const c = await t.login('guanxian.research');
    const missing = await c.get('/api/schools/999999');
    const foreign = await c.get(`/api/schools/${shenxian.id}`);
    expect(foreign.statusCode).toBe(missing.statusCode);
    expect(foreign.json()).toEqual(missing.json());
    const rows = await t.db.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'access.not_found').execute();
    expect(rows.some((r) => r.target_id?.includes(`/api/schools/${shenxian.id}`))).toBe(true);
  });

  it('filters the list by kind, locality, poor village and keyword, and counts what it filters', async () => {
    const c = await t.login('city.admin');
    const all = (await c.get('/api/schools?pageSize=100')).json();
    const kindergartens = (await c.get('/api/schools?kind=kindergarten&pageSize=100')).json();
    expect(kindergartens.total).toBe(all.items.filter((s: { kind: string }) => s.kind === 'kindergarten').length);
    const rural = (await c.get('/api/schools?locality=rural&pageSize=100')).json();
    expect(rural.items.every((s: { locality: string }) => s.locality === 'rural')).toBe(true);
    const poor = (await c.get('/api/schools?poorVillage=true&pageSize=100')).json();
    expect(poor.items.every((s: { poorVillage: boolean }) => s.poorVillage)).toBe(true);
    const found = (await c.get(`/api/schools?q=${encodeURIComponent('实验小学')}`)).json();
    expect(found.items.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['冠县实验小学', '莘县实验小学']));
    // LIKE wildcards typed by a person are matched literally.
    expect((await c.get(`/api/schools?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
  });

  it('edits a school within scope, audits it, and refuses bad values in Chinese', async () => {
    const c = await t.login('guanxian.admin');
    const gx = await t.db.db.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirstOrThrow();
    const ok = await c.request('PATCH', `/api/schools/${gx.id}`, { contactPhone: '0635-5123456', poorVillage: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().contactPhone).toBe('0635-5123456');
    const bad = await c.request('PATCH', `/api/schools/${gx.id}`, { studentCount: -5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/请求参数不正确/);
    const audit = await t.db.db.selectFrom('audit_log').select('target_id').where('action', '=', 'school.update').execute();
    expect(audit.map((a) => a.target_id)).toContain(String(gx.id));
  });
});
