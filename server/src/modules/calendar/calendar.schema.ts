import { type TSchema, Type } from 'typebox';
import { SCHOOL_KINDS } from '../../../../shared/domain.js';
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
    /** The national calendar's holiday or 调休 working day, in term or not (the page lists them all). */
    publicDay: Nullable(Type.Object({ kind: Type.Enum(['holiday', 'makeup_workday'] as const), name: Type.String() })),
  })),
  terms: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), stage: Nullable(Type.Enum(SCHOOL_KINDS)), startsOn: Type.String(), endsOn: Type.String(), level: Type.Enum(['city', 'county'] as const),
  })),
  exceptions: Type.Array(Type.Object({
    id: Type.Integer(), level: Type.Enum(LEVELS), day: Type.String(), kind: Type.Enum(['holiday', 'workday'] as const), name: Type.String(),
  })),
});

export const SaveResult = Type.Object({ saved: Type.Integer(), recomputed: Type.Integer() });
export const DeleteResult = Type.Object({ deleted: Type.Integer(), recomputed: Type.Integer() });

// ---- the calendar page's administration (terms, quota rules, a city's own national days) ----

/** Largest id a column holds on both databases: anything above is simply not found. */
export const MAX_ID = 2_147_483_647;
const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
const Stage = Nullable(Type.Enum(SCHOOL_KINDS, { description: 'the kind of school the term applies to; null: every kind' }));
const strict = { additionalProperties: false } as const;

/** A path id: one above any column's range is simply not found (the service answers 404). */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, strict);

/** A city or county (a school is refused with a clear 400 by the service). */
export const RegionPlaceQuery = Type.Object({ cityId: Type.Optional(Id), countyId: Type.Optional(Id), schoolId: Type.Optional(Id) }, strict);

const TermName = Type.String({ minLength: 1, maxLength: 40, description: '2026—2027学年第一学期 …' });

// schoolId is accepted so that the service can say terms and rules are not set per school.
export const CreateTermBody = Type.Object({
  cityId: Type.Optional(Id),
  countyId: Type.Optional(Id),
  schoolId: Type.Optional(Id),
  name: TermName,
  stage: Stage,
  startsOn: DateText,
  endsOn: DateText,
}, strict);

export const UpdateTermBody = Type.Object({
  name: Type.Optional(TermName),
  stage: Type.Optional(Stage),
  startsOn: Type.Optional(DateText),
  endsOn: Type.Optional(DateText),
}, { ...strict, minProperties: 1 });

export const TermsSchema = Type.Object({
  place: Type.Object({ level: Type.Enum(LEVELS), id: Type.Integer(), name: Type.String() }),
  today: Type.String(),
  terms: Type.Array(Type.Object({
    id: Type.Integer(),
    level: Type.Enum(['city', 'county'] as const),
    countyId: Nullable(Type.Integer()),
    countyName: Nullable(Type.String()),
    stage: Stage,
    schoolYear: Type.Integer({ description: 'the school year\'s first calendar year: 2026 for 2026—2027' }),
    name: Type.String(),
    startsOn: Type.String(),
    endsOn: Type.String(),
    editable: Type.Boolean(),
  })),
});

export const ChangeResult = Type.Object({ id: Type.Integer(), recomputed: Type.Integer() });
export const DeleteTermResult = Type.Object({ deleted: Type.Integer(), recomputed: Type.Integer() });

const SchoolKindOrAll = Nullable(Type.Enum(SCHOOL_KINDS, { description: 'null: every kind of school' }));
const MinLessons = Type.Integer({ minimum: 0, maximum: 20, description: 'counted lessons a school day needs' });

export const CreateRuleBody = Type.Object({
  cityId: Type.Optional(Id),
  countyId: Type.Optional(Id),
  schoolId: Type.Optional(Id),
  schoolKind: SchoolKindOrAll,
  minLessons: MinLessons,
  effectiveFrom: DateText,
  effectiveTo: Nullable(DateText),
}, strict);

export const UpdateRuleBody = Type.Object({
  schoolKind: Type.Optional(SchoolKindOrAll),
  minLessons: Type.Optional(MinLessons),
  effectiveFrom: Type.Optional(DateText),
  effectiveTo: Type.Optional(Nullable(DateText)),
}, { ...strict, minProperties: 1 });

export const RulesSchema = Type.Object({
  defaultMinLessons: Type.Integer({ description: 'the article\'s rule where no other applies' }),
  rules: Type.Array(Type.Object({
    id: Type.Integer(),
    level: Type.Enum(['city', 'county'] as const),
    countyId: Nullable(Type.Integer()),
    schoolKind: SchoolKindOrAll,
    minLessons: Type.Integer(),
    effectiveFrom: Type.String(),
    effectiveTo: Nullable(Type.String()),
    editable: Type.Boolean(),
  })),
});

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const PublicDaysQuery = Type.Object({ cityId: Id, year: Year }, strict);

const PublicDayEntry = Type.Object({
  day: DateText,
  kind: Type.Enum(['holiday', 'makeup_workday'] as const, { description: 'holiday: a day off; makeup_workday: a weekend day worked (调休)' }),
  name: Type.String({ minLength: 1, maxLength: 20, description: '春节, 国庆节 …' }),
}, strict);

export const SavePublicDaysBody = Type.Object({
  cityId: Id,
  year: Year,
  days: Type.Array(PublicDayEntry, { maxItems: 120 }),
}, strict);

export const PublicDaysSchema = Type.Object({
  year: Type.Integer(),
  datasetCovers: Type.Boolean({ description: 'whether the national holiday dataset knows this year' }),
  datasetLastYear: Type.Integer(),
  editable: Type.Boolean(),
  days: Type.Array(Type.Object({ day: Type.String(), kind: Type.Enum(['holiday', 'makeup_workday'] as const), name: Type.String() })),
});

export const SavePublicDaysResult = Type.Object({ saved: Type.Integer(), recomputed: Type.Integer() });

export const TermsImportedSchema = Type.Object({ imported: Type.Integer(), recomputed: Type.Integer() });
