import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Instant = (description: string) => Type.String({ format: 'date-time', maxLength: 40, description });

/** What a one-off booking is for: today only research activities (教研活动) book rooms. */
export const BOOKING_PURPOSES = ['research'] as const;

export const RoomParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const BookingParams = Type.Object({ id: Type.Integer({ minimum: 1 }), bookingId: Type.Integer({ minimum: 1 }) });

export const BookingListQuery = Type.Object({
  from: Type.Optional(dayText('first day shown (Asia/Shanghai); default: today')),
  to: Type.Optional(dayText('last day shown (Asia/Shanghai); default: 8 weeks after from')),
});

export const CreateBookingBody = Type.Object({
  purpose: Type.Enum(BOOKING_PURPOSES),
  /** The activity (purpose research) the lesson is recorded for. */
  purposeRef: Type.Integer({ minimum: 1 }),
  startsAt: Instant('when the lesson starts (ISO instant)'),
  endsAt: Instant('when it ends (ISO instant)'),
  teacherUserId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  teacherName: Type.Optional(Type.String({ maxLength: 30 })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const BookingSchema = Type.Object({
  id: Type.Integer(),
  roomId: Type.Integer(),
  roomName: Type.String(),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  subject: Type.String(),
  grade: Type.String(),
  teacherUserId: Nullable(Type.Integer()),
  teacherName: Type.String(),
  purpose: Type.Enum(BOOKING_PURPOSES),
  purposeRef: Nullable(Type.Integer()),
  note: Type.String(),
  createdByName: Type.String(),
  createdAt: Type.String(),
});

export const BookingList = Type.Object({ roomId: Type.Integer(), from: Type.String(), to: Type.String(), items: Type.Array(BookingSchema) });
