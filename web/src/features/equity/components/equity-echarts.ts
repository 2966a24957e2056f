// The Sankey of county flows is drawn by the equity page only; registered here, with the page's
// chunk, so the dashboards' charts stay as small as they are.
import { SankeyChart } from 'echarts/charts';
import { echarts } from '../../dashboards/components/echarts';

echarts.use([SankeyChart]);

export { echarts };
