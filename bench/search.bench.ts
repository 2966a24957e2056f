import { type Insertable, sql } from 'kysely';
import type { Actor, Grant } from '../server/src/access/actor.js';
import { permissionsOf } from '../server/src/access/actor.js';
import type { Db } from '../server/src/db/database.js';
import type { ResourceTable } from '../server/src/db/schema.js';
import { type SearchEntry, searchEntryOf, writeSearchEntry } from '../server/src/modules/resources/search-index.js';
import { createSearchService } from '../server/src/modules/resources/search.service.js';
import { seedCity } from '../server/src/seed/seed-city.js';
import type { Role } from '../shared/domain.js';
import type { ResourceScope } from '../shared/resources.js';
import { fmt } from './support.js';
import { openBenchDb, percentile } from './bench-db.js';

/**
 * Issue 10, acceptance 6: `npm run bench -- search`. 100,000 resources with realistic Chinese
 * titles (topics of the primary and junior curriculum in the patterns teachers name their lessons
 * and courseware), tags, taxonomy, a twentieth with courseware text; searched as a teacher (their
 * school, county, city and public resources) and as the city (everything), with 1-, 2-character
 * and longer queries. Each search is what the route runs (the service: segmentation, count, page,
 * snippets); the baseline is a primary-key read of one resource in the same run. On SQLite, and on
 * PostgreSQL too when DATABASE_URL is set. Target: search p95 ≤ 20 ms.
 */
const RESOURCES = Number(process.env.BENCH_SEARCH_RESOURCES ?? 100_000);
const ROUNDS = 40;

const TOPICS = [
  '分数', '小数', '百分数', '圆', '圆柱', '圆锥', '三角形', '长方形', '正方形', '平行四边形', '梯形', '面积', '周长', '体积', '方程', '比例',
  '乘法', '除法', '加法', '减法', '统计', '可能性', '负数', '角的度量', '位置与方向', '时分秒', '古诗', '作文', '阅读', '拼音', '识字', '写字',
  '口语交际', '寓言故事', '神话', '春天', '秋天', '光合作用', '电路', '浮力', '声音', '植物的生长', '动物的家', '天气', '水的三态', '力与运动',
  '英语单词', '字母', '颜色', '家庭成员', '节日', '中国地图', '长江', '黄河', '丝绸之路', '辛亥革命', '民法典', '垃圾分类', '交通安全', '防溺水',
];
const PATTERNS = ['{t}的认识', '{t}的初步认识', '《{t}》教学设计', '{t}（第二课时）', '{t}练习课', '{t}复习课', '认识{t}', '{t}的应用', '{t}单元整理', '有趣的{t}'];
const SUBJECTS = ['数学', '语文', '英语', '科学', '道德与法治', '历史', '地理'];
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级'];
const EDITIONS = ['人教版', '北师大版', '苏教版', '部编版'];
const TAGS = ['优质课', '公开课', '课件', '微课', '教学设计', '导学案', '同课异构', '集体备课'];
const QUERIES = ['分数', '圆', '角', '数的', '面积', '三角形', '分数的初步认识', '教学设计', '光合作用', '长方形的面积', '复习', '方程', '丝绸之路', '形的'];

