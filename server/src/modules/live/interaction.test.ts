import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { LiveRecordView } from '../../../../shared/live-interaction.js';
import { addLiveClass, type ChannelClient, channelUrl, openChannel, upgradeStatus } from './interaction.test-kit.js';

/**
 * 互动教学 interaction channel, with real WebSocket clients (ws) against the real app on a port:
 * a receiving room raises its hand, the lead calls on it, questions and polls go round, attendance
 * keeps join times and drops; attackers are refused before the upgrade.
 */
describe('live interaction channel', () => {
  let t: TestApp;
  let base: string;
  let cls: Awaited<ReturnType<typeof addLiveClass>>;
  let tokens: Record<string, string>;
  const open: ChannelClient[] = [];
  const join = async (who: string, roomId?: number, sessionId = cls.sessionId) => {
    const c = await openChannel(channelUrl(base, sessionId, roomId), tokens[who]!);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    cls = await addLiveClass(t, { receiving: ['gx2', 'sxsy'] });
    tokens = {};
    for (const u of ['gxsy.teacher', 'gx2.teacher', 'sxsy.principal', 'gxsy.parent', 'shenxian.admin', 'guanxian.admin', 'gxsy.principal']) tokens[u] = (await t.login(u)).token;
  });
  afterAll(async () => {
    for (const c of open) await c.close();
    await t.close();
  });

  it('a hand goes up in a receiving room, the lead sees it, calls on the room, and everyone hears the stage', async () => {
    const lead = await join('gxsy.teacher');
    const first = await lead.next('state');
    expect(first.you).toEqual({ role: 'lead', roomId: cls.leadRoomId });
    const room = await join('gx2.teacher', cls.rooms.gx2);
    expect((await room.next('state')).you).toEqual({ role: 'receiving', roomId: cls.rooms.gx2 });

    room.send({ type: 'hand.raise' });
    const raised = await lead.next('event', (m) => m.event.kind === 'hand.raise');
    expect(raised.event.roomId).toBe(cls.rooms.gx2);
    expect(raised.state.rooms.find((r) => r.roomId === cls.rooms.gx2)).toMatchObject({ hand: true, connected: true });

    lead.send({ type: 'hand.call', roomId: cls.rooms.gx2 });
    expect(await lead.next('stage')).toEqual({ type: 'stage', roomId: cls.rooms.gx2 });
    expect(await room.next('stage')).toEqual({ type: 'stage', roomId: cls.rooms.gx2 });
    const called = await room.next('event', (m) => m.event.kind === 'hand.call');
    expect(called.state.stage).toBe(cls.rooms.gx2);
    expect(called.state.rooms.find((r) => r.roomId === cls.rooms.gx2)?.hand).toBe(false);

    lead.send({ type: 'hand.dismiss' });
    expect(await room.next('stage', (m) => m.roomId === null)).toEqual({ type: 'stage', roomId: null });
  });

  it('a question goes from a receiving room to the lead and the other rooms', async () => {
    const lead = await join('gxsy.teacher');
    const asker = await join('sxsy.principal', cls.rooms.sxsy);
    const other = await join('gx2.teacher', cls.rooms.gx2);
    await other.next('state');
    asker.send({ type: 'question', text: '  老师，这个音符唱几拍？ ' });
    const got = await lead.next('event', (m) => m.event.kind === 'question');
    expect(got.event).toMatchObject({ roomId: cls.rooms.sxsy, payload: { text: '老师，这个音符唱几拍？' } });
    const seen = await other.next('event', (m) => m.event.kind === 'question');
    expect(seen.state.questions.at(-1)).toMatchObject({ roomId: cls.rooms.sxsy, text: '老师，这个音符唱几拍？' });
  });

  it('a poll is opened by the lead, answered by two rooms, with results per room', async () => {
    const lead = await join('gxsy.teacher');
    const a = await join('gx2.teacher', cls.rooms.gx2);
    const b = await join('sxsy.principal', cls.rooms.sxsy);
    await Promise.all([a.next('state'), b.next('state')]);
    lead.send({ type: 'poll.open', question: '这首歌是几拍子？', options: ['二拍子', '三拍子', '四拍子'] });
    const opened = await a.next('event', (m) => m.event.kind === 'poll.open');
    const pollId = opened.state.poll!.id;
    expect(opened.state.poll).toMatchObject({ open: true, options: ['二拍子', '三拍子', '四拍子'], answers: [] });
    const mark = lead.messages.length;
    a.send({ type: 'poll.answer', pollId, option: 1 });
    b.send({ type: 'poll.answer', pollId, option: 2 });
    const both = await lead.next('event', (m) => m.event.kind === 'poll.answer' && m.state.poll!.answers.length === 2, mark);
    expect(both.state.poll!.answers).toEqual([
      { roomId: cls.rooms.gx2, option: 1 }, { roomId: cls.rooms.sxsy, option: 2 },
    ].sort((x, y) => x.roomId - y.roomId));
    expect(both.state.poll!.counts).toEqual([0, 1, 1]);

    lead.send({ type: 'poll.close', pollId });
    const closed = await b.next('event', (m) => m.event.kind === 'poll.close');
    expect(closed.state.poll).toMatchObject({ id: pollId, open: false, counts: [0, 1, 1] });
    b.send({ type: 'poll.answer', pollId, option: 0 });
    expect(await b.next('error')).toMatchObject({ code: 'LIVE_POLL_NOT_OPEN', field: 'pollId' });
  });

  it('keeps attendance per room: join times, one room counted once across two pages, drops', async () => {
    const c = await addLiveClass(t, { receiving: ['gx2', 'sxsy'] });
    const lead = await join('gxsy.teacher', undefined, c.sessionId);
    const joinedAt = t.clock.now().toISOString();
    const pageOne = await join('gx2.teacher', c.rooms.gx2, c.sessionId);
    const pageTwo = await join('gx2.teacher', c.rooms.gx2, c.sessionId);
    await pageTwo.next('state');
    t.clock.advance(60_000);
    const other = await join('sxsy.principal', c.rooms.sxsy, c.sessionId);
    const state = (await other.next('state')).state;
    const gx2 = state.rooms.find((r) => r.roomId === c.rooms.gx2)!;
    expect(gx2).toMatchObject({ connected: true, joinedAt, drops: 0 });
    expect(state.rooms.find((r) => r.roomId === c.rooms.sxsy)?.connected).toBe(true);

    // One page of the room closes: the room is still connected, no drop.
    await pageOne.close();
    const after = await lead.next('event', (m) => m.event.kind === 'room.leave' && m.event.roomId === c.rooms.gx2);
    expect(after.state.rooms.find((r) => r.roomId === c.rooms.gx2)).toMatchObject({ connected: true, drops: 0 });
    // The other receiving room drops.
    await other.close();
    const dropped = await lead.next('event', (m) => m.event.kind === 'room.leave' && m.event.roomId === c.rooms.sxsy);
    expect(dropped.state.rooms.find((r) => r.roomId === c.rooms.sxsy)).toMatchObject({ connected: false, drops: 1 });

    const res = await (await t.login('gxsy.principal')).get(`/api/live/sessions/${c.sessionId}/record`);
    expect(res.statusCode).toBe(200);
    const record = res.json() as LiveRecordView;
    const sx = record.rooms.find((r) => r.roomId === c.rooms.sxsy)!;
    expect(sx.connections).toHaveLength(1);
    expect(sx.connections[0]!.leftAt).not.toBeNull();
    expect(record.rooms.find((r) => r.roomId === c.rooms.gx2)).toMatchObject({ joinedAt, drops: 0 });
    expect(record.events.map((e) => e.kind)).toContain('room.join');
    expect(record.events.every((e) => e.offsetMs >= 0)).toBe(true);

    const csv = await (await t.login('gxsy.principal')).get(`/api/live/sessions/${c.sessionId}/record?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('进入');
  });

  it('gives the replay the events in order with offsets from the session start (recordOf)', async () => {
    const c = await addLiveClass(t, { receiving: ['gx2'] });
    const lead = await join('gxsy.teacher', undefined, c.sessionId);
    await lead.next('state');
    const room = await join('gx2.teacher', c.rooms.gx2, c.sessionId);
    await room.next('state');
    room.send({ type: 'hand.raise' });
    await lead.next('event', (m) => m.event.kind === 'hand.raise');
    lead.send({ type: 'poll.open', question: '听懂了吗？', options: ['懂了', '没懂'] });
    await room.next('event', (m) => m.event.kind === 'poll.open');
    const rec = await t.services.live.interaction.recordOf(c.sessionId);
    const kinds = rec!.events.map((e) => e.kind);
    expect(kinds.indexOf('hand.raise')).toBeLessThan(kinds.indexOf('poll.open'));
    expect(rec!.events.map((e) => e.id)).toEqual([...rec!.events.map((e) => e.id)].sort((x, y) => x - y));
    expect(rec!.events.find((e) => e.kind === 'poll.open')!.offsetMs).toBeGreaterThanOrEqual(0);
    expect(await t.services.live.interaction.recordOf(999_999)).toBeNull();
  });

  it('keeps a session that is not live read-only: state yes, interaction no', async () => {
    const c = await addLiveClass(t, { receiving: ['gx2'], status: 'scheduled' });
    const room = await join('gx2.teacher', c.rooms.gx2, c.sessionId);
    expect((await room.next('state')).state.status).toBe('scheduled');
    room.send({ type: 'hand.raise' });
    expect(await room.next('error')).toMatchObject({ code: 'LIVE_SESSION_NOT_LIVE' });
    const hands = await t.db.db.selectFrom('live_events').select('id').where('session_id', '=', c.sessionId).where('kind', '=', 'hand.raise').execute();
    expect(hands).toEqual([]);
  });

  it('closes attendance a dead node left open once the session has ended', async () => {
    const c = await addLiveClass(t, { receiving: ['gx2'] });
    const iso = t.clock.now().toISOString();
    await t.db.db.insertInto('live_attendance').values({ session_id: c.sessionId, room_id: c.rooms.gx2, user_id: (await t.db.db.selectFrom('users').select('id').where('username', '=', 'gx2.teacher').executeTakeFirstOrThrow()).id, joined_at: iso, left_at: null }).execute();
    await t.db.db.updateTable('live_sessions').set({ status: 'ended', ended_at: iso }).where('id', '=', c.sessionId).execute();
    await t.services.live.runDue(t.clock.now());
    const open = await t.db.db.selectFrom('live_attendance').select('id').where('session_id', '=', c.sessionId).where('left_at', 'is', null).execute();
    expect(open).toEqual([]);
  });

  describe('attackers', () => {
    it('refuses an upgrade without a session cookie (401) and a parent (403)', async () => {
      expect(await upgradeStatus(channelUrl(base, cls.sessionId), null)).toBe(401);
      expect(await upgradeStatus(channelUrl(base, cls.sessionId), tokens['gxsy.parent']!)).toBe(403);
    });

    it('answers 404 to a 莘县 county admin on a 冠县 session, and to a guessed session id', async () => {
      const c = await addLiveClass(t, { receiving: ['gx2'] });
      expect(await upgradeStatus(channelUrl(base, c.sessionId), tokens['shenxian.admin']!)).toBe(404);
      expect(await upgradeStatus(channelUrl(base, 987_654), tokens['gxsy.teacher']!)).toBe(404);
      // The same 404 on the record.
      const res = await t.app.inject({ method: 'GET', url: `/api/live/sessions/${c.sessionId}/record`, headers: { cookie: `sc_session=${tokens['shenxian.admin']}` } });
      expect(res.statusCode).toBe(404);
      // A county admin of 冠县 may watch (no room), but not claim a receiving room.
      const watcher = await join('guanxian.admin', undefined, c.sessionId);
      expect((await watcher.next('state')).you).toEqual({ role: 'watcher', roomId: null });
      expect(await upgradeStatus(channelUrl(base, c.sessionId, c.rooms.gx2), tokens['guanxian.admin']!)).toBe(404);
    });

    it('answers 404 to a receiving-school teacher claiming another school\'s room', async () => {
      expect(await upgradeStatus(channelUrl(base, cls.sessionId, cls.rooms.sxsy), tokens['gx2.teacher']!)).toBe(404);
      expect(await upgradeStatus(channelUrl(base, cls.sessionId, cls.leadRoomId), tokens['gx2.teacher']!)).toBe(404);
    });

    it('refuses an upgrade opened from another site\'s page (Origin)', async () => {
      expect(await upgradeStatus(channelUrl(base, cls.sessionId), tokens['gxsy.teacher']!, { origin: 'https://evil.example' })).toBe(403);
      expect(await upgradeStatus(channelUrl(base, cls.sessionId), tokens['gxsy.teacher']!, { origin: base })).toBe(101);
    });

    it('answers a plain GET of the channel with 426, not a socket', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/live/sessions/${cls.sessionId}/channel`, headers: { cookie: `sc_session=${tokens['gxsy.teacher']}` } });
      expect(res.statusCode).toBe(426);
    });

    it('refuses a lead\'s message from a receiving room, and a watcher\'s hand', async () => {
      const c = await addLiveClass(t, { receiving: ['gx2'] });
      const room = await join('gx2.teacher', c.rooms.gx2, c.sessionId);
      await room.next('state');
      room.send({ type: 'hand.call', roomId: c.rooms.gx2 });
      expect(await room.next('error')).toMatchObject({ code: 'LIVE_MESSAGE_NOT_ALLOWED', field: 'type' });
      const watcher = await join('guanxian.admin', undefined, c.sessionId);
      await watcher.next('state');
      watcher.send({ type: 'hand.raise' });
      expect(await watcher.next('error')).toMatchObject({ code: 'LIVE_MESSAGE_NOT_ALLOWED' });
      const calls = await t.db.db.selectFrom('live_events').select('kind').where('session_id', '=', c.sessionId).where('kind', 'in', ['hand.call', 'hand.raise']).execute();
      expect(calls).toEqual([]);
    });

    it('answers a malformed message with an error naming the field, and keeps the socket open', async () => {
      const room = await join('gx2.teacher', cls.rooms.gx2);
      await room.next('state');
      const errors = () => room.messages.filter((m) => m.type === 'error').length;
      const expectError = async (msg: unknown, field: string | null, code = 'LIVE_MESSAGE_INVALID') => {
        const from = room.messages.length;
        if (typeof msg === 'string') room.sendRaw(msg); else room.send(msg);
        expect(await room.next('error', () => true, from)).toMatchObject({ code, field });
      };
      const before = errors();
      await expectError({ type: 'question', text: 'x'.repeat(501) }, 'text');
      await expectError({ type: 'question', text: '   ' }, 'text');
      await expectError({ type: 'question' }, 'text');
      await expectError({ type: 'question', text: '好', extra: 1 }, 'extra');
      await expectError({ type: 'poll.answer', pollId: 1, option: '1' }, 'option');
      await expectError({ type: 'launch.missiles' }, 'type');
      await expectError('{not json', null, 'LIVE_MESSAGE_NOT_JSON');
      await expectError([1, 2], null);
      expect(errors()).toBe(before + 8);
      // Still open and working.
      room.send({ type: 'question', text: '还在吗？' });
      await room.next('event', (m) => m.event.kind === 'question' && m.event.payload.text === '还在吗？');
    });
  });
});
