import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addParent, pupilsOf } from '../family/family.test-kit.js';
import { kindergartenAnchors } from '../family/kindergarten.test-kit.js';
import { addRoomWithDevice } from '../recordings/recordings.test-kit.js';
import { insertViewUnderCap } from './kg-view.queries.js';
import { addKgRoom, principalOf } from './kg-view.test-kit.js';

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
    expect(view.media.hls.playlistUrl).toMatch(new RegExp(`^/api/live/kg/rooms/${roomId}/hls/kg\\.[^/]+/index\\.m3u8$`));
    const row = await t.db.db.selectFrom('live_kg_views').selectAll().where('id', '=', view.viewId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kg_room_id: roomId, user_id: parent.me.id, student_id: k.childA, class_id: k.classA, ended_at: null, started_at: at('09:00').toISOString() });
    // The token is what the stream is fetched with: good for this room only, and stored hashed.
    const token = decodeURIComponent(view.media.hls.playlistUrl.split('/')[7]);
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

/**
 * The room's stream with real parts: ffmpeg as the room's recorder sending VP8/Opus RTP where
 * /api/devices/live/kg says, the server's ffmpeg packaging a few seconds of HLS, the parent's
 * playlist checked on every request. Then everyone who must not watch tries (another class's
 * parent with a stolen token, another room's id, a guessed token, an ended view, an unbound
 * parent, an expired token past the window), and the window's end leaves no picture behind.
 */
