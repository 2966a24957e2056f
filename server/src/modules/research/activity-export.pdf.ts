import type { ActivityRecord } from './activity-export.service.js';
import { fmt } from './activity-export.xlsx.js';
import { cjkFonts } from './pdf-fonts.js';

type Doc = PDFKit.PDFDocument;
type Row = (string | PDFKit.Mixins.CellOptions)[];

/** Observers per table: more go into a second table under the first (A4 landscape holds about eight). */
const OBSERVERS_PER_TABLE = 8;
const GREY = '#f0f0f0';
const RED = '#cf1322';

function heading(doc: Doc, text: string, size = 13) {
  doc.moveDown(0.6).font('cjk-bold').fontSize(size).fillColor('black').text(text, doc.page.margins.left).font('cjk').fontSize(9).moveDown(0.3);
}

function note(doc: Doc, text: string) {
  doc.font('cjk').fontSize(9).fillColor('#555555').text(text, doc.page.margins.left).fillColor('black').moveDown(0.3);
}

/** A table with a grey bold header row; `widths` in points or '*' (share what is left). */
function table(doc: Doc, widths: (number | string)[], head: string[], rows: Row[]) {
  doc.font('cjk').fontSize(9).fillColor('black');
  doc.table({
    position: { x: doc.page.margins.left },
    columnStyles: widths,
    defaultStyle: { border: 0.5, borderColor: '#999999', padding: 3 },
    data: [head.map((text) => ({ text, backgroundColor: GREY, font: { src: 'cjk-bold' } })), ...rows],
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(0.4);
}

function overview(doc: Doc, r: ActivityRecord) {
  const a = r.activity;
  heading(doc, '一、活动概况');
  const facts: [string, string][] = [
    ['活动主题', a.topic], ['活动类型', a.kind], ['学科 / 年级', `${a.subject} / ${a.grade}`], ['状态', a.status],
    ['组织单位', a.ownerName], ['组织者', a.organiserName], ['教研组', a.groupName ?? '—'], ['活动时间', `${a.startsOn} 至 ${a.endsOn}`],
    ['评课截止', a.reviewDeadline ?? '活动总结前'],
    ['观察量表', r.results.rubric ? `${r.results.rubric.name}（第 ${r.results.rubric.version} 版）` : '未选用'],
    ['活动说明', a.description || '—'], ['活动总结', a.summary ?? '（尚未总结）'],
  ];
  table(doc, [90, '*'], ['项目', '内容'], facts.map(([k, v]) => [k, v]));
  heading(doc, '二、参与学校与人员');
  table(doc, [40, '*', 90, 110], ['序号', '学校', '学校代码', '县(市、区)'], r.schools.map((s, i) => [String(i + 1), s.name, s.code, s.countyName]));
  table(doc, [40, 120, 90, '*'], ['序号', '姓名', '角色', '学校'], r.members.map((m, i) => [String(i + 1), m.name, m.role, m.schoolName ?? '—']));
}

function lessons(doc: Doc, r: ActivityRecord) {
  heading(doc, '三、课例');
  table(doc, [34, '*', 64, 120, 50, 70, 60, 60, 44], ['序号', '课题', '执教教师', '学校', '评分人数', '加权总分均值', 'α', 'ICC(2,1)', '评论数'],
    r.lessons.map((l, i) => {
      const res = r.results.lessons[i];
      return [String(i + 1), l.title, l.teacherName, l.schoolName, String(res?.agreement.observers ?? 0), fmt(res?.meanTotal, 2),
        fmt(res?.agreement.alpha, 3), fmt(res?.agreement.icc, 3), String(l.comments.length)];
    }));
}

function scores(doc: Doc, r: ActivityRecord) {
  const res = r.results;
  heading(doc, '四、观察量表评分');
  if (!res.rubric) {
    note(doc, '本活动未选用观察量表。');
    return;
  }
  note(doc, `量表：${res.rubric.name}（第 ${res.rubric.version} 版）。加权总分 = Σ 权重 × 分数，满分 ${res.maxTotal}。一致性：Krippendorff α（区间尺度）与 ICC(2,1)（双向随机、绝对一致），各项目分数先换算到本项目的 0—1 量程；红色“是”表示观察者的等级相差两级及以上。`);
  res.lessons.forEach((lesson, i) => {
    heading(doc, `课例 ${i + 1}：${lesson.title} — ${lesson.teacherName}（${lesson.schoolName}）`, 11);
    if (!lesson.observers.length) {
      note(doc, '尚无评分。');
      return;
    }
    for (let from = 0; from < lesson.observers.length; from += OBSERVERS_PER_TABLE) {
      const group = lesson.observers.slice(from, from + OBSERVERS_PER_TABLE);
      const last = from + OBSERVERS_PER_TABLE >= lesson.observers.length;
      const rows: Row[] = res.items.map((item, j) => {
        const stats = lesson.items[j]!;
        const own = group.map((o) => {
          const s = o.scores.find((x) => x.itemKey === item.key);
          return s ? String(s.score) : '—';
        });
        return [item.dimensionName, item.text, String(item.weight), ...own,
          ...(last ? [fmt(stats.mean, 2), fmt(stats.sd, 2), fmt(stats.range, 2), stats.disagree ? { text: '是', textColor: RED } : ''] : [])];
      });
      rows.push(['', { text: '加权总分', font: { src: 'cjk-bold' } }, '', ...group.map((o) => fmt(o.total, 2)), ...(last ? [fmt(lesson.meanTotal, 2), '', '', ''] : [])]);
      table(doc, [60, '*', 34, ...group.map(() => 46), ...(last ? [42, 42, 36, 30] : [])],
        ['维度', '观察项目', '权重', ...group.map((o) => o.name), ...(last ? ['均值', '标准差', '极差', '分歧'] : [])], rows);
    }
    const a = lesson.agreement;
    note(doc, `一致性：Krippendorff α = ${fmt(a.alpha, 3)}（${a.observers} 位观察者，${a.items} 个项目）；ICC(2,1) = ${fmt(a.icc, 3)}（${a.iccItems} 个项目）；等级完全一致的项目占 ${a.exactShare === null ? '—' : `${Math.round(a.exactShare * 100)}%`}`);
    const noted = lesson.observers.flatMap((o) => o.scores.filter((s) => s.note).map((s) => [o.name, res.items.find((x) => x.key === s.itemKey)?.text ?? s.itemKey, s.note]));
    if (noted.length) table(doc, [80, 180, '*'], ['观察者', '观察项目', '备注'], noted);
  });
  const o = res.overall;
  note(doc, `全部课例：Krippendorff α = ${fmt(o.alpha, 3)}（${o.observers} 位观察者，${o.items} 个课例项目）；ICC(2,1) = ${fmt(o.icc, 3)}`);
}

function comments(doc: Doc, r: ActivityRecord) {
  heading(doc, '五、评课意见');
  const any = r.lessons.some((l) => l.comments.length);
  if (!any) note(doc, '暂无评课意见。');
  r.lessons.forEach((l, i) => {
    if (!l.comments.length) return;
    heading(doc, `课例 ${i + 1}：${l.title}`, 11);
    table(doc, [50, 70, 100, '*', 90], ['时间点', '评论人', '观察项目', '内容', '发表时间'],
      l.comments.map((c) => [c.at, c.authorName, c.tag ?? '', c.replyTo ? `（回复）${c.body}` : c.body, c.createdAt]));
  });
}

function st(doc: Doc, r: ActivityRecord) {
  heading(doc, '六、S-T 分析编码');
  const any = r.lessons.some((l) => l.st.length);
  if (!any) {
    note(doc, '暂无 S-T 编码。');
    return;
  }
  if (!r.stFigures) note(doc, 'Rt、Ch 与课型由 S-T 分析给出；此处列出各编码人及其编码序列（T 教师行为，S 学生行为，D 对话，- 未编码）。');
  r.lessons.forEach((l, i) => {
    if (!l.st.length) return;
    heading(doc, `课例 ${i + 1}：${l.title}`, 11);
    const extra = r.stFigures ? ['Rt', 'Ch', '课型'] : [];
    table(doc, [70, 44, 54, 30, 30, 30, ...extra.map(() => 44), '*'], ['编码人', '间隔(秒)', '已编码段数', 'T', 'S', 'D', ...extra, '编码序列'],
      l.st.map((s) => [s.coderName, String(s.intervalSeconds), String(s.coded), String(s.counts.T), String(s.counts.S), String(s.counts.D),
        ...(r.stFigures ? [fmt(s.figures?.rt, 3), fmt(s.figures?.ch, 3), s.figures?.lessonType ?? '—'] : []), s.codes]));
  });
}

/** Page numbers in the bottom margin of every page, once the pages are known. */
function footers(doc: Doc, r: ActivityRecord) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('cjk').fontSize(8).fillColor('#888888')
      .text(`评课记录 · ${r.activity.topic} · 第 ${i + 1} 页 / 共 ${range.count} 页`, doc.page.margins.left, doc.page.height - 24, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'center', lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** The 评课记录 as a PDF (A4 landscape), with an embedded Chinese font. */
export async function activityPdf(r: ActivityRecord, opts: { fonts?: 'npm' | 'system' } = {}): Promise<Buffer> {
  const fonts = cjkFonts(opts.fonts);
  // Loaded on the first export, not at start: pdfkit costs a node about 30 MiB of memory.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 }, bufferPages: true,
    info: { Title: `评课记录：${r.activity.topic}`, Creator: '阳光校园 Sunshine Campus' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font where its types say a file (see pdf-fonts.ts).
  doc.registerFont('cjk', fonts.regular as Buffer);
  doc.registerFont('cjk-bold', fonts.bold as Buffer);
  doc.font('cjk-bold').fontSize(20).text('评课记录', { align: 'center' });
  doc.font('cjk').fontSize(12).text(r.activity.topic, { align: 'center' });
  doc.fontSize(9).fillColor('#555555').text(`导出时间：${r.generatedAt}（北京时间）`, { align: 'center' }).fillColor('black');
  overview(doc, r);
  lessons(doc, r);
  scores(doc, r);
  comments(doc, r);
  st(doc, r);
  footers(doc, r);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
