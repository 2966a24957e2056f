import { type TSchema, Type } from 'typebox';
import { dayText } from '../../http/schema-types.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateText = dayText();

/** 通报 (a notice on progress), 表彰 (commendation), 批评 (criticism). */
export const BULLETIN_KINDS = ['notice', 'commendation', 'criticism'] as const;
export const BULLETIN_STATUSES = ['draft', 'published'] as const;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const CreateBulletinBody = Type.Object({
  kind: Type.Enum(BULLETIN_KINDS),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20000 }),
  issuedOn: DateText,
  schoolIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, uniqueItems: true, default: [] }),
  countyIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, uniqueItems: true, default: [] }),
  publish: Type.Boolean({ default: true, description: 'false keeps it a draft that only the city bureau sees' }),
});

export const ListQuery = Type.Object({
  kind: Type.Optional(Type.Enum(BULLETIN_KINDS)),
  status: Type.Optional(Type.Enum(BULLETIN_STATUSES)),
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const SubjectSchema = Type.Object({
  kind: Type.Union([Type.Literal('school'), Type.Literal('county')]),
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  countyName: Type.String(),
});

export const BulletinSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(BULLETIN_KINDS),
  title: Type.String(),
  body: Type.String(),
  issuedOn: Type.String(),
  status: Type.Enum(BULLETIN_STATUSES),
  publishedAt: Nullable(Type.String()),
  createdByName: Type.String(),
  subjects: Type.Array(SubjectSchema),
});

export const BulletinPage = Type.Object({ items: Type.Array(BulletinSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const CommendationsSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), issuedOn: Type.String() })),
});
