import ExcelJS from 'exceljs';
import type { ActivityRecord } from './activity-export.service.js';

/** Names of the workbook's sheets (tests read them back by name). */
export const SHEETS = {
  overview: '活动概况', lessons: '课例', scores: '量表评分', details: '评分明细', comments: '评课意见', st: 'S-T编码',
} as const;

type Cell = string | number | null;
const TWO = '0.00';
const THREE = '0.000';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

function header(ws: ExcelJS.Worksheet, values: Cell[]) {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  return row;
}

function data(ws: ExcelJS.Worksheet, values: Cell[], formats: Record<number, string> = {}) {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.border = THIN;
    c.alignment = { vertical: 'top', wrapText: true };
    const fmt = formats[col];
    if (fmt) c.numFmt = fmt;
  });
  return row;
}

function title(ws: ExcelJS.Worksheet, text: string, span: number) {
  const row = ws.addRow([text]);
  row.font = { bold: true, size: 14 };
  ws.mergeCells(row.number, 1, row.number, Math.max(1, span));
}

function overview(wb: ExcelJS.Workbook, r: ActivityRecord) {
  const ws = wb.addWorksheet(SHEETS.overview);
  ws.columns = [{ width: 8 }, { width: 30 }, { width: 16 }, { width: 24 }];
  title(ws, `评课记录：${r.activity.topic}`, 4);
  ws.addRow([`导出时间：${r.generatedAt}（北京时间）`]);
  ws.addRow([]);
  const a = r.activity;
  const facts: [string, string][] = [
    ['活动主题', a.topic], ['活动类型', a.kind], ['学科', a.subject], ['年级', a.grade], ['状态', a.status],
    ['组织单位', a.ownerName], ['组织者', a.organiserName], ['教研组', a.groupName ?? '—'], ['活动时间', `${a.startsOn} 至 ${a.endsOn}`],
    ['评课截止', a.reviewDeadline ?? '活动总结前'], ['观察量表', r.results.rubric ? `${r.results.rubric.name}（第 ${r.results.rubric.version} 版）` : '未选用'],
    ['活动说明', a.description || '—'], ['活动总结', a.summary ?? '（尚未总结）'],
  ];
  for (const [label, value] of facts) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(row.number, 2, row.number, 4);
  }
  ws.addRow([]);
  ws.addRow(['参与学校']).font = { bold: true };
  header(ws, ['序号', '学校', '学校代码', '县(市、区)']);
  r.schools.forEach((s, i) => data(ws, [i + 1, s.name, s.code, s.countyName]));
  ws.addRow([]);
  ws.addRow(['参与人员']).font = { bold: true };
  header(ws, ['序号', '姓名', '角色', '学校']);
  r.members.forEach((m, i) => data(ws, [i + 1, m.name, m.role, m.schoolName ?? '—']));
}

