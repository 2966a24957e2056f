import { Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

/** Kindergarten care (接送, 晨检, 委托服药): the routes' shapes, shared by pickup.* and care.*. */
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const DayQuery = Type.Object({ day: Type.Optional(dayText('YYYY-MM-DD: the day to show; default today (Asia/Shanghai)')) }, { additionalProperties: false });

const Name = Type.String({ minLength: 1, maxLength: 30 });
const Relation = Type.String({ minLength: 1, maxLength: 20, description: '与孩子的关系：爷爷、外婆、姑姑…' });
const Phone = Type.String({ pattern: '^1[3-9]\\d{9}$', description: '11 位手机号' });
const Note = Type.String({ maxLength: 200 });

export const ChildRefSchema = Type.Object({
  id: Type.Integer(), name: Type.String(), classId: Type.Integer(), className: Type.String(), schoolName: Type.String(), label: Type.String(),
});

export const PickupPersonSchema = Type.Object({
  id: Type.Integer(),
  studentId: Type.Integer(),
  name: Type.String(),
  relation: Type.String(),
  phone: Type.String(),
  idLast4: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  hasPhoto: Type.Boolean(),
  createdAt: Type.String(),
});

export const OneOffSchema = Type.Object({
  id: Type.Integer(),
  studentId: Type.Integer(),
  day: Type.String(),
  name: Type.String(),
  relation: Type.String(),
  phone: Type.String(),
  hasPhoto: Type.Boolean(),
  /** waiting: valid on its day; used: a pick-up took it; expired: its day passed unused; cancelled by a guardian. */
  state: Type.Enum(['waiting', 'used', 'expired', 'cancelled'] as const),
  usedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const PickupPeopleSchema = Type.Object({
  child: ChildRefSchema,
  persons: Type.Array(PickupPersonSchema),
  oneOffs: Type.Array(OneOffSchema),
});

export const AddPersonBody = Type.Object({
  name: Name,
  relation: Relation,
  phone: Phone,
  idLast4: Type.Optional(Type.String({ pattern: '^\\d{3}[\\dXx]$', description: '身份证号后 4 位' })),
  birthDate: Type.Optional(dayText('出生日期：未满 18 周岁的人不能接送')),
}, { additionalProperties: false });

export const AddOneOffBody = Type.Object({
  day: dayText('哪一天接（当天有效，只能用一次）'),
  name: Name,
  relation: Relation,
  phone: Phone,
  birthDate: Type.Optional(dayText('出生日期：未满 18 周岁的人不能接送')),
}, { additionalProperties: false });

export const PickupBody = Type.Object({
  personId: Type.Optional(Type.Integer({ minimum: 1, description: '孩子的接送人之一' })),
  oneOffId: Type.Optional(Type.Integer({ minimum: 1, description: '家长的临时委托' })),
  name: Type.Optional(Name),
  phone: Type.Optional(Phone),
}, { additionalProperties: false });

export const PickupLogSchema = Type.Object({
  id: Type.Integer(),
  pickedAt: Type.String(),
  personName: Type.String(),
  personRelation: Type.String(),
  via: Type.Enum(['person', 'one_off'] as const),
  byName: Type.String(),
});

export const RefusalSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  personName: Type.String(),
  personPhone: Type.String(),
  reason: Type.Enum(['not_on_list', 'person_removed', 'one_off_used', 'one_off_expired', 'one_off_not_today', 'one_off_cancelled'] as const),
  byName: Type.String(),
});

export const PickupOutcomeSchema = Type.Object({
  outcome: Type.Enum(['picked_up', 'refused'] as const),
  pickup: Type.Union([PickupLogSchema, Type.Null()]),
  refusal: Type.Union([RefusalSchema, Type.Null()]),
  /** What the desk shows in large letters. */
  message: Type.String(),
  guardiansNotified: Type.Integer(),
});

export const ArrivalBody = Type.Object({ broughtBy: Type.String({ minLength: 1, maxLength: 40, description: '谁送来的：妈妈、爷爷…' }) }, { additionalProperties: false });
export const ArrivalSchema = Type.Object({ id: Type.Integer(), arrivedAt: Type.String(), broughtBy: Type.String(), byName: Type.String() });

export const HEALTH_STATUSES = ['normal', 'attention', 'sent_home'] as const;
export const HealthCheckBody = Type.Object({
  temperature: Type.Number({ minimum: 34, maximum: 43, description: '体温 °C，精确到 0.1' }),
  mouthOk: Type.Boolean(),
  handsOk: Type.Boolean(),
  skinOk: Type.Boolean(),
  status: Type.Enum(HEALTH_STATUSES),
  note: Type.Optional(Note),
}, { additionalProperties: false });
export const HealthCheckSchema = Type.Object({
  id: Type.Integer(), day: Type.String(), temperature: Type.Number(), mouthOk: Type.Boolean(), handsOk: Type.Boolean(), skinOk: Type.Boolean(),
  status: Type.Enum(HEALTH_STATUSES), note: Type.String(), checkedAt: Type.String(), byName: Type.String(),
});

export const AddMedicationBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 40, description: '药名' }),
  dose: Type.String({ minLength: 1, maxLength: 40, description: '每次剂量：5 ml、1 袋…' }),
  times: Type.Array(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), { minItems: 1, maxItems: 4, description: '服药时间 HH:MM' }),
  fromDay: dayText('从哪天'),
  toDay: dayText('到哪天（含）'),
  note: Type.Optional(Note),
}, { additionalProperties: false });
export const DoseBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export const DoseSchema = Type.Object({ id: Type.Integer(), day: Type.String(), givenAt: Type.String(), byName: Type.String(), note: Type.String() });
export const MedicationSchema = Type.Object({
  id: Type.Integer(), studentId: Type.Integer(), name: Type.String(), dose: Type.String(), times: Type.Array(Type.String()),
  fromDay: Type.String(), toDay: Type.String(), note: Type.String(), hasPhoto: Type.Boolean(), cancelled: Type.Boolean(),
  createdAt: Type.String(), doses: Type.Array(DoseSchema),
});
export const MedicationListSchema = Type.Object({ child: ChildRefSchema, items: Type.Array(MedicationSchema) });

export const ChildDaySchema = Type.Object({
  child: ChildRefSchema,
  day: Type.String(),
  arrival: Type.Union([ArrivalSchema, Type.Null()]),
  pickup: Type.Union([PickupLogSchema, Type.Null()]),
  refusals: Type.Array(RefusalSchema),
  healthCheck: Type.Union([HealthCheckSchema, Type.Null()]),
  /** Medication due that day, with the doses given that day. */
  medications: Type.Array(MedicationSchema),
});

export const ClassDaySchema = Type.Object({
  classId: Type.Integer(),
  className: Type.String(),
  schoolName: Type.String(),
  day: Type.String(),
  children: Type.Array(Type.Intersect([ChildDaySchema, Type.Object({ persons: Type.Array(PickupPersonSchema), oneOffs: Type.Array(OneOffSchema) })])),
});

export const KindergartenChildrenSchema = Type.Object({ items: Type.Array(ChildRefSchema) });
export const KindergartenClassesSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), schoolName: Type.String() })),
});