/** A deterministic pseudo-random sequence, so every run builds the same library. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

export async function build(h: Db): Promise<{ schools: number }> {
  const db = h.db;
  await seedCity(h, { scale: 'test', passwordHash: 'bench-no-login' });
  const schools = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).orderBy('id').execute();
  const publisher = (await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const rand = rng(20261206);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const now = new Date().toISOString();
  const BATCH = 500;
  for (let start = 1; start <= RESOURCES; start += BATCH) {
    const rows: Insertable<ResourceTable>[] = [];
    const entries: { id: number; e: SearchEntry }[] = [];
    for (let id = start; id < Math.min(start + BATCH, RESOURCES + 1); id++) {
      const topic = pick(TOPICS);
      const title = pick(PATTERNS).replace('{t}', topic);
      const school = pick(schools);
      const r = rand();
      const scope: ResourceScope = r < 0.55 ? 'county' : r < 0.75 ? 'school' : r < 0.9 ? 'city' : 'public';
      const tags = [pick(TAGS), pick(TAGS)].filter((t, i, a) => a.indexOf(t) === i);
      const grade = pick(GRADES);
      const row = {
        id, kind: rand() < 0.4 ? 'lesson' as const : 'courseware' as const, title, description: `本课围绕“${topic}”展开，${pick(TAGS)}，适合${grade}使用。`,
        stage: grade.startsWith('七') || grade.startsWith('八') ? 'junior' as const : 'primary' as const, subject: pick(SUBJECTS), grade,
        edition: pick(EDITIONS), volume: `${grade}${rand() < 0.5 ? '上册' : '下册'}`, unit: `第${1 + Math.floor(rand() * 8)}单元 ${topic}`, lesson: `第${1 + Math.floor(rand() * 4)}课时`,
        tags: JSON.stringify(tags), city_id: school.city_id, county_id: school.county_id, school_id: school.id, publisher_user_id: publisher,
        recording_group_id: null, class_id: null, requested_scope: scope, visible_scope: rand() < 0.9 ? scope : null, consent_cap: null,
        review_stage: 'done' as const, feature: rand() < 0.05 ? 'quality' as const : null, featured_at: null, published_at: now, created_at: now, updated_at: now,
      };
      rows.push(row);
      const body = rand() < 0.05 ? [`${title}\n教学目标：理解${topic}的意义，会用${topic}解决简单的实际问题。\n教学过程：一、情境导入 二、探究新知 三、巩固练习 四、课堂小结。${pick(TAGS)}。`] : [];
      entries.push({ id, e: searchEntryOf({ ...row, tags, bodies: body }) });
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('resources').values(rows).execute();
      for (const { id, e } of entries) await writeSearchEntry(tx, id, e);
    });
  }
  await sql`analyze`.execute(db);
  return { schools: schools.length };
}

export async function actorOf(h: Db, role: Role): Promise<Actor> {
  const a = await h.db.selectFrom('role_assignments').selectAll().where('role', '=', role).orderBy('id').executeTakeFirstOrThrow();
  const grants: Grant[] = [{ assignmentId: a.id, role, department: a.department, cityId: a.city_id, countyId: a.county_id, schoolId: a.school_id }];
  return { userId: a.user_id, username: role, name: role, kind: 'staff', sessionId: 0, csrfToken: '', grants, permissions: permissionsOf(grants) };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function benchOne(label: string, url: string | undefined) {
  const h = await openBenchDb(url, 'search');
  try {
    const t0 = Date.now();
    await build(h);
    console.log(`${label}: ${RESOURCES.toLocaleString('en')} resources indexed in ${fmt((Date.now() - t0) / 1000)} s`);
    const search = createSearchService({ db: h.db });
    const actors = { teacher: await actorOf(h, 'teacher'), city: await actorOf(h, 'city_admin') };
    const rand = rng(7);
    const pkRead = () => h.db.selectFrom('resources').selectAll().where('id', '=', 1 + Math.floor(rand() * RESOURCES)).executeTakeFirst();
    for (let i = 0; i < 50; i++) await pkRead();
    const pk: number[] = [];
    const per = new Map<string, number[]>();
    const totals = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [who, actor] of Object.entries(actors)) {
        for (const q of QUERIES) {
          let total = 0;
          const ms = await timed(async () => { total = (await search.search(actor, { q })).total; });
          if (round > 0) (per.get(`${who} ${q}`) ?? per.set(`${who} ${q}`, []).get(`${who} ${q}`)!).push(ms);
          totals.set(`${who} ${q}`, total);
          pk.push(await timed(pkRead));
        }
      }
    }
    const all = [...per.values()].flat();
    const short = [...per.entries()].filter(([k]) => [...k.split(' ')[1]!].length <= 2).flatMap(([, v]) => v);
    const pk95 = percentile(pk, 0.95);
    console.log(`${label}: primary-key read p50 ${fmt(percentile(pk, 0.5), 2)} ms, p95 ${fmt(pk95, 2)} ms`);
    console.log(`${label}: search p50 ${fmt(percentile(all, 0.5))} ms, p95 ${fmt(percentile(all, 0.95))} ms (${fmt(percentile(all, 0.95) / pk95, 0)}× the key read); 1–2-character queries p95 ${fmt(percentile(short, 0.95))} ms (${fmt(percentile(short, 0.95) / pk95, 0)}×); target ≤ 20 ms`);
    for (const [key, xs] of per) {
      console.log(`  ${key.padEnd(18)} p50 ${fmt(percentile(xs, 0.5)).padStart(6)} ms  p95 ${fmt(percentile(xs, 0.95)).padStart(6)} ms  (${fmt(percentile(xs, 0.95) / pk95, 0).padStart(4)}×)  hits ${totals.get(key)}`);
    }
  } finally {
    await h.drop();
  }
}

export async function benchSearch() {
  await benchOne('SQLite', undefined);
  if (process.env.DATABASE_URL) await benchOne('PostgreSQL', process.env.DATABASE_URL);
  else console.log('PostgreSQL: skipped (set DATABASE_URL to measure it too)');
}
