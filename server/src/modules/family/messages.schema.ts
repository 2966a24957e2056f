import { Type } from 'typebox';

/** Teacher–parent messages (家校沟通): the routes' shapes. */
const Id = () => Type.Integer({ minimum: 1 });
/** HH:MM, 00:00 … 23:59 (or 24:00 as a range's end). */
const HHMM = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' });

export const MESSAGE_MAX = 1000;
export const REASON_MAX = 200;

export const IdParams = Type.Object({ id: Id() });

export const WorkingRangeSchema = Type.Object({
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  start: HHMM,
  end: HHMM,
}, { additionalProperties: false });

const PersonSchema = Type.Object({ userId: Type.Integer(), name: Type.String() });

export const StaffInConversationSchema = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  duty: Type.Union([Type.Literal('head'), Type.Literal('subject'), Type.Null()]),
  subject: Type.String(),
  hours: Type.Array(WorkingRangeSchema),
  /** At work now by their hours; null: no hours set. */
  atWork: Type.Union([Type.Boolean(), Type.Null()]),
});

export const ConversationSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('direct'), Type.Literal('class')]),
  /** "一年级(1)班 王小明" for a direct conversation, "一年级(1)班" for a class's. */
  label: Type.String(),
  schoolId: Type.Integer(),
  classId: Type.Integer(),
  className: Type.String(),
  child: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String(), studentNo: Type.String(), label: Type.String() }), Type.Null()]),
  guardian: Type.Union([PersonSchema, Type.Null()]),
  staff: Type.Union([PersonSchema, Type.Null()]),
  unread: Type.Integer(),
  lastMessage: Type.Union([Type.Object({ body: Type.String(), hidden: Type.Boolean(), at: Type.String(), senderName: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
});

export const ConversationListSchema = Type.Object({ items: Type.Array(ConversationSchema), unreadTotal: Type.Integer() });
export const UnreadCountSchema = Type.Object({ unreadTotal: Type.Integer(), conversations: Type.Integer() });

export const ConversationDetailSchema = Type.Object({
  conversation: ConversationSchema,
  /** Whose working hours the header shows: the direct conversation's teacher, or the class's staff. */
  teachers: Type.Array(StaffInConversationSchema),
  /** True when teachers have set hours and none is at work now: "老师非工作时间，消息将在工作时间查看". */
  offHours: Type.Boolean(),
  /** Whether the reader is the family side (guardian) or the school side (class staff). */
  side: Type.Union([Type.Literal('guardian'), Type.Literal('staff')]),
});

export const MessageSchema = Type.Object({
  id: Type.Integer(),
  conversationId: Type.Integer(),
  sender: Type.Object({ userId: Type.Integer(), name: Type.String(), side: Type.Union([Type.Literal('guardian'), Type.Literal('staff')]) }),
  mine: Type.Boolean(),
  /** The text, or "该消息已被学校隐藏" once the school hid it. */
  body: Type.String(),
  hidden: Type.Boolean(),
  createdAt: Type.String(),
});

export const MessagePageSchema = Type.Object({
  items: Type.Array(MessageSchema),
  /** Older messages exist: ask again with before = items[0].id. */
  hasMore: Type.Boolean(),
});

export const MessagePageQuery = Type.Object({
  before: Type.Optional(Id()),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }),
}, { additionalProperties: false });

export const ListQuery = Type.Object({ classId: Type.Optional(Id()) }, { additionalProperties: false });

export const StartDirectBody = Type.Object({
  studentId: Id(),
  /** A guardian names one of the child's class staff; class staff name one of the child's guardians. */
  withUserId: Id(),
}, { additionalProperties: false });

export const StartClassBody = Type.Object({ classId: Id() }, { additionalProperties: false });

export const PostMessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: MESSAGE_MAX }) }, { additionalProperties: false });

export const ReadSavedSchema = Type.Object({ conversationId: Type.Integer(), lastReadId: Type.Integer(), unread: Type.Integer() });

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: REASON_MAX }) }, { additionalProperties: false });
export const DismissBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: REASON_MAX })) }, { additionalProperties: false });

export const ReportSchema = Type.Object({
  id: Type.Integer(),
  messageId: Type.Integer(),
  conversationId: Type.Integer(),
  label: Type.String(),
  className: Type.String(),
  child: Type.Union([Type.Object({ id: Type.Integer(), studentNo: Type.String() }), Type.Null()]),
  reason: Type.String(),
  reporter: PersonSchema,
  sender: PersonSchema,
  /** The message as written (the principal reads a reported message to decide, nothing else of the conversation). */
  body: Type.String(),
  messageHidden: Type.Boolean(),
  state: Type.Union([Type.Literal('open'), Type.Literal('hidden'), Type.Literal('dismissed')]),
  createdAt: Type.String(),
  handledAt: Type.Union([Type.String(), Type.Null()]),
  handledNote: Type.Union([Type.String(), Type.Null()]),
});

export const ReportListQuery = Type.Object({
  state: Type.Union([Type.Literal('open'), Type.Literal('handled'), Type.Literal('all')], { default: 'open' }),
}, { additionalProperties: false });
export const ReportListSchema = Type.Object({ items: Type.Array(ReportSchema) });
export const ReportSavedSchema = Type.Object({ id: Type.Integer(), messageId: Type.Integer(), state: Type.String(), created: Type.Boolean() });

export const ContactsSchema = Type.Object({
  /** Per child: a guardian sees the class staff; class staff see the child's guardians. */
  items: Type.Array(Type.Object({
    child: Type.Object({ id: Type.Integer(), name: Type.String(), studentNo: Type.String(), label: Type.String(), classId: Type.Integer(), className: Type.String() }),
    people: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), note: Type.String() })),
  })),
  /** The classes where the caller may start a class conversation (class staff only). */
  classes: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), conversationId: Type.Union([Type.Integer(), Type.Null()]) })),
});

export const WorkingHoursSchema = Type.Object({ ranges: Type.Array(WorkingRangeSchema), updatedAt: Type.Union([Type.String(), Type.Null()]) });
export const WorkingHoursBody = Type.Object({ ranges: Type.Array(WorkingRangeSchema, { maxItems: 21 }) }, { additionalProperties: false });
