import { Type } from 'typebox';

/** A class's staff (班主任 and 任课教师): the routes' shapes. */
export const ClassStaffDuty = Type.Union([Type.Literal('head'), Type.Literal('subject')]);

export const ClassStaffMemberSchema = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  duty: ClassStaffDuty,
  subject: Type.String(),
});

export const ClassStaffListSchema = Type.Object({
  classId: Type.Integer(),
  className: Type.String(),
  schoolName: Type.String(),
  /** True for the school's principal: they may add and remove staff. */
  canEdit: Type.Boolean(),
  items: Type.Array(ClassStaffMemberSchema),
  /** The school's teachers to choose from (the principal's view only; empty otherwise). */
  teachers: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String() })),
});

export const AddClassStaffBody = Type.Object({
  userId: Type.Integer({ minimum: 1 }),
  duty: ClassStaffDuty,
  /** The subject taught (任课教师), e.g. 数学; may stay empty for the 班主任. */
  subject: Type.Optional(Type.String({ maxLength: 20 })),
}, { additionalProperties: false });

export const ClassIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ClassStaffParams = Type.Object({ id: Type.Integer({ minimum: 1 }), userId: Type.Integer({ minimum: 1 }) });
