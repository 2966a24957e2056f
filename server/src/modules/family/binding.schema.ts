import { Type } from 'typebox';

/** Binding a guardian to a child (家长绑定孩子): the routes' shapes. */
export const RELATIONS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他'] as const;

export const RedeemBody = Type.Object({
  /** The class's invitation code, as printed or in the QR's URL (case and spaces do not matter). */
  code: Type.String({ minLength: 4, maxLength: 16 }),
  childName: Type.String({ minLength: 1, maxLength: 20 }),
  /** The last four digits of the child's student number (学号后四位). */
  studentNoLast4: Type.String({ pattern: '^[0-9]{4}$' }),
  relation: Type.Enum(RELATIONS),
  /** The relation in words when `relation` is 其他 (e.g. 舅舅). */
  relationText: Type.Optional(Type.String({ maxLength: 10 })),
}, { additionalProperties: false });

export const BindingStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('rejected')]);

/** A request as its parent sees it. */
export const MyRequestSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  schoolName: Type.String(),
  relation: Type.String(),
  status: BindingStatusSchema,
  reason: Type.String(),
  createdAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});

export const MyChildSchema = Type.Object({
  studentId: Type.Integer(),
  name: Type.String(),
  studentNo: Type.String(),
  label: Type.String(),
  schoolName: Type.String(),
  relation: Type.String(),
});

export const MineSchema = Type.Object({ children: Type.Array(MyChildSchema), requests: Type.Array(MyRequestSchema) });

/** A request as the class's staff see it. */
export const ClassRequestSchema = Type.Object({
  id: Type.Integer(),
  classId: Type.Integer(),
  studentId: Type.Integer(),
  label: Type.String(),
  guardianUserId: Type.Integer(),
  guardianName: Type.String(),
  relation: Type.String(),
  status: BindingStatusSchema,
  reason: Type.String(),
  createdAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
});

export const ClassRequestsSchema = Type.Object({ items: Type.Array(ClassRequestSchema) });
export const RequestsQuery = Type.Object({ status: Type.Optional(BindingStatusSchema) }, { additionalProperties: false });

export const CodeSchema = Type.Object({
  id: Type.Integer(),
  classId: Type.Integer(),
  code: Type.String(),
  /** The family app's bind page with this code: what the class QR code holds. */
  url: Type.String(),
  maxUses: Type.Integer(),
  uses: Type.Integer(),
  expiresAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  createdByName: Type.String(),
  state: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked'), Type.Literal('used_up')]),
});

export const CodesSchema = Type.Object({ items: Type.Array(CodeSchema) });

export const NewCodeBody = Type.Object({
  /** Days the code runs (default 14). */
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  /** Requests it may make at most (default 60, a class's families). */
  maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
}, { additionalProperties: false });

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const StaffClassesSchema = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), schoolName: Type.String(), pending: Type.Integer(),
  })),
});

export const RosterSchema = Type.Object({
  classId: Type.Integer(),
  className: Type.String(),
  schoolName: Type.String(),
  items: Type.Array(Type.Object({
    studentId: Type.Integer(),
    name: Type.String(),
    studentNo: Type.String(),
    label: Type.String(),
    guardians: Type.Array(Type.Object({
      userId: Type.Integer(), name: Type.String(), relation: Type.String(),
      /** When a binding request made them guardian; null for guardians the school registered. */
      boundAt: Type.Union([Type.String(), Type.Null()]),
    })),
  })),
});

export const OkSchema = Type.Object({ ok: Type.Boolean() });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const StudentParams = Type.Object({ studentId: Type.Integer({ minimum: 1 }) });
export const GuardianParams = Type.Object({ id: Type.Integer({ minimum: 1 }), userId: Type.Integer({ minimum: 1 }) });
