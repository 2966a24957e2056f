import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';
import { DEPARTMENTS, SCHOOL_KINDS } from '../../../../shared/domain.js';
import { DEADLINE_APPLIES, MILESTONES, REQUIREMENTS, SCHOOL_GROUPS } from '../../../../shared/rollout.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateText = dayText();
const AsOf = Type.Optional(dayText('the day the figures are as of; default today (Asia/Shanghai)'));
const Person = Type.Object({ userId: Type.Integer(), name: Type.String() });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const AsOfQuery = Type.Object({ asOf: AsOf });

const Targets = Type.Object({ kindergarten: Type.Integer({ minimum: 0 }), primaryAndJunior: Type.Integer({ minimum: 0 }) });
const CountyTargetIn = Type.Object({ countyId: Type.Integer({ minimum: 1 }), kindergarten: Type.Integer({ minimum: 0 }), primaryAndJunior: Type.Integer({ minimum: 0 }) });

export const BatchSchema = Type.Object({
  id: Type.Integer(),
  cityId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  dueOn: Type.String(),
  targets: Targets,
  counties: Type.Array(Type.Object({
    countyId: Type.Integer(), countyName: Type.String(), countyCode: Type.String(),
    kindergarten: Type.Integer(), primaryAndJunior: Type.Integer(),
  }), { description: 'each county’s share of the targets (the counties the caller sees)' }),
});
export const BatchList = Type.Object({ items: Type.Array(BatchSchema) });

export const CreateBatchBody = Type.Object({
  cityId: Type.Optional(Type.Integer({ minimum: 1 })),
  code: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'e.g. 2018-08, as in schools.batch' }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  dueOn: DateText,
  targets: Targets,
  counties: Type.Optional(Type.Array(CountyTargetIn, { maxItems: 200 })),
}, { additionalProperties: false });

export const BatchPatchBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  dueOn: Type.Optional(DateText),
  targets: Type.Optional(Targets),
  counties: Type.Optional(Type.Array(CountyTargetIn, { maxItems: 200 })),
}, { additionalProperties: false });

export const DeadlineSchema = Type.Object({
  id: Type.Integer(), cityId: Type.Integer(), name: Type.String(), dueOn: Type.String(),
  appliesTo: Type.Enum(DEADLINE_APPLIES), batchCode: Nullable(Type.String()), requires: Type.Array(Type.Enum(REQUIREMENTS)),
});
export const DeadlineList = Type.Object({ items: Type.Array(DeadlineSchema) });

/** A new deadline; the server checks the batch is one of the city's and that it requires something. */
export const CreateDeadlineBody = Type.Object({
  cityId: Type.Optional(Type.Integer({ minimum: 1, description: 'needed only by an actor who manages more than one city' })),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  dueOn: DateText,
  appliesTo: Type.Enum(DEADLINE_APPLIES, { description: 'schools whose programme was already built when the deadlines were set, or the rest' }),
  batchCode: Type.Optional(Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'only schools of this batch of the city; left out or null: every batch' }))),
  requires: Type.Array(Type.Enum(REQUIREMENTS), { maxItems: REQUIREMENTS.length, uniqueItems: true, description: 'at least one' }),
}, { additionalProperties: false });

/** Which schools a deadline applies to and what it requires stay as the city set them: only its name and day move. */
export const DeadlinePatchBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  dueOn: Type.Optional(DateText),
}, { additionalProperties: false });

export const ProgressQuery = Type.Object({ batch: Type.Optional(Type.String({ maxLength: 20 })), asOf: AsOf });
/** One county × batch × group of schools against its target; reports and dashboards carry it as is. */
export const RolloutCountyRowSchema = Type.Object({
  countyId: Type.Integer(), countyName: Type.String(), countyCode: Type.String(), batch: Type.String(),
  group: Type.Enum(SCHOOL_GROUPS), target: Type.Integer(), schools: Type.Integer(),
  registered: Type.Integer(), installed: Type.Integer(), activated: Type.Integer(), inRegularUse: Type.Integer(),
  overdue: Type.Integer({ description: 'schools with at least one requirement overdue' }),
});
export const ProgressSchema = Type.Object({
  asOf: Type.String(),
  rows: Type.Array(RolloutCountyRowSchema),
});

