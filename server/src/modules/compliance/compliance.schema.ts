import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DEPARTMENTS, SCHOOL_KINDS } from '../../../../shared/domain.js';
import { DAY_REASONS } from '../calendar/school-day.js';
import { DAY_STATUSES } from '../calendar/day-status.js';

/** What the page says before its figures (see calendar/day-status.ts). */
export const DayStatusFields = {
  dayStatus: Type.Union([Type.Enum(DAY_STATUSES), Type.Null()], {
    description: 'one day: school-day, weekend, holiday or no-term (outside every term: nothing is judged); a longer range: no-term when no day of it is in a term, else null',
  }),
  dayName: Type.Union([Type.String(), Type.Null()], { description: 'the holiday\'s name for a one-day holiday' }),
};

const DateText = dayText();
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'met days ÷ judged school days; null when none judged' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const RangeQuery = Type.Object({ from: DateText, to: DateText });

export const SummaryQuery = Type.Intersect([RangeQuery, Type.Object({ countyId: Type.Optional(Type.Integer({ minimum: 1 })) })]);

const SchoolsFilter = {
  countyId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  met: Type.Optional(Type.Boolean({ description: 'false: schools that missed a day; true: schools that missed none' })),
  order: Type.Optional(Type.Enum(['best', 'worst'] as const)),
  untracked: Type.Optional(Type.Boolean({ description: 'false: leave out schools not tracked (未考核); default: list them last' })),
};

export const SchoolsQuery = Type.Intersect([RangeQuery, Type.Object({
  ...SchoolsFilter,
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
})]);

/** The list's filter and order without paging: the export holds every row the list would show. */
export const SchoolsExportQuery = Type.Object({ from: DateText, to: DateText, ...SchoolsFilter }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Figures = {
  schoolDays: Type.Integer({ description: 'school days with a row, today included' }),
  metDays: Type.Integer(),
  missedDays: Type.Integer(),
  pendingDays: Type.Integer({ description: 'today, not yet met: neither met nor missed' }),
  rate: Rate,
};

const DepartmentFigures = Type.Object({ department: Type.Enum(DEPARTMENTS), schools: Type.Integer(), ...Figures });

export const SummaryRow = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  schools: Type.Integer({ description: 'tracked schools' }),
  ...Figures,
  rank: Nullable(Type.Integer()),
  departments: Type.Optional(Type.Array(DepartmentFigures)),
});

export const SummarySchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  today: Type.String(),
  level: Type.Enum(['county', 'school'] as const),
  rows: Type.Array(SummaryRow),
  total: Type.Object({ schools: Type.Integer(), ...Figures }),
});

const Responsible = Type.Object({
  department: Type.Enum(DEPARTMENTS),
  departmentName: Nullable(Type.String()),
  people: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String() })),
});

export const SchoolRow = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(SCHOOL_KINDS),
  countyId: Type.Integer(),
  countyName: Type.String(),
  tracked: Type.Boolean(),
  trackedSince: Nullable(Type.String()),
  ...Figures,
  rank: Nullable(Type.Integer()),
  currentStreak: Type.Integer(),
  longestStreak: Type.Integer(),
  responsible: Responsible,
});

export const SchoolPage = Type.Object({
  items: Type.Array(SchoolRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  ...DayStatusFields,
});

export const SchoolDaysSchema = Type.Object({
  school: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.Enum(SCHOOL_KINDS), countyId: Type.Integer() }),
  tracked: Type.Boolean(),
  trackedSince: Nullable(Type.String()),
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.Object({
    day: Type.String(),
    schoolDay: Type.Boolean(),
    reason: Type.Enum(DAY_REASONS),
    reasonName: Nullable(Type.String()),
    required: Nullable(Type.Integer()),
    counted: Nullable(Type.Integer()),
    met: Nullable(Type.Boolean()),
    pending: Type.Boolean(),
  })),
});
