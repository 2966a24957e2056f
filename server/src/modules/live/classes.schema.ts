import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

/** 互动教学: the shapes of the schedule routes (live classes from a lead room to receiving rooms). */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const HhMm = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Asia/Shanghai' });

export const LIVE_CLASS_STATUSES = ['active', 'cancelled'] as const;
/** The most receiving classrooms one lead teacher can see and hear at once. */
export const MAX_RECEIVING_ROOMS = 3;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const ClassFields = {
  title: Type.String({ minLength: 1, maxLength: 60 }),
  subject: Type.String({ minLength: 1, maxLength: 20 }),
  grade: Type.Integer({ minimum: 1, maximum: 12 }),
  leadRoomId: Type.Integer({ minimum: 1 }),
  leadTeacherUserId: Type.Integer({ minimum: 1 }),
  receivingRoomIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: MAX_RECEIVING_ROOMS, uniqueItems: true }),
  /** 1 = Monday … 7 = Sunday: every week (专递课堂); null or absent: once, on startsOn. */
  weekday: Nullable(Type.Integer({ minimum: 1, maximum: 7 })),
  startsOn: dayText('first day (a one-off: its day)'),
  /** Last day of a weekly class; null: until cancelled. Ignored for a one-off. */
  untilOn: Nullable(dayText('last day of a weekly class')),
  startTime: HhMm,
  minutes: Type.Integer({ minimum: 10, maximum: 120 }),
};

export const NewLiveClassBody = Type.Object({
  ...ClassFields,
  weekday: Type.Optional(ClassFields.weekday),
  untilOn: Type.Optional(ClassFields.untilOn),
}, { additionalProperties: false });

export const LiveClassPatch = Type.Partial(Type.Object(ClassFields), { additionalProperties: false, minProperties: 1 });

export const LiveClassListQuery = Type.Object({
  status: Type.Optional(Type.Enum(LIVE_CLASS_STATUSES)),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
}, { additionalProperties: false });

const RoomRef = Type.Object({ roomId: Type.Integer(), roomName: Type.String(), schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String(), countyId: Type.Integer() });

export const LiveClassSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  subject: Type.String(),
  grade: Type.Integer(),
  status: Type.Enum(LIVE_CLASS_STATUSES),
  lead: RoomRef,
  leadTeacherUserId: Type.Integer(),
  leadTeacherName: Type.String(),
  receiving: Type.Array(RoomRef),
  weekday: Nullable(Type.Integer()),
  startsOn: Type.String(),
  untilOn: Nullable(Type.String()),
  startTime: Type.String(),
  minutes: Type.Integer(),
  /** Whether the caller may change or cancel it (live:write reaching the lead school). */
  canEdit: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const LiveClassPage = Type.Object({ items: Type.Array(LiveClassSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

/** Rooms and teachers a writer may pick for a class led from a school (the schedule form). */
export const LiveClassOptionsQuery = Type.Object({ schoolId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const LiveClassOptions = Type.Object({
  /** Schools whose rooms may lead a class the caller schedules. */
  leadSchools: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), countyId: Type.Integer() })),
  /** For the asked school: its rooms and its teachers; and the rooms that may receive (other schools the caller may reach). */
  leadRooms: Type.Array(RoomRef),
  teachers: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String() })),
  receivingRooms: Type.Array(RoomRef),
});