const DueItem = {
  requirement: Type.Enum(REQUIREMENTS),
  requirementName: Type.String(),
  dueOn: Type.String(),
  source: Type.Enum(['plan', 'deadline', 'batch'] as const, { description: 'the school’s own plan, a city deadline, or its batch’s due date' }),
  deadlineName: Nullable(Type.String()),
  department: Type.Enum(DEPARTMENTS),
  departmentName: Type.String(),
  daysOverdue: Type.Integer(),
};

const MilestoneView = {
  milestone: Type.Enum(MILESTONES),
  plannedOn: Nullable(Type.String()),
  doneOn: Nullable(Type.String()),
  done: Type.Boolean({ description: 'done by the as-of day' }),
  department: Type.Enum(DEPARTMENTS),
  canRecord: Type.Boolean(),
};

const SchoolBase = {
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(SCHOOL_KINDS),
  countyId: Type.Integer(),
  countyName: Type.String(),
  batch: Type.String(),
  group: Type.Enum(SCHOOL_GROUPS),
  built: Type.Boolean({ description: 'the programme was already built when the deadlines were set' }),
  programmeDepartment: Type.Enum(DEPARTMENTS),
  namedPerson: Nullable(Type.Object({ userId: Type.Integer(), name: Type.String(), since: Nullable(Type.String()) })),
  overdue: Type.Array(Type.Object(DueItem)),
  canSetNamedPerson: Type.Boolean(),
  canSetBuilt: Type.Boolean({ description: 'the caller may change `built`' }),
};

export const SchoolsQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  batch: Type.Optional(Type.String({ maxLength: 20 })),
  kind: Type.Optional(Type.Enum(SCHOOL_KINDS)),
  department: Type.Optional(Type.Enum(DEPARTMENTS)),
  overdue: Type.Optional(Type.Boolean()),
  asOf: AsOf,
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const SchoolPage = Type.Object({
  asOf: Type.String(),
  items: Type.Array(Type.Object({ ...SchoolBase, milestones: Type.Array(Type.Object(MilestoneView)) })),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const SchoolDetail = Type.Object({
  ...SchoolBase,
  asOf: Type.String(),
  batchDueOn: Nullable(Type.String()),
  deadlines: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), dueOn: Type.String(), requires: Type.Array(Type.Enum(REQUIREMENTS)), met: Type.Boolean(),
  })),
  deadlinesIfBuiltChanged: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), dueOn: Type.String(), requires: Type.Array(Type.Enum(REQUIREMENTS)),
  }), { description: 'the deadlines that would apply with `built` the other way round' }),
  milestones: Type.Array(Type.Object({
    ...MilestoneView,
    evidenceNote: Nullable(Type.String()),
    evidenceLink: Nullable(Type.String()),
    recordedBy: Nullable(Person),
    recordedAt: Nullable(Type.String()),
  })),
});

export const RecordMilestoneBody = Type.Object({
  milestone: Type.Enum(MILESTONES),
  doneOn: Type.Optional(DateText),
  plannedOn: Type.Optional(DateText),
  evidenceNote: Type.Optional(Type.String({ maxLength: 500 })),
  evidenceLink: Type.Optional(Type.String({ maxLength: 500, description: 'a web link or an attachment key' })),
}, { additionalProperties: false });

export const BuiltBody = Type.Object({
  built: Type.Boolean({ description: 'the school was already built (已建成录播室) when the deadlines were set' }),
  note: Type.Optional(Type.String({ maxLength: 500, description: 'why, for the audit log' })),
}, { additionalProperties: false });

export const NamedPersonBody = Type.Object({ userId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const CandidateList = Type.Object({
  items: Type.Array(Type.Object({
    userId: Type.Integer(), name: Type.String(), username: Type.String(), role: Type.String(),
    department: Nullable(Type.Enum(DEPARTMENTS)), atSchool: Type.Boolean(),
  })),
});

export const OverdueQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  batch: Type.Optional(Type.String({ maxLength: 20 })),
  kind: Type.Optional(Type.Enum(SCHOOL_KINDS)),
  department: Type.Optional(Type.Enum(DEPARTMENTS)),
  asOf: AsOf,
});

export const OverdueList = Type.Object({
  asOf: Type.String(),
  total: Type.Integer(),
  items: Type.Array(Type.Object({
    schoolId: Type.Integer(), schoolCode: Type.String(), schoolName: Type.String(), kind: Type.Enum(SCHOOL_KINDS),
    countyId: Type.Integer(), countyName: Type.String(), batch: Type.String(), built: Type.Boolean(),
    namedPerson: Nullable(Person),
    ...DueItem,
  })),
});
