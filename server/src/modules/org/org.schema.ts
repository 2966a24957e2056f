import { Type } from 'typebox';
import { DEPARTMENTS, LOCALITIES, SCHOOL_KINDS } from '../../../../shared/domain.js';

export const SchoolKindSchema = Type.Enum(SCHOOL_KINDS);
export const LocalitySchema = Type.Enum(LOCALITIES);

export const SchoolSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: SchoolKindSchema,
  countyId: Type.Integer(),
  countyName: Type.String(),
  cityId: Type.Integer(),
  township: Type.String(),
  locality: LocalitySchema,
  poorVillage: Type.Boolean(),
  studentCount: Type.Integer(),
  staffCount: Type.Integer(),
  address: Type.String(),
  contactName: Type.String(),
  contactPhone: Type.String(),
  batch: Type.Union([Type.String(), Type.Null()]),
});

export const SchoolFilterQuery = Type.Object({
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  kind: Type.Optional(SchoolKindSchema),
  locality: Type.Optional(LocalitySchema),
  poorVillage: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 50 })),
});

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const SchoolPage = Type.Object({
  items: Type.Array(SchoolSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const SchoolPatch = Type.Partial(Type.Object({
  name: Type.String({ minLength: 2, maxLength: 60 }),
  township: Type.String({ minLength: 1, maxLength: 30 }),
  locality: LocalitySchema,
  poorVillage: Type.Boolean(),
  studentCount: Type.Integer({ minimum: 0, maximum: 20000 }),
  staffCount: Type.Integer({ minimum: 0, maximum: 2000 }),
  address: Type.String({ maxLength: 120 }),
  contactName: Type.String({ maxLength: 30 }),
  contactPhone: Type.String({ pattern: '^[0-9+\\- ]{0,20}$' }),
}), { minProperties: 1 });

export const GradeSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  level: Type.Integer(),
  classes: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});

export const RegionSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.Literal('city'), Type.Literal('county')]),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  bureauName: Type.String(),
  departments: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.Enum(DEPARTMENTS), name: Type.String() })),
});

export const SummarySchema = Type.Object({
  counties: Type.Integer(),
  schools: Type.Integer(),
  kindergartens: Type.Integer(),
  poorVillage: Type.Integer(),
  byCounty: Type.Array(Type.Object({
    id: Type.Integer(), code: Type.String(), name: Type.String(), schools: Type.Integer(),
    kindergartens: Type.Integer(), primaryAndJunior: Type.Integer(), poorVillage: Type.Integer(),
  })),
});
