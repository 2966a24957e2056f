import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { beijingTime } from './audit.export.js';
import type { AuditItem } from './audit-review.service.js';

type Page = { items: AuditItem[]; total: number; page: number; pageSize: number };
const DAY = 86_400_000;

describe('audit log: the auditor reads, exports and verifies it; nobody else can', () => {
  let t: TestApp;
  let auditor: Awaited<ReturnType<TestApp['login']>>;
  let teacherName: string;

  const list = async (query: string): Promise<Page> => {
    const res = await auditor.get(`/api/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const loginAttempt = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.login('auditor');
    teacherName = (await t.db.db.selectFrom('users').select('name').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow()).name;
  });
  afterAll(async () => t.close());

  it('logins, successful and failed, leave rows with time, actor, action, result and IP', async () => {
    await t.login('gxsy.teacher');
    expect((await loginAttempt('gxsy.teacher', 'wrong-password')).statusCode).toBe(401);
    expect((await loginAttempt('no.such.user', 'whatever')).statusCode).toBe(401);

    const mine = await list('action=auth.login&actor=gxsy.teacher');
    expect(mine.items.map((i) => i.result)).toEqual(['failure', 'success']);
    for (const i of mine.items) {
      expect(i).toMatchObject({ action: 'auth.login', actorName: teacherName, ip: '127.0.0.1', targetType: 'user' });
      expect(i.actorId).toBeTypeOf('number');
      expect(new Date(i.at).toISOString()).toBe(i.at);
    }
    expect(mine.items[0]!.detail).toEqual({ reason: 'wrong_password' });

    const unknown = await list('action=auth.login&result=failure&targetId=no.such.user');
    expect(unknown.items).toHaveLength(1);
    expect(unknown.items[0]).toMatchObject({ actorId: null, actorName: '', ip: '127.0.0.1', detail: { reason: 'unknown_user' } });
  });

  it.each(['city.admin', 'guanxian.research', 'sysadmin', 'secadmin', 'gxsy.principal'])('%s gets 403 on every audit route, and the attempt is on record', async (username) => {
    const c = await t.login(username);
    for (const url of ['/api/audit', '/api/audit/export.xlsx', '/api/audit/verify']) {
      const res = await c.get(url);
      expect(res.statusCode, `${username} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const denied = await list(`action=access.denied&actor=${username}`);
    expect(denied.items.map((i) => i.targetId).sort()).toEqual(['GET /api/audit', 'GET /api/audit/export.xlsx', 'GET /api/audit/verify']);
  });

  it('anonymous callers get 401', async () => {
    for (const url of ['/api/audit', '/api/audit/export.xlsx', '/api/audit/verify']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('the auditor holds no org:read and no person data', async () => {
    expect((await auditor.get('/api/schools')).statusCode).toBe(403);
    expect((await auditor.get('/api/regions')).statusCode).toBe(403);
    expect((await auditor.get('/api/schools/export.xlsx')).statusCode).toBe(403);
  });

  it('no route edits or deletes audit rows, not even for the auditor', async () => {
    const row = (await list('pageSize=1')).items[0]!;
    for (const method of ['DELETE', 'PATCH', 'PUT', 'POST'] as const) {
      expect((await auditor.request(method, `/api/audit/${row.id}`, { actorName: 'x' })).statusCode).toBe(404);
      expect((await auditor.request(method, '/api/audit', { actorName: 'x' })).statusCode).toBe(404);
    }
  });

  it('filters by time, actor (username or name), action family, result and target, newest first, paged', async () => {
    t.clock.advance(2 * DAY);
    const later = t.clock.now();
    auditor = await t.login('auditor'); // the old session went idle while the clock moved
    await t.login('city.research');
    await t.login('gxsy.teacher');

    const today = beijingTime(later.toISOString()).slice(0, 10);
    const sinceToday = await list(`from=${today}&action=auth.login`);
    expect(sinceToday.items.every((i) => i.at >= new Date(`${today}T00:00:00+08:00`).toISOString())).toBe(true);
    expect(sinceToday.items.map((i) => i.targetId)).toEqual(
      await Promise.all(['gxsy.teacher', 'city.research', 'auditor'].map(async (u) =>
        String((await t.db.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id))),
    );

    const yesterday = beijingTime(new Date(later.getTime() - DAY).toISOString()).slice(0, 10);
    const beforeToday = await list(`to=${yesterday}&action=auth.login&actor=gxsy.teacher`);
    expect(beforeToday.total).toBe(2);

    const instant = encodeURIComponent(new Date(later.getTime() - 1000).toISOString());
    expect((await list(`from=${instant}&action=auth.login`)).total).toBe(3);
    expect((await list(`to=${instant}&action=auth.login&actor=gxsy.teacher`)).total).toBe(2);

    const byName = await list(`actor=${encodeURIComponent(teacherName.slice(1))}&action=auth.login`);
    expect(byName.total).toBe(3);
    expect(byName.items.every((i) => i.actorName.includes(teacherName.slice(1)))).toBe(true);

    const family = await list('action=auth.*&pageSize=100');
    expect(family.items.every((i) => i.action.startsWith('auth.'))).toBe(true);
    expect(family.items.some((i) => i.action === 'auth.login')).toBe(true);

    const all = await list('pageSize=100');
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page2 = await list('pageSize=3&page=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 3, total: all.total });
    expect(page2.items.map((i) => i.id)).toEqual(ids.slice(3, 6));

    expect((await list('result=denied&targetType=route')).items.every((i) => i.result === 'denied' && i.targetType === 'route')).toBe(true);
  });

  it('refuses impossible dates and reversed ranges with a message saying how to fix them', async () => {
    const bad = await auditor.get('/api/audit?from=2018-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'AUDIT_TIME_INVALID' });
    const reversed = await auditor.get('/api/audit?from=2018-05-01&to=2018-04-01');
    expect(reversed.json()).toMatchObject({ code: 'AUDIT_RANGE_INVALID' });
    expect((await auditor.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('the auditor exports the filtered log to .xlsx in Beijing time, and the export is itself recorded', async () => {
    const expected = await list('action=auth.login&actor=gxsy.teacher&pageSize=100');
    const res = await auditor.get('/api/audit/export.xlsx?action=auth.login&actor=gxsy.teacher');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['时间', '操作人', '操作', '对象', '对象名称', '结果', 'IP', '详情']);
    const body = rows.slice(1);
    expect(body).toHaveLength(expected.total);
    expected.items.forEach((item, n) => {
      const [at, actor, action, target, targetName, result, ip] = body[n]!;
      expect(at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00$/);
      expect(at).toBe(beijingTime(item.at));
      expect([actor, action, target, ip]).toEqual([teacherName, '登录（auth.login）', `user:${item.targetId}`, '127.0.0.1']);
      // A failed login names the account tried by its username, which has no name to look up.
      expect(targetName ?? '').toBe(item.targetId === String(item.actorId) ? teacherName : '');
      expect(result).toBe(item.result === 'success' ? '成功' : '失败');
    });

    const exports = await list('action=audit.export');
    expect(exports.items[0]).toMatchObject({ actorName: '安全审计员', result: 'success', detail: { rows: expected.total, filter: { action: 'auth.login', actor: 'gxsy.teacher' } } });
  });

  it('documents the three routes, and no other, in the OpenAPI spec', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const audit = Object.entries(spec.paths).filter(([p]) => p.startsWith('/api/audit'));
    expect(audit.map(([p, ops]) => `${Object.keys(ops).join(',')} ${p}`).sort()).toEqual(['get /api/audit', 'get /api/audit/export.xlsx', 'get /api/audit/verify']);
  });

  it('shows Beijing time with its zone', () => {
    expect(beijingTime('2018-04-04T01:00:00.000Z')).toBe('2018-04-04 09:00:00 +08:00');
    expect(beijingTime('2018-04-03T16:30:05.000Z')).toBe('2018-04-04 00:30:05 +08:00');
  });

  it('the auditor verifies the chain from the UI; a hand edit is reported with the row', async () => {
    const ok = await auditor.get('/api/audit/verify');
    expect(ok.statusCode).toBe(200);
    const good = ok.json() as { ok: boolean; rowsChecked: number; headId: number };
    expect(good).toMatchObject({ ok: true, firstBadId: null, problem: null });
    expect(good.rowsChecked).toBe(good.headId);
    expect((await list('action=audit.verify')).items[0]).toMatchObject({ detail: { ok: true } });

    const k = Math.floor(good.headId / 2);
    await sql`update audit_log set actor_name = 'x' where id = ${k}`.execute(t.db.db);
    const bad = (await auditor.get('/api/audit/verify')).json() as { ok: boolean; firstBadId: number; problem: string; message: string };
    expect(bad).toMatchObject({ ok: false, firstBadId: k, problem: 'edited' });
    expect(bad.message).toContain(`第 ${k} 条`);
  });
});
