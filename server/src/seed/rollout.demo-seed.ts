import type { Insertable, Kysely } from 'kysely';
import type { Department, SchoolKind } from '../../../shared/domain.js';
import { addDays, maxDay } from '../../../shared/dates.js';
import type { Milestone, Requirement } from '../../../shared/rollout.js';
import type { Database, RolloutMilestoneTable, RolloutSchoolTable } from '../db/schema.js';
import { DEMO_SCHOOLS } from './demo-accounts.js';
import { SeededRandom } from './seeded-random.js';
import { shareTargets } from '../modules/rollout/rollout.batches.js';
import * as q from '../modules/rollout/rollout.queries.js';
import { requirementDepartment } from '../modules/rollout/rollout.rules.js';

/**
 * The article's batches and deadlines (2018-04-04: "计划于2018年8月份完成200所幼儿园、150所小学和
 * 初中建设；2019年2月完成280所小学和初中建设"; built schools activated with a named person by 04-30,
 * the rest registered, activated and installed by 05-31), and milestones as the bureau would see
 * them that day.
 *
 * "Already built" is a flag on the school's rollout row, not derived from milestone dates: the
 * deadlines sort schools by where they stood when the city set them, and a date corrected later
 * (an installation recorded a week earlier) must not move a school from one deadline to the other.
 * The seed sets it, the school import (column 已建成录播室) and the programme's department on the
 * school's page (PUT /api/rollout/schools/:id/built) set or correct it; here a school is built
 * when its equipment was installed before 2018-04-04.
 */
export const DEMO_BATCHES = [
  { code: '2018-08', name: '第一批（2018年8月）', dueOn: '2018-08-31', targets: { kindergarten: 200, primaryAndJunior: 150 } },
  { code: '2019-02', name: '第二批（2019年2月）', dueOn: '2019-02-28', targets: { kindergarten: 0, primaryAndJunior: 280 } },
] as const;

export const DEMO_DEADLINES: readonly { name: string; dueOn: string; appliesTo: 'built' | 'new'; batchCode: string | null; requires: Requirement[] }[] = [
  { name: '已建成项目学校全面激活使用、专人负责', dueOn: '2018-04-30', appliesTo: 'built', batchCode: null, requires: ['activated', 'named_person'] },
  { name: '未实施项目学校完成注册激活使用和设备安装', dueOn: '2018-05-31', appliesTo: 'new', batchCode: '2018-08', requires: ['registered', 'activated', 'installed'] },
];

/** The demo's today: the article's meeting in 冠县. Nothing is done after it. */
export const DEMO_TODAY = '2018-04-04';
const CREATED_AT = '2018-03-01T00:00:00.000Z';

type Plan = Partial<Record<Milestone, { done?: string; planned?: string }>>;
interface Story { built: boolean; milestones: Plan; named?: { username?: string; since: string } }

/**
 * Schools whose story the tests and the README tell. 冠县第一幼儿园 is named by name: the county
 * seat's first kindergarten has that name in every seed scale, its code does not.
 */
const PINNED: Record<string, Story> = {
  // In regular use since the spring term began; its principal answers for it (commended on 04-04).
  [DEMO_SCHOOLS.guanxianShiyan.code]: {
    built: true,
    milestones: {
      registered: { done: '2017-10-16' }, installed: { done: '2017-11-20' }, activated: { done: '2017-12-04' }, in_regular_use: { done: '2018-03-05' },
    },
    named: { username: 'gxsy.principal', since: '2018-03-01' },
  },
  // Built and activated, but nobody named: overdue for the 电教馆 from 2018-05-01.
  [DEMO_SCHOOLS.shenxianShiyan.code]: {
    built: true,
    milestones: {
      registered: { done: '2017-10-23' }, installed: { done: '2017-12-11' }, activated: { done: '2018-01-08' }, in_regular_use: { planned: '2018-05-14' },
    },
  },
  // Registered, but the recording room's installation planned for 03-30 has not happened: overdue for the 教科所.
  [DEMO_SCHOOLS.guanxianDier.code]: {
    built: false,
    milestones: { registered: { done: '2018-03-12' }, installed: { planned: '2018-03-30' }, activated: { planned: '2018-04-25' } },
  },
  // Demo scale only (the test city has two primary schools in 冠县): registration planned for 03-19
  // and not done, overdue for the 电教馆 — the browser test records it.
  冠县第三实验小学: {
    built: false,
    milestones: { registered: { planned: '2018-03-19' }, installed: { planned: '2018-04-23' }, activated: { planned: '2018-05-10' } },
  },
  // Registration planned for 03-20 and not done: overdue for the 学前教研室.
  冠县第一幼儿园: {
    built: false,
    milestones: { registered: { planned: '2018-03-20' }, installed: { planned: '2018-04-20' }, activated: { planned: '2018-05-15' } },
  },
};

