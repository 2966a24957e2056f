import type { TFunction } from 'i18next';
import type { CityDashboard, SchoolDashboard } from '@shared/api-types';
import type { EChartsOption } from './echarts';
import { pct } from './links';

// Pure builders of the dashboards' chart options, one per figure; `big` enlarges text for the 大屏.

type Summary = CityDashboard['month'];
type Trend = CityDashboard['trend'];
type Heatmap = CityDashboard['heatmap'];
type RolloutRow = NonNullable<CityDashboard['rollout']>[number];
type SubjectRow = NonNullable<CityDashboard['recordings']>['rows'][number];
type SchoolDay = SchoolDashboard['days']['days'][number];

export const STATE_COLORS = { met: '#52c41a', missed: '#ff4d4f', pending: '#faad14', off: '#bfbfbf' } as const;
const STATES = ['met', 'missed', 'pending', 'off'] as const;

const fontSize = (big: boolean) => (big ? 16 : 12);
const percentAxis = (big: boolean) => ({ type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: fontSize(big) } });
const rateTooltip = (value: unknown) => (typeof value === 'number' ? `${value}%` : '—');

/**
 * This month's and the as-of day's rate per county (or per school of a county). Few rows stand as
 * columns; many lie as bars, worst at the top. Axis labels are clickable (`triggerEvent`).
 */
export function rateBars(t: TFunction, day: Summary, month: Summary, opts: { big?: boolean; limit?: number } = {}): { option: EChartsOption; ids: number[]; names: string[]; height: number } {
  const big = opts.big ?? false;
  const dayById = new Map(day.rows.map((r) => [r.id, r]));
  let rows = month.rows;
  const horizontal = rows.length > 10;
  if (horizontal) rows = [...rows].filter((r) => r.rate !== null || r.schoolDays > 0).sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2)).slice(0, opts.limit ?? 30).reverse();
  const names = rows.map((r) => r.name);
  const category = { type: 'category' as const, data: names, triggerEvent: true, axisLabel: { fontSize: fontSize(big), interval: 0, ...(horizontal ? { width: 150, overflow: 'truncate' as const } : { rotate: names.length > 6 && !big ? 30 : 0 }) } };
  const series = [
    { name: t('dashboards.monthRate'), type: 'bar' as const, data: rows.map((r) => pct(r.rate)), barMaxWidth: 28, label: { show: !horizontal || rows.length <= 20, position: horizontal ? ('right' as const) : ('top' as const), formatter: '{c}%', fontSize: fontSize(big) - 1 } },
    { name: t('dashboards.dayRate'), type: 'bar' as const, data: rows.map((r) => pct(dayById.get(r.id)?.rate)), barMaxWidth: 28 },
  ];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', valueFormatter: rateTooltip },
    legend: { top: 0, textStyle: { fontSize: fontSize(big) } },
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    xAxis: horizontal ? percentAxis(big) : category,
    yAxis: horizontal ? category : percentAxis(big),
    series,
  };
  return { option, ids: rows.map((r) => r.id), names, height: horizontal ? Math.max(280, rows.length * 26 + 60) : big ? 380 : 320 };
}

/** The 30 days up to the as-of day: the rate as a line, missed school days as bars. */
export function trendLine(t: TFunction, trend: Trend, opts: { big?: boolean } = {}): EChartsOption {
  const big = opts.big ?? false;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: fontSize(big) } },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.days.map((d) => d.day.slice(5)), axisLabel: { fontSize: fontSize(big) } },
    yAxis: [
      { ...percentAxis(big), name: '' },
      { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize(big) }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('dashboards.rate'), type: 'line', connectNulls: true, smooth: true, symbolSize: big ? 8 : 6,
        data: trend.days.map((d) => pct(d.rate)), tooltip: { valueFormatter: rateTooltip }, lineStyle: { width: big ? 3 : 2 },
      },
      {
        name: t('dashboards.missedDays'), type: 'bar', yAxisIndex: 1, barMaxWidth: 14, itemStyle: { color: STATE_COLORS.missed, opacity: 0.55 },
        data: trend.days.map((d) => d.schoolDays - d.metDays - d.pendingDays),
      },
    ],
  };
}

/**
 * Rollout against the batches' targets: schools registered, installed, activated and in regular
 * use, per county (the city) or per batch and school group (one county).
 */
export function rolloutBars(
  t: TFunction, rows: RolloutRow[], opts: { big?: boolean; by?: 'county' | 'batch' } = {},
): { option: EChartsOption; ids: number[]; names: string[] } {
  const big = opts.big ?? false;
  const byCounty = new Map<string, { id: number; name: string; target: number; registered: number; installed: number; activated: number; inRegularUse: number; overdue: number }>();
  for (const r of rows) {
    const key = opts.by === 'batch' ? `${r.batch} ${r.group}` : String(r.countyId);
    const name = opts.by === 'batch' ? `${r.batch} ${t(`dashboards.groups.${r.group}`)}` : r.countyName;
    const c = byCounty.get(key) ?? { id: r.countyId, name, target: 0, registered: 0, installed: 0, activated: 0, inRegularUse: 0, overdue: 0 };
    c.target += r.target; c.registered += r.registered; c.installed += r.installed; c.activated += r.activated;
    c.inRegularUse += r.inRegularUse; c.overdue += r.overdue;
    byCounty.set(key, c);
  }
  const counties = [...byCounty.values()];
  const ids = counties.map((c) => c.id);
  const bar = (key: 'registered' | 'installed' | 'activated' | 'inRegularUse') => ({
    name: t(`dashboards.milestones.${key}`), type: 'bar' as const, barMaxWidth: 16, data: counties.map((c) => c[key]),
  });
  return {
    ids,
    names: counties.map((c) => c.name),
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: fontSize(big) } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: counties.map((c) => c.name), triggerEvent: true, axisLabel: { fontSize: fontSize(big), interval: 0, rotate: counties.length > 6 && !big ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize(big) } },
      series: [
        { name: t('dashboards.target'), type: 'bar', barMaxWidth: 16, itemStyle: { color: 'rgba(140,140,140,0.35)' }, data: counties.map((c) => c.target) },
        bar('registered'), bar('installed'), bar('activated'), bar('inRegularUse'),
      ],
    },
  };
}

