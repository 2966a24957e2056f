import type { TFunction } from 'i18next';
import type { AnalysisCountyRow, AnalysisSchoolRow } from '@shared/research-analysis-types';
import type { EChartsOption } from '../../../dashboards/components/echarts';

// Pure builders of the analysis's charts: participation by school (activities stacked by kind)
// and schools taking part per county. Category labels are clickable (`triggerEvent`).

export const KINDS = ['joint_prep', 'same_topic', 'open_lesson', 'lesson_review'] as const;
const KIND_COLORS = { joint_prep: '#1f63d6', same_topic: '#13a8a8', open_lesson: '#f7a400', lesson_review: '#9254de' } as const;
/** Schools drawn at most; the table below lists them all. */
export const CHART_SCHOOLS = 40;

const tr = (t: TFunction, key: string) => (t as unknown as (k: string) => string)(key);

/**
 * Activities per school that took part, stacked by kind, the most active at the top. Schools that
 * took part in nothing have their own list (with who answers for them), not empty bars here.
 */
export function schoolBars(t: TFunction, rows: AnalysisSchoolRow[]): { option: EChartsOption; ids: number[]; height: number; cut: boolean } {
  const sorted = rows.filter((r) => r.tookPart).sort((a, b) => b.activities.total - a.activities.total || a.code.localeCompare(b.code));
  const shown = sorted.slice(0, CHART_SCHOOLS).reverse();
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((r) => r.name), triggerEvent: true, axisLabel: { width: 160, overflow: 'truncate', interval: 0 } },
    series: KINDS.map((kind) => ({
      name: tr(t, `researchAnalysis.kinds.${kind}`), type: 'bar' as const, stack: 'kinds', barMaxWidth: 22,
      itemStyle: { color: KIND_COLORS[kind] }, data: shown.map((r) => r.activities.byKind[kind]),
    })),
  };
  return { option, ids: shown.map((r) => r.schoolId), height: Math.max(240, shown.length * 26 + 70), cut: sorted.length > shown.length };
}

/** Schools taking part and not, per county. */
export function countyBars(t: TFunction, rows: AnalysisCountyRow[]): { option: EChartsOption; ids: number[] } {
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), triggerEvent: true, axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('researchAnalysis.takingPart'), type: 'bar', stack: 'schools', barMaxWidth: 36, itemStyle: { color: '#52c41a' }, data: rows.map((r) => r.schoolsTakingPart) },
      { name: t('researchAnalysis.notTakingPart'), type: 'bar', stack: 'schools', barMaxWidth: 36, itemStyle: { color: '#ff4d4f' }, data: rows.map((r) => r.schools - r.schoolsTakingPart) },
    ],
  };
  return { option, ids: rows.map((r) => r.countyId) };
}
