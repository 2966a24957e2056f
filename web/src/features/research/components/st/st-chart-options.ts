import type { TFunction } from 'i18next';
import { ST_THRESHOLDS, type StCurvePoint } from '@shared/st-analysis';
import type { EChartsOption } from './st-echarts';

/** The colours of the codes, also on the strip and the buttons. */
export const CODE_COLORS = { T: '#1677ff', S: '#52c41a', D: '#fa8c16', '-': '#d9d9d9' } as const;
/** Curves in order: the first is the viewer's own (or the first lesson). */
export const CURVE_COLORS = ['#1677ff', '#eb2f96', '#13c2c2', '#722ed1', '#faad14', '#2f54eb'];

const minutes = (seconds: number) => Math.round((seconds / 60) * 100) / 100;

export interface CurveInput {
  name: string;
  points: readonly StCurvePoint[];
  /** Emphasised (the viewer's own coding): drawn thicker. */
  strong?: boolean;
  /** A moment on the lesson clock to mark on this curve (the player's position), in seconds. */
  cursorSeconds?: number | null;
}

/** The point of a curve at a lesson moment: the last point at or before it. */
export function pointAt(points: readonly StCurvePoint[], seconds: number): StCurvePoint {
  let found = points[0] ?? { atSeconds: 0, t: 0, s: 0 };
  for (const p of points) {
    if (p.atSeconds > seconds) break;
    found = p;
  }
  return found;
}

/**
 * S-T curves: T minutes across, S minutes up, both axes to the same length so the diagonal (where
 * teacher and students have had equal time, Rt = 0.5) runs at 45°. `axisMinutes` fixes the
 * length (side by side lessons share one, to compare by eye); each curve may mark its moment.
 */
export function stCurveOption(t: TFunction, curves: readonly CurveInput[], axisMinutes?: number): EChartsOption {
  const longest = Math.max(1, ...curves.flatMap((c) => c.points.map((p) => Math.max(p.t, p.s) / 60)));
  const max = Math.ceil(axisMinutes ?? longest);
  const axis = (name: string) => ({
    type: 'value' as const, min: 0, max, name, nameLocation: 'middle' as const, nameGap: 28, minInterval: 1,
  });
  const series: object[] = [
    {
      name: t('researchSt.diagonal'), type: 'line', data: [[0, 0], [max, max]], showSymbol: false, silent: true,
      lineStyle: { type: 'dashed', color: '#bfbfbf', width: 1 }, tooltip: { show: false },
    },
  ];
  curves.forEach((c, i) => {
    const color = CURVE_COLORS[i % CURVE_COLORS.length];
    series.push({
      name: c.name, type: 'line', data: c.points.map((p) => [minutes(p.t), minutes(p.s)]), showSymbol: false,
      lineStyle: { width: c.strong ? 3 : 1.5, color }, itemStyle: { color },
    });
    if (c.cursorSeconds !== undefined && c.cursorSeconds !== null && c.points.length > 1) {
      const at = pointAt(c.points, c.cursorSeconds);
      series.push({
        name: `${c.name} · ${t('researchSt.now')}`, type: 'scatter', data: [[minutes(at.t), minutes(at.s)]], symbolSize: 10,
        itemStyle: { color }, tooltip: { show: false },
      });
    }
  });
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { top: 0, type: 'scroll', data: curves.map((c) => c.name) },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: axis(t('researchSt.curveAxisT')),
    yAxis: axis(t('researchSt.curveAxisS')),
    series,
  };
}

export interface RtChPoint {
  name: string;
  rt: number;
  ch: number;
}

/**
 * The Rt-Ch chart with the lesson-type regions of 傅德荣、章慧敏 (see shared/st-analysis.ts): the
 * triangle two codes can reach (Ch ≤ 2·min(Rt, 1 − Rt)), Rt = 0.3 and 0.7 up to Ch = 0.4, and
 * Ch = 0.4 across — practice at the left, lecture at the right, mixed between, dialogue above.
 */
export function rtChOption(t: TFunction, points: readonly RtChPoint[]): EChartsOption {
  const { practiceRtMax: lo, lectureRtMin: hi, dialogueChMin: ch } = ST_THRESHOLDS;
  const guide = (data: number[][]) => ({
    type: 'line' as const, data, showSymbol: false, silent: true, lineStyle: { color: '#8c8c8c', width: 1 }, tooltip: { show: false },
  });
  const label = (name: string, rt: number, c: number) => ({
    value: [rt, c], name, label: { show: true, formatter: name, color: '#8c8c8c', fontSize: 12 },
  });
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { seriesName: string; value: number[] };
        return `${item.seriesName}<br/>Rt ${item.value[0]!.toFixed(2)} · Ch ${item.value[1]!.toFixed(2)}`;
      },
    },
    legend: { top: 0, type: 'scroll', data: points.map((p) => p.name) },
    grid: { left: 40, right: 16, top: points.length ? 36 : 16, bottom: 40 },
    xAxis: { type: 'value', min: 0, max: 1, name: 'Rt', nameLocation: 'middle', nameGap: 26, interval: 0.1 },
    yAxis: { type: 'value', min: 0, max: 1, name: 'Ch', nameLocation: 'middle', nameGap: 28, interval: 0.1 },
    series: [
      guide([[0, 0], [0.5, 1], [1, 0]]),
      guide([[lo, 0], [lo, ch]]),
      guide([[hi, 0], [hi, ch]]),
      guide([[ch / 2, ch], [1 - ch / 2, ch]]),
      {
        type: 'scatter', silent: true, symbolSize: 0, tooltip: { show: false },
        data: [
          label(t('researchSt.types.practice'), lo / 2, 0.08),
          label(t('researchSt.types.lecture'), (1 + hi) / 2, 0.08),
          label(t('researchSt.types.mixed'), 0.5, 0.2),
          label(t('researchSt.types.dialogue'), 0.5, 0.8),
        ],
      },
      ...points.map((p, i) => ({
        name: p.name, type: 'scatter' as const, data: [[p.rt, p.ch]], symbolSize: 12,
        itemStyle: { color: CURVE_COLORS[i % CURVE_COLORS.length] },
      })),
    ],
  };
}
