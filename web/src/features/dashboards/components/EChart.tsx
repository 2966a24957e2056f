import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, type EChartsOption } from './echarts';

/** What a click on a chart names: the series' item, or an axis label (with `triggerEvent`). */
export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  dataIndex?: number;
  /** The axis label's text for an axis click. */
  value?: unknown;
  name?: string;
  data?: unknown;
}

/**
 * One ECharts chart in a div: created once, given new options when they change, resized with its
 * box, disposed on unmount. `data-points` counts the values drawn (browser tests wait for it);
 * the aria description lets a screen reader read the figures.
 */
export function EChart({
  option,
  height = 320,
  dark = false,
  onClick,
  testId,
}: {
  option: EChartsOption;
  height?: number | string;
  dark?: boolean;
  onClick?: (click: ChartClick) => void;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, dark ? 'dark' : undefined, { renderer: 'svg', locale: i18n.language.startsWith('zh') ? 'ZH' : 'EN' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark, i18n.language]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption({ aria: { enabled: true }, backgroundColor: 'transparent', ...option }, { notMerge: true });
    const series = ([] as { data?: unknown[] }[]).concat((option.series as never) ?? []);
    box.current?.setAttribute('data-points', String(series.reduce((n, s) => n + (s.data?.length ?? 0), 0)));
  }, [option, dark, i18n.language]);

  return <div ref={box} data-testid={testId} data-chart={testId} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
