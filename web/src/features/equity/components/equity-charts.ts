import type { TFunction } from 'i18next';
import type { EquityFlow, EquityRegion, EquityTrendMonth } from '@shared/equity-api-types';
import type { EChartsOption } from '../../dashboards/components/echarts';

// Pure builders of the equity page's chart options; each returns the option and what a click on
// a bar or node stands for, so the page can open the list behind it.

/** A figure as the page prints it: three decimals, or — when it does not exist (nobody did anything). */
export const ratioText = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
export const percentText = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** The three bars of a group chart, and the list each opens. */
export const GROUP_SERIES = [
  { key: 'producers', filter: 'producers', color: '#1f63d6' },
  { key: 'users', filter: 'users', color: '#13a8a8' },
  { key: 'idleSchools', filter: 'idle', color: '#eb5757' },
] as const;

type Group = EquityRegion['byKind'][number] | EquityRegion['byLocality'][number];

/** Producing, using and idle schools per group (school kind or locality group). */
export function groupBars<G extends Group>(t: TFunction, groups: readonly G[], label: (g: G) => string): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: groups.map(label), triggerEvent: true },
    yAxis: { type: 'value', minInterval: 1 },
    series: GROUP_SERIES.map((s) => ({
      name: t(`equity.${s.key}`), type: 'bar', barMaxWidth: 24, itemStyle: { color: s.color },
      data: groups.map((g) => (s.key === 'producers' ? g.producers : s.key === 'users' ? g.users : g.idle)),
    })),
  };
}

/**
 * County → county flows as a Sankey: a county appears twice, as a source on the left and as a
 * user on the right, so a county using its own lessons is a band, not a loop (Sankey allows none).
 */
export function flowSankey(t: TFunction, flows: readonly EquityFlow[]): EChartsOption {
  const from = (f: EquityFlow) => t('equity.from', { name: f.fromCountyName });
  const to = (f: EquityFlow) => t('equity.to', { name: f.toCountyName });
  const nodes = [...new Set([...flows.map(from), ...flows.map(to)])].map((name) => ({ name }));
  return {
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey', left: 8, right: 120, top: 8, bottom: 8, emphasis: { focus: 'adjacency' }, nodeAlign: 'justify',
      data: nodes, links: flows.map((f) => ({ source: from(f), target: to(f), value: f.uses })),
      lineStyle: { color: 'gradient', opacity: 0.45 },
    }],
  } as EChartsOption;
}

/** Producing and using schools per month, and the village reach on a percent axis. */
export function trendLines(t: TFunction, trend: readonly EquityTrendMonth[]): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: trend.map((m) => m.month) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: t('equity.trendProducers'), type: 'line', data: trend.map((m) => m.producers), itemStyle: { color: '#1f63d6' } },
      { name: t('equity.trendUsers'), type: 'line', data: trend.map((m) => m.users), itemStyle: { color: '#13a8a8' } },
      {
        name: t('equity.trendVillage'), type: 'line', yAxisIndex: 1, itemStyle: { color: '#f7a400' },
        data: trend.map((m) => (m.villageReach === null ? null : Math.round(m.villageReach * 1000) / 10)),
      },
    ],
  };
}
