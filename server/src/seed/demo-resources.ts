import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { FeatureLevel, ResourceScope, ReviewStage } from '../../../shared/resources.js';
import { levelsFor } from '../../../shared/resources.js';
import { shanghaiDate } from '../../../shared/dates.js';
import { reindexResource } from '../modules/resources/search-index.js';
import { SeededRandom } from './seeded-random.js';

/**
 * The demo's library of shared quality resources (优质资源): courseware (课件, 教学设计, 学案)
 * published by strong urban schools of every county over the last six months, some featured as
 * 优课 / 精品课, a few waiting for review at each level (the school's principal, the county 教科所,
 * the city), and six months of uses by schools across the city — 贫困村 schools among them — so
 * the equity page (均衡分析) opens on a real picture. Courseware without files: the demo shows the
 * catalogue, review and use; uploading a file works as usual on top. Idempotent: seeds nothing
 * when the library already holds resources.
 */

type Db = Kysely<Database>;

interface Item { title: string; stage: 'primary' | 'junior'; subject: string; grade: string; volume: string; unit: string; lesson: string; tags: string[] }

const P = (subject: string, grade: string, term: '上' | '下', unit: string, lesson: string, title: string, tags: string[] = []): Item =>
  ({ title, stage: 'primary', subject, grade, volume: `${grade}${term}册`, unit, lesson, tags });
const J = (subject: string, grade: string, term: '上' | '下', unit: string, lesson: string, title: string, tags: string[] = []): Item =>
  ({ title, stage: 'junior', subject, grade, volume: `${grade}${term}册`, unit, lesson, tags });

