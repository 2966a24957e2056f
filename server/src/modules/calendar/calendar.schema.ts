import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DAY_REASONS } from './school-day.js';

const DateText = dayText();
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const LEVELS = ['city', 'county', 'school'] as const;

/** Exactly one of the three names the place; the service says so when it is not. */
export const PlaceQuery = Type.Object({
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  cityId: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const CalendarQuery = Type.Intersect([PlaceQuery, Type.Object({ from: DateText, to: DateText })]);

export const ExceptionDay = Type.Object({
  day: DateText,
  kind: Type.Enum(['holiday', 'workday'] as const, { description: 'holiday: no lessons that day; workday: a school day' }),
  name: Type.String({ minLength: 1, maxLength: 40, description: '期中考试, 校庆放假, 停课 …' }),
});

export const SaveExceptionsBody = Type.Intersect([PlaceQuery, Type.Object({ days: Type.Array(ExceptionDay, { minItems: 1, maxItems: 400 }) })]);

export const DeleteExceptionQuery = Type.Intersect([PlaceQuery, Type.Object({ day: DateText })]);

export const CalendarSchema = Type.Object({
  place: Type.Object({ level: Type.Enum(LEVELS), id: Type.Integer(), name: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.Object({
    day: Type.String(),
    schoolDay: Type.Boolean(),
    reason: Type.Enum(DAY_REASONS),
    name: Nullable(Type.String()),
    /** The level of the override that decided the day, if one did. */
    level: Nullable(Type.Enum(LEVELS)),
  })),
  terms: Type.Array(Type.Object({ name: Type.String(), startsOn: Type.String(), endsOn: Type.String(), level: Type.Enum(['city', 'county'] as const) })),
  exceptions: Type.Array(Type.Object({
    id: Type.Integer(), level: Type.Enum(LEVELS), day: Type.String(), kind: Type.Enum(['holiday', 'workday'] as const), name: Type.String(),
  })),
});

export const SaveResult = Type.Object({ saved: Type.Integer(), recomputed: Type.Integer() });
export const DeleteResult = Type.Object({ deleted: Type.Integer(), recomputed: Type.Integer() });
