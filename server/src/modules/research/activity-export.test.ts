import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { activityPdf } from './activity-export.pdf.js';
import { SHEETS, fmt } from './activity-export.xlsx.js';
import { cjkFonts, SYSTEM_NOTO_CJK } from './pdf-fonts.js';
import { pdfLines } from './pdf-text.test-kit.js';
import { addActivity, addLesson, schoolIdOf, userIdOf } from './research.test-kit.js';
import { rubricsModuleFor } from './rubrics.module.js';
import { addTeacher, sampleDefinition } from './rubrics.test-kit.js';
import { analyseCodes } from './st-analysis.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
interface LessonResult {
  title: string; meanTotal: number; observers: { name: string; total: number; scores: { itemKey: string; score: number }[] }[];
  items: { key: string; mean: number; sd: number; range: number; disagree: boolean }[];
  agreement: { alpha: number; icc: number; observers: number; items: number; iccItems: number };
}
interface Results { rubric: { name: string }; items: { key: string; text: string; dimensionName: string; weight: number }[]; lessons: LessonResult[] }

/**
 * Acceptance 5 of issue 9: a rubric is defined and published, three observers score a lesson, the
 * results route shows the means and the agreement, and the activity's 评课记录 — Excel read back
 * with exceljs, PDF read back with PDF.js — carries the same figures.
 */
