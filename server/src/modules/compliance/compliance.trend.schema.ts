import { Type } from 'typebox';

/** Schemas of the day-by-day compliance views (compliance.trend.ts), used by the dashboards' answers. */

const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'met days ÷ judged school days; null when none judged' });

export const LatestDaySchema = Type.Object({
  day: Type.String({ description: 'the latest school day up to today with figures in your scope; today when there is none' }),
});

export const TrendDaySchema = Type.Object({
  day: Type.String(),
  schoolDays: Type.Integer(),
  metDays: Type.Integer(),
  pendingDays: Type.Integer(),
  rate: Rate,
});

export const TrendSchema = Type.Object({ from: Type.String(), to: Type.String(), days: Type.Array(TrendDaySchema) });

export const HeatCellSchema = Type.Union([Type.Enum(['met', 'missed', 'pending', 'off'] as const), Type.Null()], {
  description: 'met / missed / pending (today, not met yet) / off (no school that day, a lesson was counted); null: no row',
});

export const HeatmapSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.String()),
  total: Type.Integer({ description: 'schools in scope that missed at least one day in the range' }),
  rows: Type.Array(Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    countyId: Type.Integer(),
    countyName: Type.String(),
    schoolDays: Type.Integer(),
    metDays: Type.Integer(),
    missedDays: Type.Integer(),
    pendingDays: Type.Integer(),
    rate: Rate,
    cells: Type.Array(HeatCellSchema, { description: 'one per day of `days`' }),
  })),
});
