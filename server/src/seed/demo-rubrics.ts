import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Definition } from '../modules/research/rubric-definition.js';
import { flatItems } from '../modules/research/rubric-definition.js';
import { SeededRandom } from './seeded-random.js';

/** A level set with descriptors written for one item: 优 / 良 / 中 / 差 scored 4 to 1. */
const levels = (best: string, good: string, fair: string, poor: string) => [
  { score: 4, label: '优', descriptor: best }, { score: 3, label: '良', descriptor: good },
  { score: 2, label: '中', descriptor: fair }, { score: 1, label: '差', descriptor: poor },
];

/**
 * The city's general rubric (聊城市中小学课堂观察量表): four dimensions, nine items; the weights
 * add up to 25, so the weighted total of levels 1–4 is out of 100 (百分制).
 */
export const CITY_RUBRIC: { name: string; description: string; definition: Definition } = {
  name: '聊城市中小学课堂观察量表',
  description: '市教科院制定，适用于各学科常态课、公开课的课堂观察。每项按“优、良、中、差”四级评定，加权总分为百分制。',
  definition: {
    dimensions: [
      { key: 'goals', name: '教学目标', items: [
        { key: 'goal_clear', text: '目标明确具体，可观察、可检测', weight: 3, levels: levels(
          '目标表述具体，行为动词可检测，学生清楚本课要学会什么', '目标较具体，个别表述偏笼统', '目标笼统，难以检测是否达成', '没有明确的教学目标') },
        { key: 'goal_fit', text: '目标符合课程标准和学生实际', weight: 2, levels: levels(
          '紧扣课标要求，难度适合本班学情并有分层', '符合课标，对学情考虑较少', '目标偏高或偏低', '脱离课标或学情') },
      ] },
      { key: 'process', name: '教学过程', items: [
        { key: 'process_structure', text: '环节清晰，过渡自然，时间分配合理', weight: 3, levels: levels(
          '环节紧凑、层层递进，重点环节时间充足', '环节清楚，个别环节拖沓', '环节松散，重点时间不足', '环节混乱，拖堂或提前结束') },
        { key: 'process_questions', text: '问题设计有层次，能启发学生思考', weight: 3, levels: levels(
          '核心问题引领，追问层层深入，留有思考时间', '问题有一定层次，追问不足', '问题零碎，多为“是不是”“对不对”', '以讲代问，几乎没有提问') },
        { key: 'process_tech', text: '恰当运用录播、课件等信息技术', weight: 2, levels: levels(
          '技术服务于重难点突破，操作熟练', '使用恰当，偶有操作停顿', '课件替代板书，信息堆砌', '未使用或使用干扰教学') },
      ] },
      { key: 'students', name: '学生参与', items: [
        { key: 'student_breadth', text: '参与面广，不同层次学生都有表现机会', weight: 3, levels: levels(
          '大多数学生主动发言或展示，后进生得到关注', '多数学生参与，发言集中在少数人', '参与面窄，多数学生旁听', '学生基本没有参与') },
        { key: 'student_depth', text: '合作探究真实有效，学生敢于质疑表达', weight: 3, levels: levels(
          '小组分工明确、讨论充分，出现有价值的质疑', '有合作讨论，深度不够', '合作流于形式，时间过短', '没有合作与交流') },
      ] },
      { key: 'effects', name: '教学效果', items: [
        { key: 'effect_goal', text: '当堂检测达成度高，教学目标基本实现', weight: 4, levels: levels(
          '当堂检测正确率在九成以上', '正确率七至九成', '正确率五至七成', '正确率不足五成或没有检测') },
        { key: 'effect_habit', text: '学习习惯良好，课堂气氛活跃有序', weight: 2, levels: levels(
          '倾听、书写、表达习惯好，活而不乱', '习惯较好，气氛略沉闷或略乱', '部分学生游离于课堂', '课堂秩序混乱') },
      ] },
    ],
  },
};

/** 冠县's own rubric for primary Chinese (小学语文), three levels. */
export const COUNTY_RUBRIC: { name: string; description: string; definition: Definition } = {
  name: '冠县小学语文课堂观察量表',
  description: '县教科所语文教研组制定，用于小学语文阅读教学的同课异构与评课议课。',
  definition: {
    dimensions: [
      { key: 'reading', name: '朗读与识字', items: [
        { key: 'read_aloud', text: '朗读指导有层次，学生读得正确、流利、有感情', weight: 1, levels: [
          { score: 3, label: '好', descriptor: '范读、指导、评价结合，多数学生读出感情' },
          { score: 2, label: '较好', descriptor: '有朗读指导，形式较单一' },
          { score: 1, label: '一般', descriptor: '只读不导，读得不够正确流利' },
        ] },
        { key: 'characters', text: '识字写字方法有效，书写规范', weight: 1, levels: [
          { score: 3, label: '好', descriptor: '随文识字，方法多样，当堂书写规范' },
          { score: 2, label: '较好', descriptor: '识字方法较单一，书写基本规范' },
          { score: 1, label: '一般', descriptor: '识字写字落实不到位' },
        ] },
      ] },
      { key: 'understanding', name: '阅读理解', items: [
        { key: 'key_sentences', text: '抓住关键词句体会文本内涵', weight: 2, levels: [
          { score: 3, label: '好', descriptor: '引导学生品读关键词句，体会深入' },
          { score: 2, label: '较好', descriptor: '有品读，教师讲解偏多' },
          { score: 1, label: '一般', descriptor: '以内容分析代替语言品味' },
        ] },
      ] },
      { key: 'expression', name: '表达与交流', items: [
        { key: 'speaking', text: '学生表达完整、有条理', weight: 1, levels: [
          { score: 3, label: '好', descriptor: '多数学生能完整、有条理地表达' },
          { score: 2, label: '较好', descriptor: '部分学生表达完整' },
          { score: 1, label: '一般', descriptor: '学生表达零碎' },
        ] },
      ] },
    ],
  },
};

