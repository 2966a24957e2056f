import type { Kysely } from 'kysely';
import { addDays, shanghaiDate } from '../../../shared/dates.js';
import type { Clock } from '../clock.js';
import type { Database, ResearchActivityTable } from '../db/schema.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { RECENT_GROUP_PREFIX } from './demo-recent-history.js';

type Db = Kysely<Database>;

export interface DemoResearch {
  activities: number;
  lessons: number;
  groups: number;
}

interface DemoLesson {
  id: number;
  school_id: number;
  county_id: number;
  city_id: number;
  group_id: string;
  teacher_user_id: number | null;
  teacher_name: string;
  title: string;
  subject: string;
  grade: string;
}

/**
 * The demo's online teaching research, made from the demo's own lessons so the research pages
 * show something real on the first start:
 * - a city 同课异构 by 市教科院 (city.research) between 冠县实验小学 and 莘县实验小学, open for
 *   review, with a lesson of each school on one subject and both teachers in it;
 * - a county 公开课 of 冠县教科所, already summarised, in 冠县's 名师工作室;
 * - 冠县实验小学's 数学教研组 (set up by its principal, led by gxsy.teacher) with a 集体备课 being planned.
 * Lessons are the recent weeks' (they share the demo clips, so they play), else the 2018 term's.
 * Beside the research analysis's demo activities (demo-research-analysis.ts): the 同课异构 is made
 * only when the city has none yet. Runs once: nothing is added once research groups exist.
 */
