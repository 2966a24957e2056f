import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { ROOM_STATUSES } from './room-lifecycle.js';

export const TRACKS = ['composite', 'teacher', 'students', 'blackboard', 'screen'] as const;
export const CONNECTIVITIES = ['online', 'offline', 'no_recorder'] as const;
export const ALERT_KINDS = ['offline_before_lesson', 'disk_low'] as const;
export const RECORDER_STATES = ['recording', 'idle'] as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateText = dayText();
const HhMm = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Asia/Shanghai' });

export const StatusSchema = Type.Enum(ROOM_STATUSES);
export const TracksSchema = Type.Array(Type.Enum(TRACKS), { minItems: 1, maxItems: 5, uniqueItems: true });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const DeviceParams = Type.Object({ id: Type.Integer({ minimum: 1 }), deviceId: Type.Integer({ minimum: 1 }) });

export const DeviceSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  serial: Type.String(),
  tokenHint: Type.String({ description: 'last four characters of the token' }),
  createdAt: Type.String(),
  rotatedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  lastHeartbeatAt: Nullable(Type.String()),
  online: Type.Boolean(),
  state: Nullable(Type.Enum(RECORDER_STATES)),
  diskFreeBytes: Nullable(Type.Integer()),
  firmware: Nullable(Type.String()),
  lastIp: Nullable(Type.String()),
});

export const RoomSchema = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  schoolCode: Type.String(),
  schoolName: Type.String(),
  countyId: Type.Integer(),
  countyName: Type.String(),
  name: Type.String(),
  location: Type.String(),
  vendor: Type.String(),
  model: Type.String(),
  tracks: Type.Array(Type.Enum(TRACKS)),
  status: StatusSchema,
  plannedOn: Nullable(Type.String()),
  installedOn: Nullable(Type.String()),
  activatedOn: Nullable(Type.String()),
  inUseOn: Nullable(Type.String()),
  connectivity: Type.Enum(CONNECTIVITIES),
  lastHeartbeatAt: Nullable(Type.String()),
  diskFreeBytes: Nullable(Type.Integer()),
  recorderState: Nullable(Type.Enum(RECORDER_STATES)),
  deviceCount: Type.Integer({ description: 'recorders with a live (not revoked) token' }),
  openAlerts: Type.Integer(),
  updatedAt: Type.String(),
});

export const RoomDetailSchema = Type.Intersect([RoomSchema, Type.Object({ devices: Type.Array(DeviceSchema) })]);

export const RoomFilterQuery = Type.Object({
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(StatusSchema),
  connectivity: Type.Optional(Type.Enum(CONNECTIVITIES)),
});

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const RoomPage = Type.Object({ items: Type.Array(RoomSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

const Counts = {
  total: Type.Integer(),
  byStatus: Type.Object({ planned: Type.Integer(), installed: Type.Integer(), activated: Type.Integer(), in_use: Type.Integer() }),
  online: Type.Integer(),
  offline: Type.Integer(),
  noRecorder: Type.Integer(),
  openAlerts: Type.Integer(),
};
export const RoomSummarySchema = Type.Object({
  ...Counts,
  counties: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), ...Counts })),
});

const Text = (max: number) => Type.String({ maxLength: max });
export const CreateRoomBody = Type.Object({
  schoolId: Type.Integer({ minimum: 1 }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  location: Type.Optional(Text(80)),
  vendor: Type.Optional(Text(40)),
  model: Type.Optional(Text(40)),
  tracks: Type.Optional(TracksSchema),
  status: Type.Optional(StatusSchema),
  statusDate: Type.Optional(DateText),
});

export const RoomPatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  location: Type.Optional(Text(80)),
  vendor: Type.Optional(Text(40)),
  model: Type.Optional(Text(40)),
  tracks: Type.Optional(TracksSchema),
  status: Type.Optional(StatusSchema),
  statusDate: Type.Optional(DateText),
  reason: Type.Optional(Type.String({ maxLength: 200, description: 'required when the status steps back' })),
}, { minProperties: 1 });

export const CreateDeviceBody = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) });
export const DeviceTokenSchema = Type.Object({
  device: DeviceSchema,
  token: Type.String({ description: 'the device token; shown this once, store it in the recorder' }),
});

export const LessonSchema = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' }),
  startsAt: HhMm,
  endsAt: HhMm,
  subject: Text(20),
  grade: Text(20),
  classId: Nullable(Type.Integer({ minimum: 1 })),
  teacher: Text(30),
});
/** A lesson another module holds in the room (a live class: 互动教学), shown beside the weekly timetable (held-lessons.ts). */
export const HeldLessonSchema = Type.Object({
  roomId: Type.Integer(),
  role: Type.Enum(['lead', 'receiving'] as const),
  weekday: Nullable(Type.Integer()),
  day: Nullable(Type.String()),
  startsOn: Type.String(),
  untilOn: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  title: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  teacher: Type.String(),
  fromSchool: Type.String(),
  classId: Type.Integer(),
  sessionId: Nullable(Type.Integer()),
});
export const TimetableSchema = Type.Object({ roomId: Type.Integer(), lessons: Type.Array(LessonSchema), held: Type.Optional(Type.Array(HeldLessonSchema)) });
export const TimetableBody = Type.Object({ lessons: Type.Array(LessonSchema, { maxItems: 120 }) });

export const AlertSchema = Type.Object({
  id: Type.Integer(),
  roomId: Type.Integer(),
  roomName: Type.String(),
  schoolId: Type.Integer(),
  schoolCode: Type.String(),
  schoolName: Type.String(),
  countyId: Type.Integer(),
  kind: Type.Enum(ALERT_KINDS),
  lessonStart: Nullable(Type.String()),
  message: Type.String(),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});
export const AlertFilterQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  open: Type.Optional(Type.Boolean({ description: 'true: unresolved only; false: resolved only' })),
});
export const AlertPage = Type.Object({ items: Type.Array(AlertSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const RegisterBody = Type.Object({
  serial: Type.String({ minLength: 1, maxLength: 64 }),
  firmware: Type.String({ maxLength: 64 }),
  vendor: Type.Optional(Text(40)),
  model: Type.Optional(Text(40)),
  roomId: Type.Optional(Type.Integer({ minimum: 1, description: 'when sent, must be the room the token belongs to' })),
});
export const RegisterReply = Type.Object({
  deviceId: Type.Integer(),
  roomId: Type.Integer(),
  roomName: Type.String(),
  schoolName: Type.String(),
  tracks: Type.Array(Type.Enum(TRACKS)),
  heartbeatIntervalSeconds: Type.Integer(),
  uploadUrl: Type.String(),
  serverTime: Type.String(),
});
export const HeartbeatBody = Type.Object({
  state: Type.Enum(RECORDER_STATES),
  diskFreeBytes: Type.Integer({ minimum: 0 }),
  firmware: Type.Optional(Type.String({ maxLength: 64 })),
  roomId: Type.Optional(Type.Integer({ minimum: 1, description: 'when sent, must be the room the token belongs to' })),
});
export const HeartbeatReply = Type.Object({
  serverTime: Type.String(),
  uploadUrl: Type.String(),
  heartbeatIntervalSeconds: Type.Integer(),
  /** Today's live lessons taught from this room (互动教学): the recorder sends its stream live then. */
  liveSchedule: Type.Optional(Type.Array(Type.Object({
    sessionId: Nullable(Type.Integer()), title: Type.String(), startsAt: Type.String({ description: 'ISO instant' }), endsAt: Type.String({ description: 'ISO instant' }),
  }))),
});
