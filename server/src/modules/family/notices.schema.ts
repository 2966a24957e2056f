import { Type } from 'typebox';

/** 家校通知: the routes' shapes (send, receipts, the family's inbox). */
export const NoticeParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const AttachmentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) });

export const AudienceSchema = Type.Object({
  kind: Type.Union([Type.Literal('classes'), Type.Literal('grades'), Type.Literal('schools'), Type.Literal('counties')]),
  ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });

export const SendNoticeBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  body: Type.String({ minLength: 1, maxLength: 5000 }),
  mustConfirm: Type.Optional(Type.Boolean({ description: 'the family taps 确认收到' })),
  urgent: Type.Optional(Type.Boolean({ description: 'pushed even in quiet hours (principal or bureau only)' })),
  emergency: Type.Optional(Type.Boolean({ description: 'a bureau\'s emergency notice: urgent, and to the schools\' staff too' })),
  includeStaff: Type.Optional(Type.Boolean({ description: 'the staff of the audience\'s schools too (principal or bureau)' })),
  audience: AudienceSchema,
  attachmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 10 })),
}, { additionalProperties: false });

export const SentNoticeSchema = Type.Object({
  id: Type.Integer(),
  families: Type.Integer(),
  staff: Type.Integer(),
  recipients: Type.Integer(),
  classes: Type.Integer(),
  urgent: Type.Boolean(),
  emergency: Type.Boolean(),
  /** True: sent in quiet hours and not urgent; the push goes at pushDueAt (07:00). */
  held: Type.Boolean(),
  pushDueAt: Type.String(),
  pushed: Type.Integer(),
});

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const InboxQuery = Type.Object({
  studentId: Type.Optional(Type.Integer({ minimum: 1, description: 'only the notices one child brought' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const ReceiptsQuery = Type.Object({
  classId: Type.Optional(Type.Integer({ minimum: 1, description: 'one class of the notice' })),
});

export const RemindBody = Type.Object({
  target: Type.Union([Type.Literal('unread'), Type.Literal('unconfirmed')], { description: 'who is reminded: not read yet, or not confirmed yet' }),
}, { additionalProperties: false });

export const RemindedSchema = Type.Object({ reminded: Type.Integer(), remindedAt: Type.String(), nextAt: Type.String() });

export const ProgressSchema = Type.Object({
  id: Type.Integer(),
  recipients: Type.Integer(),
  read: Type.Integer(),
  confirmed: Type.Integer(),
  staff: Type.Object({ recipients: Type.Integer(), read: Type.Integer(), confirmed: Type.Integer() }),
  rate: Type.Number(),
  confirmRate: Type.Number(),
  at: Type.String(),
});

export const ConfirmedSchema = Type.Object({ id: Type.Integer(), readAt: Type.String(), confirmedAt: Type.String() });

export const UnreadSchema = Type.Object({
  unread: Type.Integer(),
  byChild: Type.Array(Type.Object({ studentId: Type.Integer(), label: Type.String(), unread: Type.Integer() })),
});

export const AttachmentSchema = Type.Object({ id: Type.Integer(), name: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() });
