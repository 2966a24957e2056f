import { Type } from 'typebox';
import { HOMEWORK_KINDS, HOMEWORK_WARNINGS } from '../../../../shared/homework-limits.js';
import { HomeworkItemSchema } from './routine.schema.js';

/** Homework posted by class staff, its limit check, a class's days and the bureau's weekly figures. */
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const HomeworkBody = Type.Object({
  classId: Type.Integer({ minimum: 1 }),
  subject: Type.String({ minLength: 1, maxLength: 20 }),
  content: Type.String({ minLength: 1, maxLength: 1000 }),
  kind: Type.Enum(HOMEWORK_KINDS),
  minutes: Type.Integer({ minimum: 1, maximum: 240 }),
  /** The day it is given (default today). */
  assignedOn: Type.Optional(IsoDay),
  dueOn: IsoDay,
}, { additionalProperties: false });

const LimitFields = {
  /** The class's written minutes that day, this homework included. */
  dayWrittenMinutes: Type.Integer(),
  writtenLimit: Type.Union([Type.Integer(), Type.Null()]),
  homeworkAllowed: Type.Boolean(),
  warning: Type.Union([Type.Enum(HOMEWORK_WARNINGS), Type.Null()]),
  /** The warning in words, for the poster. */
  message: Type.Union([Type.String(), Type.Null()]),
};

export const HomeworkCheckSchema = Type.Object(LimitFields);
export const HomeworkPostedSchema = Type.Object({ id: Type.Integer(), ...LimitFields, headTeachersNotified: Type.Integer() });

export const ClassHomeworkQuery = Type.Object({ from: Type.Optional(IsoDay), to: Type.Optional(IsoDay) }, { additionalProperties: false });

export const ClassHomeworkSchema = Type.Object({
  classId: Type.Integer(),
  className: Type.String(),
  gradeLevel: Type.Integer(),
  writtenLimit: Type.Union([Type.Integer(), Type.Null()]),
  homeworkAllowed: Type.Boolean(),
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.Object({ day: Type.String(), writtenMinutes: Type.Integer(), overLimit: Type.Boolean(), items: Type.Array(HomeworkItemSchema) })),
});

export const FiguresQuery = Type.Object({
  /** Any day of the ISO week (default: this week). */
  week: Type.Optional(IsoDay),
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

const FigureFields = {
  classes: Type.Integer(),
  classDays: Type.Integer(),
  writtenMinutes: Type.Integer(),
  /** Average written minutes per class-day with homework (one decimal). */
  avgWrittenMinutes: Type.Number(),
  overLimitClassDays: Type.Integer(),
};

export const WeeklyFiguresSchema = Type.Object({
  level: Type.Enum(['school', 'county'] as const),
  weekStart: Type.String(),
  weekEnd: Type.String(),
  rows: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), code: Type.String(), ...FigureFields })),
  total: Type.Object(FigureFields),
});

export const StaffClassesSchema = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), schoolName: Type.String(), gradeLevel: Type.Integer(),
    writtenLimit: Type.Union([Type.Integer(), Type.Null()]), homeworkAllowed: Type.Boolean(),
  })),
});
