// The S-T charts draw points (Rt-Ch, the current moment) besides lines: the dashboards' ECharts
// core registers lines and bars; this adds scatter to the same core, loaded only with S-T pages.
import { ScatterChart } from 'echarts/charts';
import { echarts } from '../../../dashboards/components/echarts';

echarts.use([ScatterChart]);

export { EChart } from '../../../dashboards/components/EChart';
export type { EChartsOption } from '../../../dashboards/components/echarts';
