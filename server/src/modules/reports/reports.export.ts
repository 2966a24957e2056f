import ExcelJS from 'exceljs';
import { shanghaiDate } from '../../../../shared/dates.js';
import type { Actor } from '../../access/actor.js';
import { scopeOf } from '../../access/actor.js';
import { AppError, forbidden } from '../../http/errors.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import type { OrgService } from '../org/org.service.js';
import { addOfficialSheet, type CellValue, type SheetColumn, type SheetRow } from './official-sheet.js';
import type { RolloutCountyRow, RolloutProgress } from './reports.figures.js';
import type { PatrolService } from '../patrol/patrol.service.js';
import { chineseDate } from './reports.periods.js';

export interface ExportDeps {
  compliance: ComplianceService;
  org: OrgService;
  rollout?: RolloutProgress;
  /** Class patrol per county (the 巡课情况 sheet); without it the sheet is left out. */
  patrol?: Pick<PatrolService, 'countyRows'>;
  clock: { now(): Date };
}

export interface Workbook {
  filename: string;
  buffer: Buffer;
  /** Data rows written (schools or counties), for the audit row. */
  rows: number;
}

const RATE = '0.0%';
const COUNT = '#,##0';

/**
 * Who the table is issued for: the city when the reader's reach covers a city (then a city total
 * row closes it), else their county alone (its own subtotal closes it).
 */
async function issuer(deps: ExportDeps, actor: Actor) {
  const scope = scopeOf(actor, 'report:read');
  if (!scope) throw forbidden();
  const regions = await deps.org.listRegions(actor);
  const cityLevel = scope.all || scope.cityIds.length > 0;
  const units = regions.filter((r) => r.level === (cityLevel ? 'city' : 'county'));
  const unit = units.length === 1 ? units[0] : undefined;
  return {
    cityLevel,
    name: unit?.name ?? units.map((u) => u.name).join('、'),
    bureau: unit?.bureauName ?? '',
    totalLabel: cityLevel ? (units.length === 1 ? '全市合计' : '合计') : null,
  };
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function newWorkbook(deps: ExportDeps) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光校园 Sunshine Campus';
  wb.created = deps.clock.now();
  return wb;
}

const figureColumns = (prefix: string, withPending: boolean): SheetColumn[] => [
  { header: '应录播校日', key: `${prefix}schoolDays`, width: 10, numFmt: COUNT },
  { header: '达标校日', key: `${prefix}metDays`, width: 9, numFmt: COUNT },
  { header: '未达标校日', key: `${prefix}missedDays`, width: 10, numFmt: COUNT },
  ...(withPending ? [{ header: '当日待定', key: `${prefix}pendingDays`, width: 8, numFmt: COUNT }] : []),
  { header: '达标率', key: `${prefix}rate`, width: 9, numFmt: RATE },
];

type Figs = { schools: number; schoolDays: number; metDays: number; missedDays: number; pendingDays: number; rate: number | null };
const figureValues = (prefix: string, f: Figs): Record<string, CellValue> => ({
  [`${prefix}schools`]: f.schools, [`${prefix}schoolDays`]: f.schoolDays, [`${prefix}metDays`]: f.metDays,
  [`${prefix}missedDays`]: f.missedDays, [`${prefix}pendingDays`]: f.pendingDays, [`${prefix}rate`]: f.rate,
});

/**
 * 录播课达标情况统计表 over [from, to]: a sheet per county (分县汇总) with each department's share,
 * and a sheet per school (分校明细) with county subtotals. Every figure comes from the compliance
 * service's summary, the same call the dashboard makes, so the two always agree.
 */
