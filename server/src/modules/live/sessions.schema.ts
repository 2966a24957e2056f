import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

/** 互动教学: the shapes of a live class's sessions (one a school day) and of a page's media answer. */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const LIVE_SESSION_STATUSES = ['scheduled', 'live', 'ended'] as const;
export const LIVE_ROLES = ['lead', 'receiving', 'watcher'] as const;

export const SessionParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const SessionListQuery = Type.Object({
  day: Type.Optional(dayText('the day (Asia/Shanghai); default today')),
  /** live: only sessions on air now (the patrol wall). */
  status: Type.Optional(Type.Enum(LIVE_SESSION_STATUSES)),
}, { additionalProperties: false });

export const MediaQuery = Type.Object({
  /** The receiving room the page speaks for (a receiving school's classroom PC); absent: the server picks the caller's room. */
  roomId: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

const RoomRef = Type.Object({ roomId: Type.Integer(), roomName: Type.String(), schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String() });

export const LiveSessionSchema = Type.Object({
  id: Type.Integer(),
  liveClassId: Type.Integer(),
  title: Type.String(),
  subject: Type.String(),
  grade: Type.Integer(),
  day: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Type.Enum(LIVE_SESSION_STATUSES),
  mode: Nullable(Type.Enum(['webrtc', 'hls'] as const)),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  lead: RoomRef,
  leadTeacherUserId: Type.Integer(),
  leadTeacherName: Type.String(),
  receiving: Type.Array(RoomRef),
  /** The caller's part, decided by the server: lead (the lead teacher or the lead school's staff), receiving (staff of a receiving school), watcher. */
  role: Type.Enum(LIVE_ROLES),
  /** The room the caller speaks for: the lead room for lead, their school's receiving room for receiving, null for watchers. */
  roomId: Nullable(Type.Integer()),
  /** Whether the caller may start and end it (the lead teacher or the lead school's principal). */
  canControl: Type.Boolean(),
});

export const LiveSessionList = Type.Object({ day: Type.String(), items: Type.Array(LiveSessionSchema) });

const JanusView = Type.Object({
  server: Type.String(), videoRoom: Type.Integer(), videoRoomPin: Type.String(), streamId: Type.Integer(), streamPin: Type.String(), display: Type.String(),
}, { additionalProperties: true });

/** shared/live.ts LiveMediaView as the route answers it (open: what the media engine adds passes through). */
export const LiveMediaViewSchema = Type.Object({
  sessionId: Type.Integer(),
  mode: Type.Enum(['webrtc', 'hls'] as const),
  reason: Nullable(Type.Enum(['janus_not_installed', 'janus_unreachable', 'forced_hls'] as const)),
  role: Type.Enum(LIVE_ROLES),
  roomId: Nullable(Type.Integer()),
  janus: Nullable(JanusView),
  hls: Nullable(Type.Object({ playlistUrl: Type.String() }, { additionalProperties: true })),
}, { additionalProperties: true });