export async function seedDemoResearch(db: Db, opts: { clock: Clock }): Promise<DemoResearch> {
  const none = { activities: 0, lessons: 0, groups: 0 };
  if (await db.selectFrom('research_groups').select('id').limit(1).executeTakeFirst()) return none;
  const user = async (username: string) => (await db.selectFrom('users').select(['id', 'name']).where('username', '=', username).executeTakeFirst()) ?? null;
  const school = async (code: string) => (await db.selectFrom('schools').select(['id', 'county_id', 'city_id', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
  const [gx, gx2, sx] = [await school(DEMO_SCHOOLS.guanxianShiyan.code), await school(DEMO_SCHOOLS.guanxianDier.code), await school(DEMO_SCHOOLS.shenxianShiyan.code)];
  const [cityResearch, countyResearch, principal, teacher, sxResearch] = [
    await user('city.research'), await user('guanxian.research'), await user('gxsy.principal'), await user('gxsy.teacher'), await user('shenxian.research'),
  ];
  if (!gx || !gx2 || !sx || !cityResearch || !countyResearch || !principal || !teacher || !sxResearch) return none;

  const now = opts.clock.now();
  const at = now.toISOString();
  const today = shanghaiDate(now);
  /** The school's latest lessons with a teacher, the recent weeks' first. */
  const lessonsOf = (schoolId: number, subject?: string) => {
    let q = db.selectFrom('recordings')
      .select(['id', 'school_id', 'county_id', 'city_id', 'group_id', 'teacher_user_id', 'teacher_name', 'title', 'subject', 'grade'])
      .where('school_id', '=', schoolId).where('status', '=', 'ready').where('track', '=', 'composite').where('teacher_user_id', 'is not', null);
    if (subject) q = q.where('subject', '=', subject);
    return q.orderBy((eb) => eb.case().when('group_id', 'like', `${RECENT_GROUP_PREFIX}-%`).then(0).else(1).end())
      .orderBy('lesson_start', 'desc').limit(20).execute();
  };
  const gxLessons = await lessonsOf(gx.id);
  // One subject both schools taught: 同课异构 compares one topic.
  let pair: [DemoLesson, DemoLesson] | null = null;
  for (const l of gxLessons) {
    const other = (await lessonsOf(sx.id, l.subject))[0];
    if (other) {
      pair = [l, other];
      break;
    }
  }

  const activity = async (row: Omit<ResearchActivityTable, 'id' | 'created_at' | 'updated_at' | 'deleted_at' | 'summary' | 'summarised_at' | 'summarised_by_user_id'> & {
    summary?: string; schools: { id: number; county_id: number; city_id: number }[]; members: { userId: number; schoolId: number | null; role: 'teacher' | 'observer' }[];
    lessons: DemoLesson[];
  }) => {
    const { schools, members, lessons, summary, ...values } = row;
    const a = await db.insertInto('research_activities').values({
      ...values, summary: summary ?? null, summarised_at: summary ? at : null, summarised_by_user_id: summary ? values.organiser_user_id : null,
      created_at: at, updated_at: at, deleted_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('research_activity_schools').values(schools.map((s) => ({ activity_id: a.id, school_id: s.id, county_id: s.county_id, city_id: s.city_id }))).execute();
    const seen = new Set<number>([values.organiser_user_id]);
    await db.insertInto('research_activity_members').values([
      { activity_id: a.id, user_id: values.organiser_user_id, school_id: values.school_id, role: 'organiser' as const, added_at: at },
      ...members.filter((m) => !seen.has(m.userId) && seen.add(m.userId)).map((m) => ({ activity_id: a.id, user_id: m.userId, school_id: m.schoolId, role: m.role, added_at: at })),
    ]).execute();
    for (const [position, l] of lessons.entries()) {
      await db.insertInto('research_activity_lessons').values({
        activity_id: a.id, recording_id: l.id, school_id: l.school_id, county_id: l.county_id, city_id: l.city_id, group_id: l.group_id,
        teacher_user_id: l.teacher_user_id, teacher_name: l.teacher_name, title: l.title, attached_by_user_id: l.teacher_user_id ?? values.organiser_user_id,
        attached_at: at, position,
      }).execute();
    }
    return a.id;
  };
  const topicOf = (title: string) => title.split(' · ').pop() ?? title;
  const out = { activities: 0, lessons: 0, groups: 0 };

  // The research analysis's demo may have made the city's 同课异构 already.
  const citySameTopic = await db.selectFrom('research_activities').select('id')
    .where('kind', '=', 'same_topic').where('county_id', 'is', null).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
  if (pair && !citySameTopic) {
    const [a, b] = pair;
    await activity({
      kind: 'same_topic', topic: `同课异构：${topicOf(a.title)}`, subject: a.subject, grade: a.grade,
      description: '冠县实验小学和莘县实验小学的两位老师围绕同一课题各上一节课，全市教研员和两校教师在线观课、评课，比较两种教学设计的课堂效果。',
      status: 'open', city_id: a.city_id, county_id: null, school_id: null, group_id: null, organiser_user_id: cityResearch.id, rubric_id: null,
      st_interval_seconds: 30, starts_on: addDays(today, -7), ends_on: addDays(today, 14), review_deadline: null,
      schools: [gx, sx],
      members: [
        { userId: a.teacher_user_id!, schoolId: gx.id, role: 'teacher' }, { userId: b.teacher_user_id!, schoolId: sx.id, role: 'teacher' },
        { userId: teacher.id, schoolId: gx.id, role: 'observer' }, { userId: countyResearch.id, schoolId: null, role: 'observer' },
        { userId: sxResearch.id, schoolId: null, role: 'observer' },
      ],
      lessons: [a, b],
    });
    out.activities++;
    out.lessons += 2;
  }

  // 冠县's 名师工作室 (county level), set up by the 教科所, with teachers of two schools.
  const gxTeachers = await db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'role_assignments.school_id']).where('role_assignments.role', '=', 'teacher')
    .where('role_assignments.school_id', 'in', [gx.id, gx2.id]).where('users.disabled', '=', 0).orderBy('users.id').execute();
  const studio = await db.insertInto('research_groups').values({
    kind: 'master_studio', name: '冠县小学数学名师工作室', subject: '数学', description: '县教科所设立，联合县城两所实验小学的数学骨干教师开展课例研究。',
    city_id: gx.city_id, county_id: gx.county_id, school_id: null, leader_user_id: teacher.id, created_by_user_id: countyResearch.id,
    created_at: at, updated_at: at, archived_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  const studioMembers = [{ id: teacher.id, school_id: gx.id }, ...gxTeachers.filter((x) => x.id !== teacher.id).slice(0, 5)];
  await db.insertInto('research_group_members').values(studioMembers.map((m) => ({
    group_id: studio.id, user_id: m.id, school_id: m.school_id, role: m.id === teacher.id ? 'leader' as const : 'member' as const, joined_at: at,
  }))).execute();
  out.groups++;

  const openLesson = (await lessonsOf(gx2.id))[0] ?? gxLessons[1];
  if (openLesson) {
    await activity({
      kind: 'open_lesson', topic: `县级公开课：${topicOf(openLesson.title)}`, subject: openLesson.subject, grade: openLesson.grade,
      description: '冠县教科所组织的县级公开课，工作室成员观课并在线评课。', status: 'summarised',
      summary: '本节课目标明确，学生活动时间充足，小组合作有实效；建议板书设计再精炼，练习分层以照顾不同学生。',
      city_id: gx.city_id, county_id: gx.county_id, school_id: null, group_id: studio.id, organiser_user_id: countyResearch.id, rubric_id: null,
      st_interval_seconds: 30, starts_on: addDays(today, -21), ends_on: addDays(today, -10), review_deadline: null,
      schools: [gx, gx2].filter((s) => s.id === openLesson.school_id || s.id === gx.id),
      members: studioMembers.map((m) => ({ userId: m.id, schoolId: m.school_id, role: 'observer' as const }))
        .concat(openLesson.teacher_user_id ? [{ userId: openLesson.teacher_user_id, schoolId: openLesson.school_id, role: 'observer' as const }] : []),
      lessons: [openLesson],
    });
    out.activities++;
    out.lessons++;
  }

  // 冠县实验小学's 数学教研组 and the 集体备课 its leader is planning.
  const group = await db.insertInto('research_groups').values({
    kind: 'subject_group', name: '冠县实验小学数学教研组', subject: '数学', description: '每周三下午集体备课，每月一次校内公开课。',
    city_id: gx.city_id, county_id: gx.county_id, school_id: gx.id, leader_user_id: teacher.id, created_by_user_id: principal.id,
    created_at: at, updated_at: at, archived_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  const groupMembers = [{ id: teacher.id, school_id: gx.id }, ...gxTeachers.filter((x) => x.school_id === gx.id && x.id !== teacher.id).slice(0, 4)];
  await db.insertInto('research_group_members').values(groupMembers.map((m) => ({
    group_id: group.id, user_id: m.id, school_id: gx.id, role: m.id === teacher.id ? 'leader' as const : 'member' as const, joined_at: at,
  }))).execute();
  out.groups++;
  await activity({
    kind: 'joint_prep', topic: '集体备课：下周数学单元教学设计', subject: '数学', grade: '', description: '各年级数学老师带本单元教学设计初稿，组内研讨后定稿。',
    status: 'planned', city_id: gx.city_id, county_id: gx.county_id, school_id: gx.id, group_id: group.id, organiser_user_id: teacher.id, rubric_id: null,
    st_interval_seconds: 30, starts_on: addDays(today, 2), ends_on: addDays(today, 2), review_deadline: null,
    schools: [gx], members: groupMembers.map((m) => ({ userId: m.id, schoolId: gx.id, role: 'teacher' as const })), lessons: [],
  });
  out.activities++;
  return out;
}
