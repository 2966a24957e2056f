import { type Insertable, type Kysely, sql, type SqlBool } from 'kysely';
import type { SchoolKind } from '../../../shared/domain.js';
import { eachDay, maxDay, shanghaiInstant } from '../../../shared/dates.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database, RecordingTable } from '../db/schema.js';
import { loadCalendar } from '../modules/calendar/calendar-view.js';
import { createComplianceService } from '../modules/compliance/compliance.service.js';
import { HISTORY_SOURCE_KEY } from '../modules/recordings/recordings.history.js';
import { listMilestones } from '../modules/rollout/rollout.queries.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { SeededRandom } from './seeded-random.js';

/**
 * The demo city's spring term so far (2018-03-05 to the demo's today, 2018-04-04) as counted
 * lessons, so the first start shows what the bureau saw on the day of the meeting in 冠县.
 *
 * Who records: the programme schools the rollout shows activated by then, each from its
 * activation (or the term's start); those also in regular use meet the quota on most days, the
 * others lag, and so do two counties (莘县, 东阿县). 冠县实验小学, commended on 04-04, meets every
 * school day. Only school days of each school's calendar get lessons (no weekends, no 清明).
 *
 * The lessons are history: rows with their school, teacher, subject, grade, class and time, ready
 * and counted, but no video (HISTORY_SOURCE_KEY; the player says so). They are marked `keep`, so
 * retention never purges them although they are years old by the real clock. Compliance is then
 * computed by the compliance service as of the demo's today, inside the same transaction.
 */

export const HISTORY_FROM = '2018-03-05';
export const HISTORY_TO = '2018-04-04';
/** Counties whose schools lag behind the rest in the demo. */
export const LAGGING_COUNTIES = ['371522', '371524'] as const;

interface Subject {
  name: string;
  /** Grade levels it is taught in (kindergarten classes are -3..-1). */
  levels: readonly [number, number];
  topics: readonly string[];
}

export const SCHOOL_SUBJECTS: readonly Subject[] = [
  { name: '语文', levels: [1, 9], topics: ['古诗三首', '桂林山水', '草船借箭', '秋天的雨', '匆匆', '春'] },
  { name: '数学', levels: [1, 9], topics: ['分数的初步认识', '小数的意义', '三角形的面积', '圆的周长', '一元一次方程', '勾股定理'] },
  { name: '英语', levels: [3, 9], topics: ['Unit 3 My friends', 'Unit 5 Do you like pears?', 'Unit 2 What time is it?', 'Unit 4 At the farm'] },
  { name: '科学', levels: [1, 6], topics: ['水的三态变化', '植物的生长', '简单电路', '空气的性质'] },
  { name: '道德与法治', levels: [1, 9], topics: ['我们的班规', '平安出行', '学会合作', '珍爱生命'] },
  { name: '音乐', levels: [1, 6], topics: ['唱歌《春天在哪里》', '欣赏《彼得与狼》', '唱歌《茉莉花》'] },
  { name: '美术', levels: [1, 6], topics: ['水墨游戏', '春天的色彩', '剪纸中的花卉'] },
  { name: '物理', levels: [8, 9], topics: ['光的反射', '压强', '浮力', '欧姆定律'] },
  { name: '化学', levels: [9, 9], topics: ['氧气的性质', '质量守恒定律', '溶液的浓度'] },
  { name: '生物', levels: [7, 8], topics: ['细胞的结构', '植物的光合作用', '人体的消化系统'] },
  { name: '历史', levels: [7, 9], topics: ['秦统一中国', '丝绸之路', '辛亥革命'] },
  { name: '地理', levels: [7, 8], topics: ['中国的地形', '世界的气候', '黄河的治理'] },
];
// The five domains of the kindergarten guidelines.
export const KINDERGARTEN_SUBJECTS: readonly Subject[] = [
  { name: '健康', levels: [-3, -1], topics: ['我会洗手', '安全过马路', '快乐的早操'] },
  { name: '语言', levels: [-3, -1], topics: ['绘本《好饿的毛毛虫》', '儿歌《春天》', '故事《小蝌蚪找妈妈》'] },
  { name: '社会', levels: [-3, -1], topics: ['我的好朋友', '清明节的由来', '我会整理书包'] },
  { name: '科学', levels: [-3, -1], topics: ['有趣的影子', '种子发芽了', '认识数字 5'] },
  { name: '艺术', levels: [-3, -1], topics: ['歌曲《小燕子》', '手工《春天的花》', '律动《找朋友》'] },
];
export const PERIODS = { school: ['08:00', '08:55', '10:00', '10:55', '14:30', '15:25'], kindergarten: ['09:00', '09:40', '10:20', '15:00'] };
export const MINUTES: Record<SchoolKind, number> = { kindergarten: 25, primary: 40, junior: 45, nine_year: 40, senior: 45 };

