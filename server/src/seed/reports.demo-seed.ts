import type { Department } from '../../../shared/domain.js';
import { type Actor, type Grant, permissionsOf } from '../access/actor.js';
import { ManualClock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { ReportEventTable, ReportTable } from '../db/schema.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createComplianceService } from '../modules/compliance/compliance.service.js';
import { createNotificationsService } from '../modules/notifications/notifications.service.js';
import { DEPARTMENT_LABELS } from '../modules/people/role-labels.js';
import { createRolloutService } from '../modules/rollout/rollout.service.js';
import { type ReportFigures, takeFigures } from '../modules/reports/reports.figures.js';

const MARCH = { start: '2018-03-01', end: '2018-03-31' };
const DEPARTMENT_ORDER: Department[] = ['research', 'edtech', 'preschool'];

/**
 * How the demo's March reports stand on 2018-04-04: most approved by the city bureau; 冠县电教馆's
 * returned, asking for the lagging schools' rectification plan; two submitted and waiting; one
 * still a draft. Keyed by county code and department.
 */
const STORY: Record<string, Partial<Record<Department, 'draft' | 'submitted' | 'returned'>>> = {
  '371525': { edtech: 'returned' },
  '371581': { research: 'submitted' },
  '371526': { preschool: 'submitted' },
  '371524': { preschool: 'draft' },
};

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The narrative a county department would write from its figures. */
function narrative(countyName: string, department: Department, f: ReportFigures) {
  const c = f.compliance.department;
  const duty = department === 'research' ? '全县纳入统计的学校' : department === 'edtech' ? '全县中小学' : '全县幼儿园';
  const rollout = (f.rollout ?? []).reduce((a, r) => ({ target: a.target + r.target, activated: a.activated + r.activated }), { target: 0, activated: 0 });
  const progress = [
    `3月5日开学以来，${duty}${c.schools}所按要求开展录播，应录播${c.schoolDays - c.pendingDays}个校日，达标${c.metDays}个，达标率${pct(c.rate)}。`,
    rollout.target > 0 ? `阳光放心校园项目目标${rollout.target}所，已激活${rollout.activated}所。` : '',
    department === 'research' ? '县教科所每周抽查各校录播情况，并通报抽查结果。' : `县${DEPARTMENT_LABELS[department]}已逐校明确专人负责项目推进。`,
  ].join('');
  const problems = f.compliance.laggingTotal > 0
    ? `${f.compliance.lagging.slice(0, 3).map((s) => s.name).join('、')}等${f.compliance.laggingTotal}所学校存在录播不足2节的校日，主要是部分教师对录播设备操作不熟练、课表安排未落实录播节次。`
    : '无。';
  const nextSteps = f.compliance.laggingTotal > 0
    ? `对录播不足的学校逐校督导，4月中旬前完成一轮教师录播设备操作培训，推动${countyName}录播课常态化。`
    : `巩固常态化录播，组织优质录播课评选，推动${countyName}优质资源共享。`;
  return { progress, problems, next_steps: nextSteps };
}

/**
 * Seeds the March 2018 monthly reports of every county department of the demo city, pre-filled
 * through the compliance and rollout services as each department's staff would see them. Run it
 * after the demo history and rollout; does nothing when the city already has reports.
 */
export async function seedDemoReports(db: Db, cityId: number): Promise<number> {
  const k = db.db;
  if (await k.selectFrom('reports').select('id').where('city_id', '=', cityId).limit(1).executeTakeFirst()) return 0;
  const reviewers = await k.selectFrom('users').select(['id', 'name', 'username']).where('username', 'in', ['city.admin', 'city.research']).execute();
  const cityAdmin = reviewers.find((u) => u.username === 'city.admin');
  const cityResearch = reviewers.find((u) => u.username === 'city.research') ?? cityAdmin;
  if (!cityAdmin || !cityResearch) return 0;
  const counties = await k.selectFrom('regions').select(['id', 'code', 'name']).where('parent_id', '=', cityId).orderBy('code').execute();
  const staff = await k.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.name', 'users.username', 'role_assignments.id as assignment_id', 'role_assignments.county_id', 'role_assignments.department'])
    .where('role_assignments.role', '=', 'dept_staff').where('role_assignments.city_id', '=', cityId).orderBy('users.id').execute();

  const clock = new ManualClock(new Date('2018-04-04T09:00:00+08:00'));
  const compliance = createComplianceService({ db, clock });
  const rollout = createRolloutService({ db, clock, audit: createAuditService({ db, clock }) });
  const notify = createNotificationsService({ db, clock }).notify;
  const events: Omit<ReportEventTable, 'id'>[] = [];
  let made = 0;

  for (const [ci, county] of counties.entries()) {
    for (const [di, department] of DEPARTMENT_ORDER.entries()) {
      const person = staff.find((s) => s.county_id === county.id && s.department === department);
      if (!person) continue;
      const grants: Grant[] = [{ assignmentId: person.assignment_id, role: 'dept_staff', department, cityId, countyId: county.id, schoolId: null }];
      const actor: Actor = { userId: person.id, username: person.username, name: person.name, kind: 'staff', sessionId: 0, csrfToken: '', grants, permissions: permissionsOf(grants) };
      const figures = await takeFigures({ compliance, rollout }, actor, { countyId: county.id, department, from: MARCH.start, to: MARCH.end });
      const fate = STORY[county.code]?.[department] ?? 'approved';
      // Counties prepare on the first working days of April, in no particular order.
      const hour = 8 + ((ci * 3 + di) % 9);
      const at = (day: string, h = hour, m = (ci * 7 + di * 13) % 60) => new Date(`${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`).toISOString();
      const created = at('2018-04-02');
      const submitted = fate === 'draft' ? null : at(fate === 'submitted' ? '2018-04-04' : '2018-04-03', fate === 'submitted' ? 9 : hour);
      const reviewed = fate === 'approved' || fate === 'returned' ? at('2018-04-03', 16, (ci * 5 + di) % 60) : null;
      const reviewer = fate === 'returned' || (ci + di) % 2 === 0 ? cityAdmin : cityResearch;
      const status: ReportTable['status'] = fate;
      const text = narrative(county.name, department, figures);
      const row = await k.insertInto('reports').values({
        city_id: cityId, county_id: county.id, department, period: 'monthly', period_start: MARCH.start, period_end: MARCH.end, status,
        figures: JSON.stringify(figures), figures_at: submitted ?? created, ...(fate === 'draft' ? { progress: text.progress, problems: '', next_steps: '' } : text),
        created_by_user_id: person.id, submitted_by_user_id: submitted ? person.id : null, submitted_at: submitted,
        reviewed_by_user_id: reviewed ? reviewer.id : null, reviewed_at: reviewed, created_at: created, updated_at: reviewed ?? submitted ?? created,
      }).returning('id').executeTakeFirstOrThrow();
      made++;
      const step = (action: ReportEventTable['action'], from: ReportTable['status'] | null, to: ReportTable['status'], who: { id: number; name: string }, when: string, comment = '') =>
        events.push({ report_id: row.id, action, from_status: from, to_status: to, actor_user_id: who.id, actor_name: who.name, comment, at: when });
      step('create', null, 'draft', person, created);
      if (submitted) step('submit', 'draft', 'submitted', person, submitted);
      if (fate === 'approved') step('approve', 'submitted', 'approved', reviewer, reviewed!, (ci + di) % 3 === 0 ? '同意。请继续督促录播不足的学校整改。' : '');
      if (fate === 'returned') {
        const names = figures.compliance.lagging.slice(0, 3).map((s) => s.name);
        const comment = `上报未附录播滞后学校的整改计划。请补充${names.length ? `${names.join('、')}等` : ''}录播不足学校的整改措施、责任人和完成时限，于4月10日前重新上报。`;
        step('return', 'submitted', 'returned', reviewer, reviewed!, comment);
        clock.set(new Date(reviewed!));
        await notify([person.id], { kind: 'report_returned', title: '2018年3月上报被市教育局退回', body: `退回意见：${comment}`, link: `/reports/${row.id}` });
      }
    }
  }
  if (events.length) await k.insertInto('report_events').values(events).execute();
  return made;
}
