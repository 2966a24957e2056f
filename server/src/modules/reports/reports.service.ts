import { type Department, ROLES } from '../../../../shared/domain.js';
import { minDay, shanghaiDate } from '../../../../shared/dates.js';
import { type Actor, type Grant, type Scope, scopeOf } from '../../access/actor.js';
import { ROLE_PERMISSIONS } from '../../access/policy.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { ReportTable } from '../../db/schema.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import type { OrgService } from '../org/org.service.js';
import { DEPARTMENT_LABELS } from '../people/role-labels.js';
import { type PatrolFiguresSource, type ReportFigures, type RolloutProgress, takeFigures } from './reports.figures.js';
import { DEFAULT_PERIOD, type ReportPeriod, periodLabel, periodOf } from './reports.periods.js';
import * as q from './reports.queries.js';

type Who = { actor: Actor; ip: string };
type Status = ReportTable['status'];

/** The notifications service's `notify`, optional so reports work without the inbox. */
export type Notify = (userIds: readonly number[], msg: { kind: string; title: string; body: string; link?: string }) => Promise<unknown>;

const STATUS_LABELS: Record<Status, string> = { draft: '草稿', submitted: '已提交待审核', returned: '已退回', approved: '已通过' };
const EDITABLE: readonly Status[] = ['draft', 'returned'];
const REVIEWER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('report:review'));

const holds = (g: Grant, action: 'report:write' | 'report:review') => ROLE_PERMISSIONS[g.role]?.includes(action) ?? false;

/**
 * Reports up the hierarchy (上报): a county department prepares its county's periodic report,
 * pre-filled from the compliance and rollout figures, and submits it; the city bureau approves it
 * or returns it with a comment; a returned report is edited and submitted again; an approved
 * report is read-only. Every step is kept in report_events and in the audit log.
 *
 * Who may do what: reading follows report:read (a county sees its own county's reports, the city
 * all of its counties'); preparing needs report:write at a county, and a department's staff only
 * for their own department; reviewing needs report:review at the city level — a county-level
 * researcher holds the action but is refused here with a reason.
 */
