import type { Kysely } from 'kysely';
import { addDays } from '../../../shared/dates.js';
import type { Database } from '../db/schema.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { SeededRandom } from './seeded-random.js';

/**
 * A term's worth of research in the demo city, so 教研分析 shows real figures on the first start:
 * four activities over the recent lessons (the last weeks seedRecentHistory made) — the city's
 * 同课异构 across 冠县 and 莘县, 冠县教科所's 集体备课 with three of its schools, 冠县实验小学's own
 * 公开课, and 莘县教科所's 评课议课 — with comments and S-T codings on their lessons (the 同课异构's
 * codings are the S-T demo's, st.demo-seed.ts, which runs after this). Most of the
 * city's schools take part in nothing, as in a real first term, so the "never took part" list has
 * names on it. Rows go straight into the research tables, as the test kit's do.
 */

type Db = Kysely<Database>;

interface Lesson {
  id: number;
  school_id: number;
  county_id: number;
  city_id: number;
  group_id: string;
  teacher_user_id: number | null;
  teacher_name: string;
  title: string;
  track: string;
}

const COMMENTS = [
  '导入环节用生活情境引出问题，学生兴趣很高。',
  '这里教师讲得偏多，可以把问题抛给学生，让他们先讨论。',
  '小组合作分工明确，汇报环节可以再给学生多一点时间。',
  '板书条理清楚，重难点突出。',
  '提问有层次，追问到位，学生思维被真正调动起来。',
  '练习设计有梯度，但最后一题对部分学生偏难。',
  '课堂小结由学生完成，这个做法值得推广。',
  '同一内容两位老师处理方式不同，建议教研组对比研讨。',
] as const;

/** A lesson of each S-T type as a repeating pattern (练习型, 讲授型, 对话型, 混合型), before noise. */
const PATTERNS = { practice: 'TTSSSSSSSS', lecture: 'TTTTTTTTSS', dialogue: 'TSTSDTSTST', mixed: 'TTTTTSSSSS' } as const;

/** An S-T coding of `n` samples of a kind of lesson: its pattern, with one sample in twenty coded otherwise. */
function codesOf(rng: SeededRandom, kind: keyof typeof PATTERNS, n = 80): string {
  const pattern = PATTERNS[kind];
  let out = '';
  for (let i = 0; i < n; i++) out += rng.chance(0.05) ? rng.pick(['T', 'S', 'D']) : pattern[i % pattern.length];
  return out;
}

