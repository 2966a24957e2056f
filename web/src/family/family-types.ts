/** A child as the family app shows it (the server's FamilyChild): every page labels it "一年级(1)班 王小明". */
export interface FamilyChildView {
  id: number;
  name: string;
  classId: number;
  className: string;
  gradeLevel: number;
  schoolId: number;
  schoolName: string;
  schoolKind: string;
  label: string;
  relation?: string;
}
