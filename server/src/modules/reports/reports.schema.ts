import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DEPARTMENTS, SCHOOL_KINDS } from '../../../../shared/domain.js';
import { RolloutCountyRowSchema } from '../rollout/rollout.schema.js';
import { REPORT_PERIODS } from './reports.periods.js';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const REPORT_ACTIONS = ['create', 'submit', 'return', 'approve'] as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = dayText;
const DateText = Day();
const Rate = Nullable(Type.Number({ description: 'met days ÷ judged school days; null when none judged' }));
const Narrative = (description: string) => Type.String({ maxLength: 5000, description });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ReportFilterQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  department: Type.Optional(Type.Enum(DEPARTMENTS)),
  status: Type.Optional(Type.Enum(REPORT_STATUSES)),
  period: Type.Optional(Type.Enum(REPORT_PERIODS)),
  from: Type.Optional(Day('periods starting on or after this day')),
  to: Type.Optional(Day('periods starting on or before this day')),
});

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

const ComplianceFigures = {
  schools: Type.Integer({ description: 'tracked schools' }),
  schoolDays: Type.Integer(),
  metDays: Type.Integer(),
  missedDays: Type.Integer(),
  pendingDays: Type.Integer(),
  rate: Rate,
};

export const FiguresSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  compliance: Type.Object({
    county: Type.Object(ComplianceFigures),
    department: Type.Object({ department: Type.Enum(DEPARTMENTS), ...ComplianceFigures }),
    lagging: Type.Array(Type.Object({
      id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.Enum(SCHOOL_KINDS), missedDays: Type.Integer(), rate: Rate,
    })),
    laggingTotal: Type.Integer(),
  }),
  rollout: Nullable(Type.Array(RolloutCountyRowSchema)),
  // Absent in reports whose figures were taken before patrols were reported.
  patrol: Type.Optional(Nullable(Type.Object({
    patrols: Type.Integer(), lessons: Type.Integer(), schools: Type.Integer(), patrollers: Type.Integer(), meanScore: Nullable(Type.Number()),
  }))),
});

export const ReportSchema = Type.Object({
  id: Type.Integer(),
  countyId: Type.Integer(),
  countyCode: Type.String(),
  countyName: Type.String(),
  department: Type.Enum(DEPARTMENTS),
  period: Type.Enum(REPORT_PERIODS),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  periodLabel: Type.String({ description: '2018年3月, or 2018年第14周（4月2日—4月8日）' }),
  status: Type.Enum(REPORT_STATUSES),
  rate: Rate,
  createdByName: Type.String(),
  submittedAt: Nullable(Type.String()),
  submittedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  returnComment: Nullable(Type.String({ description: 'the city\'s comment, while the report is returned' })),
  updatedAt: Type.String(),
});

export const ReportPage = Type.Object({
  items: Type.Array(ReportSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ReportEventSchema = Type.Object({
  id: Type.Integer(),
  action: Type.Enum(REPORT_ACTIONS),
  fromStatus: Nullable(Type.Enum(REPORT_STATUSES)),
  toStatus: Type.Enum(REPORT_STATUSES),
  actorName: Type.String(),
  comment: Type.String(),
  at: Type.String(),
});

export const ReportDetailSchema = Type.Intersect([ReportSchema, Type.Object({
  figures: FiguresSchema,
  figuresAt: Type.String(),
  progress: Type.String(),
  problems: Type.String(),
  nextSteps: Type.String(),
  history: Type.Array(ReportEventSchema),
  /** What the caller may do now (the server checks again). */
  can: Type.Object({ edit: Type.Boolean(), submit: Type.Boolean(), review: Type.Boolean() }),
})]);

export const CreateReportBody = Type.Object({
  day: Day('any day of the period to report on; the city\'s setting decides week or month'),
  // Required of a county admin; a department's staff report for their own department.
  department: Type.Optional(Type.Enum(DEPARTMENTS)),
  countyId: Type.Optional(Type.Integer({ minimum: 1, description: 'needed only by someone who writes for several counties' })),
}, { additionalProperties: false });

export const ReportPatch = Type.Object({
  progress: Type.Optional(Narrative('工作进展')),
  problems: Type.Optional(Narrative('存在问题')),
  nextSteps: Type.Optional(Narrative('下步计划')),
}, { additionalProperties: false, minProperties: 1 });

export const CommentBody = Type.Object({
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

export const ReturnBody = Type.Object({
  comment: Type.String({ minLength: 1, maxLength: 2000, description: 'what the county should change' }),
}, { additionalProperties: false });

export const SettingsSchema = Type.Object({
  cityId: Type.Integer(),
  cityName: Type.String(),
  period: Type.Enum(REPORT_PERIODS),
  updatedAt: Nullable(Type.String()),
  updatedByName: Nullable(Type.String()),
  /** The period containing today (Asia/Shanghai), as the setting cuts it. */
  current: Type.Object({ start: Type.String(), end: Type.String(), label: Type.String() }),
});

export const SettingsQuery = Type.Object({ asOf: Type.Optional(Day('the day whose period `current` names; default today')) });

export const SettingsBody = Type.Object({ period: Type.Enum(REPORT_PERIODS) }, { additionalProperties: false });

export const ExportComplianceQuery = Type.Object({ from: DateText, to: DateText });
export const ExportRolloutQuery = Type.Object({
  asOf: Type.Optional(Day('progress as of this day; default today')),
  batch: Type.Optional(Type.String({ maxLength: 20 })),
});