function lessonsSheet(wb: ExcelJS.Workbook, r: ActivityRecord) {
  const ws = wb.addWorksheet(SHEETS.lessons, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [8, 28, 12, 22, 18, 10, 14, 10, 12, 12, 10, 12].map((width) => ({ width }));
  header(ws, ['序号', '课题', '执教教师', '学校', '加入活动时间', '评分人数', '加权总分均值', '得分率(%)', 'Krippendorff α', 'ICC(2,1)', '评论数', 'S-T编码数']);
  r.lessons.forEach((l, i) => {
    const res = r.results.lessons[i];
    data(ws, [
      i + 1, l.title, l.teacherName, l.schoolName, l.attachedAt, res?.agreement.observers ?? 0, res?.meanTotal ?? null, res?.meanPercent ?? null,
      res?.agreement.alpha ?? null, res?.agreement.icc ?? null, l.comments.length, l.st.length,
    ], { 7: TWO, 8: TWO, 9: THREE, 10: THREE });
  });
}

/** One block per lesson: observers across, items down, then the weighted totals and the agreement. */
function scoresSheet(wb: ExcelJS.Workbook, r: ActivityRecord) {
  const ws = wb.addWorksheet(SHEETS.scores);
  const res = r.results;
  const most = Math.max(0, ...res.lessons.map((l) => l.observers.length));
  ws.columns = [{ width: 12 }, { width: 30 }, { width: 8 }, ...Array.from({ length: most }, () => ({ width: 10 })), { width: 9 }, { width: 9 }, { width: 8 }, { width: 8 }];
  if (!res.rubric) {
    ws.addRow(['本活动未选用观察量表']);
    return;
  }
  title(ws, `观察量表：${res.rubric.name}（第 ${res.rubric.version} 版）`, 3 + most + 4);
  ws.addRow([`加权总分 = Σ 权重 × 分数，满分 ${res.maxTotal}；一致性：Krippendorff α（区间尺度）与 ICC(2,1)（双向随机、绝对一致），各项目分数先换算到本项目的 0—1 量程`]);
  for (const [i, lesson] of res.lessons.entries()) {
    ws.addRow([]);
    const head = ws.addRow([`课例 ${i + 1}：${lesson.title} — ${lesson.teacherName}（${lesson.schoolName}）`]);
    head.font = { bold: true };
    if (!lesson.observers.length) {
      ws.addRow(['尚无评分']);
      continue;
    }
    const k = lesson.observers.length;
    header(ws, ['维度', '观察项目', '权重', ...lesson.observers.map((o) => o.name), '均值', '标准差', '极差', '分歧']);
    const formats: Record<number, string> = { [4 + k]: TWO, [5 + k]: TWO, [6 + k]: TWO };
    for (const [j, item] of res.items.entries()) {
      const stats = lesson.items[j]!;
      const row = data(ws, [
        item.dimensionName, item.text, item.weight,
        ...lesson.observers.map((o) => o.scores.find((s) => s.itemKey === item.key)?.score ?? null),
        stats.mean, stats.sd, stats.range, stats.disagree ? '是' : '',
      ], formats);
      if (stats.disagree) row.getCell(7 + k).font = { bold: true, color: { argb: 'FFCF1322' } };
    }
    data(ws, ['', '加权总分', null, ...lesson.observers.map((o) => o.total), lesson.meanTotal, null, null, null], { [4 + k]: TWO }).font = { bold: true };
    const a = lesson.agreement;
    ws.addRow(['一致性', `Krippendorff α = ${fmt(a.alpha, 3)}（${a.observers} 位观察者，${a.items} 个项目）；ICC(2,1) = ${fmt(a.icc, 3)}（${a.iccItems} 个项目）；等级完全一致的项目占 ${a.exactShare === null ? '—' : `${Math.round(a.exactShare * 100)}%`}`]);
    const figures = ws.addRow(['', 'Krippendorff α', a.alpha, 'ICC(2,1)', a.icc, '观察者数', a.observers]);
    figures.getCell(3).numFmt = THREE;
    figures.getCell(5).numFmt = THREE;
  }
  ws.addRow([]);
  const o = res.overall;
  ws.addRow(['全部课例', `Krippendorff α = ${fmt(o.alpha, 3)}（${o.observers} 位观察者，${o.items} 个课例项目）；ICC(2,1) = ${fmt(o.icc, 3)}`]);
}

/** Long form: one row per score, for sorting and pivoting. */
function detailsSheet(wb: ExcelJS.Workbook, r: ActivityRecord) {
  const ws = wb.addWorksheet(SHEETS.details, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [8, 26, 12, 12, 30, 8, 8, 36].map((width) => ({ width }));
  header(ws, ['课例序号', '课题', '观察者', '维度', '观察项目', '权重', '分数', '备注']);
  const items = new Map(r.results.items.map((i) => [i.key, i]));
  r.results.lessons.forEach((lesson, i) => {
    for (const o of lesson.observers) {
      for (const s of o.scores) {
        const item = items.get(s.itemKey)!;
        data(ws, [i + 1, lesson.title, o.name, item.dimensionName, item.text, item.weight, s.score, s.note || null]);
      }
    }
  });
}

function commentsSheet(wb: ExcelJS.Workbook, r: ActivityRecord) {
  const ws = wb.addWorksheet(SHEETS.comments, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [8, 24, 9, 10, 16, 50, 10, 17].map((width) => ({ width }));
  header(ws, ['课例序号', '课题', '时间点', '评论人', '观察项目', '内容', '回复', '发表时间']);
  r.lessons.forEach((l, i) => {
    for (const c of l.comments) data(ws, [i + 1, l.title, c.at, c.authorName, c.tag, c.body, c.replyTo ? '回复' : null, c.createdAt]);
  });
}

function stSheet(wb: ExcelJS.Workbook, r: ActivityRecord) {
  const ws = wb.addWorksheet(SHEETS.st, { views: [{ state: 'frozen', ySplit: 1 }] });
  const withFigures = r.stFigures;
  ws.columns = [8, 24, 10, 9, 10, 6, 6, 6, ...(withFigures ? [8, 8, 10] : []), 60].map((width) => ({ width }));
  header(ws, ['课例序号', '课题', '编码人', '间隔(秒)', '已编码段数', 'T', 'S', 'D', ...(withFigures ? ['Rt', 'Ch', '课型'] : []), '编码序列']);
  r.lessons.forEach((l, i) => {
    for (const s of l.st) {
      data(ws, [
        i + 1, l.title, s.coderName, s.intervalSeconds, s.coded, s.counts.T, s.counts.S, s.counts.D,
        ...(withFigures ? [s.figures?.rt ?? null, s.figures?.ch ?? null, s.figures?.lessonType ?? null] : []), s.codes,
      ], withFigures ? { 9: THREE, 10: THREE } : {});
    }
  });
  if (!withFigures) ws.addRow(['未接入 S-T 分析：此处只列编码人与编码序列']);
}

/** The 评课记录 as an .xlsx workbook. */
export async function activityWorkbook(r: ActivityRecord): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光校园 Sunshine Campus';
  overview(wb, r);
  lessonsSheet(wb, r);
  scoresSheet(wb, r);
  detailsSheet(wb, r);
  commentsSheet(wb, r);
  stSheet(wb, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A figure as text with fixed decimals ('—' when there is none). */
export function fmt(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined ? '—' : v.toFixed(digits);
}
