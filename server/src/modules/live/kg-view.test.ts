import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addParent, pupilsOf } from '../family/family.test-kit.js';
import { kindergartenAnchors } from '../family/kindergarten.test-kit.js';
import { principalOf } from './kg-view.test-kit.js';

type Client = Awaited<ReturnType<TestApp['login']>>;

/**
 * 园所直播: a kindergarten opens a room of class A for live view on Monday mornings; the guardians
 * of class A watch inside the window and under the cap, everyone else gets nothing. 2026-12-07 is
 * a Monday; the clock is moved by hand (t.clock), never waited on.
 */
describe('kindergarten live view: class only, inside the window, under the cap, every view logged', () => {
  let t: TestApp;
  let k: Awaited<ReturnType<typeof kindergartenAnchors>>;
  let principalName: string;
  let principal: Client;
  let teacher: Client;
  let parent: Client;
  let parent2: Client;
  let roomId: number;
  const day = '2026-12-07';
  const at = (hhmm: string, ss = '00') => new Date(`${day}T${hhmm}:${ss}+08:00`);
  const window = [{ weekday: 1, from: '08:30', to: '11:00' }];

  beforeAll(async () => {
    t = await createTestApp({ now: at('09:00') });
    k = await kindergartenAnchors(t.db.db);
    principalName = await principalOf(t.db.db, k.schoolId);
    await relogin();
  });
  afterAll(async () => t.close());

  /** Signs everyone in again (a session idles out while the clock moves by hours). */
  const relogin = async () => {
    [principal, teacher, parent, parent2] = await Promise.all([t.login(principalName), t.login('gxyey.teacher'), t.login('gxyey.parent'), t.login('gxyey.parent2')]);
  };

  it('lets the principal open an activity room for class A, and refuses washrooms and sleeping rooms in words', async () => {
    const washroom = await principal.request('POST', '/api/live/kg/settings/rooms', { classId: k.classA, name: '小一班盥洗区', purpose: 'washroom', cap: 2, windows: window });
    expect(washroom.statusCode).toBe(400);
    expect(washroom.json()).toMatchObject({ code: 'LIVE_KG_PRIVATE_ROOM' });
    expect(washroom.json().message).toContain('卫生间不能开放直播');
    const sleeping = await principal.request('POST', '/api/live/kg/settings/rooms', { classId: k.classA, name: '小一班', purpose: 'sleeping', cap: 2, windows: window });
    expect(sleeping.json().message).toContain('午睡室不能开放直播');
    // A private room called an activity room is refused by its name.
    const named = await principal.request('POST', '/api/live/kg/settings/rooms', { classId: k.classA, name: '午睡室', purpose: 'activity', cap: 2, windows: window });
    expect(named.json().code).toBe('LIVE_KG_PRIVATE_ROOM');
    const overlap = await principal.request('POST', '/api/live/kg/settings/rooms', {
      classId: k.classA, name: '活动室', purpose: 'activity', cap: 2, windows: [...window, { weekday: 1, from: '10:00', to: '12:00' }],
    });
    expect(overlap.json().code).toBe('LIVE_KG_WINDOW_INVALID');
    // Teachers and the county set nothing.
    expect((await teacher.request('POST', '/api/live/kg/settings/rooms', { classId: k.classA, name: '活动室', purpose: 'activity', cap: 2, windows: window })).statusCode).toBe(403);
    const county = await t.login('guanxian.admin');
    const byCounty = await county.request('POST', '/api/live/kg/settings/rooms', { classId: k.classA, name: '活动室', purpose: 'activity', cap: 2, windows: window });
    expect(byCounty.statusCode).toBe(403);
    expect(byCounty.json().code).toBe('LIVE_KG_PRINCIPAL_ONLY');

    const made = await principal.request('POST', '/api/live/kg/settings/rooms', { classId: k.classA, name: '小一班活动室', purpose: 'activity', cap: 2, windows: window });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ classId: k.classA, cap: 2, enabled: true, canEdit: true, watchingNow: 0, window: { open: true, windows: window } });
    roomId = made.json().id;
  });

  it('shows class A\'s guardian the room, open, and starts a logged view with the stream to play', async () => {
    const rooms = (await parent.get('/api/live/kg/rooms')).json();
    expect(rooms.items).toEqual([expect.objectContaining({ id: roomId, classId: k.classA, window: expect.objectContaining({ open: true, text: '直播开放时间：08:30–11:00' }) })]);
    const started = await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {});
    expect(started.statusCode).toBe(201);
    const view = started.json();
    expect(view.media).toMatchObject({ role: 'watcher', mode: 'hls' });
    expect(view.media.hls.playlistUrl).toMatch(new RegExp(`^/api/live/kg/rooms/${roomId}/hls/index\\.m3u8\\?token=.+`));
    const row = await t.db.db.selectFrom('live_kg_views').selectAll().where('id', '=', view.viewId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kg_room_id: roomId, user_id: parent.me.id, student_id: k.childA, class_id: k.classA, ended_at: null, started_at: at('09:00').toISOString() });
    // The token is what the stream is fetched with: good for this room only, and stored hashed.
    const token = decodeURIComponent(view.media.hls.playlistUrl.split('token=')[1]);
    expect(row.token_hash).not.toContain(token);
    expect(await t.services.live.kgView.viewerAllowed(roomId, token)).toBe(true);
    expect(await t.services.live.kgView.viewerAllowed(roomId, 'guessed')).toBe(false);
  });

  it('shows the teacher and the principal how many watch now, and who', async () => {
    const staff = (await teacher.get('/api/live/kg/staff/rooms')).json();
    expect(staff.items).toEqual([expect.objectContaining({ id: roomId, watchingNow: 1, canEdit: false })]);
    const who = (await principal.get(`/api/live/kg/staff/rooms/${roomId}/watchers`)).json();
    expect(who).toMatchObject({ roomId, watchingNow: 1, cap: 2 });
    expect(who.viewers[0].viewerName).toBe('张雪梅');
    // A parent never reads the watchers or the log.
    expect((await parent.get(`/api/live/kg/staff/rooms/${roomId}/watchers`)).statusCode).toBe(403);
    expect((await parent.get('/api/live/kg/views')).statusCode).toBe(403);
  });

  it('gives a guardian of class B nothing: the room is not listed, and watching it is 404', async () => {
    expect((await parent2.get('/api/live/kg/rooms')).json().items).toEqual([]);
    const probe = await parent2.request('POST', `/api/live/kg/rooms/${roomId}/view`, {});
    expect(probe.statusCode).toBe(404);
    // Nor another guardian's view.
    const mine = await t.db.db.selectFrom('live_kg_views').select('id').where('user_id', '=', parent.me.id).executeTakeFirstOrThrow();
    expect((await parent2.request('POST', `/api/live/kg/views/${mine.id}/end`)).statusCode).toBe(404);
    // Nor the class A teacher as a viewer: the view is for families.
    expect((await teacher.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).statusCode).toBe(404);
  });

  it('lists nothing to a guardian bound to no child', async () => {
    const unbound = await addParent(t.db.db, { username: 'kg.unbound', children: [] });
    const c = await t.login(unbound.username);
    expect((await c.get('/api/live/kg/rooms')).json().items).toEqual([]);
    expect((await c.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).statusCode).toBe(404);
  });

  it('refuses a viewer past the cap with 409 观看人数已满; a reload takes no second seat', async () => {
    const [, second, third] = await pupilsOf(t.db.db, k.classA);
    const p2 = await t.login((await addParent(t.db.db, { username: 'kg.a2', children: [{ studentId: second!.id }] })).username);
    const p3 = await t.login((await addParent(t.db.db, { username: 'kg.a3', children: [{ studentId: third!.id }] })).username);
    expect((await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).statusCode).toBe(201); // a reload: replaces the first
    expect((await p2.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).statusCode).toBe(201);
    const full = await p3.request('POST', `/api/live/kg/rooms/${roomId}/view`, {});
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'LIVE_KG_FULL' });
    expect(full.json().message).toContain('观看人数已满');
    expect((await teacher.get('/api/live/kg/staff/rooms')).json().items[0].watchingNow).toBe(2);
    const replaced = await t.db.db.selectFrom('live_kg_views').select('end_reason').where('user_id', '=', parent.me.id).orderBy('id').execute();
    expect(replaced.map((r) => r.end_reason)).toEqual(['replaced', null]);
  });

  it('records the view\'s end and how long it lasted; a quiet page is closed by the due work', async () => {
    const open = await t.db.db.selectFrom('live_kg_views').select(['id', 'user_id']).where('ended_at', 'is', null).orderBy('id').execute();
    const mine = open.find((v) => v.user_id === parent.me.id)!;
    for (const ss of ['50', '40']) {
      t.clock.set(new Date(t.clock.now().getTime() + Number(ss) * 1000));
      expect((await parent.request('POST', `/api/live/kg/views/${mine.id}/heartbeat`)).statusCode).toBe(200);
    }
    const ended = await parent.request('POST', `/api/live/kg/views/${mine.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: mine.id, seconds: 90, endReason: 'ended', childName: expect.any(String), viewerName: '张雪梅', className: expect.any(String) });
    // The other viewer sent nothing for 90 s: the due work ends it at its last heartbeat.
    await t.services.live.runDue(t.clock.now());
    const other = await t.db.db.selectFrom('live_kg_views').selectAll().where('id', '=', open.find((v) => v.user_id !== parent.me.id)!.id).executeTakeFirstOrThrow();
    expect(other).toMatchObject({ end_reason: 'timeout', seconds: 0 });
    const log = (await principal.get(`/api/live/kg/views?day=${day}`)).json();
    expect(log.items.find((v: { id: number }) => v.id === mine.id)).toMatchObject({ seconds: 90, endedAt: expect.any(String) });
    expect((await teacher.get('/api/live/kg/staff/rooms')).json().items[0].watchingNow).toBe(0);
  });

  it('refuses a guardian outside the window, showing the window; a view running past its end is closed', async () => {
    t.clock.set(at('10:59', '30'));
    await relogin();
    const late = (await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json();
    t.clock.set(at('11:00', '05'));
    const past = await parent.request('POST', `/api/live/kg/views/${late.viewId}/heartbeat`);
    expect(past.statusCode).toBe(409);
    expect(past.json()).toMatchObject({ code: 'LIVE_KG_CLOSED', message: '直播开放时间：08:30–11:00' });
    expect((await t.db.db.selectFrom('live_kg_views').select('end_reason').where('id', '=', late.viewId).executeTakeFirstOrThrow()).end_reason).toBe('window_closed');

    t.clock.set(at('14:00'));
    await relogin();
    const closed = await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {});
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'LIVE_KG_CLOSED', message: '直播开放时间：08:30–11:00', details: { windows: window } });
    expect((await parent.get('/api/live/kg/rooms')).json().items[0].window.open).toBe(false);
    // Tuesday: no window today; the week's are shown.
    t.clock.set(new Date('2026-12-08T09:00:00+08:00'));
    await relogin();
    expect((await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json().message).toBe('今天不开放直播。直播开放时间：周一 08:30–11:00');
  });

  it('has no replay for parents: live only', async () => {
    const kgRoutes = t.routes.filter((r) => r.url.startsWith('/api/live/kg/'));
    expect(kgRoutes.length).toBeGreaterThan(0);
    expect(kgRoutes.filter((r) => /replay|record|playback|download/.test(r.url))).toEqual([]);
    expect((await parent.get(`/api/live/kg/rooms/${roomId}/replay`)).statusCode).toBe(404);
    expect((await parent.get('/api/recordings')).statusCode).toBe(403);
  });

  it('stops every view when the principal switches the room off', async () => {
    t.clock.set(at('09:00'));
    await relogin();
    const v = (await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json();
    const off = await principal.request('PUT', `/api/live/kg/settings/rooms/${roomId}`, { classId: k.classA, name: '小一班活动室', purpose: 'activity', cap: 2, enabled: false, windows: window });
    expect(off.statusCode).toBe(200);
    expect((await t.db.db.selectFrom('live_kg_views').select('end_reason').where('id', '=', v.viewId).executeTakeFirstOrThrow()).end_reason).toBe('window_closed');
    expect((await parent.get('/api/live/kg/rooms')).json().items).toEqual([]);
    expect((await principal.request('DELETE', `/api/live/kg/settings/rooms/${roomId}`)).statusCode).toBe(204);
    expect((await principal.get('/api/live/kg/staff/rooms')).json().items).toEqual([]);
  });
});

describe('the demo seed of the kindergarten live view', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ now: new Date('2026-12-07T09:00:00+08:00') }); });
  afterAll(async () => t.close());

  it('opens gxyey.parent\'s class activity room on weekday mornings, once', async () => {
    const { seedDemoLiveKg } = await import('../../seed/demo-live-kg.js');
    expect(await seedDemoLiveKg(t.db.db, t.clock.now())).toEqual({ rooms: 1 });
    expect(await seedDemoLiveKg(t.db.db, t.clock.now())).toEqual({ rooms: 0 });
    const parent = await t.login('gxyey.parent');
    const rooms = (await parent.get('/api/live/kg/rooms')).json();
    expect(rooms.items).toEqual([expect.objectContaining({ purpose: 'activity', window: expect.objectContaining({ open: true, text: '直播开放时间：08:30–11:00' }) })]);
    expect((await parent.request('POST', `/api/live/kg/rooms/${rooms.items[0].id}/view`, {})).statusCode).toBe(201);
    const teacher = await t.login('gxyey.teacher');
    expect((await teacher.get('/api/live/kg/staff/rooms')).json().items[0].watchingNow).toBe(1);
  });
});
