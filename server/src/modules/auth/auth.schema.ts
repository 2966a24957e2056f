import { Type } from 'typebox';
import { ACTIONS, DEPARTMENTS, ROLES } from '../../../../shared/domain.js';

export const RoleSchema = Type.Enum(ROLES);
export const DepartmentSchema = Type.Enum(DEPARTMENTS);

export const AssignmentSchema = Type.Object({
  id: Type.Integer(),
  role: RoleSchema,
  department: Type.Union([DepartmentSchema, Type.Null()]),
  cityId: Type.Union([Type.Integer(), Type.Null()]),
  countyId: Type.Union([Type.Integer(), Type.Null()]),
  schoolId: Type.Union([Type.Integer(), Type.Null()]),
  scopeName: Type.Union([Type.String(), Type.Null()]),
});

export const MeSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  assignments: Type.Array(AssignmentSchema),
  permissions: Type.Array(Type.Enum(ACTIONS)),
  csrfToken: Type.String(),
});
