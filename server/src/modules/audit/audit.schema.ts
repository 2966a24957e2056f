import { Type } from 'typebox';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;

// A day (taken as a Beijing-time calendar day) or an instant with its zone, so no bound is ambiguous.
const DAY_OR_INSTANT = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$';

export const AuditFilterQuery = Type.Object({
  from: Type.Optional(Type.String({ pattern: DAY_OR_INSTANT, description: '起始：日期（北京时间当日 0 点起）或带时区的时刻，含' })),
  to: Type.Optional(Type.String({ pattern: DAY_OR_INSTANT, description: '截止：日期（含当日全天）或带时区的时刻，含' })),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: '操作人用户名或姓名的一部分' })),
  action: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*(\\.\\*)?$', maxLength: 60, description: '操作，如 auth.login；auth.* 匹配一类' })),
  result: Type.Optional(Type.Enum(AUDIT_RESULTS)),
  targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
});

export const AuditPageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const AuditItemSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ description: 'ISO-8601 UTC' }),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  targetName: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: '对象的名称（人员姓名、学校名称、录像标题…）' })),
  result: Type.Enum(AUDIT_RESULTS),
  ip: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const AUDIT_CHAIN_PROBLEMS = ['edited', 'deleted', 'truncated', 'anchor_mismatch', 'head_mismatch'] as const;

export const AuditVerifySchema = Type.Object({
  ok: Type.Boolean(),
  rowsChecked: Type.Integer(),
  firstBadId: Type.Union([Type.Integer(), Type.Null()]),
  problem: Type.Union([Type.Enum(AUDIT_CHAIN_PROBLEMS), Type.Null()]),
  message: Type.String({ description: '校验结论（中文）' }),
  detail: Type.Union([Type.String(), Type.Null()], { description: 'Technical detail with the hashes involved' }),
  headId: Type.Integer(),
  headHash: Type.String(),
  anchor: Type.Union([Type.Object({ firstId: Type.Integer(), prevHash: Type.String(), purgedAt: Type.String() }), Type.Null()]),
});
