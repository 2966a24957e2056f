import { Type } from 'typebox';
import { DEPARTMENTS, ROLES } from '../../../../shared/domain.js';
import { AssignmentSchema } from '../auth/auth.schema.js';

export const PersonSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('guardian')]),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  assignments: Type.Array(AssignmentSchema),
});

export const PeopleFilterQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  role: Type.Optional(Type.Enum(ROLES)),
});

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const PersonPage = Type.Object({
  items: Type.Array(PersonSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const AssignmentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), assignmentId: Type.Integer({ minimum: 1 }) });

const NodeId = Type.Integer({ minimum: 1 });
const Phone = Type.String({ pattern: '^[0-9+\\- ]{5,20}$' });
// Long enough for any policy-passing password; the policy itself reports a too-long one in Chinese.
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const AssignmentRequest = Type.Object({
  role: Type.Enum(ROLES),
  department: Type.Optional(Type.Enum(DEPARTMENTS)),
  cityId: Type.Optional(NodeId),
  countyId: Type.Optional(NodeId),
  schoolId: Type.Optional(NodeId),
}, { additionalProperties: false });

export const CreatePersonBody = Type.Object({
  username: Type.String({ pattern: '^[a-z0-9._-]{3,32}$' }),
  name: Type.String({ minLength: 1, maxLength: 30 }),
  phone: Type.Optional(Phone),
  password: Password,
  assignments: Type.Optional(Type.Array(AssignmentRequest, { maxItems: 10 })),
}, { additionalProperties: false });

export const PersonPatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
  phone: Type.Optional(Type.Union([Phone, Type.Null()])),
  disabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });

export const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });

export { AssignmentSchema };
