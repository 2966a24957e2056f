import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOLS } from '../../seed/demo-accounts.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { schoolIdOf, userIdOf } from '../research/research.test-kit.js';
import { addResource, type ResourceSeed } from './resources.test-kit.js';
import { reindexResource } from './search-index.js';

type Client = Awaited<ReturnType<TestApp['login']>>;
interface Hit { id: number; title: { text: string; hit: boolean }[]; snippet: { text: string; hit: boolean }[] | null; snippetFrom: string | null }
interface Answer { total: number; words: string[]; hits: Hit[] }

/**
 * Chinese search on both databases (run this file under SQLite and under PostgreSQL): the same
 * queries give the same order, written out below by hand from the ranking rules of
 * search.queries.ts — per word the best field holding it (title 8, tags/taxonomy 4, description
 * 2, body 1) plus 16 when the title holds the query as typed; ties: the higher id first. Every
 * resource is 数学 三年级 人教版 三年级上册 第一单元 第1课 (words no query here uses) unless said.
 *
 *  A 分数的初步认识 (冠县实验小学, county)           B 认识几分之几, tag 分数
 *  C 百分数的应用                                    D 小数的意义, description mentions 分数
 *  E 长方形的面积, PDF text: 七巧板 … 分数             F 分数的加法 — 莘县, county: never for 冠县
 *  G 圆的认识    H 圆柱的体积    I 轴对称图形, tag 圆, 四年级    K 初步认识分数
 *  P 分数与除法 — 莘县, public                        S 分数墙 — 冠县第二实验小学, school only
 */
