import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type {
  LiveChannelState, LiveClientMessage, LiveEventKind, LiveEventView, LiveRecordView, LiveServerMessage,
} from '../../../../shared/live-interaction.js';
import { type ChannelSession, type ChannelViewer, channelSession, channelViewer, loadSessionUnscoped, type SessionViewer } from './interaction-access.js';
import { createMemoryHub, type InteractionHub } from './interaction-hub.js';
import { createMessageParser, type MessageProblem } from './interaction-messages.js';
import * as q from './interaction.queries.js';
import { channelState, dropsOf, spansByRoom } from './interaction-state.js';

/** One open socket as the service sees it: where to send, and how to end it. */
export interface ChannelPeer {
  send(message: LiveServerMessage): void;
  close(): void;
}

export interface ChannelConnection {
  /** Handles one text frame from the browser. Never throws: problems go back as `error` messages. */
  receive(raw: string): Promise<void>;
  /** The socket closed: the room's attendance row ends, the others hear of it. Idempotent. */
  close(): Promise<void>;
}

const RECEIVING_SENDS = new Set(['hand.raise', 'hand.lower', 'question', 'poll.answer']);
const LEAD_SENDS = new Set(['hand.call', 'hand.dismiss', 'poll.open', 'poll.close']);

/**
 * 互动教学 interaction: the live session's channel (hands, calls on stage, questions, polls,
 * attendance per room) and its record. Every event is written to live_events before anyone hears
 * of it; the state is rebuilt from the database, the hub only fans messages out.
 */
