import { sql } from 'kysely';
import { PATROL_ITEMS, type PatrolScores, patrolScore } from '../../../shared/patrol-form.js';
import type { Db } from '../db/database.js';
import { writeScores } from '../modules/patrol/patrol.form.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { RECENT_GROUP_PREFIX } from './demo-recent-history.js';
import { SeededRandom } from './seeded-random.js';

/**
 * The demo city's class patrols (巡课) over its recent weeks of lessons, so the statistics page and
 * the county reports show patrols on the first start: 冠县实验小学's principal patrols a lesson or
 * two of their school most school days, each county's inspector (督学) a few lessons a day across
 * the county, the city's inspector a couple across the city. Only days before today: today's
 * wall opens unpatrolled. Deterministic for a seed, computed from the lessons the demo has.
 */

const NOTES = [
  '课堂秩序良好，学生参与积极。',
  '教学环节清楚，建议增加学生展示时间。',
  '板书规范，信息技术运用自然。',
  '小组合作有序，个别学生注意力不集中。',
  '讲授偏多，建议多设计学生活动。',
  '',
  '',
];

interface Patroller { userId: number; lessonsPerDay: [number, number]; reach: (l: DemoLesson) => boolean }
interface DemoLesson {
  id: number; school_id: number; county_id: number; city_id: number; group_id: string; teacher_user_id: number | null;
  teacher_name: string; subject: string; grade: string; school_day: string;
}

/** Scores as a patroller gives them: mostly good, now and then weak on an item. */
function scoresOf(rng: SeededRandom): PatrolScores {
  const base = rng.chance(0.15) ? 3 : 4;
  return Object.fromEntries(PATROL_ITEMS.map((item) => [item, Math.max(1, Math.min(5, base + rng.int(-1, 1)))])) as PatrolScores;
}

/** Seeds the patrols over [from, today) and returns how many; call after the recent lessons. */
export async function seedDemoPatrols(db: Db, opts: { from: string; today: string; seed?: number }): Promise<number> {
  const rng = new SeededRandom((opts.seed ?? 20180404) ^ 0x9a7c);
  const trx = db.db;
  // One row per lesson: its first track.
  const lessons = await trx.selectFrom('recordings')
    .select([sql<number>`min(recordings.id)`.as('id'), 'school_id', 'county_id', 'city_id', 'group_id', 'teacher_user_id', 'teacher_name', 'subject', 'grade', 'school_day'])
    .where('group_id', 'like', `${RECENT_GROUP_PREFIX}-%`).where('status', '=', 'ready')
    .where('school_day', '>=', opts.from).where('school_day', '<', opts.today)
    .groupBy(['school_id', 'county_id', 'city_id', 'group_id', 'teacher_user_id', 'teacher_name', 'subject', 'grade', 'school_day'])
    .orderBy('school_day').orderBy('school_id').orderBy('group_id')
    .execute() as DemoLesson[];
  if (!lessons.length) return 0;

  const account = async (username: string) =>
    trx.selectFrom('users').innerJoin('role_assignments as ra', 'ra.user_id', 'users.id')
      .select(['users.id', 'ra.school_id', 'ra.county_id', 'ra.city_id']).where('users.username', '=', username).executeTakeFirst();
  const patrollers: Patroller[] = [];
  const principal = await account('gxsy.principal');
  const gxsy = await trx.selectFrom('schools').select('id').where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirst();
  if (principal && gxsy) patrollers.push({ userId: principal.id, lessonsPerDay: [0, 2], reach: (l) => l.school_id === gxsy.id });
  const inspectors = await trx.selectFrom('users').innerJoin('role_assignments as ra', 'ra.user_id', 'users.id')
    .select(['users.id', 'ra.county_id', 'ra.city_id']).where('ra.role', '=', 'inspector').where('users.username', 'like', '%.inspector')
    .orderBy('users.id').execute();
  for (const i of inspectors) {
    patrollers.push(i.county_id !== null
      ? { userId: i.id, lessonsPerDay: [1, 4], reach: (l) => l.county_id === i.county_id }
      : { userId: i.id, lessonsPerDay: [0, 2], reach: (l) => l.city_id === i.city_id });
  }

  const byDay = new Map<string, DemoLesson[]>();
  for (const l of lessons) byDay.set(l.school_day, [...(byDay.get(l.school_day) ?? []), l]);
  const rows = [];
  for (const [day, ofDay] of byDay) {
    for (const p of patrollers) {
      const reachable = ofDay.filter(p.reach);
      if (!reachable.length) continue;
      const picked = rng.shuffle([...reachable]).slice(0, rng.int(p.lessonsPerDay[0], p.lessonsPerDay[1]));
      for (const l of picked) {
        const scores = scoresOf(rng);
        // Patrolled during the school day, an hour or so after the lesson was ready.
        const at = new Date(`${day}T${String(rng.int(9, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`).toISOString();
        rows.push({
          school_id: l.school_id, county_id: l.county_id, city_id: l.city_id, recording_id: l.id, group_id: l.group_id,
          teacher_user_id: l.teacher_user_id, teacher_name: l.teacher_name, subject: l.subject, grade: l.grade, patrol_day: day,
          patroller_user_id: p.userId, scores: writeScores(scores), total: patrolScore(scores), note: rng.pick(NOTES), created_at: at, updated_at: null,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 250) await trx.insertInto('patrols').values(rows.slice(i, i + 250)).execute();
  return rows.length;
}
