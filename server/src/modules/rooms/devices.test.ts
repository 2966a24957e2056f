import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { authenticateDevice } from './device-auth.js';
import { upsertTerm } from '../calendar/calendar.queries.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
const MINUTE = 60_000;
const GB = 1024 ** 3;

describe('devices: tokens, heartbeats, offline state and alerts', () => {
  let t: TestApp;
  let research: Client;
  let gxsy: number;
  let sxsy: number;

  beforeAll(async () => {
    t = await createTestApp();
    // Wednesday 09:50 in Liaocheng.
    t.clock.set(new Date('2030-04-03T09:50:00+08:00'));
    const school = async (name: string) => (await t.db.db.selectFrom('schools').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    gxsy = await school('冠县实验小学');
    sxsy = await school('莘县实验小学');
    research = await t.login('guanxian.research');
    // Alerts follow the school calendar: the spring term of 2030 makes these days school days.
    const city = await t.db.db.selectFrom('schools').select('city_id').where('id', '=', gxsy).executeTakeFirstOrThrow();
    await upsertTerm(t.db.db, { cityId: city.city_id, countyId: null, name: '2029—2030学年第二学期', startsOn: '2030-02-18', endsOn: '2030-07-05' }, t.clock.now().toISOString());
  });
  afterAll(async () => t.close());

  let n = 0;
  async function room(client: Client, schoolId: number, status = 'in_use') {
    const res = await client.request('POST', '/api/rooms', { schoolId, name: `设备测试${++n}`, status });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  }
  async function device(client: Client, roomId: number) {
    const res = await client.request('POST', `/api/rooms/${roomId}/devices`, { name: '一号主机' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { device: { id: number; tokenHint: string }; token: string };
  }
  // No cookie and no CSRF header: recorders hold neither.
  const deviceCall = (token: string | null, path: 'register' | 'heartbeat', payload: unknown, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/devices/${path}`, payload: payload as never, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra } });
  const beat = (token: string, body: Record<string, unknown> = {}) => deviceCall(token, 'heartbeat', { state: 'idle', diskFreeBytes: 100 * GB, ...body });
  const roomView = async (id: number) => (await research.get(`/api/rooms/${id}`)).json();

  it('shows a token once, stores only its SHA-256 and a 4-character hint, and audits its creation', async () => {
    const roomId = await room(research, gxsy);
    const { device: d, token } = await device(research, roomId);
    expect(token).toMatch(/^scd_[A-Za-z0-9_-]{43}$/);
    expect(d.tokenHint).toBe(token.slice(-4));
    const row = await t.db.db.selectFrom('devices').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const detail = await research.get(`/api/rooms/${roomId}`);
    expect(detail.body).not.toContain(token);
    expect(detail.json().devices[0]).toMatchObject({ id: d.id, tokenHint: token.slice(-4), online: false });
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('target_type', '=', 'device').where('target_id', '=', String(d.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['device.create']);
    expect(audit[0]!.detail).not.toContain(token);
    // The name is optional; a bare POST adds a recorder with the default name.
    const bare = await research.request('POST', `/api/rooms/${roomId}/devices`);
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json().device.name).toBe('录播主机');
    expect(bare.headers['cache-control']).toBe('no-store');
  });

  it('registers a recorder, binds its serial, and fills the room\'s make only where staff left it blank', async () => {
    const roomId = await room(research, gxsy);
    const { token } = await device(research, roomId);
    const res = await deviceCall(token, 'register', { serial: 'AVA-0001', firmware: '3.2.1', vendor: '奥威亚', model: 'AVA-R8' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ roomId, schoolName: '冠县实验小学', uploadUrl: '/api/uploads', heartbeatIntervalSeconds: 60, tracks: ['composite'] });
    expect(await roomView(roomId)).toMatchObject({ vendor: '奥威亚', model: 'AVA-R8' });
    const other = await deviceCall(token, 'register', { serial: 'AVA-9999', firmware: '3.2.1' });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('DEVICE_SERIAL_MISMATCH');
    expect((await deviceCall(token, 'register', { serial: 'AVA-0001', firmware: '3.3.0' })).statusCode).toBe(200);
  });

  it('needs no CSRF header from a recorder, even when a session cookie rides along', async () => {
    const roomId = await room(research, gxsy);
    const { token } = await device(research, roomId);
    const res = await beat(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ serverTime: t.clock.now().toISOString(), uploadUrl: '/api/uploads', heartbeatIntervalSeconds: 60 });
    const withCookie = await t.app.inject({
      method: 'POST', url: '/api/devices/heartbeat', payload: { state: 'idle', diskFreeBytes: 100 * GB },
      headers: { authorization: `Bearer ${token}`, cookie: research.headers.cookie },
    });
    expect(withCookie.statusCode).toBe(200);
  });

  it('marks a room online on a heartbeat and offline once no heartbeat came for more than 3 minutes', async () => {
    const roomId = await room(research, gxsy);
    const { token } = await device(research, roomId);
    expect((await roomView(roomId)).connectivity).toBe('offline');
    expect((await beat(token, { state: 'recording', diskFreeBytes: 42 * GB, firmware: '3.2.2' })).statusCode).toBe(200);
    const online = await roomView(roomId);
    expect(online).toMatchObject({ connectivity: 'online', recorderState: 'recording', diskFreeBytes: 42 * GB, lastHeartbeatAt: t.clock.now().toISOString() });
    expect(online.devices[0]).toMatchObject({ online: true, firmware: '3.2.2', state: 'recording' });
    // A second recorder that was never heard does not hide the live one's state.
    await device(research, roomId);
    expect(await roomView(roomId)).toMatchObject({ connectivity: 'online', recorderState: 'recording', diskFreeBytes: 42 * GB, deviceCount: 2 });
    const start = t.clock.now();
    t.clock.advance(3 * MINUTE);
    expect((await roomView(roomId)).connectivity).toBe('online');
    t.clock.advance(1000);
    const offline = await roomView(roomId);
    expect(offline).toMatchObject({ connectivity: 'offline', recorderState: null, lastHeartbeatAt: start.toISOString(), diskFreeBytes: 42 * GB });
    const listed = (await research.get(`/api/rooms?schoolId=${gxsy}&connectivity=offline&pageSize=100`)).json();
    expect(listed.items.map((r: { id: number }) => r.id)).toContain(roomId);
    t.clock.set(start);
  });

  it('stops the old token at once on rotation, answers 401 after revocation, and audits both', async () => {
    const roomId = await room(research, gxsy);
    const { device: d, token: first } = await device(research, roomId);
    expect((await deviceCall(first, 'register', { serial: 'OLD-1', firmware: '1' })).statusCode).toBe(200);
    const rotated = await research.request('POST', `/api/rooms/${roomId}/devices/${d.id}/rotate`);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.headers['cache-control']).toBe('no-store');
    const second = rotated.json().token as string;
    expect(second).not.toBe(first);
    const old = await beat(first);
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('DEVICE_TOKEN_INVALID');
    // Rotation frees the token for a replacement recorder.
    expect((await deviceCall(second, 'register', { serial: 'NEW-2', firmware: '1' })).statusCode).toBe(200);
    expect((await beat(second)).statusCode).toBe(200);

    expect((await research.request('DELETE', `/api/rooms/${roomId}/devices/${d.id}`)).statusCode).toBe(204);
    const revoked = await beat(second);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('DEVICE_TOKEN_REVOKED');
    expect((await research.request('POST', `/api/rooms/${roomId}/devices/${d.id}/rotate`)).json().code).toBe('DEVICE_REVOKED');
    expect((await research.request('DELETE', `/api/rooms/${roomId}/devices/${d.id}`)).statusCode).toBe(204);
    expect((await roomView(roomId))).toMatchObject({ connectivity: 'no_recorder', deviceCount: 0 });

    const actions = await t.db.db.selectFrom('audit_log').select('action').where('target_type', '=', 'device').where('target_id', '=', String(d.id)).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['device.create', 'device.register', 'device.rotate', 'device.register', 'device.revoke']);
    expect((await deviceCall(null, 'heartbeat', { state: 'idle', diskFreeBytes: 1 })).json().code).toBe('DEVICE_TOKEN_MISSING');
    expect((await beat('scd_not-a-token')).json().code).toBe('DEVICE_TOKEN_INVALID');
  });

  it('exports authenticateDevice for the upload endpoint, giving the room and school the token is bound to', async () => {
    const roomId = await room(research, gxsy);
    const { device: d, token } = await device(research, roomId);
    const who = await authenticateDevice(t.db, { headers: { authorization: `Bearer ${token}` } });
    expect(who).toMatchObject({ deviceId: d.id, roomId, schoolId: gxsy, tracks: ['composite'] });
    await expect(authenticateDevice(t.db, { headers: {} })).rejects.toMatchObject({ status: 401, code: 'DEVICE_TOKEN_MISSING' });
  });

  it('does not let a token of one school report for another school\'s room', async () => {
    const own = await room(research, gxsy);
    const foreign = await room(await t.login('shenxian.research'), sxsy);
    const { token } = await device(research, own);
    const res = await beat(token, { roomId: foreign });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('DEVICE_ROOM_MISMATCH');
    expect((await deviceCall(token, 'register', { serial: 'X', firmware: '1', roomId: foreign })).statusCode).toBe(403);
    const row = await t.db.db.selectFrom('devices').select(['last_heartbeat_at']).where('room_id', 'in', [own, foreign]).execute();
    expect(row.every((r) => r.last_heartbeat_at === null)).toBe(true);
    expect((await beat(token, { roomId: own })).statusCode).toBe(200);
  });

  it('raises one alert for a room offline 10 minutes before a lesson, none for an online one, and resolves it when the recorder returns', async () => {
    const lesson = { weekday: 3, startsAt: '10:00', endsAt: '10:40', subject: '数学', grade: '三年级', classId: null, teacher: '李晓燕' };
    const offlineRoom = await room(research, gxsy);
    const onlineRoom = await room(research, gxsy);
    const bareRoom = await room(research, gxsy);
    const plannedRoom = await room(research, gxsy, 'planned');
    for (const id of [offlineRoom, onlineRoom, bareRoom, plannedRoom]) {
      expect((await research.request('PUT', `/api/rooms/${id}/timetable`, { lessons: [lesson] })).statusCode).toBe(200);
    }
    const { token: offlineToken } = await device(research, offlineRoom);
    const { token: onlineToken } = await device(research, onlineRoom);
    t.clock.set(new Date('2030-04-03T09:40:00+08:00'));
    await beat(offlineToken);
    t.clock.set(new Date('2030-04-03T09:49:00+08:00'));
    await beat(onlineToken);
    t.clock.set(new Date('2030-04-03T09:50:00+08:00'));

    const first = await t.services.roomAlerts.checkBeforeLessons(t.clock.now());
    const again = await t.services.roomAlerts.checkBeforeLessons(new Date(t.clock.now().getTime() + MINUTE));
    expect(again.raised).toBe(0);
    const alerts = await t.db.db.selectFrom('room_alerts').selectAll().where('kind', '=', 'offline_before_lesson').execute();
    expect(alerts.map((a) => a.room_id).sort()).toEqual([offlineRoom, bareRoom].sort());
    expect(first.raised).toBe(2);
    expect(alerts[0]!.lesson_start).toBe('2030-04-03T02:00:00.000Z');

    const open = (await research.get(`/api/rooms/alerts?open=true&schoolId=${gxsy}`)).json();
    const mine = open.items.find((a: { roomId: number }) => a.roomId === offlineRoom);
    expect(mine).toMatchObject({ kind: 'offline_before_lesson', schoolName: '冠县实验小学', resolvedAt: null });
    expect(mine.message).toContain('10:00');
    expect((await roomView(offlineRoom)).openAlerts).toBe(1);
    expect((await (await t.login('shenxian.research')).get('/api/rooms/alerts?pageSize=100')).json().items
      .some((a: { schoolId: number }) => a.schoolId === gxsy)).toBe(false);
    const summary = (await research.get('/api/rooms/summary')).json();
    expect(summary.openAlerts).toBeGreaterThanOrEqual(2);

    await beat(offlineToken);
    expect((await roomView(offlineRoom)).openAlerts).toBe(0);
    const resolved = (await research.get(`/api/rooms/alerts?open=false&schoolId=${gxsy}`)).json();
    expect(resolved.items.map((a: { roomId: number }) => a.roomId)).toContain(offlineRoom);
  });

  it('looks 15 minutes ahead, across midnight too, by the Asia/Shanghai timetable', async () => {
    const lesson = { startsAt: '10:20', endsAt: '11:00', subject: '语文', grade: '一年级', classId: null, teacher: '王老师' };
    const roomId = await room(research, gxsy);
    const put = await research.request('PUT', `/api/rooms/${roomId}/timetable`, { lessons: [{ ...lesson, weekday: 3 }, { ...lesson, weekday: 4, startsAt: '00:05', endsAt: '00:45' }] });
    expect(put.statusCode).toBe(200);
    const alertsOf = () => t.db.db.selectFrom('room_alerts').select('lesson_start').where('room_id', '=', roomId).orderBy('lesson_start').execute();
    await t.services.roomAlerts.checkBeforeLessons(new Date('2030-04-03T10:04:00+08:00'));
    expect(await alertsOf()).toEqual([]);
    await t.services.roomAlerts.checkBeforeLessons(new Date('2030-04-03T10:05:00+08:00'));
    expect(await alertsOf()).toEqual([{ lesson_start: '2030-04-03T02:20:00.000Z' }]);
    await t.services.roomAlerts.checkBeforeLessons(new Date('2030-04-03T23:55:00+08:00'));
    expect(await alertsOf()).toEqual([{ lesson_start: '2030-04-03T02:20:00.000Z' }, { lesson_start: '2030-04-03T16:05:00.000Z' }]);
  });

  it('raises disk_low below 5 GB once, and resolves it when space is freed', async () => {
    const roomId = await room(research, gxsy);
    const { token } = await device(research, roomId);
    await beat(token, { diskFreeBytes: 4 * GB });
    await beat(token, { diskFreeBytes: 3 * GB });
    const open = () => t.db.db.selectFrom('room_alerts').select(['id', 'resolved_at']).where('room_id', '=', roomId).where('kind', '=', 'disk_low').execute();
    expect((await open()).length).toBe(1);
    await beat(token, { diskFreeBytes: 50 * GB });
    expect((await open()).every((a) => a.resolved_at !== null)).toBe(true);
  });

  it('documents the device API in the OpenAPI with the device token as bearer security', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.components.securitySchemes.deviceToken).toEqual({ type: 'http', scheme: 'bearer' });
    expect(spec.paths['/api/devices/heartbeat'].post.security).toEqual([{ deviceToken: [] }]);
    expect(Object.keys(spec.paths).filter((p) => p.startsWith('/api/rooms')).length).toBeGreaterThanOrEqual(7);
  });

  it('rate-limits heartbeats per token, gently', async () => {
    const roomId = await room(research, gxsy);
    const { token } = await device(research, roomId);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await beat(token)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another recorder (behind the same school address) is not held back.
    const { token: other } = await device(research, roomId);
    expect((await beat(other)).statusCode).toBe(200);
  });
});