const EVIDENCE: Record<Milestone, (code: string, n: number) => string> = {
  registered: (code) => `平台注册完成，学校标识码 ${code}`,
  installed: (code, n) => `录播室设备安装验收单 YS-${code.slice(-5)}-${n}`,
  activated: (_code, n) => `平台激活，已开通教师账号 ${n} 个`,
  in_regular_use: () => '连续两周每个教学日录播不少于2节',
};

const day = (from: string, rng: SeededRandom, span: number) => addDays(from, rng.int(0, span));
const before = (d: string, limit: string) => (d < limit ? d : addDays(limit, -1));

/** A made-up but believable story for a school, as of 2018-04-04. */
function storyFor(rng: SeededRandom, batch: string): Story {
  if (batch === '2019-02') {
    const registered = rng.chance(0.1) ? { done: day('2018-03-06', rng, 28) } : { planned: day('2018-09-03', rng, 90) };
    const installed = day('2018-10-08', rng, 80);
    return { built: false, milestones: { registered, installed: { planned: installed }, activated: { planned: day(addDays(installed, 7), rng, 30) } } };
  }
  if (rng.chance(0.35)) {
    const registered = day('2017-09-11', rng, 100);
    const installed = day(addDays(registered, 15), rng, 25);
    const m: Plan = { registered: { done: registered }, installed: { done: installed } };
    const activatedOn = addDays(installed, rng.int(7, 30));
    const activated = rng.chance(0.75) && activatedOn < DEMO_TODAY;
    // Some activations and first weeks of regular use were planned for late March and slipped.
    m.activated = activated ? { done: activatedOn } : { planned: day('2018-03-26', rng, 33) };
    m.in_regular_use = activated && rng.chance(0.6) ? { done: day('2018-03-05', rng, 28) }
      : { planned: activated ? maxDay(day('2018-03-19', rng, 45), activatedOn) : day('2018-04-23', rng, 30) };
    if (activated && m.in_regular_use.done && m.in_regular_use.done < activatedOn) m.in_regular_use = { done: activatedOn };
    return { built: true, milestones: m, named: rng.chance(0.6) ? { since: day('2018-03-01', rng, 33) } : undefined };
  }
  const registeredPlan = day('2018-03-12', rng, 56);
  const m: Plan = {
    registered: rng.chance(0.45) ? { done: before(day('2018-03-06', rng, 28), DEMO_TODAY) } : { planned: registeredPlan },
  };
  const installed = day('2018-04-16', rng, 35);
  m.installed = { planned: installed };
  m.activated = { planned: day(installed, rng, 60) };
  return { built: false, milestones: m };
}