export function createInteractionService(deps: {
  db: Db; clock: Clock; hub?: InteractionHub; onViewers?: (count: number) => void;
  /** The sessions service's viewerOf: who may see a session, as what, for which rooms (404 otherwise). */
  viewerOf: (actor: Actor, sessionId: number) => Promise<SessionViewer>;
}) {
  const { db, clock } = deps;
  const hub = deps.hub ?? createMemoryHub();
  const parse = createMessageParser();
  const open = new Set<ChannelConnection>();
  // One session's messages are applied one after another in this process (a poll answer after its poll).
  const queues = new Map<number, Promise<unknown>>();

  function serial<T>(sessionId: number, work: () => Promise<T>): Promise<T> {
    const next = (queues.get(sessionId) ?? Promise.resolve()).catch(() => undefined).then(work);
    queues.set(sessionId, next);
    void next.finally(() => { if (queues.get(sessionId) === next) queues.delete(sessionId); }).catch(() => undefined);
    return next;
  }

  async function stateOf(session: ChannelSession): Promise<LiveChannelState> {
    const roomIds = [session.leadRoomId, ...session.receivingRooms.map((r) => r.roomId)];
    const [events, attendance, names, status] = await Promise.all([
      q.eventsOf(db, session.id), q.attendanceOf(db, session.id), q.roomNames(db, roomIds), currentStatus(session.id),
    ]);
    const byId = new Map(names.map((n) => [n.id, n]));
    return channelState({
      sessionId: session.id, status, leadRoomId: session.leadRoomId,
      rooms: roomIds.map((id) => ({ roomId: id, roomName: byId.get(id)?.name ?? '', schoolName: byId.get(id)?.school_name ?? '' })),
      events: events.map(eventView), attendance,
    });
  }

  async function currentStatus(sessionId: number) {
    const row = await db.db.selectFrom('live_sessions').select('status').where('id', '=', sessionId).executeTakeFirst();
    return row?.status ?? 'ended';
  }

  async function record(session: ChannelSession, kind: LiveEventKind, roomId: number | null, userId: number | null, payload: Record<string, unknown>) {
    const at = clock.now().toISOString();
    const id = await q.insertEvent(db, { sessionId: session.id, kind, roomId, userId, payload, at });
    const event: LiveEventView = { id, kind, roomId, userId, payload, at };
    hub.publish(session.id, { type: 'event', event, state: await stateOf(session) });
    if (kind === 'hand.call' || kind === 'hand.dismiss') hub.publish(session.id, { type: 'stage', roomId: kind === 'hand.call' ? Number(payload.roomId) : null });
  }

  /** Applies one valid message; returns the problem when the rules refuse it. */
  async function apply(viewer: ChannelViewer, actor: Actor, m: LiveClientMessage): Promise<MessageProblem | null> {
    const allowed = viewer.role === 'receiving' ? RECEIVING_SENDS : viewer.role === 'lead' ? LEAD_SENDS : new Set<string>();
    if (!allowed.has(m.type)) {
      return { code: 'LIVE_MESSAGE_NOT_ALLOWED', field: 'type', message: viewer.role === 'watcher' ? '旁听者只能观看，不能互动' : '该操作不属于您在本课中的角色' };
    }
    const session = viewer.session;
    const state = await stateOf(session);
    if (state.status !== 'live') return { code: 'LIVE_SESSION_NOT_LIVE', field: null, message: '直播课不在进行中：互动只读' };
    const me = state.rooms.find((r) => r.roomId === viewer.roomId);
    const room = viewer.roomId;
    switch (m.type) {
      case 'hand.raise':
        if (!me?.hand && state.stage !== room) await record(session, 'hand.raise', room, actor.userId, {});
        return null;
      case 'hand.lower':
        if (me?.hand) await record(session, 'hand.lower', room, actor.userId, {});
        return null;
      case 'question':
        await record(session, 'question', room, actor.userId, { text: m.text.trim() });
        return null;
      case 'poll.answer': {
        const poll = state.poll;
        if (!poll || !poll.open || poll.id !== m.pollId) return { code: 'LIVE_POLL_NOT_OPEN', field: 'pollId', message: '该投票未在进行中' };
        if (m.option >= poll.options.length) return { code: 'LIVE_POLL_OPTION_INVALID', field: 'option', message: `选项应在 0–${poll.options.length - 1} 之间` };
        await record(session, 'poll.answer', room, actor.userId, { pollId: m.pollId, option: m.option });
        return null;
      }
      case 'hand.call':
        if (!session.receivingRooms.some((r) => r.roomId === m.roomId)) return { code: 'LIVE_ROOM_NOT_IN_CLASS', field: 'roomId', message: '该教室不是本课的接收教室' };
        await record(session, 'hand.call', room, actor.userId, { roomId: m.roomId });
        return null;
      case 'hand.dismiss':
        if (state.stage !== null) await record(session, 'hand.dismiss', room, actor.userId, { roomId: state.stage });
        return null;
      case 'poll.open':
        if (state.poll?.open) return { code: 'LIVE_POLL_ALREADY_OPEN', field: null, message: '已有进行中的投票：请先结束它' };
        await record(session, 'poll.open', room, actor.userId, { question: m.question.trim(), options: m.options.map((o) => o.trim()) });
        return null;
      case 'poll.close':
        if (!state.poll?.open || state.poll.id !== m.pollId) return { code: 'LIVE_POLL_NOT_OPEN', field: 'pollId', message: '该投票未在进行中' };
        await record(session, 'poll.close', room, actor.userId, { pollId: m.pollId });
        return null;
    }
  }

  /**
   * Opens a page's connection to a session it may see (the route resolved `viewer` before the
   * upgrade): a room's page joins its attendance; the page gets the state, then every event.
   */
  async function connect(viewer: ChannelViewer, actor: Actor, peer: ChannelPeer): Promise<ChannelConnection> {
    const session = viewer.session;
    let attendanceId: number | null = null;
    let closed = false;
    let closing: Promise<void> | null = null;
    if (viewer.roomId !== null) {
      attendanceId = await serial(session.id, async () => {
        const id = await q.insertAttendance(db, { sessionId: session.id, roomId: viewer.roomId!, userId: actor.userId, at: clock.now().toISOString() });
        await record(session, 'room.join', viewer.roomId, actor.userId, {});
        return id;
      });
    }
    peer.send({ type: 'state', you: { role: viewer.role, roomId: viewer.roomId }, state: await stateOf(session) });
    const unsubscribe = hub.subscribe(session.id, (m) => peer.send(m));
    const connection: ChannelConnection = {
      receive: (raw) => serial(session.id, async () => {
        if (closed) return;
        const parsed = parse(raw);
        const problem = parsed.ok ? await apply(viewer, actor, parsed.message) : parsed.problem;
        if (problem) peer.send({ type: 'error', ...problem });
      }).catch(() => peer.send({ type: 'error', code: 'LIVE_CHANNEL_FAILED', field: null, message: '处理消息时出错，请重试' })),
      // Idempotent, and the same promise for every caller: shutdown waits for a close the socket began.
      close: () => closing ??= (async () => {
        closed = true;
        unsubscribe();
        if (attendanceId !== null) {
          const id = attendanceId;
          await serial(session.id, async () => {
            await q.closeAttendance(db, id, clock.now().toISOString());
            await record(session, 'room.leave', viewer.roomId, actor.userId, {});
          }).catch(() => undefined);
        }
        open.delete(connection);
        deps.onViewers?.(open.size);
      })(),
    };
    open.add(connection);
    // Every live page (lead, receiving room, watcher) holds one channel: the node's viewers gauge.
    deps.onViewers?.(open.size);
    return connection;
  }

  async function recordView(session: ChannelSession): Promise<LiveRecordView> {
    const startedAt = session.startedAt ?? session.startsAt;
    const start = new Date(startedAt).getTime();
    const roomIds = [session.leadRoomId, ...session.receivingRooms.map((r) => r.roomId)];
    const [events, attendance, names] = await Promise.all([q.eventsOf(db, session.id), q.attendanceOf(db, session.id), q.roomNames(db, roomIds)]);
    const spans = spansByRoom(attendance);
    const byId = new Map(names.map((n) => [n.id, n]));
    return {
      sessionId: session.id,
      startedAt,
      events: events.map((e) => ({ ...eventView(e), offsetMs: new Date(e.at).getTime() - start })),
      rooms: roomIds.map((roomId) => {
        const s = spans.get(roomId) ?? [];
        return {
          roomId, roomName: byId.get(roomId)?.name ?? '', schoolName: byId.get(roomId)?.school_name ?? '', lead: roomId === session.leadRoomId,
          joinedAt: s[0]?.joinedAt ?? null, drops: dropsOf(s), connections: s,
        };
      }),
    };
  }

  return {
    /** Who the actor is in the session (404 when out of scope, or a room not theirs): the sessions service decides; see interaction-access.ts. */
    viewerFor: async (actor: Actor, sessionId: number, roomId: number | null): Promise<ChannelViewer> => channelViewer(await deps.viewerOf(actor, sessionId), roomId),
    connect,
    /** The session's interaction record for a person who may see the session. */
    async record(actor: Actor, sessionId: number): Promise<LiveRecordView> {
      return recordView(channelSession((await deps.viewerOf(actor, sessionId)).session));
    },
    /** The record as CSV (one line per event, offsets in seconds), for the same people. */
    async recordCsv(actor: Actor, sessionId: number): Promise<string> {
      const view = await this.record(actor, sessionId);
      return recordCsv(view);
    },
    /**
     * For the replay (issue 12): the session's events in order with offsets from its start, to put
     * hands and polls on the lesson's timeline. No access check: the caller already holds the session.
     */
    async recordOf(sessionId: number): Promise<LiveRecordView | null> {
      const session = await loadSessionUnscoped(db, sessionId);
      return session ? recordView(session) : null;
    },
    /** Due work: closes attendance left open in ended sessions (a node stopped without closing its sockets). */
    closeEndedAttendance: async (now: Date) => ({ closed: await q.closeAttendanceOfEndedSessions(db, now.toISOString()) }),
    /** Ends every open connection of this process (shutdown): attendance rows close as drops. */
    async close() {
      const all = [...open];
      await Promise.all(all.map((c) => c.close()));
      await hub.close();
    },
  };
}

