import { Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DRILL_KINDS, HAZARD_LEVELS, HAZARD_STATUSES, SAFETY_AREAS } from '../../../../shared/safety-checklists.js';

/** 平安校园: the routes' shapes (checks, hazards, drills, statistics). */
const Day = dayText();
const Area = Type.Enum(SAFETY_AREAS);
const Level = Type.Enum(HAZARD_LEVELS);
const Status = Type.Enum(HAZARD_STATUSES);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const PhotoParams = Type.Object({ id: Type.Integer({ minimum: 1 }), photoId: Type.Integer({ minimum: 1 }) });
export const SchoolParams = Type.Object({ schoolId: Type.Integer({ minimum: 1 }) });

const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

// ——— areas ———

export const SchoolAreasSchema = Type.Object({
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  /** The areas the school checks (every area unless it turned some off: no dormitory, no bus). */
  enabled: Type.Array(Area),
  /** Whether the caller may change them (the school's principal). */
  canEdit: Type.Boolean(),
  /** The school's staff, for naming who answers for a hazard. */
  staff: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), role: Type.String() })),
});

export const SetAreasBody = Type.Object({ enabled: Type.Array(Area, { maxItems: SAFETY_AREAS.length, uniqueItems: true }) }, { additionalProperties: false });

// ——— checks ———

const ProblemHazard = Type.Object({
  level: Type.Optional(Level),
  responsibleUserId: Type.Optional(Type.Integer({ minimum: 1 })),
  deadline: Type.Optional(Day),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });

const SafetyCheckItemBody = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 40 }),
  ok: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  /** For a problem: the hazard it raises (defaults: 一般, the checker answers for it, a week to rectify). */
  hazard: Type.Optional(ProblemHazard),
}, { additionalProperties: false });

export const NewSafetyCheckBody = Type.Object({
  schoolId: Type.Integer({ minimum: 1 }),
  date: Day,
  areas: Type.Array(Type.Object({
    area: Area,
    items: Type.Array(SafetyCheckItemBody, { minItems: 1, maxItems: 30 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: SAFETY_AREAS.length }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });

const SafetyCheckResultSchema = Type.Object({
  area: Area,
  items: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), ok: Type.Boolean(), note: Type.String() })),
});

export const SafetyCheckSchema = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  schoolCode: Type.String(),
  schoolName: Type.String(),
  date: Type.String(),
  results: Type.Array(SafetyCheckResultSchema),
  problems: Type.Integer(),
  note: Type.String(),
  byName: Type.String(),
  createdAt: Type.String(),
  /** Hazards the check's problems raised. */
  hazardIds: Type.Array(Type.Integer()),
});

export const SafetyCheckListQuery = Type.Object({ schoolId: Type.Optional(Type.Integer({ minimum: 1 })), ...Paging }, { additionalProperties: false });
export const SafetyCheckPage = Type.Object({ items: Type.Array(Type.Omit(SafetyCheckSchema, ['results', 'hazardIds'])), page: Type.Integer(), pageSize: Type.Integer() });

// ——— hazards ———

export const NewHazardBody = Type.Object({
  schoolId: Type.Integer({ minimum: 1 }),
  area: Area,
  title: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  level: Level,
  responsibleUserId: Type.Integer({ minimum: 1 }),
  deadline: Day,
}, { additionalProperties: false });

export const HazardListQuery = Type.Object({
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Status),
  escalated: Type.Optional(Type.Boolean({ description: 'true: only hazards escalated to the county (overdue)' })),
  ...Paging,
}, { additionalProperties: false });

const PhotoSchema = Type.Object({ id: Type.Integer(), stage: Type.Enum(['report', 'rectification'] as const), mime: Type.String(), sizeBytes: Type.Integer(), createdAt: Type.String() });

export const HazardSchema = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  schoolCode: Type.String(),
  schoolName: Type.String(),
  checkId: Type.Union([Type.Integer(), Type.Null()]),
  area: Area,
  item: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  level: Level,
  responsibleUserId: Type.Integer(),
  responsibleName: Type.String(),
  deadline: Type.String(),
  status: Status,
  /** Past its deadline and still owed (as of today in Asia/Shanghai). */
  overdue: Type.Boolean(),
  reportedByName: Type.String(),
  rectificationNote: Nullable(Type.String()),
  rectifiedAt: Nullable(Type.String()),
  verifiedAt: Nullable(Type.String()),
  escalatedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const HazardDetailSchema = Type.Object({
  ...HazardSchema.properties,
  photos: Type.Array(PhotoSchema),
  /** What the caller may do now. */
  can: Type.Object({ start: Type.Boolean(), rectify: Type.Boolean(), verify: Type.Boolean(), addPhoto: Type.Boolean() }),
});

export const HazardPage = Type.Object({ items: Type.Array(HazardSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const RectifyBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export const VerifyBody = Type.Object({
  /** false: the rectification is not good enough; the hazard goes back to rectifying. */
  accepted: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export const EmptyBody = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);

export const PhotoQuery = Type.Object({ stage: Type.Enum(['report', 'rectification'] as const, { default: 'report' }) }, { additionalProperties: false });
export const PhotoSavedSchema = PhotoSchema;

// ——— drills ———

export const NewDrillBody = Type.Object({
  schoolId: Type.Integer({ minimum: 1 }),
  kind: Type.Enum(DRILL_KINDS),
  date: Day,
  participants: Type.Integer({ minimum: 1, maximum: 20000 }),
  durationMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });

export const DrillSchema = Type.Object({
  id: Type.Integer(), schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String(), kind: Type.Enum(DRILL_KINDS), date: Type.String(),
  participants: Type.Integer(), durationMinutes: Type.Integer(), note: Type.String(), byName: Type.String(), createdAt: Type.String(),
});
export const DrillListQuery = SafetyCheckListQuery;
export const DrillPage = Type.Object({ items: Type.Array(DrillSchema), page: Type.Integer(), pageSize: Type.Integer() });

// ——— statistics ———

const Figures = {
  checksThisMonth: Type.Integer(),
  openHazards: Type.Integer(),
  overdueHazards: Type.Integer(),
  escalatedHazards: Type.Integer(),
  rectified: Type.Integer(),
  rectifiedOnTime: Type.Integer(),
  /** rectifiedOnTime / rectified, 0–1; null when nothing was rectified yet. */
  onTimeRate: Type.Union([Type.Number(), Type.Null()]),
  drillsThisTerm: Type.Integer(),
};

export const SafetyStatsSchema = Type.Object({
  today: Type.String(),
  monthStart: Type.String(),
  termStart: Type.String(),
  schools: Type.Array(Type.Object({ schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String(), countyId: Type.Integer(), countyName: Type.String(), ...Figures })),
  /** Each county's figures: the sum of its schools. */
  counties: Type.Array(Type.Object({ countyId: Type.Integer(), countyName: Type.String(), schools: Type.Integer(), ...Figures })),
  totals: Type.Object({ schools: Type.Integer(), ...Figures }),
});
