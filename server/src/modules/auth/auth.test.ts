import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { hashToken } from './auth.service.js';

const MIN = 60_000;

describe('authentication and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('logs in with the right password and sets a hardened session cookie', async () => {
    const res = await login('city.admin', 'Sunshine@2018');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);
    const me = res.json();
    expect(me.username).toBe('city.admin');
    expect(me.assignments.map((a: { role: string }) => a.role)).toContain('city_admin');
    expect(me.permissions).toContain('org:read');
    expect(me.permissions).not.toContain('audit:read');
  });

  it('stores only a hash of the session token and issues a new token at every login', async () => {
    const a = (await login('gxsy.teacher', 'Sunshine@2018')).cookies.find((c) => c.name === 'sc_session')!.value;
    const b = (await login('gxsy.teacher', 'Sunshine@2018')).cookies.find((c) => c.name === 'sc_session')!.value;
    expect(a).not.toBe(b);
    const rows = await t.db.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(a));
    expect(rows.map((r) => r.token_hash)).not.toContain(a);
  });

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await login('gxsy.principal', 'Wrong@2018x');
    const unknown = await login('nobody.here', 'Wrong@2018x');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json()).toEqual(wrong.json());
    const failures = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').where('result', '=', 'failure').execute();
    expect(failures.map((f) => f.target_id)).toEqual(expect.arrayContaining(['gxsy.principal', 'nobody.here']));
    expect(failures[0]!.ip).toBeTruthy();
    expect(failures[0]!.at).toMatch(/Z$/);
  });

  it('locks an account for 15 minutes after 5 failures, audits the lock, then lets the right password in', async () => {
    for (let i = 0; i < 4; i++) expect((await login('linqing.admin', `Bad#pass${i}`)).statusCode).toBe(401);
    const fifth = await login('linqing.admin', 'Bad#pass5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().message).toContain('锁定');
    // While locked even the right password is refused.
    expect((await login('linqing.admin', 'Sunshine@2018')).statusCode).toBe(423);
    const lock = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.lock').execute();
    expect(lock).toHaveLength(1);
    t.clock.advance(15 * MIN + 1000);
    expect((await login('linqing.admin', 'Sunshine@2018')).statusCode).toBe(200);
  });

  it('locks one account without touching others behind the same address', async () => {
    for (let i = 0; i < 5; i++) await login('yanggu.admin', `Bad#pass${i}`);
    expect((await login('yanggu.admin', 'Sunshine@2018')).statusCode).toBe(423);
    expect((await login('yanggu.research', 'Sunshine@2018')).statusCode).toBe(200);
  });

  it('lets a whole school log in from one NAT address', async () => {
    const staff = await t.db.db.selectFrom('users').select('username').where('username', 'like', 't1371525001_%').execute();
    expect(staff.length).toBeGreaterThan(1);
    for (const { username } of [...staff, { username: 'gxsy.principal' }, { username: 'gxsy.teacher' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Sunshine@2018' }, remoteAddress: '10.20.30.40' });
      expect(res.statusCode, username).toBe(200);
    }
  });

  it('ends a session after 30 idle minutes but keeps a busy one alive', async () => {
    const c = await t.login('donge.admin');
    t.clock.advance(29 * MIN);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    t.clock.advance(29 * MIN);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    t.clock.advance(31 * MIN);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('ends every session 12 hours after login however busy', async () => {
    const c = await t.login('gaotang.admin');
    // Twenty-minute steps keep it from idling out; at 11 h 40 min it is still alive.
    for (let step = 0; step < 35; step++) {
      t.clock.advance(20 * MIN);
      expect((await c.get('/api/me')).statusCode).toBe(200);
    }
    t.clock.advance(21 * MIN);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('logout ends the session at once and is audited', async () => {
    const c = await t.login('chiping.admin');
    expect((await c.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    const rows = await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.logout').execute();
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses a state change without the CSRF token', async () => {
    const c = await t.login('chiping.admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.headers.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await c.get('/api/me')).statusCode).toBe(200);
  });

  it('refuses a login posted from another site', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/login', payload: { username: 'city.admin', password: 'Sunshine@2018' },
      headers: { origin: 'https://evil.example', host: 'localhost:8080' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('sends security headers with a content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('a disabled account cannot log in and its open sessions end', async () => {
    const c = await t.login('gx2.teacher');
    await t.db.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'gx2.teacher').execute();
    expect((await c.get('/api/me')).statusCode).toBe(401);
    const res = await login('gx2.teacher', 'Sunshine@2018');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
  });
});