describe('the 评课记录 export: the figures of the Excel and the PDF equal the results route\'s', () => {
  let t: TestApp;
  let activityId: number;
  let recordingId: number;
  let organiser: Client;
  let results: Results;
  const TITLE = '分数的初步认识';

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    organiser = await t.login('city.research');
    // Defined and published through the routes, as an officer would.
    const made = await organiser.request('POST', '/api/research/rubrics', { name: '聊城市课堂观察量表', description: '', definition: sampleDefinition() });
    const rubricId = made.json().id as number;
    await organiser.request('POST', `/api/research/rubrics/${rubricId}/publish`);

    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const city = (await db.selectFrom('schools').select('city_id').where('id', '=', gxsy).executeTakeFirstOrThrow()).city_id;
    const teacherId = await userIdOf(db, 'gxsy.teacher');
    const lesson = await addLesson(db, { schoolId: gxsy, teacherUserId: teacherId, teacherName: '李晓燕', title: TITLE });
    const other = await addLesson(db, { schoolId: sxsy, teacherName: '王海燕', title: '分数的初步认识（莘县）' });
    recordingId = lesson.recordingId;
    ({ activityId } = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'city.research'), owner: { cityId: city }, schoolIds: [gxsy, sxsy], rubricId, topic: '三年级数学同课异构',
      members: [{ userId: teacherId, schoolId: gxsy }, { userId: await userIdOf(db, 'gx2.teacher'), role: 'observer' }],
      lessons: [{ recordingId }, { recordingId: other.recordingId }],
    }));

    const sheets: [string, number[], string | undefined][] = [
      ['gx2.teacher', [4, 3, 3, 2], '板书清楚'], ['guanxian.research', [4, 3, 2, 4], undefined], ['city.research', [3, 3, 1, 3], '小组讨论时间偏短'],
    ];
    const keys = ['goal_clear', 'goal_fit', 'participation', 'thinking'];
    for (const [username, values, note] of sheets) {
      const c = username === 'city.research' ? organiser : await t.login(username);
      const res = await c.request('PUT', `/api/research/activities/${activityId}/lessons/${recordingId}/scores`, {
        items: values.map((score, i) => ({ itemKey: keys[i]!, score, ...(i === 2 && note ? { note } : {}) })),
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    // Comments and an S-T coding, as the other research areas store them.
    const now = new Date().toISOString();
    const comment = (at_ms: number, body: string, extra: Partial<{ parent_id: number; activity_id: number | null; deleted_at: string; rubric_item_key: string }> = {}) =>
      db.insertInto('lesson_comments').values({
        school_id: gxsy, group_id: lesson.groupId, recording_id: recordingId, activity_id: activityId, parent_id: null, author_user_id: teacherId,
        at_ms, body, rubric_item_key: null, created_at: now, updated_at: now, deleted_at: null, deleted_by_user_id: null, ...extra,
      }).returning('id').executeTakeFirstOrThrow();
    const first = await comment(754_000, '这里的提问很有层次', { rubric_item_key: 'thinking' });
    await comment(760_000, '谢谢，下次再留足讨论时间', { parent_id: first.id });
    await comment(100_000, '已删除的评论', { deleted_at: now });
    await comment(200_000, '活动以外的评论', { activity_id: null });
    await db.insertInto('st_codings').values({
      school_id: gxsy, group_id: lesson.groupId, activity_id: activityId, coder_user_id: await userIdOf(db, 'guanxian.research'), interval_seconds: 30,
      codes: 'TTTSSDTT-S', created_at: now, updated_at: now,
    }).execute();

    const res = await organiser.get(`/api/research/activities/${activityId}/rubric-results`);
    expect(res.statusCode, res.body).toBe(200);
    results = res.json();
  });
  afterAll(async () => t.close());

  it('the results route shows three observers\' means and their agreement', () => {
    const [lesson, unscored] = results.lessons;
    expect(lesson!.agreement).toMatchObject({ observers: 3, items: 4 });
    expect(lesson!.agreement.alpha).toEqual(expect.any(Number));
    expect(lesson!.meanTotal).toBe(18.33);
    expect(unscored!.observers).toEqual([]);
  });

  it('the Excel workbook opens and its figures equal the route\'s', async () => {
    const res = await organiser.get(`/api/research/activities/${activityId}/export.xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('评课记录-三年级数学同课异构');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));

    const rows = (name: string) => {
      const out: (ExcelJS.CellValue)[][] = [];
      wb.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row) => out.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => v ?? null)));
      return out;
    };
    // 量表评分: the lesson's block — header, one row per item, the weighted totals, the figures.
    const scores = rows(SHEETS.scores);
    const start = scores.findIndex((r) => String(r[0]).startsWith(`课例 1：${TITLE}`));
    const lesson = results.lessons[0]!;
    const names = lesson.observers.map((o) => o.name);
    expect(scores[start + 1]).toEqual(['维度', '观察项目', '权重', ...names, '均值', '标准差', '极差', '分歧']);
    results.items.forEach((item, j) => {
      const stats = lesson.items[j]!;
      const row = scores[start + 2 + j]!;
      const want = [item.dimensionName, item.text, item.weight, ...lesson.observers.map((o) => o.scores.find((s) => s.itemKey === item.key)!.score),
        stats.mean, stats.sd, stats.range];
      expect(row.slice(0, want.length), item.text).toEqual(want);
      expect(row[want.length] ?? '').toBe(stats.disagree ? '是' : '');
    });
    const totals = scores[start + 2 + results.items.length]!;
    expect(totals.slice(1)).toEqual(['加权总分', null, ...lesson.observers.map((o) => o.total), lesson.meanTotal, null, null, null].slice(0, totals.length - 1));
    const figures = scores.find((r, i) => i > start && r[1] === 'Krippendorff α')!;
    expect(figures.slice(1)).toEqual(['Krippendorff α', lesson.agreement.alpha, 'ICC(2,1)', lesson.agreement.icc, '观察者数', 3]);

    // 课例: one row per lesson with the mean total and alpha; 评分明细: one row per score.
    const lessons = rows(SHEETS.lessons);
    expect(lessons[1]!.slice(0, 10)).toEqual([1, TITLE, '李晓燕', '冠县实验小学', expect.any(String), 3, lesson.meanTotal, expect.any(Number), lesson.agreement.alpha, lesson.agreement.icc]);
    expect(rows(SHEETS.details)).toHaveLength(1 + 12);
    expect(rows(SHEETS.details).some((r) => r[2] === '高文静' && r[4] === '参与面广' && r[7] === '小组讨论时间偏短')).toBe(true);
    // 评课意见: the activity's two live comments, not the deleted one or one outside the activity.
    const comments = rows(SHEETS.comments).slice(1);
    expect(comments.map((r) => [r[2], r[4], r[5], r[6]])).toEqual([
      ['12:34', '思维活跃', '这里的提问很有层次', null], ['12:40', null, '谢谢，下次再留足讨论时间', '回复'],
    ]);
    // S-T: the coder, the coded intervals, and Rt / Ch / the type from the S-T area's maths.
    const st = rows(SHEETS.st);
    const f = analyseCodes('TTTSSDTT-S');
    expect(st[1]!.slice(2)).toEqual(['邢文军', 30, 9, 5, 3, 1, f.rt, f.ch, expect.any(String), 'TTTSSDTT-S']);
    // The overview names the schools and members.
    const overview = rows(SHEETS.overview).map((r) => r.join(' '));
    expect(overview.some((l) => l.includes('莘县实验小学'))).toBe(true);
    expect(overview.some((l) => l.includes('张志强') && l.includes('观课教师'))).toBe(true);
  });

  it('the PDF opens, its text is Chinese, and its figures equal the route\'s', async () => {
    const res = await organiser.get(`/api/research/activities/${activityId}/export.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const lines = await pdfLines(res.rawPayload);
    const text = lines.map((l) => l.join(' ')).join('\n');
    expect(text).toContain('评课记录');
    expect(text).toContain('三年级数学同课异构');
    const lesson = results.lessons[0]!;
    const names = lesson.observers.map((o) => o.name);
    expect(lines).toContainEqual(['维度', '观察项目', '权重', ...names, '均值', '标准差', '极差', '分歧']);
    results.items.forEach((item, j) => {
      const stats = lesson.items[j]!;
      const want = [item.dimensionName, item.text, String(item.weight), ...lesson.observers.map((o) => String(o.scores.find((s) => s.itemKey === item.key)!.score)),
        fmt(stats.mean, 2), fmt(stats.sd, 2), fmt(stats.range, 2), ...(stats.disagree ? ['是'] : [])];
      expect(lines, item.text).toContainEqual(want);
    });
    expect(lines).toContainEqual(['加权总分', ...lesson.observers.map((o) => fmt(o.total, 2)), fmt(lesson.meanTotal, 2)]);
    const a = lesson.agreement;
    expect(text).toContain(`Krippendorff α = ${fmt(a.alpha, 3)}（3 位观察者，4 个项目）；ICC(2,1) = ${fmt(a.icc, 3)}（4 个项目）`);
    expect(text).toContain('这里的提问很有层次');
    expect(text).not.toContain('已删除的评论');
    expect(text).toContain('TTTSSDTT-S');
    const st = analyseCodes('TTTSSDTT-S');
    expect(lines.find((l) => l.includes('TTTSSDTT-S'))).toEqual(expect.arrayContaining([fmt(st.rt, 3), fmt(st.ch, 3)]));
    expect(text).toMatch(/第 1 页 \/ 共 \d+ 页/);
  });

  it('the PDF needs no system font: the npm-shipped one serves, and Debian\'s Noto CJK where installed gives the same text', async () => {
    expect(cjkFonts().source).toBe('npm');
    if (!existsSync(SYSTEM_NOTO_CJK.regular)) return;
    const area = rubricsModuleFor({ db: t.db.db, clock: t.clock, audit: { record: async () => {} } as never, reach: t.services.researchReach });
    const actor = (await t.services.auth.actorFromToken(organiser.token))!;
    const record = await area.exports.gather(actor, activityId);
    const [npm, system] = await Promise.all([activityPdf(record, { fonts: 'npm' }), activityPdf(record, { fonts: 'system' })]);
    // The same lines (a footer may fall a point higher or lower, so order aside).
    const sorted = async (pdf: Buffer) => (await pdfLines(pdf)).map((l) => l.join(' ')).sort();
    expect(await sorted(system)).toEqual(await sorted(npm));
  });

  it('attacker side: a non-member teacher and another county\'s officer get 404 for the exports; an export is audited', async () => {
    await addTeacher(t, 'gx2.outsider', DEMO_SCHOOLS.guanxianDier.code);
    const outsider = await t.login('gx2.outsider');
    // 冠县's own activity, without 莘县: 莘县's officer does not reach it.
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const s = await db.selectFrom('schools').select(['city_id', 'county_id']).where('id', '=', gxsy).executeTakeFirstOrThrow();
    const { activityId: guanxianOnly } = await addActivity(db, {
      organiserUserId: await userIdOf(db, 'guanxian.research'), owner: { cityId: s.city_id, countyId: s.county_id }, schoolIds: [gxsy],
    });
    const shenxian = await t.login('shenxian.research');
    for (const format of ['xlsx', 'pdf']) {
      expect((await outsider.get(`/api/research/activities/${activityId}/export.${format}`)).statusCode).toBe(404);
      expect((await shenxian.get(`/api/research/activities/${guanxianOnly}/export.${format}`)).statusCode).toBe(404);
      expect((await shenxian.get(`/api/research/activities/${guanxianOnly}/rubric-results`)).statusCode).toBe(404);
    }
    const audited = await db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'research.export').execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(audited.every((a) => String(a.target_id) === String(activityId))).toBe(true);
  });
});
