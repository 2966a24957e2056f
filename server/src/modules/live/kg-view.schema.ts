import { Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

/** 园所直播: the routes' shapes (kindergarten live-view rooms, windows, views and the view log). */
const NullableText = () => Type.Union([Type.String(), Type.Null()]);

export const KgIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Hhmm = (description: string) => Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description });

export const KgWindowSchema = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = 周一 … 7 = 周日' }),
  from: Hhmm('开始 HH:MM（北京时间）'),
  to: Hhmm('结束 HH:MM（北京时间），晚于开始'),
}, { additionalProperties: false });

/**
 * A room's settings. `purpose` names washroom and sleeping too, so that the service refuses them
 * in words (卫生间、午睡室 never go live) rather than with a schema error that says nothing.
 */
export const KgRoomBody = Type.Object({
  classId: Type.Integer({ minimum: 1, description: '这个房间服务的班级：只有这个班的家长能看' }),
  name: Type.String({ minLength: 1, maxLength: 30, description: '如：大一班活动室' }),
  purpose: Type.Union([Type.Literal('activity'), Type.Literal('classroom'), Type.Literal('playground'), Type.Literal('washroom'), Type.Literal('sleeping')], { description: 'activity 活动室 | classroom 教室 | playground 户外场地；卫生间、午睡室不能开放直播' }),
  cap: Type.Integer({ minimum: 1, maximum: 200, description: '同时观看人数上限' }),
  enabled: Type.Optional(Type.Boolean()),
  windows: Type.Array(KgWindowSchema, { maxItems: 21, description: '每周开放时段' }),
  roomId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: '推流的录播室（其录播主机或摄像头向平台推送画面）；不填则暂无画面' })),
}, { additionalProperties: false });

export const KgWindowStateSchema = Type.Object({
  /** Open now (Asia/Shanghai wall clock inside one of the windows, and the room enabled). */
  open: Type.Boolean(),
  /** "直播开放时间：08:30–11:00" (today's windows, or the week's when none is today). */
  text: Type.String(),
  windows: Type.Array(KgWindowSchema),
});

const ChildLabel = Type.Object({ id: Type.Integer(), label: Type.String() });

/** A room as a parent sees it: which of their children it is for, whether it is open now. */
export const KgParentRoomSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  purpose: Type.String(),
  classId: Type.Integer(),
  className: Type.String(),
  schoolName: Type.String(),
  children: Type.Array(ChildLabel),
  window: KgWindowStateSchema,
});

export const KgParentRoomsSchema = Type.Object({ items: Type.Array(KgParentRoomSchema) });

export const KgViewStartBody = Type.Object({
  childId: Type.Optional(Type.Integer({ minimum: 1, description: '为哪个孩子看（默认这个班里自己的第一个孩子）' })),
}, { additionalProperties: false });

const MediaViewSchema = Type.Object({
  sessionId: Type.Integer(),
  mode: Type.String(),
  reason: NullableText(),
  role: Type.String(),
  roomId: Type.Union([Type.Integer(), Type.Null()]),
  janus: Type.Union([Type.Null(), Type.Object({}, { additionalProperties: true })]),
  hls: Type.Union([Type.Null(), Type.Object({ playlistUrl: Type.String() })]),
});

export const KgViewStartSchema = Type.Object({
  viewId: Type.Integer(),
  roomId: Type.Integer(),
  startedAt: Type.String(),
  /** Send a heartbeat at least this often, or the view is closed (and stops counting towards the cap). */
  heartbeatSeconds: Type.Integer(),
  window: KgWindowStateSchema,
  media: MediaViewSchema,
});

export const KgHeartbeatSchema = Type.Object({ viewId: Type.Integer(), open: Type.Boolean(), lastSeenAt: Type.String() });

export const KgViewLogSchema = Type.Object({
  id: Type.Integer(),
  roomId: Type.Integer(),
  roomName: Type.String(),
  classId: Type.Integer(),
  className: Type.String(),
  studentId: Type.Integer(),
  childName: Type.String(),
  userId: Type.Integer(),
  viewerName: Type.String(),
  startedAt: Type.String(),
  lastSeenAt: Type.String(),
  endedAt: NullableText(),
  /** Whole seconds watched (up to now while still open). */
  seconds: Type.Integer(),
  endReason: NullableText(),
});

export const KgViewLogListSchema = Type.Object({ items: Type.Array(KgViewLogSchema), total: Type.Integer() });

export const KgViewLogQuery = Type.Object({
  day: Type.Optional(dayText('哪一天的观看记录（默认今天，北京时间）')),
  roomId: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

/** A room as staff see it: settings, window state and how many watch now. */
export const KgStaffRoomSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  purpose: Type.String(),
  classId: Type.Integer(),
  className: Type.String(),
  schoolId: Type.Integer(),
  cap: Type.Integer(),
  enabled: Type.Boolean(),
  window: KgWindowStateSchema,
  watchingNow: Type.Integer(),
  /** The signed-in person may change it (the kindergarten's principal). */
  canEdit: Type.Boolean(),
  /** The recording room whose recorder streams the picture (null: none bound). */
  roomId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  /** Its picture reaches the server now. */
  streaming: Type.Optional(Type.Boolean()),
});

/** GET /api/devices/live/kg: where a recorder sends its picture for a kindergarten's live view now. */
export const KgRecorderTargetSchema = Type.Object({
  kgRoomId: Type.Integer(),
  mode: Type.Literal('hls'),
  /** The window's end (ISO): stream until then, then ask again. */
  until: Type.String(),
  rtp: Type.Object({
    host: Type.String(), videoPort: Type.Integer(), videoPayloadType: Type.Integer(), audioPort: Type.Integer(), audioPayloadType: Type.Integer(),
  }, { additionalProperties: false }),
}, { additionalProperties: false });

export const KgHlsParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  token: Type.String({ minLength: 10, maxLength: 120, pattern: '^[0-9A-Za-z._-]+$' }),
  file: Type.String({ maxLength: 32, pattern: '^(index\\.m3u8|s\\d{1,3}-\\d{5}\\.ts)$' }),
}, { additionalProperties: false });

export const KgStaffRoomsSchema = Type.Object({ items: Type.Array(KgStaffRoomSchema) });

export const KgWatchersSchema = Type.Object({
  roomId: Type.Integer(),
  watchingNow: Type.Integer(),
  cap: Type.Integer(),
  viewers: Type.Array(Type.Object({ viewId: Type.Integer(), viewerName: Type.String(), childName: Type.String(), since: Type.String() })),
});
