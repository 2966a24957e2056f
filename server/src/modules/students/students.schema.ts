import { Type } from 'typebox';

export const StudentSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  gender: Type.Union([Type.Literal('m'), Type.Literal('f')]),
  birthDate: Type.String({ description: 'YYYY-MM-DD' }),
  studentNo: Type.String(),
  schoolId: Type.Integer(),
  classId: Type.Integer(),
  className: Type.String(),
});

export const StudentFilterQuery = Type.Object({
  classId: Type.Optional(Type.Integer({ minimum: 1 })),
  schoolId: Type.Optional(Type.Integer({ minimum: 1 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});

export const StudentPage = Type.Object({
  items: Type.Array(StudentSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
