import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateText = dayText();

/**
 * What a visit checks (督导检查项目): the recording room in use, the daily recorded lessons, use of
 * the shared resources, online teaching research, the equipment, and a named person responsible.
 */
export const INSPECTION_ITEMS = ['room_use', 'daily_recording', 'resource_use', 'teaching_research', 'equipment', 'named_person'] as const;
/** 优秀 / 良好 / 一般 / 较差. */
export const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
/** open: to be put right; rectified: the school reports it done (整改); verified: the inspectors confirm it. */
export const FOLLOW_UP_STATUSES = ['open', 'rectified', 'verified'] as const;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const ItemCheck = Type.Object({
  item: Type.Enum(INSPECTION_ITEMS),
  ok: Type.Boolean({ description: 'true: found in order' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const NewFollowUpBody = Type.Object({
  description: Type.String({ minLength: 1, maxLength: 1000 }),
  dueOn: DateText,
});

export const CreateInspectionBody = Type.Object({
  schoolId: Type.Integer({ minimum: 1 }),
  visitedOn: DateText,
  inspectors: Type.String({ minLength: 1, maxLength: 200, description: 'names of the inspectors, as on the visit record' }),
  items: Type.Array(ItemCheck, { minItems: 1, maxItems: INSPECTION_ITEMS.length }),
  findings: Type.String({ maxLength: 5000 }),
  rating: Type.Enum(RATINGS),
  followUps: Type.Array(NewFollowUpBody, { maxItems: 20, default: [] }),
});

export const ListQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(DateText),
  to: Type.Optional(DateText),
  asOf: Type.Optional(DateText),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const FollowUpQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Type.Enum(FOLLOW_UP_STATUSES)),
  overdue: Type.Optional(Type.Boolean({ description: 'true: open follow-ups past their due date (as of asOf)' })),
  asOf: Type.Optional(DateText),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const RectifyBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) });
export const ReviewBody = Type.Object({
  decision: Type.Union([Type.Literal('verify'), Type.Literal('reopen')]),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});

const SchoolRef = {
  schoolId: Type.Integer(),
  schoolCode: Type.String(),
  schoolName: Type.String(),
  countyId: Type.Integer(),
  countyName: Type.String(),
};

export const FollowUpSchema = Type.Object({
  id: Type.Integer(),
  inspectionId: Type.Integer(),
  ...SchoolRef,
  visitedOn: Type.String(),
  description: Type.String(),
  dueOn: Type.String(),
  status: Type.Enum(FOLLOW_UP_STATUSES),
  overdue: Type.Boolean(),
  rectificationNote: Nullable(Type.String()),
  rectifiedAt: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  verifiedAt: Nullable(Type.String()),
});

export const InspectionSummarySchema = Type.Object({
  id: Type.Integer(),
  ...SchoolRef,
  visitedOn: Type.String(),
  inspectors: Type.String(),
  rating: Type.Enum(RATINGS),
  followUps: Type.Integer(),
  openFollowUps: Type.Integer(),
  overdueFollowUps: Type.Integer(),
  createdByName: Type.String(),
});

export const InspectionSchema = Type.Object({
  ...InspectionSummarySchema.properties,
  items: Type.Array(ItemCheck),
  findings: Type.String(),
  createdAt: Type.String(),
  followUpList: Type.Array(FollowUpSchema),
  /** Whether the caller may verify or reopen this visit's follow-ups; the principal's right to rectify is on each follow-up's school. */
  canReview: Type.Boolean(),
  canRectify: Type.Boolean(),
});

export const InspectionPage = Type.Object({ items: Type.Array(InspectionSummarySchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const FollowUpPage = Type.Object({ items: Type.Array(FollowUpSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
