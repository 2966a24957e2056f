import type {
  LiveChannelState, LiveConnectionSpan, LiveEventKind, LiveEventView, LivePollState, LiveRoomState,
} from '../../../../shared/live-interaction.js';

/**
 * The channel's state as a pure function of the session's record (events in order, attendance
 * rows): any node can rebuild it from the database, so nothing but fan-out lives in memory.
 */
export interface StateInput {
  sessionId: number;
  status: string;
  leadRoomId: number;
  rooms: Array<{ roomId: number; roomName: string; schoolName: string }>;
  events: LiveEventView[];
  attendance: Array<{ room_id: number; joined_at: string; left_at: string | null }>;
}

const RECENT_QUESTIONS = 30;

export function channelState(input: StateInput): LiveChannelState {
  const hands = new Map<number, string>();
  let stage: number | null = null;
  let poll: LivePollState | null = null;
  const answers = new Map<number, number>();
  const questions: LiveChannelState['questions'] = [];
  for (const e of input.events) {
    const p = e.payload;
    switch (e.kind) {
      case 'hand.raise': if (e.roomId !== null) hands.set(e.roomId, e.at); break;
      case 'hand.lower': if (e.roomId !== null) hands.delete(e.roomId); break;
      // Called on: the room is on stage and its hand has been answered.
      case 'hand.call': stage = Number(p.roomId); hands.delete(stage); break;
      case 'hand.dismiss': stage = null; break;
      case 'question': questions.push({ id: e.id, roomId: e.roomId, text: String(p.text), at: e.at }); break;
      case 'poll.open':
        poll = { id: e.id, question: String(p.question), options: (p.options as string[]) ?? [], open: true, answers: [], counts: [] };
        answers.clear();
        break;
      case 'poll.answer': if (poll && poll.id === Number(p.pollId) && e.roomId !== null) answers.set(e.roomId, Number(p.option)); break;
      case 'poll.close': if (poll && poll.id === Number(p.pollId)) poll.open = false; break;
      default: break;
    }
  }
  if (poll) {
    poll.answers = [...answers].map(([roomId, option]) => ({ roomId, option })).sort((a, b) => a.roomId - b.roomId);
    poll.counts = poll.options.map((_, i) => poll!.answers.filter((a) => a.option === i).length);
  }
  const spans = spansByRoom(input.attendance);
  const rooms: LiveRoomState[] = input.rooms.map((r) => {
    const s = spans.get(r.roomId) ?? [];
    return {
      ...r,
      lead: r.roomId === input.leadRoomId,
      connected: s.some((x) => x.leftAt === null),
      joinedAt: s[0]?.joinedAt ?? null,
      drops: dropsOf(s),
      hand: hands.has(r.roomId),
      handAt: hands.get(r.roomId) ?? null,
    };
  });
  return { sessionId: input.sessionId, status: input.status, leadRoomId: input.leadRoomId, rooms, stage, poll, questions: questions.slice(-RECENT_QUESTIONS) };
}

/**
 * A room's presence as spans: overlapping connections of one room (two pages, a reload before the
 * old socket closed) merge into one, so a room counts once and a reload is no drop.
 */
export function spansByRoom(rows: StateInput['attendance']): Map<number, LiveConnectionSpan[]> {
  const out = new Map<number, LiveConnectionSpan[]>();
  const sorted = [...rows].sort((a, b) => a.joined_at.localeCompare(b.joined_at));
  for (const row of sorted) {
    const list = out.get(row.room_id) ?? [];
    const last = list[list.length - 1];
    if (last && (last.leftAt === null || last.leftAt >= row.joined_at)) {
      if (last.leftAt !== null) last.leftAt = row.left_at === null || row.left_at > last.leftAt ? row.left_at : last.leftAt;
    } else {
      list.push({ joinedAt: row.joined_at, leftAt: row.left_at });
    }
    out.set(row.room_id, list);
  }
  return out;
}

export function dropsOf(spans: LiveConnectionSpan[]): number {
  return spans.filter((s) => s.leftAt !== null).length;
}

export function isLiveEventKind(kind: string): kind is LiveEventKind {
  return ['hand.raise', 'hand.lower', 'hand.call', 'hand.dismiss', 'question', 'poll.open', 'poll.answer', 'poll.close', 'room.join', 'room.leave'].includes(kind);
}
