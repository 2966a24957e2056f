import type { Department } from '../../../../shared/domain.js';
import type { ExportColumn } from '../../http/xlsx-export.js';
import { SCHOOL_KIND_NAMES } from '../org/org.export.js';
import type { SchoolListItem } from './compliance.service.js';

const DEPARTMENT_NAMES: Record<Department, string> = { research: '教科所', edtech: '电教馆', preschool: '学前教研室' };

/** The rate as the page shows it: 87.5%, or — when no school day was judged. */
function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** 学校录播达标情况 as the page shows it, column for column (the page's two-line cells split in two). */
export const complianceSchoolColumns: ExportColumn<SchoolListItem>[] = [
  { header: '排名', width: 6, value: (s) => s.rank ?? '—' },
  { header: '学校', width: 28, value: (s) => s.name },
  { header: '学校标识码', width: 14, value: (s) => s.code },
  { header: '办学类型', width: 10, value: (s) => SCHOOL_KIND_NAMES[s.kind] },
  { header: '县区', width: 10, value: (s) => s.countyName },
  { header: '达标率', width: 10, value: (s) => (s.tracked ? percent(s.rate) : '未考核') },
  { header: '上学日', width: 8, value: (s) => s.schoolDays },
  { header: '达标', width: 8, value: (s) => s.metDays },
  { header: '未达标', width: 8, value: (s) => s.missedDays },
  { header: '连续达标 / 最长', width: 14, value: (s) => `${s.currentStreak} / ${s.longestStreak}` },
  { header: '责任部门', width: 20, value: (s) => s.responsible.departmentName ?? DEPARTMENT_NAMES[s.responsible.department] },
  { header: '责任人', width: 20, value: (s) => s.responsible.people.map((p) => p.name).join('、') },
];
