import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';

type Db = Kysely<Database>;

// A primary school's day: four lessons in the morning, two in the afternoon (Liaocheng wall clock).
const PERIODS: readonly [string, string][] = [['08:00', '08:40'], ['08:50', '09:30'], ['10:00', '10:40'], ['10:50', '11:30'], ['14:00', '14:40'], ['14:50', '15:30']];

// 一年级 lessons by weekday (Monday first), period by period; each class's staff keep their own afterwards.
const WEEK: readonly (readonly string[])[] = [
  ['语文', '数学', '语文', '音乐', '体育', '道德与法治'],
  ['数学', '语文', '美术', '语文', '科学', '体育'],
  ['语文', '数学', '体育', '语文', '音乐', '劳动'],
  ['数学', '语文', '语文', '美术', '体育', '书法'],
  ['语文', '数学', '科学', '道德与法治', '班会', '阅读'],
];

const TEACHERS: Record<string, string> = { 语文: '李晓燕', 数学: '王建国', 音乐: '陈静', 体育: '张伟', 美术: '刘芳', 科学: '赵敏', 道德与法治: '李晓燕', 劳动: '张伟', 书法: '刘芳', 班会: '李晓燕', 阅读: '李晓燕' };

/**
 * The weekly timetables of the first two classes of 冠县实验小学 (class A of gxsy.parent's child,
 * class B of gxsy.parent2's), so the family app's 日常 shows lessons in the demo and the tests.
 * Deterministic and apart from the seed's random numbers; adds nothing when any timetable exists
 * or the school is missing. Returns how many lessons it wrote.
 */
export async function seedDemoTimetables(db: Db, at: string): Promise<number> {
  if (await db.selectFrom('class_timetable').select('id').limit(1).executeTakeFirst()) return 0;
  const school = await db.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirst();
  if (!school) return 0;
  const classes = await db.selectFrom('classes').select('id').where('school_id', '=', school.id).orderBy('id').limit(2).execute();
  const rows = classes.flatMap((c, ci) => WEEK.flatMap((subjects, wi) => subjects.map((subject, pi) => {
    // Class B has its first two lessons the other way round: the two timetables differ.
    const s = ci === 1 && pi < 2 ? subjects[1 - pi]! : subject;
    const [startsAt, endsAt] = PERIODS[pi]!;
    return {
      class_id: c.id, weekday: wi + 1, period: pi + 1, starts_at: startsAt, ends_at: endsAt, subject: s,
      teacher_name: TEACHERS[s] ?? '', updated_by_user_id: null, updated_at: at,
    };
  })));
  if (rows.length) await db.insertInto('class_timetable').values(rows).execute();
  return rows.length;
}
