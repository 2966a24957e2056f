import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DEPARTMENTS, LOCALITIES, SCHOOL_KINDS } from '../../../../shared/domain.js';
import { ACTIVITY_KINDS, LESSON_TYPES } from './analysis.figures.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });
const Count = Type.Integer({ minimum: 0 });

/**
 * The period the figures cover: a school term (default: the term of today, from the calendar), or
 * an explicit range. Activities count in a period when their dates overlap it; what happened in
 * them (lessons, comments, codings) counts with them.
 */
export const PeriodQuery = Type.Object({
  termId: Type.Optional(Type.Integer({ minimum: 1, description: 'a term of /api/research/analysis/terms; the term that holds today by default' })),
  from: Type.Optional(dayText('YYYY-MM-DD: with `to`, an explicit range instead of a term')),
  to: Type.Optional(dayText('YYYY-MM-DD: with `from`')),
});

export const CountyPeriodQuery = Type.Intersect([PeriodQuery, Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1, description: 'one county of your scope (default: all of it)' })),
})]);

export const TermsQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1, description: 'the terms that apply in this county (default: at your own node)' })),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const PeriodSchema = Type.Object({
  termId: Nullable(Type.Integer({ description: 'null: an explicit range, or no term in the calendar' })),
  name: Nullable(Type.String()),
  from: Type.String(),
  to: Type.String(),
});

export const TermsSchema = Type.Object({
  today: Type.String(),
  /** The term the figures open on (the one holding today, else the latest begun). */
  defaultTermId: Nullable(Type.Integer()),
  terms: Type.Array(Type.Object({
    id: Type.Integer({ description: 'pass as termId' }),
    name: Type.String(),
    from: Type.String({ description: 'the earliest start among the terms of this name at the place (stages and counties may differ)' }),
    to: Type.String(),
    current: Type.Boolean(),
  })),
});

const ActivitiesSchema = Type.Object({
  total: Count,
  organised: Count,
  byKind: Type.Object(Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, Count])) as Record<(typeof ACTIVITY_KINDS)[number], typeof Count>),
});

const StSchema = Type.Object({
  codings: Count,
  lessons: Type.Integer({ minimum: 0, description: 'coded lessons' }),
  types: Type.Object(Object.fromEntries(LESSON_TYPES.map((k) => [k, Count])) as Record<(typeof LESSON_TYPES)[number], typeof Count>),
  meanRt: Nullable(Type.Number()),
  meanCh: Nullable(Type.Number()),
});

/** What a school, a county or a teacher did in research over the period. */
const Figures = {
  activities: ActivitiesSchema,
  lessonsAttached: Type.Integer({ minimum: 0, description: 'lessons attached to the period\'s activities' }),
  lessonsObserved: Type.Integer({ minimum: 0, description: 'of those, lessons with a comment, a rubric score or an S-T coding in their activity' }),
  commentsReceived: Type.Integer({ minimum: 0, description: 'comments on those lessons by others than their teacher' }),
  commentsGiven: Count,
  st: StSchema,
};

export const SchoolRowSchema = Type.Object({
  schoolId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(SCHOOL_KINDS),
  locality: Type.Enum(LOCALITIES),
  poorVillage: Type.Boolean(),
  countyId: Type.Integer(),
  countyName: Type.String(),
  tookPart: Type.Boolean({ description: 'took part in at least one activity of the period (member, participating school or organiser)' }),
  participants: Type.Integer({ minimum: 0, description: 'distinct people of the school in the period\'s activities' }),
  ...Figures,
});

export const SchoolsAnswerSchema = Type.Object({
  period: PeriodSchema,
  countyId: Nullable(Type.Integer()),
  rows: Type.Array(SchoolRowSchema),
});

export const CountyRowSchema = Type.Object({
  countyId: Type.Integer(),
  name: Type.String(),
  schools: Count,
  schoolsTakingPart: Count,
  participants: Count,
  ...Figures,
});

export const CountiesAnswerSchema = Type.Object({ period: PeriodSchema, rows: Type.Array(CountyRowSchema) });

export const TeacherRowSchema = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  /** The person's role at the school (teacher or principal); null: took part for the school without one. */
  role: Nullable(Type.Enum(['teacher', 'principal'] as const)),
  ...Figures,
  lessonsAttached: Type.Integer({ minimum: 0, description: 'lessons they taught attached to the period\'s activities' }),
  codingsGiven: Count,
});

export const TeachersAnswerSchema = Type.Object({
  period: PeriodSchema,
  school: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), countyId: Type.Integer(), countyName: Type.String() }),
  /** true: the caller teaches at the school and sees their own row only. */
  ownRowOnly: Type.Boolean(),
  rows: Type.Array(TeacherRowSchema),
});

export const MineAnswerSchema = Type.Object({ period: PeriodSchema, row: TeacherRowSchema });

const PersonRef = Type.Object({ userId: Type.Integer(), name: Type.String() });

export const AbsentRowSchema = Type.Object({
  schoolId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(SCHOOL_KINDS),
  locality: Type.Enum(LOCALITIES),
  poorVillage: Type.Boolean(),
  countyId: Type.Integer(),
  countyName: Type.String(),
  /** Who answers for the school: its principals, and the county's 教科所 that runs its research. */
  principals: Type.Array(PersonRef),
  department: Type.Enum(DEPARTMENTS),
  departmentName: Nullable(Type.String()),
  departmentStaff: Type.Array(PersonRef),
});

export const AbsentAnswerSchema = Type.Object({
  period: PeriodSchema,
  countyId: Nullable(Type.Integer()),
  /** Schools of the scope (or county) counted. */
  schools: Count,
  rows: Type.Array(AbsentRowSchema),
});