/** Forty lessons of the 人教版 (部编版 for 语文) textbooks, as a county seat school would share them. */
const CATALOGUE: Item[] = [
  P('数学', '三年级', '上', '第八单元 分数的初步认识', '几分之一', '分数的初步认识——几分之一', ['分数', '直观教学']),
  P('数学', '三年级', '上', '第八单元 分数的初步认识', '几分之几', '几分之几：用折纸认识分数', ['分数', '动手操作']),
  P('数学', '三年级', '下', '第五单元 面积', '面积和面积单位', '面积和面积单位', ['面积', '度量']),
  P('数学', '四年级', '上', '第五单元 平行四边形和梯形', '平行与垂直', '平行与垂直', ['图形与几何']),
  P('数学', '四年级', '下', '第四单元 小数的意义和性质', '小数的意义', '小数的意义', ['小数']),
  P('数学', '五年级', '上', '第五单元 简易方程', '解方程', '解简易方程（天平模型）', ['方程', '模型思想']),
  P('数学', '五年级', '下', '第四单元 分数的意义和性质', '通分', '通分与最小公倍数', ['分数']),
  P('数学', '六年级', '上', '第五单元 圆', '圆的面积', '圆的面积', ['圆', '转化思想']),
  P('数学', '二年级', '上', '第四单元 表内乘法（一）', '乘法的初步认识', '乘法的初步认识', ['乘法']),
  P('数学', '一年级', '下', '第一单元 认识图形（二）', '认识平面图形', '认识平面图形', ['图形']),
  P('语文', '三年级', '上', '第二单元', '古诗三首', '古诗三首：山行 赠刘景文 夜书所见', ['古诗', '朗读']),
  P('语文', '三年级', '下', '第一单元', '燕子', '燕子（部编版）', ['写景', '朗读']),
  P('语文', '四年级', '上', '第二单元', '蝴蝶的家', '提问策略：蝴蝶的家', ['阅读策略']),
  P('语文', '四年级', '下', '第一单元', '古诗词三首', '四时田园杂兴', ['古诗']),
  P('语文', '五年级', '上', '第二单元', '搭石', '搭石：体会乡村之美', ['阅读']),
  P('语文', '五年级', '下', '第一单元', '祖父的园子', '祖父的园子', ['阅读', '习作']),
  P('语文', '六年级', '上', '第一单元', '草原', '草原', ['写景']),
  P('语文', '二年级', '上', '识字', '场景歌', '识字：场景歌', ['识字']),
  P('语文', '一年级', '上', '识字（一）', '天地人', '识字：天地人', ['识字', '幼小衔接']),
  P('英语', '三年级', '上', 'Unit 1', 'Hello!', 'Unit 1 Hello! 第一课时', ['对话', '歌曲']),
  P('英语', '四年级', '上', 'Unit 2', 'My schoolbag', 'Unit 2 My schoolbag', ['词汇']),
  P('英语', '五年级', '下', 'Unit 3', 'My school calendar', 'Unit 3 My school calendar', ['月份', '情景教学']),
  P('英语', '六年级', '上', 'Unit 1', 'How can I get there?', 'Unit 1 How can I get there?', ['问路']),
  P('科学', '三年级', '上', '第一单元 水', '水到哪里去了', '水到哪里去了（教科版）', ['实验', '探究']),
  P('科学', '四年级', '下', '第二单元 电路', '点亮小灯泡', '点亮小灯泡', ['电路', '实验']),
  P('科学', '五年级', '上', '第一单元 光', '光的传播', '光是怎样传播的', ['光', '实验']),
  P('道德与法治', '三年级', '上', '第一单元 快乐学习', '我学习，我快乐', '我学习，我快乐', ['德育']),
  P('音乐', '二年级', '下', '第一单元', '春晓', '歌曲《春晓》', ['歌唱']),
  P('美术', '三年级', '上', '第一课', '色彩的世界', '色彩的世界', ['色彩']),
  P('体育与健康', '四年级', '上', '跳跃', '立定跳远', '立定跳远', ['体能']),
  J('数学', '七年级', '上', '第三章 一元一次方程', '解一元一次方程', '解一元一次方程——去括号', ['方程']),
  J('数学', '八年级', '下', '第十七章 勾股定理', '勾股定理', '勾股定理的探索与证明', ['几何', '数学文化']),
  J('数学', '九年级', '上', '第二十二章 二次函数', '二次函数的图像和性质', '二次函数 y=ax² 的图像和性质', ['函数']),
  J('语文', '七年级', '上', '第一单元', '春', '朱自清《春》', ['散文', '朗读']),
  J('语文', '八年级', '上', '第三单元', '三峡', '郦道元《三峡》', ['文言文']),
  J('英语', '七年级', '上', 'Unit 1', 'My name\'s Gina.', 'Unit 1 My name\'s Gina. Section A', ['对话']),
  J('物理', '八年级', '上', '第二章 声现象', '声音的产生与传播', '声音的产生与传播', ['实验']),
  J('物理', '八年级', '下', '第十章 浮力', '阿基米德原理', '阿基米德原理', ['实验', '探究']),
  J('化学', '九年级', '上', '第二单元 我们周围的空气', '氧气', '氧气的性质', ['实验']),
  J('生物学', '七年级', '上', '第二单元', '植物细胞', '植物细胞（显微镜观察）', ['实验']),
];

/** Waiting for review: at the school (its principal), at the county 教科所, at the city. */
const PENDING: { stage: ReviewStage; scope: ResourceScope; item: Item }[] = [
  { stage: 'school', scope: 'county', item: P('数学', '四年级', '上', '第一单元 大数的认识', '亿以内数的认识', '亿以内数的认识（待审）', ['大数']) },
  { stage: 'school', scope: 'city', item: P('语文', '三年级', '上', '第三单元', '去年的树', '去年的树：童话阅读', ['童话']) },
  { stage: 'county', scope: 'county', item: P('科学', '三年级', '下', '第一单元 物体的运动', '我们的过山车', '我们的过山车', ['运动']) },
  { stage: 'county', scope: 'city', item: P('英语', '四年级', '下', 'Unit 4', 'At the farm', 'Unit 4 At the farm', ['词汇']) },
  { stage: 'city', scope: 'city', item: P('数学', '六年级', '下', '第二单元 百分数（二）', '折扣', '百分数：折扣', ['生活数学']) },
  { stage: 'city', scope: 'public', item: J('数学', '八年级', '上', '第十三章 轴对称', '画轴对称图形', '画轴对称图形', ['几何']) },
];