export async function complianceWorkbook(deps: ExportDeps, actor: Actor, range: { from: string; to: string }): Promise<Workbook> {
  const who = await issuer(deps, actor);
  const summary = await deps.compliance.summary(actor, range);
  const counties = [...summary.rows].sort((a, b) => a.code.localeCompare(b.code));
  const perCounty = await Promise.all(counties.map((c) => deps.compliance.summary(actor, { ...range, countyId: c.id })));
  const withPending = summary.total.pendingDays > 0;
  const subtitle = {
    left: `统计时段：${chineseDate(range.from)}—${chineseDate(range.to)}`,
    right: `制表单位：${who.bureau || who.name}　　制表日期：${chineseDate(shanghaiDate(deps.clock.now()))}`,
  };
  const title = `${who.name}中小学录播课达标情况统计表`;
  const notes = [
    '注：1. 每校每个上课日应录播不少于2节课（以平台计入的录播课为准），录满即为该校日达标；校日指学校的上课日，节假日、调休放假日及学校停课日不计。',
    `2. 达标率 = 达标校日 ÷ 已判定校日（应录播校日${withPending ? ' − 当日待定' : ''}）。中小学由县电教馆、幼儿园由县学前教研室负责推进，录播室由县教科所负责督查。`,
  ];
  const wb = newWorkbook(deps);

  const byCounty: SheetRow[] = counties.map((c, i) => {
    const dept = (d: 'edtech' | 'preschool') => ('departments' in c ? c.departments : undefined)?.find((x) => x.department === d);
    const e = dept('edtech');
    const p = dept('preschool');
    return {
      kind: 'data',
      values: {
        seq: i + 1, county: c.name, ...figureValues('', c), rank: c.rank,
        eSchools: e?.schools ?? 0, eMissed: e?.missedDays ?? 0, eRate: e?.rate ?? null,
        pSchools: p?.schools ?? 0, pMissed: p?.missedDays ?? 0, pRate: p?.rate ?? null,
      },
    };
  });
  if (who.totalLabel) {
    // The summary totals the whole only; a department's city total adds up its counties' figures.
    const deptTotal = (d: 'edtech' | 'preschool') => {
      const parts = counties.map((c) => ('departments' in c ? c.departments : undefined)?.find((x) => x.department === d)).filter((x) => x !== undefined);
      const sum = (k: 'schools' | 'metDays' | 'missedDays') => parts.reduce((n, x) => n + x[k], 0);
      const judged = sum('metDays') + sum('missedDays');
      return { schools: sum('schools'), missed: sum('missedDays'), rate: judged > 0 ? sum('metDays') / judged : null };
    };
    const e = deptTotal('edtech');
    const p = deptTotal('preschool');
    byCounty.push({
      kind: 'total', label: who.totalLabel, labelSpan: 2,
      values: {
        ...figureValues('', summary.total), rank: null,
        eSchools: e.schools, eMissed: e.missed, eRate: e.rate, pSchools: p.schools, pMissed: p.missed, pRate: p.rate,
      },
    });
  }
  const deptColumns = (prefix: string, header: string): SheetColumn => ({
    header, children: [
      { header: '学校数', key: `${prefix}Schools`, width: 8, numFmt: COUNT },
      { header: '未达标校日', key: `${prefix}Missed`, width: 10, numFmt: COUNT },
      { header: '达标率', key: `${prefix}Rate`, width: 9, numFmt: RATE },
    ],
  });
  addOfficialSheet(wb, {
    name: '分县汇总', title, subtitle, notes, freezeColumns: 2,
    columns: [
      { header: '序号', key: 'seq', width: 6 },
      { header: '县(市、区)', key: 'county', width: 12 },
      { header: '全部学校', children: [{ header: '纳入学校', key: 'schools', width: 9, numFmt: COUNT }, ...figureColumns('', withPending), { header: '排名', key: 'rank', width: 6, numFmt: '0' }] },
      deptColumns('e', '中小学（电教馆）'),
      deptColumns('p', '幼儿园（学前教研室）'),
    ],
    rows: byCounty,
  });

  const bySchool: SheetRow[] = [];
  let seq = 0;
  counties.forEach((c, i) => {
    const schools = (perCounty[i]?.rows ?? []).filter((s) => s.schools > 0).sort((a, b) => a.code.localeCompare(b.code));
    for (const s of schools) {
      bySchool.push({ kind: 'data', values: { seq: ++seq, county: c.name, school: s.name, code: s.code, ...figureValues('', s), rank: s.rank } });
    }
    bySchool.push({ kind: 'subtotal', label: `${c.name}小计（${c.schools}所）`, labelSpan: 4, values: { ...figureValues('', c), rank: null } });
  });
  if (who.totalLabel) {
    bySchool.push({ kind: 'total', label: `${who.totalLabel}（${summary.total.schools}所）`, labelSpan: 4, values: { ...figureValues('', summary.total), rank: null } });
  }
  addOfficialSheet(wb, {
    name: '分校明细', title, subtitle, notes, freezeColumns: 4,
    columns: [
      { header: '序号', key: 'seq', width: 6 },
      { header: '县(市、区)', key: 'county', width: 11 },
      { header: '学校名称', key: 'school', width: 26 },
      { header: '学校标识码', key: 'code', width: 13 },
      { header: '录播课达标情况', children: figureColumns('', withPending) },
      { header: '县内排名', key: 'rank', width: 8, numFmt: '0' },
    ],
    rows: bySchool,
  });

  await addPatrolSheet(deps, actor, wb, { range, counties, subtitle, name: who.name, totalLabel: who.totalLabel });

  return { filename: `${title}_${range.from}_${range.to}.xlsx`, buffer: await toBuffer(wb), rows: seq };
}