describe('the kindergarten room\'s stream: live only, for its own parent only, inside the window', () => {
  let t: TestApp;
  let k: Awaited<ReturnType<typeof kindergartenAnchors>>;
  let principal: Client;
  let parent: Client;
  let parent2: Client;
  let roomId: number;
  let camera: Awaited<ReturnType<typeof addRoomWithDevice>>;
  let sender: ReturnType<typeof spawn> | null = null;
  const at = (hhmm: string, ss = '00') => new Date(`2026-12-07T${hhmm}:${ss}+08:00`);
  const window = [{ weekday: 1, from: '08:30', to: '11:00' }];
  const device = (token: string) => t.app.inject({ method: 'GET', url: '/api/devices/live/kg', headers: { authorization: `Bearer ${token}` } });
  const relogin = async () => { [principal, parent, parent2] = await Promise.all([t.login(await principalOf(t.db.db, k.schoolId)), t.login('gxyey.parent'), t.login('gxyey.parent2')]); };

  beforeAll(async () => {
    t = await createTestApp({ now: at('09:00'), env: { LIVE_KG_RTP_PORTS: '23720-23759' } });
    k = await kindergartenAnchors(t.db.db);
    const code = (await t.db.db.selectFrom('schools').select('code').where('id', '=', k.schoolId).executeTakeFirstOrThrow()).code;
    camera = await addRoomWithDevice(t, code, ['composite']);
    await relogin();
  });
  afterAll(async () => {
    sender?.kill('SIGKILL');
    await t.close();
  });

  it('binds the kindergarten\'s own recording room as the camera, never another school\'s', async () => {
    const other = await addRoomWithDevice(t);
    const body = { classId: k.classA, name: '小一班活动室', purpose: 'activity', cap: 2, windows: window };
    expect((await principal.request('POST', '/api/live/kg/settings/rooms', { ...body, roomId: other.roomId })).statusCode).toBe(404);
    expect((await principal.request('POST', '/api/live/kg/settings/rooms', { ...body, roomId: 987_654 })).statusCode).toBe(404);
    const made = await principal.request('POST', '/api/live/kg/settings/rooms', { ...body, roomId: camera.roomId });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ roomId: camera.roomId, streaming: false });
    roomId = made.json().id;
    // A recorder of a room that is no camera, or without a token, gets nothing.
    expect((await device(other.token)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/devices/live/kg' })).statusCode).toBe(401);
  });

  it('plays the camera\'s picture to the class\'s parent through a few seconds of live HLS', { timeout: 90_000 }, async () => {
    const target = await device(camera.token);
    expect(target.statusCode).toBe(200);
    expect(target.json()).toMatchObject({ kgRoomId: roomId, mode: 'hls', until: at('11:00').toISOString() });
    const { rtp } = target.json();
    expect((await device(camera.token)).json().rtp).toEqual(rtp); // asking again changes nothing
    sender = spawn('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25', '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-map', '0:v', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-g', '25', '-payload_type', String(rtp.videoPayloadType),
      '-f', 'rtp', `rtp://${rtp.host}:${rtp.videoPort}?pkt_size=1200`,
      '-map', '1:a', '-c:a', 'libopus', '-b:a', '32k', '-payload_type', String(rtp.audioPayloadType), '-f', 'rtp', `rtp://${rtp.host}:${rtp.audioPort}`,
    ], { stdio: 'ignore' });

    const view = (await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json();
    const url: string = view.media.hls.playlistUrl;
    expect(url).toMatch(new RegExp(`^/api/live/kg/rooms/${roomId}/hls/kg\\.[^/]+/index\\.m3u8$`));
    let playlist = '';
    for (let i = 0; i < 80 && !/\.ts/.test(playlist); i++) {
      await sleep(500);
      const res = await parent.get(url);
      if (res.statusCode === 200) playlist = res.body;
      else expect(res.json().code).toBe('LIVE_KG_NO_PICTURE'); // before the first segment
    }
    expect(playlist).toContain('#EXTM3U');
    expect(playlist).not.toContain('#EXT-X-ENDLIST');
    const segment = playlist.split('\n').find((l) => l.endsWith('.ts'))!;
    const seg = await parent.get(url.replace('index.m3u8', segment));
    expect(seg.statusCode).toBe(200);
    expect(seg.headers['content-type']).toBe('video/mp2t');
    expect(seg.rawPayload[0]).toBe(0x47); // MPEG-TS sync byte
    expect((await t.services.live.kgView.viewerVerdict(null, roomId, decodeURIComponent(url.split('/')[7]!)))).toBeNull();
    // The teacher's screen says the room streams.
    expect((await principal.get('/api/live/kg/staff/rooms')).json().items[0]).toMatchObject({ id: roomId, streaming: true, watchingNow: 1 });

    // No replay: a few seconds of segments and the playlist, nothing else on disk.
    await sleep(6000);
    const files = readdirSync(join(t.config.dataDir, 'live-kg', String(roomId)));
    expect(files.filter((f) => f.endsWith('.ts')).length).toBeLessThanOrEqual(6);
    expect(files.filter((f) => !/^(index\.m3u8(\.tmp)?|camera\.sdp|s\d+-\d{5}\.ts(\.tmp)?)$/.test(f))).toEqual([]);
  });

  it('refuses everyone else: another class\'s parent with a stolen token, another room, guessed tokens', async () => {
    const view = await t.db.db.selectFrom('live_kg_views').select('id').where('user_id', '=', parent.me.id).where('ended_at', 'is', null).executeTakeFirstOrThrow();
    const url = (await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json().media.hls.playlistUrl as string;
    // The reload replaced the earlier view: its token opens nothing any more.
    expect((await t.db.db.selectFrom('live_kg_views').select('end_reason').where('id', '=', view.id).executeTakeFirstOrThrow()).end_reason).toBe('replaced');
    const token = url.split('/')[7]!;
    const stolen = await parent2.get(url);
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json()).toMatchObject({ code: 'LIVE_KG_TOKEN_INVALID', message: expect.stringContaining('凭证无效') });
    expect((await parent2.get(url.replace('index.m3u8', 's1-00001.ts'))).statusCode).toBe(403);
    // Another kindergarten's room, and a guessed room id, with the parent's own token.
    const foreign = await addKgRoom(t.db.db, { classId: k.foreignClass, byUserId: parent.me.id });
    expect((await parent.get(url.replace(`/rooms/${roomId}/`, `/rooms/${foreign}/`))).statusCode).toBe(403);
    expect((await parent.get(url.replace(`/rooms/${roomId}/`, '/rooms/987654/'))).statusCode).toBe(403);
    // A guessed signature, a token of another shape, another file name.
    const parts = decodeURIComponent(token).split('.');
    const forged = [...parts.slice(0, 5), 'A'.repeat(43)].join('.');
    expect((await parent.get(url.replace(token, forged))).json().code).toBe('LIVE_KG_TOKEN_INVALID');
    const longer = [parts[0], parts[1], parts[2], String(Number(parts[3]) + 86_400), ...parts.slice(4)].join('.');
    expect((await parent.get(url.replace(token, longer))).statusCode).toBe(403);
    expect((await parent.get(url.replace('index.m3u8', 'lead.ts'))).statusCode).toBe(400);
    expect((await parent.get(url.replace('index.m3u8', '../../etc'))).statusCode).toBe(404);
    // Anonymous: no session, no stream.
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // Still fine for its owner.
    expect((await parent.get(url)).statusCode).toBe(200);
  });

  it('stops a token whose view ended, whose parent was unbound, or whose seat is past a lowered cap', async () => {
    const [, second, third] = await pupilsOf(t.db.db, k.classA);
    const a2 = await addParent(t.db.db, { username: 'kgs.a2', children: [{ studentId: second!.id }] });
    const a3 = await addParent(t.db.db, { username: 'kgs.a3', children: [{ studentId: third!.id }] });
    const [c2, c3] = await Promise.all([t.login(a2.username), t.login(a3.username)]);
    const v2 = (await c2.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json();
    expect((await c2.get(v2.media.hls.playlistUrl)).statusCode).toBe(200);
    // Unbound from the child (the school removed the guardianship): the next playlist is refused.
    await t.db.db.deleteFrom('guardianships').where('user_id', '=', a2.userId).execute();
    const unbound = await c2.get(v2.media.hls.playlistUrl);
    expect(unbound.statusCode).toBe(403);
    expect(unbound.json()).toMatchObject({ code: 'LIVE_KG_NOT_GUARDIAN' });
    await t.db.db.updateTable('live_kg_views').set({ ended_at: t.clock.now().toISOString(), end_reason: 'ended', seconds: 0 }).where('user_id', '=', a2.userId).execute();

    const v3 = (await c3.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json();
    expect((await c3.get(v3.media.hls.playlistUrl)).statusCode).toBe(200);
    // The principal lowers the cap to 1: the later seat is over it.
    await t.db.db.updateTable('live_kg_rooms').set({ cap: 1 }).where('id', '=', roomId).execute();
    const over = await c3.get(v3.media.hls.playlistUrl);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'LIVE_KG_FULL', message: expect.stringContaining('观看人数已满') });
    await t.db.db.updateTable('live_kg_rooms').set({ cap: 2 }).where('id', '=', roomId).execute();
    // Ended by its parent: the token is dead.
    expect((await c3.request('POST', `/api/live/kg/views/${v3.viewId}/end`)).statusCode).toBe(200);
    const ended = await c3.get(v3.media.hls.playlistUrl);
    expect(ended.statusCode).toBe(403);
    expect(ended.json()).toMatchObject({ code: 'LIVE_KG_VIEW_ENDED' });
  });

  it('lets no token past the window\'s end, and leaves no picture behind', { timeout: 30_000 }, async () => {
    const url = (await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {})).json().media.hls.playlistUrl as string;
    expect((await parent.get(url)).statusCode).toBe(200);
    t.clock.set(at('11:00', '01'));
    await relogin();
    const expired = await parent.get(url);
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toMatchObject({ code: 'LIVE_KG_TOKEN_INVALID' });
    // The due work stops the stream and removes its segments; the recorder is told there is nothing to send.
    await t.services.live.runDue(t.clock.now());
    expect(existsSync(join(t.config.dataDir, 'live-kg', String(roomId)))).toBe(false);
    expect((await device(camera.token)).statusCode).toBe(404);
    expect((await principal.get('/api/live/kg/staff/rooms')).json().items[0]).toMatchObject({ streaming: false });
    // Outside the window a new view is refused with the window, so no new token is issued.
    const closed = await parent.request('POST', `/api/live/kg/rooms/${roomId}/view`, {});
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'LIVE_KG_CLOSED', message: '直播开放时间：08:30–11:00' });
  });
});