const EDITION = (i: Item) => (i.subject === '语文' || i.subject === '道德与法治' ? '部编版' : i.subject === '科学' ? '教科版' : '人教版');

/** The instant `days` days into the Shanghai month that lies `monthsAgo` before `now`, at 10:00. */
function dayOf(now: Date, monthsAgo: number, day: number): Date {
  const today = shanghaiDate(now);
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - monthsAgo;
  while (m < 1) { m += 12; y -= 1; }
  const at = new Date(`${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00+08:00`);
  return at > now ? new Date(now.getTime() - 3600_000) : at;
}

export async function seedDemoResources(db: Db, cityId: number, now: Date): Promise<{ resources: number; pending: number; uses: number }> {
  const any = await db.selectFrom('resources').select('id').limit(1).executeTakeFirst();
  if (any) return { resources: 0, pending: 0, uses: 0 };
  const rng = new SeededRandom(20261206);
  const schools = await db.selectFrom('schools').select(['id', 'code', 'county_id', 'kind', 'locality', 'poor_village'])
    .where('city_id', '=', cityId).where('kind', 'in', ['primary', 'junior', 'nine_year']).orderBy('code').execute();
  // A teacher (or, failing one, the principal) of each school publishes and uses in its name.
  const staff = await db.selectFrom('role_assignments').select(['school_id', 'user_id', 'role'])
    .where('city_id', '=', cityId).where('role', 'in', ['teacher', 'principal']).where('school_id', 'is not', null)
    .orderBy('role', 'desc').orderBy('user_id').execute();
  const personOf = new Map<number, number>();
  for (const s of staff) if (!personOf.has(s.school_id!)) personOf.set(s.school_id!, s.user_id);
  const gxsyTeacher = await db.selectFrom('users').select('id').where('username', '=', 'gxsy.teacher').executeTakeFirst();
  const gxsy = schools.find((s) => s.code === '1371525001');
  if (gxsy && gxsyTeacher) personOf.set(gxsy.id, gxsyTeacher.id);

  // Strong schools: the first two urban primary or junior schools of each county (the county seat's).
  const counties = [...new Set(schools.map((s) => s.county_id))];
  const strong = counties.flatMap((c) => schools.filter((s) => s.county_id === c && s.locality === 'urban' && personOf.has(s.id)).slice(0, 2));
  if (!strong.length) return { resources: 0, pending: 0, uses: 0 };

  // Who reviews at each level: the school's principal, the county 教科所, the city's research officer.
  const principals = new Map(staff.filter((s) => s.role === 'principal').map((s) => [s.school_id!, s.user_id]));
  const countyResearch = new Map((await db.selectFrom('role_assignments').select(['county_id', 'user_id'])
    .where('role', '=', 'dept_staff').where('department', '=', 'research').where('city_id', '=', cityId).orderBy('user_id').execute())
    .reverse().map((r) => [r.county_id!, r.user_id]));
  const cityResearch = (await db.selectFrom('users').select('id').where('username', '=', 'city.research').executeTakeFirst())?.id ?? null;
  const reviewerOf = (level: 'school' | 'county' | 'city', school: { id: number; county_id: number }): number | null =>
    (level === 'school' ? principals.get(school.id) : level === 'county' ? countyResearch.get(school.county_id) : cityResearch) ?? null;

  const insert = async (item: Item, school: typeof strong[number], o: { stage: ReviewStage; scope: ResourceScope; feature: FeatureLevel | null; at: Date }) => {
    const at = o.at.toISOString();
    const published = o.stage === 'done';
    const { id } = await db.insertInto('resources').values({
      kind: 'courseware', title: item.title, description: `${item.volume} ${item.unit}「${item.lesson}」的课件与教学设计，附课堂练习。`,
      stage: item.stage, subject: item.subject, grade: item.grade, edition: EDITION(item), volume: item.volume, unit: item.unit, lesson: item.lesson,
      tags: JSON.stringify(item.tags), city_id: cityId, county_id: school.county_id, school_id: school.id, publisher_user_id: personOf.get(school.id)!,
      recording_group_id: null, class_id: null, requested_scope: o.scope, visible_scope: published ? o.scope : null, consent_cap: null,
      review_stage: o.stage, feature: o.feature, featured_at: o.feature ? at : null, published_at: published ? at : null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await reindexResource(db, id);
    // The review history: submitted, then approved at each level it has passed (featured at the last).
    const levels = levelsFor(o.scope);
    const passed = published ? levels : levels.slice(0, Math.max(0, levels.indexOf(o.stage as 'school')));
    await db.insertInto('resource_reviews').values([
      { resource_id: id, level: null, decision: 'submit', comment: '', scope_after: null, feature: null, by_user_id: personOf.get(school.id)!, at },
      ...passed.map((level, n) => {
        const features = n === passed.length - 1 && o.feature !== null;
        return {
          resource_id: id, level, decision: features ? 'feature' as const : 'approve' as const, comment: features ? '教学设计完整，推荐为优课' : '同意',
          scope_after: published && n === passed.length - 1 ? o.scope : null, feature: features ? o.feature : null,
          by_user_id: reviewerOf(level, school), at,
        };
      }),
    ]).execute();
    return id;
  };

  // Published: spread over the last six months, oldest first; a third city-wide, some public, the rest county-wide.
  const published: { id: number; countyId: number; scope: ResourceScope; at: Date; featured: boolean }[] = [];
  for (const [i, item] of CATALOGUE.entries()) {
    const school = strong[i % strong.length]!;
    const monthsAgo = 5 - Math.floor((i * 6) / CATALOGUE.length);
    const at = dayOf(now, monthsAgo, 1 + (i % 20));
    const scope: ResourceScope = i % 7 === 0 ? 'public' : i % 3 === 0 ? 'county' : 'city';
    const feature: FeatureLevel | null = i % 9 === 0 ? 'premium' : i % 4 === 0 ? 'quality' : null;
    const id = await insert(item, school, { stage: 'done', scope, feature: scope === 'county' ? null : feature, at });
    published.push({ id, countyId: school.county_id, scope, at, featured: scope !== 'county' && feature !== null });
  }
  // Waiting for review at each level, at 冠县实验小学 first (its principal's queue) and then other strong schools.
  const queueSchool = strong.find((s) => s.id === gxsy?.id) ?? strong[0]!;
  const otherCounty = strong.find((s) => s.county_id !== queueSchool.county_id) ?? queueSchool;
  for (const [i, p] of PENDING.entries()) {
    await insert(p.item, i === 3 ? otherCounty : queueSchool, { stage: p.stage, scope: p.scope, feature: null, at: dayOf(now, 0, 1 + i) });
  }

  // Uses: each month more schools take part; village schools use featured city-wide lessons most.
  const uses: { resource_id: number; kind: 'view' | 'download' | 'prepare'; user_id: number; school_id: number; county_id: number; city_id: number; activity_id: null; day: string; at: string }[] = [];
  const users = schools.filter((s) => personOf.has(s.id));
  for (let monthsAgo = 5; monthsAgo >= 0; monthsAgo--) {
    const share = 0.12 + (5 - monthsAgo) * 0.05;
    for (const s of users) {
      const village = s.poor_village === 1;
      if (!rng.chance(village ? share * 1.3 : share)) continue;
      const open = published.filter((r) => r.scope !== 'county' || r.countyId === s.county_id);
      for (let n = rng.int(1, 4); n > 0; n--) {
        const pool = village && rng.chance(0.6) ? open.filter((r) => r.featured) : open;
        const r = rng.pick(pool.length ? pool : open);
        const at = dayOf(now, monthsAgo, rng.int(1, 27));
        if (at <= r.at) continue;
        const kind = rng.pick(['view', 'view', 'download', 'prepare'] as const);
        uses.push({ resource_id: r.id, kind, user_id: personOf.get(s.id)!, school_id: s.id, county_id: s.county_id, city_id: cityId, activity_id: null, day: shanghaiDate(at), at: at.toISOString() });
      }
    }
  }
  for (let i = 0; i < uses.length; i += 500) await db.insertInto('resource_uses').values(uses.slice(i, i + 500)).execute();
  return { resources: published.length, pending: PENDING.length, uses: uses.length };
}
