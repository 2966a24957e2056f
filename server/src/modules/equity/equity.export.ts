import ExcelJS from 'exceljs';
import { SCHOOL_KIND_NAMES } from '../org/org.export.js';
import type { EquityService, LocalityGroup } from './equity.service.js';

type Overview = Awaited<ReturnType<EquityService['overview']>>;
type SchoolItem = Awaited<ReturnType<EquityService['schools']>>['items'][number];

/** Names of the workbook's sheets (tests read them back by name). */
export const EQUITY_SHEETS = { regions: '区域概况', kinds: '按办学类型', localities: '按城乡', flows: '县际流向', idle: '未参与学校', trend: '近6个月趋势' } as const;

export const LOCALITY_NAMES: Record<LocalityGroup, string> = { poor_village: '贫困村', rural: '农村', urban: '城区' };

type Cell = string | number | null;
const ratio = (x: number | null): Cell => (x === null ? '—' : Math.round(x * 1000) / 1000);
const percent = (x: number | null): Cell => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

const FIGURE_HEADERS = ['学校数', '生产学校', '使用学校', '未参与学校', '发布资源', '使用次数', '生产基尼系数', '生产差异系数', '使用基尼系数', '使用差异系数', '贫困村学校', '已用优课', '贫困村覆盖率'];
function figureCells(f: Overview['total']): Cell[] {
  return [f.schools, f.producers, f.users, f.idle, f.produced, f.used, ratio(f.productionGini), ratio(f.productionCv), ratio(f.useGini), ratio(f.useCv),
    f.villageSchools, f.villageReached, percent(f.villageReach)];
}

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 24 : 12; });
}

/**
 * The equity page as a workbook, sheet for sheet as the page shows it: figures per region, by
 * school kind, by 贫困村/农村/城区, the county flows, every idle school with who answers for it, the trend.
 * Figures are rounded as on the page; the Gini and 差异系数 cells hold numbers, not text.
 */
export async function equityWorkbook(o: Overview, idle: SchoolItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const level = (l: string) => (l === 'city' ? '市' : '县(市、区)');
  sheet(wb, EQUITY_SHEETS.regions, ['区域', '级别', ...FIGURE_HEADERS],
    o.regions.map((r) => [r.name, level(r.level), ...figureCells(r)]));
  sheet(wb, EQUITY_SHEETS.kinds, ['区域', '办学类型', ...FIGURE_HEADERS],
    o.regions.flatMap((r) => r.byKind.map((k) => [r.name, SCHOOL_KIND_NAMES[k.kind as keyof typeof SCHOOL_KIND_NAMES] ?? k.kind, ...figureCells(k)])));
  sheet(wb, EQUITY_SHEETS.localities, ['区域', '城乡', ...FIGURE_HEADERS],
    o.regions.flatMap((r) => r.byLocality.map((g) => [r.name, LOCALITY_NAMES[g.group as LocalityGroup], ...figureCells(g)])));
  sheet(wb, EQUITY_SHEETS.flows, ['资源来源县区', '使用县区', '使用次数'], o.flows.map((f) => [f.fromCountyName, f.toCountyName, f.uses]));
  sheet(wb, EQUITY_SHEETS.idle, ['学校', '县区', '办学类型', '城乡', '责任部门', '责任人'], idle.map((s) => [
    s.name, s.countyName, SCHOOL_KIND_NAMES[s.kind as keyof typeof SCHOOL_KIND_NAMES] ?? s.kind, LOCALITY_NAMES[s.locality as LocalityGroup],
    s.responsible.departmentName ?? '教科所', s.responsible.people.map((p) => p.name).join('、'),
  ]));
  sheet(wb, EQUITY_SHEETS.trend, ['月份', '生产学校', '使用学校', '发布资源', '使用次数', '生产基尼系数', '生产差异系数', '使用基尼系数', '使用差异系数', '贫困村覆盖率'],
    o.trend.map((t) => [t.month, t.producers, t.users, t.produced, t.used, ratio(t.productionGini), ratio(t.productionCv), ratio(t.useGini), ratio(t.useCv), percent(t.villageReach)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