describe('the viewer cap under a race', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ now: new Date('2026-12-07T09:00:00+08:00') }); });
  afterAll(async () => t.close());

  it('gives the last seats to exactly as many parents as the cap, however many press at once', async () => {
    const k = await kindergartenAnchors(t.db.db);
    const room = await addKgRoom(t.db.db, { classId: k.classA, cap: 2, byUserId: (await t.login('gxyey.parent')).me.id });
    const pupils = await pupilsOf(t.db.db, k.classA);
    const parents = await Promise.all(pupils.slice(0, 6).map(async (p, i) => t.login((await addParent(t.db.db, { username: `kgrace.${i}`, children: [{ studentId: p.id }] })).username)));
    expect(parents.length).toBe(6);
    const answers = await Promise.all(parents.map((c) => c.request('POST', `/api/live/kg/rooms/${room}/view`, {})));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'LIVE_KG_FULL')).toBe(true);
    const open = await t.db.db.selectFrom('live_kg_views').select('id').where('kg_room_id', '=', room).where('ended_at', 'is', null).execute();
    expect(open).toHaveLength(2);
    // The same straight at the query, ten at once for a cap of 2 on a fresh room.
    const room2 = await addKgRoom(t.db.db, { classId: k.classA, cap: 2, byUserId: parents[0]!.me.id });
    const iso = t.clock.now().toISOString();
    const seats = await Promise.all(Array.from({ length: 10 }, (_, i) => insertViewUnderCap(t.db.db, {
      kg_room_id: room2, school_id: k.schoolId, class_id: k.classA, student_id: pupils[i % pupils.length]!.id, user_id: parents[i % 6]!.me.id,
      token_hash: `race-${i}`, started_at: iso, last_seen_at: iso, ended_at: null, seconds: null, end_reason: null,
    }, new Date(t.clock.now().getTime() - 60_000).toISOString())));
    expect(seats.filter(Boolean)).toHaveLength(2);
  });
});
