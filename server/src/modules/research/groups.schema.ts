import { type TSchema, Type } from 'typebox';
import { ActivitySummarySchema } from './activities.schema.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = () => Type.Integer({ minimum: 1 });

/** 教研组 (a school's subject group) · 名师工作室 (a master teacher's studio spanning schools). */
export const GROUP_KINDS = ['subject_group', 'master_studio'] as const;

export const GroupParams = Type.Object({ id: Id() });

export const CreateGroupBody = Type.Object({
  kind: Type.Enum(GROUP_KINDS),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  subject: Type.String({ maxLength: 20 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  /** The school of a 教研组 (required for subject_group; a studio belongs to its creator's county or city). */
  schoolId: Type.Optional(Id()),
  leaderUserId: Id(),
  memberIds: Type.Array(Id(), { maxItems: 200, uniqueItems: true }),
});

export const UpdateGroupBody = Type.Partial(Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  subject: Type.String({ maxLength: 20 }),
  description: Type.String({ maxLength: 2000 }),
  leaderUserId: Id(),
  memberIds: Type.Array(Id(), { maxItems: 200, uniqueItems: true }),
}));

export const GroupListQuery = Type.Object({
  view: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('supervised')])),
  kind: Type.Optional(Type.Enum(GROUP_KINDS)),
  archived: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const GroupSummarySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(GROUP_KINDS),
  name: Type.String(),
  subject: Type.String(),
  level: Type.Union([Type.Literal('city'), Type.Literal('county'), Type.Literal('school')]),
  nodeName: Type.String(),
  cityId: Type.Integer(),
  countyId: Nullable(Type.Integer()),
  schoolId: Nullable(Type.Integer()),
  schoolCode: Nullable(Type.String()),
  leaderUserId: Type.Integer(),
  leaderName: Type.String(),
  memberCount: Type.Integer(),
  activityCount: Type.Integer(),
  archivedAt: Nullable(Type.String()),
});

export const GroupPage = Type.Object({ items: Type.Array(GroupSummarySchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const GroupDetailSchema = Type.Object({
  ...GroupSummarySchema.properties,
  description: Type.String(),
  createdAt: Type.String(),
  members: Type.Array(Type.Object({
    userId: Type.Integer(), name: Type.String(), role: Type.Union([Type.Literal('leader'), Type.Literal('member')]),
    schoolId: Nullable(Type.Integer()), schoolName: Nullable(Type.String()), joinedAt: Type.String(),
  })),
  /** The group's activities the viewer reaches, newest first (the group's feed). */
  activities: Type.Array(ActivitySummarySchema),
  may: Type.Object({ edit: Type.Boolean(), organise: Type.Boolean() }),
});
