import { Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DEPARTMENTS } from '../../../../shared/domain.js';
import { DayStatusFields, SchoolDaysSchema, SummarySchema } from '../compliance/compliance.schema.js';
import { HeatmapSchema, TrendSchema } from '../compliance/compliance.trend.schema.js';
import { RolloutCountyRowSchema } from '../rollout/rollout.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Rate = Nullable(Type.Number());

export const AsOfQuery = Type.Object({
  asOf: Type.Optional(dayText('YYYY-MM-DD: the day the dashboard is as of; default today (Asia/Shanghai)')),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Period = Type.Object({ from: Type.String(), to: Type.String() });
const Periods = Type.Object({ day: Period, month: Period, trend: Period });

const Figures = Type.Object({
  schoolDays: Type.Integer(),
  metDays: Type.Integer(),
  missedDays: Type.Integer(),
  pendingDays: Type.Integer(),
  rate: Rate,
});
const TotalFigures = Type.Intersect([Figures, Type.Object({ schools: Type.Integer() })]);

const RolloutKpi = Nullable(Type.Object({
  target: Type.Integer(), activated: Type.Integer(), overdue: Type.Integer(), rate: Rate,
}));

const Recordings = Nullable(Type.Object({
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(Type.Object({ subject: Type.String(), grade: Type.String(), lessons: Type.Integer({ description: 'counted lessons (ready, counts)' }) })),
}, { description: 'null when your roles do not read recordings' }));

const RegionalParts = {
  asOf: Type.String(),
  today: Type.String(),
  ...DayStatusFields,
  periods: Periods,
  kpis: Type.Object({ day: TotalFigures, month: TotalFigures, laggingSchools: Type.Integer(), rollout: RolloutKpi }),
  day: SummarySchema,
  month: SummarySchema,
  trend: TrendSchema,
  heatmap: HeatmapSchema,
  rollout: Nullable(Type.Array(RolloutCountyRowSchema, { description: 'null when your roles do not read the rollout' })),
  recordings: Recordings,
};

export const CityDashboardSchema = Type.Object({ level: Type.Literal('city'), ...RegionalParts });

export const CountyDashboardSchema = Type.Object({
  level: Type.Literal('county'),
  county: Type.Object({
    id: Type.Integer(), code: Type.String(), name: Type.String(),
    departments: Type.Array(Type.Intersect([Type.Object({ department: Type.Enum(DEPARTMENTS) }), TotalFigures])),
  }),
  ...RegionalParts,
});

export const SchoolDashboardSchema = Type.Object({
  level: Type.Literal('school'),
  asOf: Type.String(),
  today: Type.String(),
  ...DayStatusFields,
  periods: Periods,
  school: SchoolDaysSchema.properties.school,
  tracked: Type.Boolean(),
  trackedSince: Nullable(Type.String()),
  kpis: Type.Object({ day: Figures, month: Figures }),
  days: SchoolDaysSchema,
  trend: TrendSchema,
  recordings: Recordings,
});