/** The article's two batches, their targets shared out over the counties, and its two deadlines. */
export async function seedDemoBatches(db: Kysely<Database>, cityId: number): Promise<void> {
  const counties = await q.countiesOfCity(db, cityId);
  const counts = await q.programmeCounts(db, cityId);
  for (const b of DEMO_BATCHES) {
    const { id } = await db.insertInto('rollout_batches').values({
      city_id: cityId, code: b.code, name: b.name, due_on: b.dueOn, target_kindergarten: b.targets.kindergarten,
      target_primary_junior: b.targets.primaryAndJunior, created_at: CREATED_AT, updated_at: CREATED_AT,
    }).returning('id').executeTakeFirstOrThrow();
    await q.putTargets(db, id, shareTargets(counties.map((c) => c.id), counts, b.code, b.targets));
  }
  await db.insertInto('rollout_deadlines').values(DEMO_DEADLINES.map((d) => ({
    city_id: cityId, name: d.name, due_on: d.dueOn, applies_to: d.appliesTo, batch_code: d.batchCode, requires: JSON.stringify(d.requires), created_at: CREATED_AT,
  }))).execute();
}

/** Seeds the demo city's rollout: batches with county targets, the two deadlines, every programme school's story. */
export async function seedDemoRollout(db: Kysely<Database>, cityId: number, seed = 20180404): Promise<{ schools: number; milestones: number }> {
  await seedDemoBatches(db, cityId);
  const rng = new SeededRandom(seed ^ 0x2018);
  const schools = await db.selectFrom('schools').select(['id', 'code', 'name', 'kind', 'county_id', 'city_id', 'batch'])
    .where('city_id', '=', cityId).where('batch', 'is not', null).orderBy('code').execute();
  const principals = new Map((await db.selectFrom('role_assignments').select(['school_id', 'user_id'])
    .where('role', '=', 'principal').where('city_id', '=', cityId).orderBy('user_id', 'desc').execute()).map((r) => [r.school_id, r.user_id]));
  const named = new Map((await db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['gxsy.principal']).execute()).map((u) => [u.username, u.id]));
  const staff = new Map<string, number>();
  for (const s of await db.selectFrom('role_assignments').select(['county_id', 'department', 'user_id'])
    .where('role', '=', 'dept_staff').where('city_id', '=', cityId).orderBy('user_id').execute()) {
    const key = `${s.county_id}:${s.department}`;
    if (!staff.has(key)) staff.set(key, s.user_id);
  }
  const recorder = (countyId: number, kind: SchoolKind, m: Milestone) => staff.get(`${countyId}:${requirementDepartment(m, kind) as Department}`) ?? null;

  const schoolRows: Insertable<RolloutSchoolTable>[] = [];
  const milestoneRows: RolloutMilestoneTable[] = [];
  for (const s of schools) {
    const story = PINNED[s.code] ?? PINNED[s.name] ?? storyFor(rng, s.batch as string);
    const namedId = story.named ? (story.named.username ? named.get(story.named.username) : principals.get(s.id)) ?? null : null;
    schoolRows.push({
      school_id: s.id, county_id: s.county_id, city_id: s.city_id, built: story.built ? 1 : 0,
      named_user_id: namedId, named_since: namedId !== null ? story.named!.since : null,
      named_by_user_id: namedId !== null ? recorder(s.county_id, s.kind, 'registered') : null, updated_at: CREATED_AT,
    });
    for (const [m, plan] of Object.entries(story.milestones) as [Milestone, { done?: string; planned?: string }][]) {
      const done = plan.done ?? null;
      milestoneRows.push({
        school_id: s.id, milestone: m, county_id: s.county_id, city_id: s.city_id, planned_on: plan.planned ?? done, done_on: done,
        evidence_note: done ? EVIDENCE[m](s.code, rng.int(8, 60)) : null, evidence_link: null,
        recorded_by_user_id: done ? recorder(s.county_id, s.kind, m) : null, recorded_at: done ? new Date(`${done}T10:00:00+08:00`).toISOString() : null,
      });
    }
  }
  for (let i = 0; i < schoolRows.length; i += 200) await db.insertInto('rollout_schools').values(schoolRows.slice(i, i + 200)).execute();
  for (let i = 0; i < milestoneRows.length; i += 200) await db.insertInto('rollout_milestones').values(milestoneRows.slice(i, i + 200)).execute();
  return { schools: schoolRows.length, milestones: milestoneRows.length };
}