export interface Performer {
  schoolId: number;
  code: string;
  kind: SchoolKind;
  countyId: number;
  cityId: number;
  since: string;
  /** From this day the school is in regular use; null: not yet. */
  regularFrom: string | null;
  /** Chance of meeting the quota on a school day before and after regular use. */
  before: number;
  after: number;
  exemplary: boolean;
}

export interface Staff {
  grades: { level: number; name: string; classIds: number[] }[];
  teachers: { id: number; name: string }[];
}

/** Seeds the term's history and its compliance; returns what it wrote. Call after the calendar and the rollout. */
export async function seedDemoHistory(db: Db, cityId: number, seed = 20180404): Promise<{ schools: number; recordings: number; schoolDays: number }> {
  const rng = new SeededRandom(seed ^ 0x4157);
  return db.db.transaction().execute(async (trx) => {
    const performers = await whoRecords(trx, cityId, rng);
    if (!performers.length) return { schools: 0, recordings: 0, schoolDays: 0 };
    const staff = await staffOf(trx, performers.map((p) => p.schoolId));
    const calendar = await loadCalendar(trx, { schoolIds: performers.map((p) => p.schoolId), from: HISTORY_FROM, to: HISTORY_TO });
    const rows: Insertable<RecordingTable>[] = [];
    for (const p of performers) {
      for (const day of eachDay(p.since, HISTORY_TO)) {
        if (!calendar.isSchoolDay(p.schoolId, day)) continue;
        rows.push(...lessonsOf(p, staff.get(p.schoolId)!, day, lessonCount(p, day, rng), rng));
      }
    }
    for (let i = 0; i < rows.length; i += 300) await trx.insertInto('recordings').values(rows.slice(i, i + 300)).execute();
    // As of the evening of the demo's today, so every day up to it is over and judged.
    const clock: Clock = { now: () => new Date(`${HISTORY_TO}T20:00:00+08:00`) };
    const compliance = createComplianceService({ db: { ...db, db: trx }, clock });
    const schoolDays = await compliance.trackSchools(performers.map((p) => ({ schoolId: p.schoolId, since: p.since })));
    return { schools: performers.length, recordings: rows.length, schoolDays };
  });
}

/** The programme schools activated by the demo's today, with how well each keeps the quota. */
async function whoRecords(db: Kysely<Database>, cityId: number, rng: SeededRandom): Promise<Performer[]> {
  const milestones = await listMilestones(db, sql<SqlBool>`schools.city_id = ${cityId}`, {});
  const done = new Map<string, string>();
  for (const m of milestones) if (m.done_on && m.done_on <= HISTORY_TO) done.set(`${m.school_id}|${m.milestone}`, m.done_on);
  const schools = await db.selectFrom('schools')
    .innerJoin('regions as county', 'county.id', 'schools.county_id')
    .select(['schools.id', 'schools.code', 'schools.kind', 'schools.county_id', 'schools.city_id', 'county.code as county_code'])
    .where('schools.city_id', '=', cityId).where('schools.batch', 'is not', null).orderBy('schools.code').execute();
  const out: Performer[] = [];
  for (const s of schools) {
    const activated = done.get(`${s.id}|activated`);
    if (!activated) continue;
    const lagging = (LAGGING_COUNTIES as readonly string[]).includes(s.county_code);
    const struggling = rng.chance(0.1);
    const factor = (lagging ? 0.72 : 1) * (struggling ? 0.6 : 1);
    out.push({
      schoolId: s.id, code: s.code, kind: s.kind, countyId: s.county_id, cityId: s.city_id,
      since: maxDay(HISTORY_FROM, activated), regularFrom: done.get(`${s.id}|in_regular_use`) ?? null,
      before: (0.45 + rng.next() * 0.25) * factor, after: Math.min(1, (0.88 + rng.next() * 0.12) * factor),
      exemplary: s.code === DEMO_SCHOOLS.guanxianShiyan.code,
    });
  }
  return out;
}

