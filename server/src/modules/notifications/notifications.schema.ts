import { type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const InboxQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'true: only unread notifications' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'quota_reminder, daily_digest, report_returned, follow_up_due …' }),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String({ description: 'a path inside the web app' })),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

export const InboxPage = Type.Object({
  items: Type.Array(NotificationSchema),
  total: Type.Integer(),
  unread: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const UnreadSchema = Type.Object({ unread: Type.Integer() });
export const MarkedSchema = Type.Object({ marked: Type.Integer() });
