import type { ExportColumn } from '../../http/xlsx-export.js';
import type { SchoolExportRow, SchoolView } from './org.service.js';

/** School kinds as officials name them (办学类型). */
export const SCHOOL_KIND_NAMES: Record<SchoolView['kind'], string> = {
  kindergarten: '幼儿园', primary: '小学', junior: '初中', nine_year: '九年一贯制', senior: '高中',
};

/** The school list as officials read it; the import template uses the same headers, so an export imports back. */
export const schoolExportColumns: ExportColumn<SchoolExportRow>[] = [
  { header: '学校标识码', width: 14, value: (s) => s.code },
  { header: '学校名称', width: 28, value: (s) => s.name },
  { header: '县(市、区)', width: 12, value: (s) => s.countyName },
  { header: '办学类型', width: 12, value: (s) => SCHOOL_KIND_NAMES[s.kind] },
  { header: '乡镇(街道)', width: 14, value: (s) => s.township },
  { header: '城乡', width: 8, value: (s) => (s.locality === 'urban' ? '城区' : '农村') },
  { header: '贫困村学校', width: 10, value: (s) => (s.poorVillage ? '是' : '否') },
  { header: '学生数', width: 8, value: (s) => s.studentCount },
  { header: '教职工数', width: 8, value: (s) => s.staffCount },
  { header: '地址', width: 30, value: (s) => s.address },
  { header: '联系人', width: 10, value: (s) => s.contactName },
  { header: '联系电话', width: 14, value: (s) => s.contactPhone },
  { header: '建设批次', width: 10, value: (s) => s.batch ?? '' },
  // Only programme schools are built or new; the import refuses 是 without a batch.
  { header: '已建成录播室', width: 12, value: (s) => (s.batch === null ? '' : s.built ? '是' : '否') },
];