/**
 * 巡课情况: per county, the patrols of the period (how many, lessons and schools patrolled, the mean
 * score) from the patrol service, beside the compliance sheets of the same counties.
 */
async function addPatrolSheet(
  deps: ExportDeps, actor: Actor, wb: ExcelJS.Workbook,
  t: { range: { from: string; to: string }; counties: { id: number; name: string }[]; subtitle: { left: string; right: string }; name: string; totalLabel: string | null },
) {
  const patrol = deps.patrol ? await deps.patrol.countyRows(actor, t.range) : null;
  if (!patrol) return;
  const byCounty = new Map(patrol.rows.map((r) => [r.countyId, r]));
  const values = (f: { patrols: number; lessons: number; schools: number; meanScore: number | null } | undefined) => ({
    patrols: f?.patrols ?? 0, lessons: f?.lessons ?? 0, schools: f?.schools ?? 0, meanScore: f?.meanScore ?? null,
  });
  const rows: SheetRow[] = t.counties.map((c, i) => ({ kind: 'data', values: { seq: i + 1, county: c.name, ...values(byCounty.get(c.id)) } }));
  if (t.totalLabel) rows.push({ kind: 'total', label: t.totalLabel, labelSpan: 2, values: values(patrol.total) });
  addOfficialSheet(wb, {
    name: '巡课情况', title: `${t.name}巡课情况统计表`, subtitle: t.subtitle, freezeColumns: 2,
    notes: ['注：巡课指校长、县区教育局及其业务科室人员和督学在线观看学校当日录播课，按巡课记录表（课堂秩序、教学组织、学生参与、信息技术应用，各 1–5 分）评分；平均分为各次巡课得分的平均。'],
    columns: [
      { header: '序号', key: 'seq', width: 6 },
      { header: '县(市、区)', key: 'county', width: 12 },
      { header: '巡课次数', key: 'patrols', width: 10, numFmt: COUNT },
      { header: '巡课节数', key: 'lessons', width: 10, numFmt: COUNT },
      { header: '巡课学校数', key: 'schools', width: 10, numFmt: COUNT },
      { header: '平均分', key: 'meanScore', width: 9, numFmt: '0.00' },
    ],
    rows,
  });
}

const GROUPS: { group: RolloutCountyRow['group']; label: string }[] = [
  { group: 'kindergarten', label: '幼儿园（学前教研室）' },
  { group: 'primaryAndJunior', label: '中小学（电教馆）' },
];
const MEASURES: { key: keyof RolloutCountyRow | 'rate'; header: string; width: number; numFmt: string }[] = [
  { key: 'target', header: '目标数', width: 7, numFmt: COUNT },
  { key: 'schools', header: '纳入学校', width: 7, numFmt: COUNT },
  { key: 'registered', header: '已注册', width: 7, numFmt: COUNT },
  { key: 'installed', header: '设备已安装', width: 8, numFmt: COUNT },
  { key: 'activated', header: '已激活', width: 7, numFmt: COUNT },
  { key: 'inRegularUse', header: '常态化使用', width: 8, numFmt: COUNT },
  { key: 'rate', header: '激活完成率', width: 8, numFmt: RATE },
  { key: 'overdue', header: '逾期未完成', width: 8, numFmt: COUNT },
];
const COUNTED = ['target', 'schools', 'registered', 'installed', 'activated', 'inRegularUse', 'overdue'] as const;

