import { Type } from 'typebox';

/** The family app's home (阳光少年首页): the children the signed-in person reaches, each labelled. */
export const FamilyChildSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  /** The school's student number (学籍号), so a guardian can tell the school which child they mean. */
  studentNo: Type.String(),
  classId: Type.Integer(),
  className: Type.String(),
  gradeLevel: Type.Integer(),
  schoolId: Type.Integer(),
  schoolName: Type.String(),
  schoolKind: Type.String(),
  /** "一年级(1)班 王小明": how every family page names the child. */
  label: Type.String(),
  /** The guardian's relation to the child (母亲, 父亲…); absent for class staff and principals. */
  relation: Type.Optional(Type.String()),
});

export const FamilyChildrenSchema = Type.Object({ items: Type.Array(FamilyChildSchema) });