/** Seeds the demo's research over [from, to] (the recent lessons' window); returns what it made. */
export async function seedDemoResearchAnalysis(db: Db, window: { from: string; to: string }, now: Date, seed = 20180404) {
  const rng = new SeededRandom(seed ^ 0x7e5);
  const iso = now.toISOString();
  const user = async (username: string) => (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id ?? null;
  const school = (code: string) => db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('code', '=', code).executeTakeFirst();
  const [gxsy, gx2, sxsy] = await Promise.all([school(DEMO_SCHOOLS.guanxianShiyan.code), school(DEMO_SCHOOLS.guanxianDier.code), school(DEMO_SCHOOLS.shenxianShiyan.code)]);
  if (!gxsy || !gx2 || !sxsy) return { activities: 0, lessons: 0, comments: 0, codings: 0 };
  const people = {
    cityResearch: await user('city.research'), gxResearch: await user('guanxian.research'), sxResearch: await user('shenxian.research'),
    gxsyPrincipal: await user('gxsy.principal'), gxsyTeacher: await user('gxsy.teacher'), gx2Teacher: await user('gx2.teacher'), sxsyPrincipal: await user('sxsy.principal'),
  };
  if (Object.values(people).some((p) => p === null)) return { activities: 0, lessons: 0, comments: 0, codings: 0 };
  const p = people as { [K in keyof typeof people]: number };

  // The window's lessons with a teacher in the two counties, one representative track per lesson.
  const tracks = await db.selectFrom('recordings')
    .select(['id', 'school_id', 'county_id', 'city_id', 'group_id', 'teacher_user_id', 'teacher_name', 'title', 'track'])
    .where('county_id', 'in', [gxsy.county_id, sxsy.county_id]).where('status', '=', 'ready').where('teacher_user_id', 'is not', null)
    .where('school_day', '>=', window.from).where('school_day', '<=', window.to).orderBy('school_day', 'desc').orderBy('id').execute();
  const byGroup = new Map<string, Lesson>();
  for (const t of tracks) {
    const key = `${t.school_id}:${t.group_id}`;
    const known = byGroup.get(key);
    if (!known || (t.track === 'composite' && known.track !== 'composite')) byGroup.set(key, t);
  }
  const lessonsOf = new Map<number, Lesson[]>();
  for (const l of byGroup.values()) lessonsOf.set(l.school_id, [...(lessonsOf.get(l.school_id) ?? []), l]);
  const take = (schoolId: number, teacher?: number | null) => {
    const list = lessonsOf.get(schoolId) ?? [];
    const i = Math.max(0, list.findIndex((l) => teacher != null && l.teacher_user_id === teacher));
    return list.splice(i, 1)[0];
  };
  const others = (countyId: number, n: number) => [...lessonsOf.keys()]
    .filter((id) => id !== gxsy.id && id !== gx2.id && id !== sxsy.id && lessonsOf.get(id)![0]!.county_id === countyId).sort((a, b) => a - b).slice(0, n);

  const made = { activities: 0, lessons: 0, comments: 0, codings: 0 };
  const startsOn = addDays(window.from, 7);
  const endsOn = addDays(window.to, 14);

  async function activity(a: {
    kind: 'joint_prep' | 'same_topic' | 'open_lesson' | 'lesson_review'; topic: string; subject: string; grade: string;
    organiser: number; owner: { cityId: number; countyId: number | null; schoolId: number | null }; schoolIds: number[];
    observers: { userId: number; schoolId: number | null }[]; lessons: (Lesson | undefined)[]; status?: 'open' | 'summarised';
    reviews: { comments: number; codings: ('lecture' | 'dialogue' | 'practice' | 'mixed')[] };
  }) {
    const lessons = a.lessons.filter((l): l is Lesson => l !== undefined);
    if (!lessons.length || !a.schoolIds.length) return;
    const summarised = a.status === 'summarised';
    const row = await db.insertInto('research_activities').values({
      kind: a.kind, topic: a.topic, subject: a.subject, grade: a.grade, description: '', status: a.status ?? 'open',
      city_id: a.owner.cityId, county_id: a.owner.countyId, school_id: a.owner.schoolId, group_id: null, organiser_user_id: a.organiser,
      rubric_id: null, st_interval_seconds: 30, starts_on: startsOn, ends_on: summarised ? window.to : endsOn, review_deadline: null,
      summary: summarised ? '课堂结构清晰，学生参与度高；建议下一轮增加学生展示时间。' : null,
      summarised_at: summarised ? iso : null, summarised_by_user_id: summarised ? a.organiser : null, created_at: iso, updated_at: iso, deleted_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    made.activities++;
    const schools = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', 'in', a.schoolIds).execute();
    for (const s of schools) await db.insertInto('research_activity_schools').values({ activity_id: row.id, school_id: s.id, county_id: s.county_id, city_id: s.city_id }).execute();
    const members = new Map<number, { schoolId: number | null; role: 'organiser' | 'teacher' | 'observer' }>([[a.organiser, { schoolId: a.owner.schoolId, role: 'organiser' }]]);
    for (const l of lessons) if (!members.has(l.teacher_user_id!)) members.set(l.teacher_user_id!, { schoolId: l.school_id, role: 'teacher' });
    for (const o of a.observers) if (!members.has(o.userId)) members.set(o.userId, { schoolId: o.schoolId, role: 'observer' });
    for (const [userId, m] of members) {
      await db.insertInto('research_activity_members').values({ activity_id: row.id, user_id: userId, school_id: m.schoolId, role: m.role, added_at: iso }).execute();
    }
    const reviewers = [...members.keys()];
    for (const [position, l] of lessons.entries()) {
      await db.insertInto('research_activity_lessons').values({
        activity_id: row.id, recording_id: l.id, school_id: l.school_id, county_id: l.county_id, city_id: l.city_id, group_id: l.group_id,
        teacher_user_id: l.teacher_user_id, teacher_name: l.teacher_name, title: l.title, attached_by_user_id: l.teacher_user_id ?? a.organiser,
        attached_at: iso, position,
      }).execute();
      made.lessons++;
      const critics = reviewers.filter((u) => u !== l.teacher_user_id);
      for (let i = 0; i < a.reviews.comments && critics.length; i++) {
        await db.insertInto('lesson_comments').values({
          school_id: l.school_id, group_id: l.group_id, recording_id: l.id, activity_id: row.id, parent_id: null, author_user_id: critics[i % critics.length]!,
          at_ms: rng.int(2, 38) * 60_000 + rng.int(0, 59) * 1000, body: rng.pick(COMMENTS), rubric_item_key: null, created_at: iso, updated_at: iso,
          deleted_at: null, deleted_by_user_id: null,
        }).execute();
        made.comments++;
      }
      const kind = a.reviews.codings[position % Math.max(a.reviews.codings.length, 1)];
      for (const coder of kind ? critics.slice(0, 2) : []) {
        await db.insertInto('st_codings').values({
          school_id: l.school_id, group_id: l.group_id, activity_id: row.id, coder_user_id: coder, recording_id: l.id, interval_seconds: 30, codes: codesOf(rng, kind!),
          created_at: iso, updated_at: iso,
        }).execute();
        made.codings++;
      }
    }
  }

  const gxOthers = others(gxsy.county_id, 3);
  const sxOthers = others(sxsy.county_id, 1);
  await activity({
    kind: 'same_topic', topic: '分数的初步认识（冠县·莘县同课异构）', subject: '数学', grade: '三年级', organiser: p.cityResearch,
    owner: { cityId: gxsy.city_id, countyId: null, schoolId: null }, schoolIds: [gxsy.id, gx2.id, sxsy.id],
    observers: [{ userId: p.gxResearch, schoolId: null }, { userId: p.sxResearch, schoolId: null }, { userId: p.sxsyPrincipal, schoolId: sxsy.id }, { userId: p.gxsyTeacher, schoolId: gxsy.id }, { userId: p.gx2Teacher, schoolId: gx2.id }],
    lessons: [take(gxsy.id, p.gxsyTeacher), take(gx2.id, p.gx2Teacher), take(sxsy.id)],
    // Its S-T codings come from the S-T demo (st.demo-seed.ts codes every 同课异构 lesson, after this).
    reviews: { comments: 3, codings: [] },
  });
  await activity({
    kind: 'joint_prep', topic: '单元整体教学集体备课', subject: '语文', grade: '四年级', organiser: p.gxResearch,
    owner: { cityId: gxsy.city_id, countyId: gxsy.county_id, schoolId: null }, schoolIds: gxOthers, observers: [],
    lessons: gxOthers.slice(0, 2).map((id) => take(id)), reviews: { comments: 2, codings: ['practice'] },
  });
  await activity({
    kind: 'open_lesson', topic: '校级公开课：古诗两首', subject: '语文', grade: '四年级', organiser: p.gxsyPrincipal, status: 'summarised',
    owner: { cityId: gxsy.city_id, countyId: gxsy.county_id, schoolId: gxsy.id }, schoolIds: [gxsy.id],
    observers: [{ userId: p.gxsyTeacher, schoolId: gxsy.id }], lessons: [take(gxsy.id)], reviews: { comments: 2, codings: ['lecture'] },
  });
  await activity({
    kind: 'lesson_review', topic: '评课议课：课堂提问的有效性', subject: '数学', grade: '五年级', organiser: p.sxResearch,
    owner: { cityId: sxsy.city_id, countyId: sxsy.county_id, schoolId: null }, schoolIds: [sxsy.id, ...sxOthers],
    observers: [{ userId: p.sxsyPrincipal, schoolId: sxsy.id }], lessons: [take(sxsy.id), ...sxOthers.map((id) => take(id))],
    reviews: { comments: 1, codings: ['mixed'] },
  });
  return made;
}