async function userId(db: Kysely<Database>, username: string) {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id;
}

/** Seeds the published rubrics of the demo: the city's (by city.research) and 冠县's (by guanxian.research). */
export async function seedDemoRubrics(db: Kysely<Database>): Promise<number[]> {
  // 冠县 (GB/T 2260 371525) and its city, 聊城市.
  const guanxian = await db.selectFrom('regions').select(['id', 'parent_id']).where('code', '=', '371525').executeTakeFirst();
  const city = guanxian?.parent_id ? { id: guanxian.parent_id } : undefined;
  const cityOfficer = await userId(db, 'city.research');
  const countyOfficer = await userId(db, 'guanxian.research');
  if (!city || !cityOfficer) return [];
  const at = '2018-03-01T08:00:00.000Z';
  const ids: number[] = [];
  const rows = [
    { ...CITY_RUBRIC, county_id: null, by: cityOfficer },
    ...(guanxian && countyOfficer ? [{ ...COUNTY_RUBRIC, county_id: guanxian.id, by: countyOfficer }] : []),
  ];
  for (const r of rows) {
    const row = await db.insertInto('observation_rubrics').values({
      name: r.name, description: r.description, city_id: city.id, county_id: r.county_id, definition: JSON.stringify(r.definition),
      status: 'published', created_by_user_id: r.by, created_at: at, updated_at: at, version: 1, copied_from_rubric_id: null,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/**
 * Scores for the demo's research activities (when the demo has any): an open or summarised
 * activity without a rubric observes on the city's; up to three of its observers (members first,
 * then the 教科所 of its schools' counties and the city's research officer, all of whom reach it)
 * score each lesson around a level of their own, so the results page shows means, spread and
 * agreement. Nothing happens without activities.
 */
export async function seedDemoRubricScores(db: Kysely<Database>, cityRubricId: number): Promise<number> {
  const rubric = await db.selectFrom('observation_rubrics').select(['id', 'definition']).where('id', '=', cityRubricId).executeTakeFirst();
  if (!rubric) return 0;
  const items = flatItems(JSON.parse(rubric.definition) as Definition);
  const activities = await db.selectFrom('research_activities').select(['id', 'rubric_id', 'county_id', 'updated_at'])
    .where('deleted_at', 'is', null).where('status', 'in', ['open', 'summarised']).orderBy('id').execute();
  const rnd = new SeededRandom(20180404);
  const cityOfficer = await userId(db, 'city.research');
  let written = 0;
  for (const act of activities) {
    const rubricId = act.rubric_id ?? cityRubricId;
    if (act.rubric_id === null) await db.updateTable('research_activities').set({ rubric_id: cityRubricId }).where('id', '=', act.id).execute();
    if (rubricId !== cityRubricId) continue;
    const lessons = await db.selectFrom('research_activity_lessons').select(['school_id', 'group_id', 'teacher_user_id']).where('activity_id', '=', act.id).orderBy('position').execute();
    const members = (await db.selectFrom('research_activity_members').select(['user_id', 'role']).where('activity_id', '=', act.id).orderBy('id').execute())
      .filter((m) => m.role !== 'teacher').map((m) => m.user_id);
    // Officers who reach the activity: the 教科所 of its schools' counties, and the city's research officer.
    const counties = (await db.selectFrom('research_activity_schools').select('county_id').where('activity_id', '=', act.id).execute()).map((r) => r.county_id);
    const officers = [
      ...(counties.length ? (await db.selectFrom('role_assignments').select('user_id').where('role', '=', 'dept_staff').where('department', '=', 'research')
        .where('county_id', 'in', counties).orderBy('user_id').execute()).map((r) => r.user_id) : []),
      ...(cityOfficer ? [cityOfficer] : []),
    ];
    for (const lesson of lessons) {
      const observers = [...new Set([...members, ...officers])].filter((id) => id !== lesson.teacher_user_id).slice(0, 3);
      const quality = 2 + Math.floor(rnd.next() * 3); // the lesson's level, 2–4
      for (const observer of observers) {
        for (const item of items) {
          const drift = rnd.next() < 0.6 ? 0 : rnd.next() < 0.5 ? -1 : 1;
          const score = Math.min(item.max, Math.max(item.min, quality + drift));
          await db.insertInto('observation_scores').values({
            activity_id: act.id, rubric_id: rubricId, school_id: lesson.school_id, group_id: lesson.group_id, observer_user_id: observer,
            item_key: item.key, score, note: '', updated_at: act.updated_at,
          }).onConflict((oc) => oc.doNothing()).execute();
          written++;
        }
      }
    }
  }
  return written;
}
