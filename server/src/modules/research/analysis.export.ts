import type { Static } from 'typebox';
import type { ExportColumn } from '../../http/xlsx-export.js';
import { SCHOOL_KIND_NAMES } from '../org/org.export.js';
import type { AbsentRowSchema, CountyRowSchema, SchoolRowSchema, TeacherRowSchema } from './analysis.schema.js';

/**
 * The analysis lists as .xlsx, column for column as the page shows them (the page's grouped
 * cells, such as activities by kind and the S-T type mix, split into one column each).
 */

type SchoolRow = Static<typeof SchoolRowSchema>;
type CountyRow = Static<typeof CountyRowSchema>;
type TeacherRow = Static<typeof TeacherRowSchema>;
type AbsentRow = Static<typeof AbsentRowSchema>;

interface Figured {
  activities: { total: number; organised: number; byKind: Record<'joint_prep' | 'same_topic' | 'open_lesson' | 'lesson_review', number> };
  lessonsAttached: number;
  lessonsObserved: number;
  commentsReceived: number;
  commentsGiven: number;
  st: { codings: number; lessons: number; types: Record<'practice' | 'lecture' | 'dialogue' | 'mixed', number>; meanRt: number | null; meanCh: number | null };
}

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function figureColumns<T extends Figured>(lessonsHeader: string): ExportColumn<T>[] {
  return [
    { header: '参与活动', width: 10, value: (r) => r.activities.total },
    { header: '组织活动', width: 10, value: (r) => r.activities.organised },
    { header: '集体备课', width: 10, value: (r) => r.activities.byKind.joint_prep },
    { header: '同课异构', width: 10, value: (r) => r.activities.byKind.same_topic },
    { header: '公开课', width: 10, value: (r) => r.activities.byKind.open_lesson },
    { header: '评课议课', width: 10, value: (r) => r.activities.byKind.lesson_review },
    { header: lessonsHeader, width: 10, value: (r) => r.lessonsAttached },
    { header: '被观评课例', width: 12, value: (r) => r.lessonsObserved },
    { header: '收到评论', width: 10, value: (r) => r.commentsReceived },
    { header: '发表评论', width: 10, value: (r) => r.commentsGiven },
    { header: 'S-T 编码', width: 10, value: (r) => r.st.codings },
    { header: '已编码课例', width: 12, value: (r) => r.st.lessons },
    { header: '练习型', width: 8, value: (r) => r.st.types.practice },
    { header: '讲授型', width: 8, value: (r) => r.st.types.lecture },
    { header: '对话型', width: 8, value: (r) => r.st.types.dialogue },
    { header: '混合型', width: 8, value: (r) => r.st.types.mixed },
    { header: '平均 Rt', width: 10, value: (r) => percent(r.st.meanRt) },
    { header: '平均 Ch', width: 10, value: (r) => percent(r.st.meanCh) },
  ];
}

export const schoolColumns: ExportColumn<SchoolRow>[] = [
  { header: '学校', width: 28, value: (r) => r.name },
  { header: '学校标识码', width: 14, value: (r) => r.code },
  { header: '办学类型', width: 10, value: (r) => SCHOOL_KIND_NAMES[r.kind] },
  { header: '县区', width: 10, value: (r) => r.countyName },
  { header: '农村', width: 6, value: (r) => (r.locality === 'rural' ? '是' : '否') },
  { header: '贫困村', width: 8, value: (r) => (r.poorVillage ? '是' : '否') },
  { header: '本期参与', width: 10, value: (r) => (r.tookPart ? '是' : '否') },
  { header: '参与人数', width: 10, value: (r) => r.participants },
  ...figureColumns<SchoolRow>('提供课例'),
];

export const countyColumns: ExportColumn<CountyRow>[] = [
  { header: '县区', width: 12, value: (r) => r.name },
  { header: '学校数', width: 8, value: (r) => r.schools },
  { header: '参与学校', width: 10, value: (r) => r.schoolsTakingPart },
  { header: '参与率', width: 10, value: (r) => percent(r.schools ? r.schoolsTakingPart / r.schools : null) },
  { header: '参与人数', width: 10, value: (r) => r.participants },
  ...figureColumns<CountyRow>('提供课例'),
];

const ROLE_NAMES = { teacher: '教师', principal: '校长' } as const;

export const teacherColumns: ExportColumn<TeacherRow>[] = [
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '角色', width: 8, value: (r) => (r.role ? ROLE_NAMES[r.role] : '—') },
  ...figureColumns<TeacherRow>('执教课例'),
  { header: '所做 S-T 编码', width: 14, value: (r) => r.codingsGiven },
];

export const absentColumns: ExportColumn<AbsentRow>[] = [
  { header: '学校', width: 28, value: (r) => r.name },
  { header: '学校标识码', width: 14, value: (r) => r.code },
  { header: '办学类型', width: 10, value: (r) => SCHOOL_KIND_NAMES[r.kind] },
  { header: '县区', width: 10, value: (r) => r.countyName },
  { header: '农村', width: 6, value: (r) => (r.locality === 'rural' ? '是' : '否') },
  { header: '贫困村', width: 8, value: (r) => (r.poorVillage ? '是' : '否') },
  { header: '校长', width: 16, value: (r) => r.principals.map((p) => p.name).join('、') || '—' },
  { header: '责任部门', width: 16, value: (r) => r.departmentName ?? '教科所' },
  { header: '部门人员', width: 20, value: (r) => r.departmentStaff.map((p) => p.name).join('、') || '—' },
];

/** The rows of an answer as the async iterable sendXlsx streams. */
export async function* each<T>(rows: T[]): AsyncGenerator<T> {
  for (const r of rows) yield r;
}
