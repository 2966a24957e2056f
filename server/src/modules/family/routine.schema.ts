import { Type } from 'typebox';

/** The campus routine of the family app: a class's timetable, a child's day and school calendar. */
const Hhmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const LessonSchema = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  period: Type.Integer({ minimum: 1, maximum: 12 }),
  startsAt: Hhmm,
  endsAt: Hhmm,
  subject: Type.String({ minLength: 1, maxLength: 20 }),
  teacherName: Type.String({ maxLength: 20 }),
}, { additionalProperties: false });

export const TimetableSchema = Type.Object({
  classId: Type.Integer(),
  className: Type.String(),
  schoolName: Type.String(),
  lessons: Type.Array(LessonSchema),
});

export const SaveTimetableBody = Type.Object({ lessons: Type.Array(LessonSchema, { maxItems: 84 }) }, { additionalProperties: false });
export const TimetableSavedSchema = Type.Object({ classId: Type.Integer(), lessons: Type.Integer() });

export const DayQuery = Type.Object({ day: Type.Optional(IsoDay) }, { additionalProperties: false });
export const RangeQuery = Type.Object({ from: Type.Optional(IsoDay), to: Type.Optional(IsoDay) }, { additionalProperties: false });

const DayReasonSchema = Type.String();

export const HomeworkItemSchema = Type.Object({
  id: Type.Integer(),
  subject: Type.String(),
  content: Type.String(),
  kind: Type.Enum(['written', 'oral', 'practice'] as const),
  minutes: Type.Integer(),
  assignedOn: Type.String(),
  dueOn: Type.String(),
  warning: Type.Union([Type.String(), Type.Null()]),
});

export const TodaySchema = Type.Object({
  child: Type.Object({ id: Type.Integer(), label: Type.String(), classId: Type.Integer(), gradeLevel: Type.Integer(), schoolName: Type.String() }),
  day: Type.String(),
  schoolDay: Type.Boolean(),
  /** Why (not) a school day: school_day, makeup_workday, public_holiday, weekend, term_break, exception_open, exception_closed. */
  reason: DayReasonSchema,
  /** The holiday's or 调休's name (清明), or the exception's. */
  reasonName: Type.Union([Type.String(), Type.Null()]),
  /** The weekday whose timetable runs (调休: the one it replaces); null: no lessons. */
  timetableWeekday: Type.Union([Type.Integer(), Type.Null()]),
  lessons: Type.Array(LessonSchema),
  homework: Type.Array(HomeworkItemSchema),
  writtenMinutes: Type.Integer(),
  /** Written minutes allowed that day; null: no national limit (senior school). */
  writtenLimit: Type.Union([Type.Integer(), Type.Null()]),
  overLimit: Type.Boolean(),
});

export const SchoolCalendarSchema = Type.Object({
  child: Type.Object({ id: Type.Integer(), label: Type.String(), schoolName: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  terms: Type.Array(Type.Object({ name: Type.String(), startsOn: Type.String(), endsOn: Type.String() })),
  /** Days that are not ordinary: holidays, 调休 working days, closures and openings (weekends and ordinary school days left out). */
  days: Type.Array(Type.Object({
    day: Type.String(), schoolDay: Type.Boolean(), reason: DayReasonSchema, name: Type.Union([Type.String(), Type.Null()]),
    timetableWeekday: Type.Union([Type.Integer(), Type.Null()]),
  })),
});