/** Counted lessons on a school day: two to four on a met day, none or one on a missed one. */
function lessonCount(p: Performer, day: string, rng: SeededRandom): number {
  if (p.exemplary) return rng.chance(0.5) ? 3 : 4;
  const chance = p.regularFrom !== null && day >= p.regularFrom ? p.after : p.before;
  if (rng.chance(chance)) return rng.chance(0.6) ? 2 : rng.chance(0.75) ? 3 : 4;
  return rng.chance(0.6) ? 1 : 0;
}

/** Grades with their classes, and teachers, of the schools that record. */
export async function staffOf(db: Kysely<Database>, schoolIds: number[]): Promise<Map<number, Staff>> {
  const out = new Map<number, Staff>(schoolIds.map((id) => [id, { grades: [], teachers: [] }]));
  for (let i = 0; i < schoolIds.length; i += 200) {
    const ids = schoolIds.slice(i, i + 200);
    const [grades, classes, teachers] = await Promise.all([
      db.selectFrom('grades').select(['id', 'school_id', 'level', 'name']).where('school_id', 'in', ids).orderBy('level').execute(),
      db.selectFrom('classes').select(['id', 'grade_id']).where('school_id', 'in', ids).orderBy('id').execute(),
      db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
        .select(['role_assignments.school_id', 'users.id', 'users.name'])
        .where('role_assignments.role', '=', 'teacher').where('role_assignments.school_id', 'in', ids).orderBy('users.id').execute(),
    ]);
    const byGrade = new Map<number, number[]>();
    for (const c of classes) byGrade.set(c.grade_id, [...(byGrade.get(c.grade_id) ?? []), c.id]);
    for (const g of grades) out.get(g.school_id)!.grades.push({ level: g.level, name: g.name, classIds: byGrade.get(g.id) ?? [] });
    for (const t of teachers) out.get(t.school_id!)!.teachers.push({ id: t.id, name: t.name });
  }
  return out;
}

/**
 * A school-day's lessons in distinct periods. Each teacher teaches one subject (the n-th teacher
 * the n-th subject), so a teacher's lessons stay in their subject.
 */
export function lessonsOf(
  p: Performer, staff: Staff, day: string, count: number, rng: SeededRandom, opts: { groupPrefix?: string; keep?: boolean } = {},
): Insertable<RecordingTable>[] {
  const kindergarten = p.kind === 'kindergarten';
  const subjects = kindergarten ? KINDERGARTEN_SUBJECTS : SCHOOL_SUBJECTS;
  const periods = rng.shuffle([...(kindergarten ? PERIODS.kindergarten : PERIODS.school)]).slice(0, count).sort();
  const minutes = MINUTES[p.kind];
  const rows: Insertable<RecordingTable>[] = [];
  periods.forEach((at, n) => {
    const grade = staff.grades.length ? rng.pick(staff.grades) : null;
    const level = grade?.level ?? 1;
    const fitting = subjects.filter((s) => s.levels[0] <= level && level <= s.levels[1]);
    const subject = rng.pick(fitting.length ? fitting : subjects);
    const subjectIndex = subjects.indexOf(subject);
    const own = staff.teachers.filter((_, i) => i % subjects.length === subjectIndex);
    const teacher = own.length ? rng.pick(own) : staff.teachers.length ? rng.pick(staff.teachers) : null;
    const start = shanghaiInstant(day, at);
    const end = new Date(start.getTime() + minutes * 60_000);
    const arrived = new Date(end.getTime() + rng.int(5, 40) * 60_000).toISOString();
    const ready = new Date(Date.parse(arrived) + rng.int(2, 9) * 60_000).toISOString();
    const groupId = `${opts.groupPrefix ?? 'history'}-${p.code}-${day}-${n + 1}`;
    rows.push({
      school_id: p.schoolId, county_id: p.countyId, city_id: p.cityId, group_id: groupId, track: 'composite',
      title: `${subject.name} · ${rng.pick(subject.topics)}`, subject: subject.name, grade: grade?.name ?? '',
      class_id: grade?.classIds.length ? rng.pick(grade.classIds) : null, teacher_user_id: teacher?.id ?? null,
      teacher_name: teacher?.name ?? '', lesson_start: start.toISOString(), lesson_end: end.toISOString(), school_day: day,
      // No file: the stand-in hash is not hex, so no upload can ever be taken for this lesson.
      sha256: groupId, size_bytes: 0, source_key: HISTORY_SOURCE_KEY, status: 'ready', progress: 100,
      duration_seconds: minutes * 60 - rng.int(0, 90), counts: 1, keep: opts.keep === false ? 0 : 1, created_at: arrived, ready_at: ready,
    });
  });
  return rows;
}
