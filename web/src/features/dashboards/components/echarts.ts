// Only the chart types and components the dashboards draw, so the chunk stays small; the SVG
// renderer keeps text crisp on the meeting room's projector and selectable for screen readers.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AriaComponent, CalendarComponent, GridComponent, LegendScrollComponent, TooltipComponent, VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, HeatmapChart,
  AriaComponent, CalendarComponent, GridComponent, LegendScrollComponent, TooltipComponent, VisualMapPiecewiseComponent,
  SVGRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
