/**
 * 互动教学 (issue 12): what the interaction channel of a live session carries
 * (GET /api/live/sessions/:id/channel?roomId=, a WebSocket), shared by the server and the panel.
 */
import type { LiveRole } from './live.js';

/** What a page sends. Receiving rooms: hands, questions, poll answers; the lead: calls, polls. */
export type LiveClientMessage =
  | { type: 'hand.raise' }
  | { type: 'hand.lower' }
  | { type: 'question'; text: string }
  | { type: 'poll.answer'; pollId: number; option: number }
  | { type: 'hand.call'; roomId: number }
  | { type: 'hand.dismiss' }
  | { type: 'poll.open'; question: string; options: string[] }
  | { type: 'poll.close'; pollId: number };

/** Event kinds kept in live_events (the session's record; the replay shows hands and polls as markers). */
export type LiveEventKind =
  | 'hand.raise' | 'hand.lower' | 'hand.call' | 'hand.dismiss' | 'question'
  | 'poll.open' | 'poll.answer' | 'poll.close' | 'room.join' | 'room.leave';

export interface LiveEventView {
  id: number;
  kind: LiveEventKind;
  roomId: number | null;
  userId: number | null;
  payload: Record<string, unknown>;
  at: string;
}

/** One connection span of a room (joined → dropped; leftAt null while connected). */
export interface LiveConnectionSpan { joinedAt: string; leftAt: string | null }

export interface LiveRoomState {
  roomId: number;
  roomName: string;
  schoolName: string;
  lead: boolean;
  /** Several pages of one room count once: connected while any is. */
  connected: boolean;
  /** When the room first joined this session (null: never). */
  joinedAt: string | null;
  /** Connections that ended (drops), oldest first. */
  drops: number;
  hand: boolean;
  handAt: string | null;
}

export interface LivePollState {
  id: number;
  question: string;
  options: string[];
  open: boolean;
  /** Each receiving room's answer (option index); a room may change it while the poll is open. */
  answers: Array<{ roomId: number; option: number }>;
  /** Rooms per option. */
  counts: number[];
}

export interface LiveChannelState {
  sessionId: number;
  /** Only `live` sessions take interaction messages; otherwise the state is read-only. */
  status: string;
  leadRoomId: number;
  rooms: LiveRoomState[];
  /** The receiving room called on (its audio comes up on the lead page), or null. */
  stage: number | null;
  /** The latest poll (open or closed), null before the first one. */
  poll: LivePollState | null;
  /** The latest questions, oldest first. */
  questions: Array<{ id: number; roomId: number | null; text: string; at: string }>;
}

/** What the server sends: the state on connect and with every event; `stage` when the lead calls or dismisses; errors. */
export type LiveServerMessage =
  | { type: 'state'; you: { role: LiveRole; roomId: number | null }; state: LiveChannelState }
  | { type: 'event'; event: LiveEventView; state: LiveChannelState }
  | { type: 'stage'; roomId: number | null }
  | { type: 'error'; code: string; field: string | null; message: string };

/** The interaction record of a session (GET /api/live/sessions/:id/record; the replay's markers). */
export interface LiveRecordView {
  sessionId: number;
  /** What offsets count from: when the session went live, else its scheduled start. */
  startedAt: string;
  events: Array<LiveEventView & { offsetMs: number }>;
  rooms: Array<{
    roomId: number; roomName: string; schoolName: string; lead: boolean;
    joinedAt: string | null; drops: number; connections: LiveConnectionSpan[];
  }>;
}