/** 2018-08 → 2018年8月批次 */
export const batchLabel = (batch: string) => (/^\d{4}-\d{2}$/.test(batch) ? `${batch.slice(0, 4)}年${Number(batch.slice(5, 7))}月批次` : `${batch}批次`);

/**
 * 阳光放心校园项目实施进度统计表 as of a day: one row per county, grouped headers per batch and per
 * kind of school (the department driving it), and the city total.
 */
export async function rolloutWorkbook(deps: ExportDeps, actor: Actor, query: { asOf?: string; batch?: string }): Promise<Workbook> {
  if (!deps.rollout) throw new AppError(503, 'ROLLOUT_UNAVAILABLE', '项目实施进度暂不可用：本服务未启用项目推进模块，请联系系统管理员');
  const who = await issuer(deps, actor);
  const asOf = query.asOf ?? shanghaiDate(deps.clock.now());
  const rows = await deps.rollout.countyProgress(actor, { asOf, batch: query.batch });
  const batches = [...new Set(rows.map((r) => r.batch))].sort();
  const parts = batches.flatMap((batch) => GROUPS.filter((g) => rows.some((r) => r.batch === batch && r.group === g.group)).map((g) => ({ batch, ...g })));
  const counties = [...new Map(rows.map((r) => [r.countyId, { id: r.countyId, name: r.countyName, code: r.countyCode }])).values()]
    .sort((a, b) => a.code.localeCompare(b.code));
  const keyOf = (batch: string, group: string, measure: string) => `${batch}|${group}|${measure}`;

  const valuesOf = (mine: RolloutCountyRow[]) => {
    const out: Record<string, CellValue> = {};
    for (const p of parts) {
      const these = mine.filter((r) => r.batch === p.batch && r.group === p.group);
      for (const m of COUNTED) out[keyOf(p.batch, p.group, m)] = these.reduce((n, r) => n + r[m], 0);
      const target = Number(out[keyOf(p.batch, p.group, 'target')]);
      out[keyOf(p.batch, p.group, 'rate')] = target > 0 ? Number(out[keyOf(p.batch, p.group, 'activated')]) / target : null;
    }
    return out;
  };
  const sheetRows: SheetRow[] = counties.map((c, i) => ({ kind: 'data', values: { seq: i + 1, county: c.name, ...valuesOf(rows.filter((r) => r.countyId === c.id)) } }));
  if (who.totalLabel) sheetRows.push({ kind: 'total', label: who.totalLabel, labelSpan: 2, values: valuesOf(rows) });

  const title = `${who.name}阳光放心校园项目实施进度统计表`;
  const wb = newWorkbook(deps);
  addOfficialSheet(wb, {
    name: '实施进度', title, freezeColumns: 2,
    subtitle: {
      left: `统计截至：${chineseDate(asOf)}${query.batch ? `（${batchLabel(query.batch)}）` : ''}`,
      right: `制表单位：${who.bureau || who.name}　　制表日期：${chineseDate(shanghaiDate(deps.clock.now()))}`,
    },
    columns: [
      { header: '序号', key: 'seq', width: 6 },
      { header: '县(市、区)', key: 'county', width: 12 },
      ...batches.map((batch) => ({
        header: batchLabel(batch),
        children: parts.filter((p) => p.batch === batch).map((p) => ({
          header: p.label,
          children: MEASURES.map((m) => ({ header: m.header, key: keyOf(batch, p.group, m.key), width: m.width, numFmt: m.numFmt })),
        })),
      })),
    ],
    rows: sheetRows,
    notes: [
      '注：1. 激活完成率 = 已激活学校数 ÷ 目标数。已建成项目的学校须于4月30日前全面激活使用并确定专人负责；未实施项目的学校须于5月31日前完成注册、激活和设备安装。',
      '2. 中小学由县电教馆、幼儿园由县学前教研室负责推进，录播室的安装和使用由县教科所负责。',
    ],
  });
  return { filename: `${title}_${asOf}.xlsx`, buffer: await toBuffer(wb), rows: counties.length };
}