export function createReportsService(deps: {
  db: Db; clock: Clock; audit: AuditService; org: OrgService; compliance: ComplianceService; rollout?: RolloutProgress; notify?: Notify;
  patrol?: PatrolFiguresSource;
}) {
  const db = deps.db.db;
  const today = () => shanghaiDate(deps.clock.now());
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  function readScope(actor: Actor): Scope {
    const scope = scopeOf(actor, 'report:read');
    if (!scope) throw forbidden();
    return scope;
  }

  const writeGrants = (actor: Actor) => actor.grants.filter((g) => holds(g, 'report:write') && g.countyId !== null);
  const cityReviewGrants = (actor: Actor) => actor.grants.filter((g) => holds(g, 'report:review') && g.countyId === null && g.schoolId === null);

  /** True when one of the actor's grants lets them prepare this county department's report. */
  function mayWrite(actor: Actor, r: { county_id: number; department: Department }): boolean {
    return writeGrants(actor).some((g) => g.countyId === r.county_id && (g.role !== 'dept_staff' || g.department === r.department));
  }

  function mayReview(actor: Actor, r: { city_id: number }): boolean {
    return cityReviewGrants(actor).some((g) => g.cityId === null || g.cityId === r.city_id);
  }

  /** The review scope, refusing county-level holders of report:review with the reason. */
  function reviewScope(actor: Actor): Scope {
    const grants = cityReviewGrants(actor);
    if (grants.length) return scopeOf({ userId: actor.userId, grants }, 'report:review')!;
    if (scopeOf(actor, 'report:review')) {
      throw new AppError(403, 'REPORT_REVIEW_CITY_ONLY', '上报由市教育局审核：县级教研员只能查看本县的上报，不能退回或通过；如需审核，请使用市教育局或市教科院的账号');
    }
    throw forbidden();
  }

  async function reportOr404(scope: Scope, id: number) {
    const row = await q.findReport(db, q.reportInScope(scope), id);
    if (!row) throw notFound('上报');
    return row;
  }

  /** A report the actor may prepare: 404 outside their reach, 403 with the reason for another department's. */
  async function reportForWrite(actor: Actor, id: number) {
    const row = await reportOr404(readScope(actor), id);
    if (!mayWrite(actor, row)) {
      if (!writeGrants(actor).some((g) => g.countyId === row.county_id)) throw notFound('上报');
      throw new AppError(403, 'REPORT_OTHER_DEPARTMENT',
        `这份上报由${row.county_name}${DEPARTMENT_LABELS[row.department]}填报：您只能填报本部门的上报，这份只能查看`);
    }
    return row;
  }

  function statusConflict(row: { status: Status }, doing: string) {
    if (row.status === 'approved') return conflict('REPORT_APPROVED', `该上报已审核通过，不能再${doing}`);
    if (row.status === 'submitted') {
      return conflict('REPORT_UNDER_REVIEW', `该上报已提交市教育局，正在审核，不能${doing}；如需修改，请联系市教育局退回`);
    }
    return conflict('REPORT_STATUS', `该上报当前为「${STATUS_LABELS[row.status]}」，不能${doing}`);
  }

  function view(r: q.ReportRow, returnComment: string | null) {
    const figures = JSON.parse(r.figures) as ReportFigures;
    return {
      id: r.id, countyId: r.county_id, countyCode: r.county_code, countyName: r.county_name, department: r.department,
      period: r.period, periodStart: r.period_start, periodEnd: r.period_end, periodLabel: periodLabel(r.period, r.period_start, r.period_end),
      status: r.status, rate: figures.compliance.department.rate, createdByName: r.created_by_name,
      submittedAt: r.submitted_at, submittedByName: r.submitted_by_name, reviewedAt: r.reviewed_at, reviewedByName: r.reviewed_by_name,
      returnComment: r.status === 'returned' ? returnComment : null, updatedAt: r.updated_at,
    };
  }

  async function list(actor: Actor, filter: q.ReportFilter, page: number, pageSize: number) {
    const where = q.reportInScope(readScope(actor));
    const [rows, total] = await Promise.all([
      q.listReports(db, where, filter, pageSize, (page - 1) * pageSize),
      q.countReports(db, where, filter),
    ]);
    const comments = await q.returnComments(db, rows.filter((r) => r.status === 'returned').map((r) => r.id));
    return { items: rows.map((r) => view(r, comments.get(r.id) ?? null)), total, page, pageSize };
  }

  async function get(actor: Actor, id: number) {
    const row = await reportOr404(readScope(actor), id);
    const events = await q.eventsOf(db, [id]);
    const lastReturn = events.filter((e) => e.action === 'return').at(-1)?.comment ?? null;
    return {
      ...view(row, lastReturn),
      figures: JSON.parse(row.figures) as ReportFigures, figuresAt: row.figures_at,
      progress: row.progress, problems: row.problems, nextSteps: row.next_steps,
      history: events.map((e) => ({
        id: e.id, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, comment: e.comment, at: e.at,
      })),
      can: {
        edit: EDITABLE.includes(row.status) && mayWrite(actor, row),
        submit: EDITABLE.includes(row.status) && mayWrite(actor, row),
        review: row.status === 'submitted' && mayReview(actor, row),
      },
    };
  }

  /** The county (and its city) a writer prepares for, from their grants and the optional countyId. */
  async function writerCounty(actor: Actor, countyId: number | undefined) {
    const grants = writeGrants(actor);
    if (!grants.length) throw forbidden();
    const counties = [...new Set(grants.map((g) => g.countyId!))];
    const id = countyId ?? (counties.length === 1 ? counties[0] : undefined);
    if (id === undefined) throw badRequest('REPORT_COUNTY_REQUIRED', '您可为多个县(市、区)填报：请选择要填报的县(市、区)');
    if (!counties.includes(id)) throw notFound('县(市、区)');
    const county = (await deps.org.listRegions(actor)).find((r) => r.id === id && r.level === 'county');
    if (!county || county.parentId === null) throw notFound('县(市、区)');
    return { id, name: county.name, cityId: county.parentId, grants: grants.filter((g) => g.countyId === id) };
  }

  async function periodSetting(cityId: number): Promise<ReportPeriod> {
    return (await q.readSettings(db, cityId))?.period ?? DEFAULT_PERIOD;
  }

  async function figuresFor(actor: Actor, r: { county_id: number; department: Department; period_start: string; period_end: string }) {
    return takeFigures(deps, actor, { countyId: r.county_id, department: r.department, from: r.period_start, to: minDay(r.period_end, today()) });
  }

  async function create(w: Who, body: { day: string; department?: Department; countyId?: number }) {
    const county = await writerCounty(w.actor, body.countyId);
    const ownDepartments = county.grants.filter((g) => g.role === 'dept_staff').map((g) => g.department!);
    const admin = county.grants.some((g) => g.role !== 'dept_staff');
    const department = body.department ?? (!admin && ownDepartments.length === 1 ? ownDepartments[0] : undefined);
    if (department === undefined) throw badRequest('REPORT_DEPARTMENT_REQUIRED', '请选择填报部门：教科所、电教馆或学前教研室');
    if (!admin && !ownDepartments.includes(department)) {
      throw new AppError(403, 'REPORT_OTHER_DEPARTMENT',
        `您只能填报本部门（${ownDepartments.map((d) => DEPARTMENT_LABELS[d]).join('、')}）的上报，${DEPARTMENT_LABELS[department]}的上报请由${DEPARTMENT_LABELS[department]}填报`);
    }
    const period = await periodSetting(county.cityId);
    const { start, end } = periodOf(period, body.day);
    const label = periodLabel(period, start, end);
    if (start > today()) throw badRequest('REPORT_PERIOD_NOT_STARTED', `${label}尚未开始，不能填报：请选择已开始的报告期`);
    const key = { county_id: county.id, department, period, period_start: start };
    const existing = await q.findExisting(db, key);
    if (existing) {
      throw conflict('REPORT_EXISTS', `${county.name}${DEPARTMENT_LABELS[department]}${label}的上报已经建立，请打开它继续填写`, { id: existing.id });
    }
    const figures = await figuresFor(w.actor, { ...key, period_end: end });
    const now = deps.clock.now().toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('reports').values({
        ...key, city_id: county.cityId, period_end: end, status: 'draft', figures: JSON.stringify(figures), figures_at: now,
        progress: '', problems: '', next_steps: '', created_by_user_id: w.actor.userId, submitted_by_user_id: null, submitted_at: null,
        reviewed_by_user_id: null, reviewed_at: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('report_events').values({
        report_id: row.id, action: 'create', from_status: null, to_status: 'draft', actor_user_id: w.actor.userId, actor_name: w.actor.name, comment: '', at: now,
      }).execute();
      return row.id;
    });
    await deps.audit.record({ ...by(w), action: 'report.create', targetType: 'report', targetId: id, result: 'success', detail: { countyId: county.id, department, period, periodStart: start } });
    return get(w.actor, id);
  }

  async function update(w: Who, id: number, patch: { progress?: string; problems?: string; nextSteps?: string }) {
    const row = await reportForWrite(w.actor, id);
    if (!EDITABLE.includes(row.status)) throw statusConflict(row, '修改');
    const set = {
      ...(patch.progress !== undefined && { progress: patch.progress }),
      ...(patch.problems !== undefined && { problems: patch.problems }),
      ...(patch.nextSteps !== undefined && { next_steps: patch.nextSteps }),
      updated_at: deps.clock.now().toISOString(),
    };
    if (!(await q.updateOpenReport(db, id, EDITABLE, set))) throw statusConflict(await reportOr404(readScope(w.actor), id), '修改');
    await deps.audit.record({ ...by(w), action: 'report.update', targetType: 'report', targetId: id, result: 'success', detail: { changed: Object.keys(patch) } });
    return get(w.actor, id);
  }

  /** Takes the figures again (the data of the period may have changed since the report was begun). */
  async function refreshFigures(w: Who, id: number) {
    const row = await reportForWrite(w.actor, id);
    if (!EDITABLE.includes(row.status)) throw statusConflict(row, '更新数据');
    const figures = await figuresFor(w.actor, row);
    const now = deps.clock.now().toISOString();
    if (!(await q.updateOpenReport(db, id, EDITABLE, { figures: JSON.stringify(figures), figures_at: now, updated_at: now }))) {
      throw statusConflict(await reportOr404(readScope(w.actor), id), '更新数据');
    }
    await deps.audit.record({ ...by(w), action: 'report.figures', targetType: 'report', targetId: id, result: 'success' });
    return get(w.actor, id);
  }

  /** Submits (or, after a return, resubmits) with the figures taken afresh: the city reviews what the data says now. */
  async function submit(w: Who, id: number, comment = '') {
    const row = await reportForWrite(w.actor, id);
    if (!EDITABLE.includes(row.status)) throw statusConflict(row, '再次提交');
    const fields: [string, string][] = [['工作进展', row.progress], ['存在问题', row.problems], ['下步计划', row.next_steps]];
    const missing = fields.filter(([, text]) => !text.trim()).map(([label]) => label);
    if (missing.length) throw badRequest('REPORT_INCOMPLETE', `提交前请填写：${missing.join('、')}（没有的请写「无」）`, { missing });
    const figures = await figuresFor(w.actor, row);
    const now = deps.clock.now().toISOString();
    const moved = await q.transition(db, id, EDITABLE, {
      status: 'submitted', figures: JSON.stringify(figures), figures_at: now, submitted_by_user_id: w.actor.userId, submitted_at: now,
      reviewed_by_user_id: null, reviewed_at: null, updated_at: now,
    }, { action: 'submit', actor_user_id: w.actor.userId, actor_name: w.actor.name, comment: comment.trim(), at: now });
    if (!moved) throw statusConflict(await reportOr404(readScope(w.actor), id), '再次提交');
    await deps.audit.record({ ...by(w), action: 'report.submit', targetType: 'report', targetId: id, result: 'success', detail: { resubmitted: row.status === 'returned' } });
    const label = periodLabel(row.period, row.period_start, row.period_end);
    await tell(await q.cityReviewers(db, row.city_id, REVIEWER_ROLES), {
      kind: 'report_submitted', title: `${row.county_name}${DEPARTMENT_LABELS[row.department]}${row.status === 'returned' ? '重新' : ''}提交了${label}上报`,
      body: `${w.actor.name}于${shanghaiDate(new Date(now))}提交，请审核。`, link: `/reports/${id}`,
    });
    return get(w.actor, id);
  }

  async function review(w: Who, id: number, to: 'returned' | 'approved', comment: string) {
    const row = await reportOr404(reviewScope(w.actor), id);
    const doing = to === 'returned' ? '退回' : '审核通过';
    if (row.status !== 'submitted') {
      throw conflict('REPORT_NOT_SUBMITTED', `只有已提交待审核的上报才能${doing}：这份上报当前为「${STATUS_LABELS[row.status]}」`);
    }
    const text = comment.trim();
    if (to === 'returned' && !text) throw badRequest('REPORT_RETURN_COMMENT', '退回上报时请写明退回意见：要补充或修改什么');
    const now = deps.clock.now().toISOString();
    const moved = await q.transition(db, id, ['submitted'], { status: to, reviewed_by_user_id: w.actor.userId, reviewed_at: now, updated_at: now }, {
      action: to === 'returned' ? 'return' : 'approve', actor_user_id: w.actor.userId, actor_name: w.actor.name, comment: text, at: now,
    });
    if (!moved) throw conflict('REPORT_NOT_SUBMITTED', `这份上报刚刚已被他人处理，无法再${doing}：请刷新后查看`);
    await deps.audit.record({ ...by(w), action: to === 'returned' ? 'report.return' : 'report.approve', targetType: 'report', targetId: id, result: 'success' });
    const label = periodLabel(row.period, row.period_start, row.period_end);
    const preparers = [row.created_by_user_id, row.submitted_by_user_id].filter((u): u is number => u !== null);
    await tell(preparers, to === 'returned'
      ? { kind: 'report_returned', title: `${label}上报被市教育局退回`, body: `退回意见：${text}`, link: `/reports/${id}` }
      : { kind: 'report_approved', title: `${label}上报已审核通过`, body: text ? `审核意见：${text}` : `${w.actor.name}已审核通过。`, link: `/reports/${id}` });
    return get(w.actor, id);
  }

  // The step is already committed: a full inbox must not turn it into an error for the person acting.
  async function tell(userIds: number[], msg: { kind: string; title: string; body: string; link: string }) {
    if (!deps.notify || !userIds.length) return;
    try { await deps.notify(userIds, msg); } catch { /* the report's history and audit row stand */ }
  }

  /** The city a reader reports to (a county's parent) or reviews for: the one given, else the first. */
  async function cityOf(actor: Actor, cityId?: number) {
    const regions = await deps.org.listRegions(actor);
    const ids = [...new Set(regions.map((r) => (r.level === 'city' ? r.id : r.parentId)).filter((id): id is number => id !== null))];
    const id = cityId ?? ids[0];
    const city = id !== undefined && ids.includes(id) ? await q.findCity(db, id) : undefined;
    if (!city) throw notFound('市');
    return city;
  }

  async function getSettings(actor: Actor, opts: { cityId?: number; asOf?: string } = {}) {
    readScope(actor);
    const city = await cityOf(actor, opts.cityId);
    const row = await q.readSettings(db, city.id);
    const period = row?.period ?? DEFAULT_PERIOD;
    const current = periodOf(period, opts.asOf ?? today());
    return {
      cityId: city.id, cityName: city.name, period, updatedAt: row?.updated_at ?? null, updatedByName: row?.updated_by_name ?? null,
      current: { ...current, label: periodLabel(period, current.start, current.end) },
    };
  }

  /** Chooses weekly or monthly reports for the city; reports already begun keep their period. */
  async function updateSettings(w: Who, period: ReportPeriod) {
    const scope = reviewScope(w.actor);
    const city = await cityOf(w.actor);
    if (!scope.all && !scope.cityIds.includes(city.id)) throw notFound('市');
    await q.writeSettings(db, city.id, period, w.actor.userId, deps.clock.now().toISOString());
    await deps.audit.record({ ...by(w), action: 'report.settings', targetType: 'region', targetId: city.id, result: 'success', detail: { period } });
    return getSettings(w.actor, { cityId: city.id });
  }

  return {
    list, get, create, update, refreshFigures, submit, getSettings, updateSettings,
    returnReport: (w: Who, id: number, comment: string) => review(w, id, 'returned', comment),
    approve: (w: Who, id: number, comment = '') => review(w, id, 'approved', comment),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