describe('resource search (Chinese, scoped)', () => {
  let t: TestApp;
  let teacher: Client;
  let sxPrincipal: Client;
  let countyAdmin: Client;
  const id: Record<string, number> = {};

  const search = async (c: Client | null, query: string, extra = ''): Promise<Answer> => {
    const url = `${c ? '/api/resources/search' : '/api/public/resources/search'}?q=${encodeURIComponent(query)}${extra}`;
    const res = c ? await c.get(url) : await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const ids = (a: Answer) => a.hits.map((h) => h.id);
  const named = (...names: string[]) => names.map((n) => id[n]!);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const gxsy = await schoolIdOf(db, DEMO_SCHOOLS.guanxianShiyan.code);
    const gx2 = await schoolIdOf(db, DEMO_SCHOOLS.guanxianDier.code);
    const sxsy = await schoolIdOf(db, DEMO_SCHOOLS.shenxianShiyan.code);
    const gxTeacher = await userIdOf(db, 'gxsy.teacher');
    const gx2Teacher = await userIdOf(db, 'gx2.teacher');
    const sxPrincipalId = await userIdOf(db, 'sxsy.principal');
    const add = async (name: string, title: string, seed: Partial<ResourceSeed> = {}) => {
      id[name] = await addResource(db, { schoolId: gxsy, publisherUserId: gxTeacher, title, unit: '第一单元', lesson: '第1课', ...seed });
      await reindexResource(db, id[name]!);
    };
    await add('A', '分数的初步认识');
    await add('B', '认识几分之几', { tags: ['分数'] });
    await add('C', '百分数的应用');
    await add('D', '小数的意义', { description: '本课把小数与分数联系起来' });
    await add('E', '长方形的面积');
    await add('F', '分数的加法', { schoolId: sxsy, publisherUserId: sxPrincipalId });
    await add('G', '圆的认识');
    await add('H', '圆柱的体积');
    await add('I', '轴对称图形', { tags: ['圆'], grade: '四年级' });
    await add('K', '初步认识分数');
    await add('P', '分数与除法', { schoolId: sxsy, publisherUserId: sxPrincipalId, requestedScope: 'public' });
    await add('S', '分数墙', { schoolId: gx2, publisherUserId: gx2Teacher, requestedScope: 'school' });
    // Courseware text as the conversion job leaves it, then the index brought up to date.
    await db.insertInto('resource_files').values({
      resource_id: id.E!, name: '长方形的面积.pdf', mime: 'application/pdf', size_bytes: 1000, sha256: 'e'.repeat(64), storage_key: 'test/e.pdf',
      pdf_key: null, thumb_key: null, pages: 3, conversion: 'none', conversion_error: null,
      body_text: '第一页 导入\n学生用七巧板拼出长方形，再用分数表示涂色部分。\n第三页 练习', created_by_user_id: gxTeacher, created_at: new Date().toISOString(),
    }).execute();
    await reindexResource(db, id.E!);
    teacher = await t.login('gxsy.teacher');
    sxPrincipal = await t.login('sxsy.principal');
    countyAdmin = await t.login('guanxian.admin');
  });
  afterAll(async () => t?.close());

  it('a two-character word (分数): title first, then tags, description, PDF text; the same order on either database', async () => {
    const a = await search(teacher, '分数');
    expect(a.words).toEqual(['分数']);
    // 24 each (title 8 + title holds 分数 16): P K C A by id; then B (tag, 4), D (description, 2), E (PDF, 1).
    expect(ids(a)).toEqual(named('P', 'K', 'C', 'A', 'B', 'D', 'E'));
    expect(a.total).toBe(7);
    expect(ids(a).slice(0, 5)).toEqual(named('P', 'K', 'C', 'A', 'B'));
    const hitA = a.hits.find((h) => h.id === id.A)!;
    expect(hitA.title).toEqual([{ text: '分数', hit: true }, { text: '的初步认识', hit: false }]);
    expect(a.hits.find((h) => h.id === id.D)!.snippet).toEqual([
      { text: '本课把小数与', hit: false }, { text: '分数', hit: true }, { text: '联系起来', hit: false },
    ]);
  });

  it('a one-character query (圆) finds titles and tags through their characters', async () => {
    const a = await search(teacher, '圆');
    expect(ids(a)).toEqual(named('H', 'G', 'I'));
    expect(a.hits[0]!.title).toEqual([{ text: '圆', hit: true }, { text: '柱的体积', hit: false }]);
    const third = await search(teacher, '圆', `&grade=${encodeURIComponent('三年级')}`);
    expect(ids(third)).toEqual(named('H', 'G'));
    expect(third.total).toBe(2);
  });

  it('a phrase (分数的初步认识): every word needed, the title holding the phrase first', async () => {
    const a = await search(teacher, '分数的初步认识');
    expect(a.words).toEqual(['分数', '初步', '认识']);
    // A: 3 words in the title + the phrase = 40; K: 24. B lacks 初步.
    expect(ids(a)).toEqual(named('A', 'K'));
  });

  it('a two-character query jieba splits (数的) is the title holding it', async () => {
    const a = await search(teacher, '数的');
    expect(ids(a)).toEqual(named('D', 'C', 'A'));
    // 数 in the title 8 + the title holds 数的 16 = 24 each; the query marked whole.
    expect(a.words).toEqual(['数']);
    expect(a.hits.find((h) => h.id === id.C)!.title).toEqual([{ text: '百分', hit: false }, { text: '数的', hit: true }, { text: '应用', hit: false }]);
  });

  it('a word only in a PDF body (七巧板) is found, with an excerpt of the body around it', async () => {
    const a = await search(teacher, '七巧板');
    expect(ids(a)).toEqual(named('E'));
    expect(a.hits[0]!.snippetFrom).toBe('body');
    expect(a.hits[0]!.snippet).toEqual([
      { text: '第一页 导入 学生用', hit: false }, { text: '七巧板', hit: true }, { text: '拼出长方形，再用分数表示涂色部分。 第三页 练习', hit: false },
    ]);
  });

  it('scope is part of the search: another county\'s county-wide resource and another school\'s own never appear, nor count', async () => {
    for (const q of ['分数', '分数的加法', '分数墙', '加法']) {
      const a = await search(teacher, q);
      expect(ids(a)).not.toContain(id.F);
      expect(ids(a)).not.toContain(id.S);
    }
    expect((await search(teacher, '加法')).total).toBe(0);
    // 莘县's principal: their own county's and the public one, nothing of 冠县's county-wide.
    const sx = await search(sxPrincipal, '分数');
    expect(ids(sx)).toEqual(named('P', 'F'));
    expect(sx.total).toBe(2);
    // 冠县's bureau supervises its schools: the school-only 分数墙 too, never 莘县's.
    const county = await search(countyAdmin, '分数');
    expect(ids(county).slice(0, 5)).toEqual(named('S', 'P', 'K', 'C', 'A'));
    expect(county.total).toBe(8);
  });

  it('the public search finds only what is published to the public, without login', async () => {
    const a = await search(null, '分数');
    expect(ids(a)).toEqual(named('P'));
    expect(a.total).toBe(1);
  });

  it('pages hold the same order', async () => {
    // Pages the top tier (title holds every word and the query: P K C A) fills alone, read by id
    // without scoring, and the page where it runs out, ranked: one order across them.
    const byTwo = await Promise.all([1, 2, 3, 4].map((p) => search(teacher, '分数', `&page=${p}&pageSize=2`)));
    expect(byTwo.flatMap(ids)).toEqual(named('P', 'K', 'C', 'A', 'B', 'D', 'E'));
    expect(byTwo.map((a) => [a.total, (a as Answer & { totalCapped: boolean }).totalCapped])).toEqual(Array(4).fill([7, false]));
    const second = await search(teacher, '分数', '&page=2&pageSize=3');
    expect(ids(second)).toEqual(named('A', 'B', 'D'));
    expect(second.total).toBe(7);
    const past = await search(teacher, '分数', '&page=5&pageSize=3');
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(7);
  });

  it('an empty, blank, wordless or too long query is refused with a Chinese reason', async () => {
    for (const [q, code] of [['', 'SEARCH_QUERY_EMPTY'], ['   ', 'SEARCH_QUERY_EMPTY'], ['，。！', 'SEARCH_QUERY_NO_WORDS'], ['分'.repeat(51), 'SEARCH_QUERY_TOO_LONG']] as const) {
      const res = await teacher.get(`/api/resources/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(/搜索词|请输入/u);
    }
    const unknown = await teacher.get('/api/resources/search?q=a&colour=red');
    expect(unknown.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/resources/search?q=分数' })).statusCode).toBe(401);
    const parent = await t.login('gxsy.parent');
    expect((await parent.get('/api/resources/search?q=分数')).statusCode).toBe(403);
  });

  it('a changed resource is found by its new words once reindexed, and no longer by its old ones', async () => {
    await t.db.db.updateTable('resources').set({ title: '几何图形的拼组' }).where('id', '=', id.G!).execute();
    await reindexResource(t.db.db, id.G!);
    expect(ids(await search(teacher, '圆'))).toEqual(named('H', 'I'));
    expect(ids(await search(teacher, '拼组'))).toEqual(named('G'));
  });
});