/** Schools (rows) × days (columns): met, missed, pending, no school; empty where there is no row. */
export function missedDayHeatmap(t: TFunction, heatmap: Heatmap, opts: { big?: boolean } = {}): { option: EChartsOption; height: number } {
  const big = opts.big ?? false;
  const rows = [...heatmap.rows].reverse(); // worst at the top
  const data: [number, number, number][] = [];
  rows.forEach((r, y) => r.cells.forEach((cell, x) => {
    if (cell !== null) data.push([x, y, STATES.indexOf(cell)]);
  }));
  return {
    height: Math.max(220, rows.length * (big ? 26 : 22) + 90),
    option: {
      tooltip: {
        formatter: (p: unknown) => {
          const { value } = p as { value: [number, number, number] };
          const school = rows[value[1]];
          return `${school?.name ?? ''}<br/>${heatmap.days[value[0]] ?? ''}：${t(`dashboards.states.${STATES[value[2]] ?? 'none'}`)}`;
        },
      },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: heatmap.days.map((d) => d.slice(5)), splitArea: { show: true }, axisLabel: { fontSize: fontSize(big) } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), triggerEvent: true, axisLabel: { fontSize: big ? 14 : 12, interval: 0, width: 160, overflow: 'truncate' } },
      visualMap: {
        type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2, textStyle: { fontSize: fontSize(big) },
        pieces: STATES.map((s, i) => ({ value: i, label: t(`dashboards.states.${s}`), color: STATE_COLORS[s] })),
      },
      series: [{ name: t('dashboards.heatmap'), type: 'heatmap', data, itemStyle: { borderColor: big ? '#0b1a33' : '#fff', borderWidth: 2 } }],
    },
  };
}

/** Counted lessons per subject, stacked by grade. */
export function subjectGradeBars(t: TFunction, rows: SubjectRow[], opts: { big?: boolean } = {}): { option: EChartsOption; subjects: string[] } {
  const big = opts.big ?? false;
  const subjects = [...new Set(rows.map((r) => r.subject))];
  const grades = [...new Set(rows.map((r) => r.grade))].sort(gradeOrder);
  const count = new Map(rows.map((r) => [`${r.subject}\u0000${r.grade}`, r.lessons]));
  return {
    subjects,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll', textStyle: { fontSize: fontSize(big) } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: subjects, triggerEvent: true, axisLabel: { fontSize: fontSize(big), interval: 0, rotate: subjects.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize(big) } },
      series: grades.map((g) => ({ name: g || t('dashboards.noGrade'), type: 'bar' as const, stack: 'grades', barMaxWidth: 36, data: subjects.map((s) => count.get(`${s}\u0000${g}`) ?? 0) })),
    },
  };
}

const GRADE_ORDER = ['小班', '中班', '大班', '一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级', '初一', '初二', '初三', '高一', '高二', '高三'];
function gradeOrder(a: string, b: string): number {
  const i = GRADE_ORDER.indexOf(a);
  const j = GRADE_ORDER.indexOf(b);
  return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || a.localeCompare(b);
}

/** One school's days as a calendar: each day coloured by its verdict, counted lessons in the tooltip. */
export function schoolCalendar(t: TFunction, days: SchoolDay[], range: { from: string; to: string }, zh = true): EChartsOption {
  const data = days.map((d) => {
    const state = !d.schoolDay ? 'off' : d.met === null ? null : d.met ? 'met' : d.pending ? 'pending' : 'missed';
    return { value: [d.day, state === null ? -1 : STATES.indexOf(state)], counted: d.counted, reason: d.reasonName };
  });
  return {
    tooltip: {
      formatter: (p: unknown) => {
        const { data: item } = p as { data: { value: [string, number]; counted: number | null; reason: string | null } };
        const state = item.value[1] < 0 ? t('dashboards.states.none') : t(`dashboards.states.${STATES[item.value[1]] ?? 'none'}`);
        return `${item.value[0]}：${state}${item.counted !== null ? `<br/>${t('dashboards.countedLessons', { n: item.counted })}` : ''}${item.reason ? `<br/>${item.reason}` : ''}`;
      },
    },
    visualMap: {
      type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 1,
      pieces: [...STATES.map((s, i) => ({ value: i, label: t(`dashboards.states.${s}`), color: STATE_COLORS[s] })), { value: -1, label: t('dashboards.states.none'), color: '#f0f0f0' }],
    },
    calendar: {
      range: [range.from, range.to], top: 30, left: 40, right: 20, bottom: 50, cellSize: ['auto', 'auto'],
      dayLabel: { firstDay: 1, nameMap: zh ? 'ZH' : 'EN' }, monthLabel: { show: false }, yearLabel: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data, label: { show: true, formatter: (p: unknown) => String((p as { data: { value: [string] } }).data.value[0].slice(5)) } }],
  };
}
