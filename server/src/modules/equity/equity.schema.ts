import { Type } from 'typebox';
import { SCHOOL_KINDS } from '../../../../shared/domain.js';
import { LOCALITY_GROUPS, SCHOOL_FILTERS } from './equity.service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Ratio = Nullable(Type.Number());

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM (Asia/Shanghai); default this month' });

export const EquityQuery = Type.Object({
  month: Type.Optional(Month),
  countyId: Type.Optional(Type.Integer({ minimum: 1, description: 'one county of your scope (404 outside it)' })),
}, { additionalProperties: false });

export const SchoolsQuery = Type.Object({
  month: Type.Optional(Month),
  countyId: Type.Optional(Type.Integer({ minimum: 1 })),
  filter: Type.Optional(Type.Union(SCHOOL_FILTERS.map((f) => Type.Literal(f)), { description: 'which figure the list is behind' })),
  kind: Type.Optional(Type.Union(SCHOOL_KINDS.map((k) => Type.Literal(k)))),
  locality: Type.Optional(Type.Union(LOCALITY_GROUPS.map((g) => Type.Literal(g)))),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
}, { additionalProperties: false });

export const RecommendationsQuery = Type.Object({
  schoolId: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });

const Figures = {
  schools: Type.Integer(),
  producers: Type.Integer({ description: 'schools that published at least one resource in the month' }),
  users: Type.Integer({ description: 'schools whose people used at least one resource in the month' }),
  idle: Type.Integer({ description: 'schools that neither published nor used' }),
  produced: Type.Integer(),
  used: Type.Integer(),
  productionGini: Ratio,
  productionCv: Type.Union([Type.Number(), Type.Null()], { description: '校际差异系数: population SD / mean of per-school figures' }),
  useGini: Ratio,
  useCv: Ratio,
  villageSchools: Type.Integer(),
  villageReached: Type.Integer(),
  villageReach: Type.Union([Type.Number(), Type.Null()], { description: 'share of 贫困村 schools that used a featured lesson in the month' }),
};

const Responsible = Type.Object({
  departmentName: Nullable(Type.String()),
  people: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String() })),
});

const SchoolItem = Type.Object({
  id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.String(), locality: Type.String(), poorVillage: Type.Boolean(),
  countyId: Type.Integer(), countyName: Type.String(),
  produced: Type.Integer(), featured: Type.Integer(), used: Type.Integer(), featuredUsed: Type.Integer(),
  responsible: Responsible,
});

export const EquitySchema = Type.Object({
  month: Type.String(),
  countyId: Nullable(Type.Integer()),
  total: Type.Object(Figures),
  regions: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), level: Type.String(), parentId: Nullable(Type.Integer()),
    ...Figures,
    byKind: Type.Array(Type.Object({ kind: Type.String(), ...Figures })),
    byLocality: Type.Array(Type.Object({ group: Type.String(), ...Figures })),
  })),
  flows: Type.Array(Type.Object({
    fromCountyId: Type.Integer(), fromCountyName: Type.String(), toCountyId: Type.Integer(), toCountyName: Type.String(), uses: Type.Integer(),
  }, { description: 'uses by schools of toCounty of resources published by schools of fromCounty' })),
  idle: Type.Object({ total: Type.Integer(), items: Type.Array(SchoolItem) }),
  trend: Type.Array(Type.Object({
    month: Type.String(), producers: Type.Integer(), users: Type.Integer(), produced: Type.Integer(), used: Type.Integer(),
    productionGini: Ratio, productionCv: Ratio, useGini: Ratio, useCv: Ratio, villageReach: Ratio,
  })),
});

export const SchoolsPageSchema = Type.Object({
  month: Type.String(), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(SchoolItem),
});

export const RecommendationsSchema = Type.Object({
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  items: Type.Array(Type.Object({
    id: Type.Integer(), title: Type.String(), subject: Type.String(), grade: Type.String(), feature: Type.String(),
    schoolId: Type.Integer(), schoolName: Type.String(), countyId: Type.Integer(), countyName: Type.String(), featuredAt: Nullable(Type.String()),
  })),
});