export type InteractionService = ReturnType<typeof createInteractionService>;

function eventView(e: { id: number; kind: string; room_id: number | null; user_id: number | null; payload: string; at: string }): LiveEventView {
  let payload: Record<string, unknown> = {};
  try { payload = JSON.parse(e.payload) as Record<string, unknown>; } catch { /* kept as {} */ }
  return { id: e.id, kind: e.kind as LiveEventKind, roomId: e.room_id, userId: e.user_id, payload, at: e.at };
}

const KIND_NAMES: Record<LiveEventKind, string> = {
  'hand.raise': '举手', 'hand.lower': '放下', 'hand.call': '点名发言', 'hand.dismiss': '结束发言', question: '提问',
  'poll.open': '发起投票', 'poll.answer': '投票作答', 'poll.close': '结束投票', 'room.join': '进入', 'room.leave': '离开',
};

function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  // A cell starting like a formula would run in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function recordCsv(view: LiveRecordView): string {
  const rooms = new Map(view.rooms.map((r) => [r.roomId, r]));
  const lines = [['时间', '开课后（秒）', '学校', '教室', '事件', '内容'].join(',')];
  for (const e of view.events) {
    const room = e.roomId !== null ? rooms.get(e.roomId) : undefined;
    const target = e.payload.roomId !== undefined ? rooms.get(Number(e.payload.roomId)) : undefined;
    const detail = e.kind === 'question' ? e.payload.text
      : e.kind === 'poll.open' ? `${String(e.payload.question)}：${(e.payload.options as string[]).join(' / ')}`
      : e.kind === 'poll.answer' ? `选项 ${Number(e.payload.option) + 1}`
      : target ? `${target.schoolName} ${target.roomName}` : '';
    lines.push([e.at, Math.round(e.offsetMs / 1000), room?.schoolName, room?.roomName, KIND_NAMES[e.kind] ?? e.kind, detail].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
