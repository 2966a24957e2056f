import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addDays, shanghaiDate } from '../../../shared/dates.js';
import { checklistOf, type HazardLevel, type SafetyArea } from '../../../shared/safety-checklists.js';

type Db = Kysely<Database>;

/** Problems the demo's checks find, by area: the item that failed and what the checker wrote. */
const PROBLEMS: readonly { area: SafetyArea; item: string; note: string; level: HazardLevel }[] = [
  { area: 'fire', item: 'extinguishers', note: '教学楼二楼 3 具灭火器压力不足', level: 'major' },
  { area: 'fire', item: 'exits_clear', note: '实验楼东侧安全出口堆放课桌', level: 'major' },
  { area: 'gate', item: 'visitor_log', note: '外来人员登记簿缺 2 天记录', level: 'general' },
  { area: 'canteen', item: 'samples', note: '周二午餐留样不足 125 克', level: 'general' },
  { area: 'fire', item: 'emergency_lights', note: '宿舍楼一楼应急灯不亮', level: 'general' },
  { area: 'canteen', item: 'gas_safety', note: '燃气报警器电池耗尽', level: 'severe' },
  { area: 'gate', item: 'anti_riot_kit', note: '门卫室缺防暴盾牌', level: 'general' },
];

/**
 * 平安校园 for 冠县's schools, around the day of the first start: checks this month, hazards in
 * every state (some rectified on time, some open, some past their deadline and escalated to the
 * county, one overdue that the first run of the due task escalates, notifying the county), and a
 * drill or two this term, so the county's page has figures and a list to chase. Deterministic:
 * the n-th school gets the n-th pattern. Seeds nothing when safety records exist.
 */
export async function seedDemoSafety(db: Db, now: Date): Promise<{ checks: number; hazards: number; escalated: number; drills: number }> {
  const out = { checks: 0, hazards: 0, escalated: 0, drills: 0 };
  if (await db.selectFrom('safety_checks').select('id').limit(1).executeTakeFirst()) return out;
  const today = shanghaiDate(now);
  const stamp = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
  const county = await db.selectFrom('regions').select('id').where('level', '=', 'county').where('name', '=', '冠县').executeTakeFirst();
  if (!county) return out;
  const schools = await db.selectFrom('schools').select(['id', 'kind']).where('county_id', '=', county.id)
    .where('kind', '!=', 'kindergarten').orderBy('code').limit(12).execute();
  for (const [n, school] of schools.entries()) {
    const staff = await db.selectFrom('role_assignments').select(['user_id', 'role']).where('school_id', '=', school.id)
      .where('role', 'in', ['principal', 'teacher']).orderBy('role').orderBy('user_id').execute();
    const principal = staff.find((s) => s.role === 'principal') ?? staff[0];
    if (!principal) continue;
    const teacher = staff.find((s) => s.role === 'teacher') ?? principal;
    // Day schools in town have neither dormitory nor bus.
    if (n % 3 !== 2) {
      for (const area of ['dormitory', 'bus']) await db.insertInto('safety_school_areas').values({ school_id: school.id, area, enabled: 0, updated_at: stamp(addDays(today, -30)) }).execute();
    }
    // SafetyChecks: one clean, one with a problem (its hazard below), within the last weeks.
    for (const [k, back] of [n % 4 + 1, n % 5 + 8].entries()) {
      const day = addDays(today, -back);
      const problem = k === 1 ? PROBLEMS[n % PROBLEMS.length]! : null;
      const areas: SafetyArea[] = problem ? [...new Set<SafetyArea>(['gate', 'fire', problem.area])] : ['gate', 'fire', 'canteen'];
      const results = areas.map((area) => ({
        area, items: checklistOf(area).items.map((i) => ({ key: i.key, ok: !(problem && problem.area === area && problem.item === i.key), note: problem && problem.item === i.key ? problem.note : '' })),
      }));
      const check = await db.insertInto('safety_checks').values({
        school_id: school.id, checked_on: day, results: JSON.stringify(results), problems: problem ? 1 : 0, note: '', by_user_id: k ? teacher.user_id : principal.user_id,
        created_at: stamp(day, 16),
      }).returning('id').executeTakeFirstOrThrow();
      out.checks++;
      if (!problem) continue;
      // The pattern of this school's hazard: 0 rectified on time and verified, 1 open, 2 escalated, 3 rectified late.
      const pattern = n % 4;
      const deadline = pattern === 1 ? addDays(today, 3) : pattern === 2 ? addDays(today, -3) : addDays(day, 7 + (pattern === 3 ? -6 : 0));
      const rectifiedOn = pattern === 0 ? addDays(day, 3) : pattern === 3 ? addDays(day, 4) : null;
      const escalatedAt = pattern === 2 && n !== 2 ? stamp(addDays(deadline, 1), 1) : pattern === 3 ? stamp(addDays(deadline, 1), 1) : null;
      const status = pattern === 0 ? 'verified' : pattern === 1 ? 'rectifying' : pattern === 2 ? (escalatedAt ? 'escalated' : 'open') : 'rectified';
      await db.insertInto('safety_hazards').values({
        school_id: school.id, check_id: check.id, area: problem.area, item: problem.item,
        title: `${checklistOf(problem.area).label}：${checklistOf(problem.area).items.find((i) => i.key === problem.item)!.label}`,
        description: problem.note, level: problem.level, responsible_user_id: teacher.user_id, deadline, status,
        reported_by_user_id: teacher.user_id, rectification_note: rectifiedOn ? '已整改完毕，见整改照片' : null,
        rectified_by_user_id: rectifiedOn ? teacher.user_id : null, rectified_at: rectifiedOn ? stamp(rectifiedOn, 15) : null, rectified_on: rectifiedOn,
        verified_by_user_id: pattern === 0 ? principal.user_id : null, verified_at: pattern === 0 ? stamp(addDays(rectifiedOn!, 1), 10) : null,
        escalated_at: escalatedAt, created_at: stamp(day, 16), updated_at: stamp(rectifiedOn ?? day, 16),
      }).execute();
      out.hazards++;
      if (escalatedAt) out.escalated++;
    }
    // Drills this term: a fire drill at every school, an earthquake drill at every other one.
    const drills = n % 2 ? ['fire'] : ['fire', 'earthquake'];
    for (const [k, kind] of drills.entries()) {
      const day = addDays(today, -(10 + 7 * k + n % 5));
      await db.insertInto('safety_drills').values({
        school_id: school.id, kind, held_on: day, participants: 300 + 37 * n, duration_minutes: kind === 'fire' ? 20 : 15,
        note: kind === 'fire' ? '全校师生按疏散路线撤离至操场' : '防震避险及疏散演练', by_user_id: principal.user_id, created_at: stamp(day, 17),
      }).execute();
      out.drills++;
    }
  }
  return out;
}
