import type { Static } from 'typebox';
import { type Actor, type Scope, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import { departmentAnswersFor } from '../../access/department-duties.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { OrgService } from '../org/org.service.js';
import { schoolWithin } from '../rooms/rooms.service.js';
import * as q from './inspections.queries.js';
import type { CreateInspectionBody, FollowUpQuery, ListQuery, ReviewBody } from './inspections.schema.js';

type Who = { actor: Actor; ip: string };
type ItemCheck = Static<typeof CreateInspectionBody>['items'][number];

const RATING_LABEL = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' } as const;

function followUpView(r: q.FollowUpRow, asOf: string) {
  return {
    id: r.id, inspectionId: r.inspection_id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name,
    countyId: r.county_id, countyName: r.county_name, visitedOn: r.visited_on, description: r.description, dueOn: r.due_on,
    status: r.status, overdue: r.status === 'open' && r.due_on < asOf, rectificationNote: r.rectification_note,
    rectifiedAt: r.rectified_at, reviewComment: r.review_comment, verifiedAt: r.verified_at,
  };
}

function summaryView(r: q.InspectionRow) {
  return {
    id: r.id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, countyId: r.county_id,
    countyName: r.county_name, visitedOn: r.visited_on, inspectors: r.inspectors, rating: r.rating,
    followUps: Number(r.follow_ups), openFollowUps: Number(r.open_follow_ups), overdueFollowUps: Number(r.overdue_follow_ups),
    createdByName: r.created_by_name,
  };
}

/** True when one of the actor's grants is the principal's of that school. */
export const isPrincipalOf = (actor: Actor, schoolId: number) => actor.grants.some((g) => g.role === 'principal' && g.schoolId === schoolId);

/**
 * Supervision visits (督导检查) and their follow-ups (整改).
 * - Reading follows `inspection:read`: the city sees its city, a county's staff their county, a
 *   principal their own school.
 * - Recording a visit, and verifying or reopening a follow-up, needs `inspection:write` over the
 *   school; a county department's staff act within its duty (the 教科所 at every school, the
 *   电教馆 at primary and junior schools, the 学前教研室 at kindergartens).
 * - The school answers a follow-up with its rectification note: the route needs `inspection:read`
 *   (the principal's), and this service lets only a principal of the follow-up's own school write
 *   it — county and city staff, who can read it, get 403.
 */
export function createInspectionsService(deps: {
  db: Db; clock: Clock; audit: AuditService; org: Pick<OrgService, 'getSchool'>; notifications?: Pick<NotificationsService, 'notify' | 'notifyPrincipals'>;
}) {
  const db = deps.db.db;
  const today = () => shanghaiDate(deps.clock.now());
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  function readScope(actor: Actor): Scope {
    const scope = scopeOf(actor, 'inspection:read');
    if (!scope) throw forbidden();
    return scope;
  }

  /** The write scope over schools of this kind: department grants count only within their duty. */
  function writeScopeFor(actor: Actor, kind: Parameters<typeof departmentAnswersFor>[1]): Scope | null {
    const grants = actor.grants.filter((g) => g.role !== 'dept_staff' || (g.department !== null && departmentAnswersFor(g.department, kind)));
    return scopeOf({ userId: actor.userId, grants }, 'inspection:write');
  }

  /** Throws unless the actor may write visits at the school: 404 outside their reach, 403 outside their department's duty. */
  function requireWrite(actor: Actor, school: { id: number; countyId: number; cityId: number; kind: Parameters<typeof departmentAnswersFor>[1] }) {
    const any = scopeOf(actor, 'inspection:write');
    if (!any) throw forbidden();
    if (!schoolWithin(any, school)) throw notFound('学校');
    const dutyScope = writeScopeFor(actor, school.kind);
    if (!dutyScope || !schoolWithin(dutyScope, school)) {
      throw new AppError(403, 'INSPECTION_OUTSIDE_DUTY',
        '这所学校不在本部门的职责范围内：幼儿园由学前教研室督导，中小学由电教馆督导，教科所可督导各类学校。请由负责的部门记录或处理');
    }
  }

  async function list(actor: Actor, query: Static<typeof ListQuery>) {
    const scope = q.inspectionInScope(readScope(actor));
    const asOf = query.asOf ?? today();
    const filter = { countyId: query.countyId, schoolId: query.schoolId, from: query.from, to: query.to };
    const [rows, total] = await Promise.all([
      q.listInspections(db, scope, filter, asOf, query.pageSize, (query.page - 1) * query.pageSize),
      q.countInspections(db, scope, filter),
    ]);
    return { items: rows.map(summaryView), total, page: query.page, pageSize: query.pageSize };
  }

  async function get(actor: Actor, id: number, asOf = today()) {
    const scope = readScope(actor);
    const row = await q.findInspection(db, q.inspectionInScope(scope), id, asOf);
    if (!row) throw notFound('督导检查记录');
    const followUps = await q.listFollowUps(db, q.followUpInScope(scope), { inspectionId: id }, 100, 0);
    const writer = writeScopeFor(actor, row.school_kind);
    return {
      ...summaryView(row), items: JSON.parse(row.items) as ItemCheck[], findings: row.findings, createdAt: row.created_at,
      followUpList: followUps.map((f) => followUpView(f, asOf)),
      canReview: writer !== null && schoolWithin(writer, { id: row.school_id, countyId: row.county_id, cityId: row.city_id }),
      canRectify: isPrincipalOf(actor, row.school_id),
    };
  }

  async function create(w: Who, body: Static<typeof CreateInspectionBody>) {
    if (!scopeOf(w.actor, 'inspection:write')) throw forbidden();
    // 404 when the school is out of the actor's reach altogether, as for any read.
    const school = await deps.org.getSchool(w.actor, body.schoolId).catch((err) => {
      if (err instanceof AppError && err.status === 403) throw notFound('学校');
      throw err;
    });
    requireWrite(w.actor, school);
    if (body.visitedOn > today()) {
      throw badRequest('INSPECTION_DATE_FUTURE', `检查日期 ${body.visitedOn} 晚于今天（${today()}）：请填写实际到校检查的日期`);
    }
    const seen = new Set<string>();
    for (const c of body.items) {
      if (seen.has(c.item)) throw badRequest('INSPECTION_ITEM_TWICE', `检查项目「${c.item}」填写了两次，请合并为一项`);
      seen.add(c.item);
    }
    for (const [i, f] of body.followUps.entries()) {
      if (f.dueOn < body.visitedOn) {
        throw badRequest('FOLLOW_UP_DUE_BEFORE_VISIT', `第 ${i + 1} 条整改事项的期限 ${f.dueOn} 早于检查日期 ${body.visitedOn}：请把整改期限定在检查之后`);
      }
    }
    const now = deps.clock.now().toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('inspections').values({
        school_id: school.id, county_id: school.countyId, city_id: school.cityId, visited_on: body.visitedOn,
        inspectors: body.inspectors.trim(), items: JSON.stringify(body.items), findings: body.findings.trim(), rating: body.rating,
        created_by_user_id: w.actor.userId, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      if (body.followUps.length) {
        await trx.insertInto('inspection_follow_ups').values(body.followUps.map((f) => ({
          inspection_id: row.id, school_id: school.id, county_id: school.countyId, city_id: school.cityId,
          description: f.description.trim(), due_on: f.dueOn, status: 'open' as const, rectification_note: null, rectified_at: null,
          rectified_by_user_id: null, review_comment: null, verified_at: null, verified_by_user_id: null, created_at: now, updated_at: now,
        }))).execute();
      }
      return row.id;
    });
    await deps.audit.record({
      ...by(w), action: 'inspection.create', targetType: 'inspection', targetId: id, result: 'success',
      detail: { schoolId: school.id, visitedOn: body.visitedOn, rating: body.rating, followUps: body.followUps.length },
    });
    if (body.followUps.length) {
      const due = body.followUps.map((f) => f.dueOn).sort()[0]!;
      await deps.notifications?.notifyPrincipals(school.id, {
        kind: 'follow_up_assigned', title: `督导检查：${school.name}有 ${body.followUps.length} 项整改事项`,
        body: `${body.visitedOn} 督导检查（${body.inspectors.trim()}）评定为「${RATING_LABEL[body.rating]}」，提出 ${body.followUps.length} 项整改事项，最早于 ${due} 到期。请按期整改并填写整改说明。`,
        link: `/inspections/${id}`,
      });
    }
    return get(w.actor, id);
  }

  async function listFollowUps(actor: Actor, query: Static<typeof FollowUpQuery>) {
    const scope = q.followUpInScope(readScope(actor));
    const asOf = query.asOf ?? today();
    const filter: q.FollowUpFilter = {
      countyId: query.countyId, schoolId: query.schoolId, status: query.status, overdueOn: query.overdue ? asOf : undefined,
    };
    const [rows, total] = await Promise.all([
      q.listFollowUps(db, scope, filter, query.pageSize, (query.page - 1) * query.pageSize),
      q.countFollowUps(db, scope, filter),
    ]);
    return { items: rows.map((r) => followUpView(r, asOf)), total, page: query.page, pageSize: query.pageSize };
  }

  async function followUpInReach(actor: Actor, id: number) {
    const row = await q.findFollowUp(db, q.followUpInScope(readScope(actor)), id);
    if (!row) throw notFound('整改事项');
    return row;
  }

  /** The school's principal reports the follow-up put right (or corrects the note before it is verified). */
  async function rectify(w: Who, id: number, note: string) {
    const row = await followUpInReach(w.actor, id);
    if (!isPrincipalOf(w.actor, row.school_id)) {
      throw new AppError(403, 'FOLLOW_UP_PRINCIPAL_ONLY', `整改说明由${row.school_name}的校长填写；检查人员可在学校填写后验收或退回`);
    }
    if (row.status === 'verified') {
      throw conflict('FOLLOW_UP_VERIFIED', `这项整改已于 ${row.verified_at?.slice(0, 10)} 验收，不能再修改整改说明；如有新情况请联系检查人员`);
    }
    const now = deps.clock.now().toISOString();
    await db.updateTable('inspection_follow_ups').set({
      status: 'rectified', rectification_note: note.trim(), rectified_at: now, rectified_by_user_id: w.actor.userId, updated_at: now,
    }).where('id', '=', id).execute();
    await deps.audit.record({ ...by(w), action: 'inspection.rectify', targetType: 'inspection_follow_up', targetId: id, result: 'success', detail: { inspectionId: row.inspection_id } });
    await deps.notifications?.notify([row.created_by_user_id], {
      kind: 'follow_up_rectified', title: `${row.school_name}已填写整改说明`,
      body: `${row.visited_on} 督导检查的整改事项「${row.description.slice(0, 60)}」，学校已报告整改完成，请验收。`,
      link: `/inspections/${row.inspection_id}`,
    });
    return followUpView((await q.findFollowUp(db, q.followUpInScope(readScope(w.actor)), id))!, today());
  }

  /** The inspectors verify a follow-up (again: no change) or reopen a rectified one with a comment. */
  async function review(w: Who, id: number, body: Static<typeof ReviewBody>) {
    if (!scopeOf(w.actor, 'inspection:write')) throw forbidden();
    const row = await followUpInReach(w.actor, id);
    requireWrite(w.actor, { id: row.school_id, countyId: row.county_id, cityId: row.city_id, kind: row.school_kind });
    const now = deps.clock.now().toISOString();
    const comment = body.comment?.trim() || null;
    if (body.decision === 'verify') {
      if (row.status !== 'verified') {
        await db.updateTable('inspection_follow_ups').set({ status: 'verified', review_comment: comment, verified_at: now, verified_by_user_id: w.actor.userId, updated_at: now })
          .where('id', '=', id).execute();
        await deps.audit.record({ ...by(w), action: 'inspection.verify', targetType: 'inspection_follow_up', targetId: id, result: 'success', detail: { from: row.status } });
        await deps.notifications?.notifyPrincipals(row.school_id, {
          kind: 'follow_up_verified', title: '整改事项已验收', body: `「${row.description.slice(0, 60)}」已通过验收。`, link: `/inspections/${row.inspection_id}`,
        });
      }
    } else {
      if (row.status === 'open') throw conflict('FOLLOW_UP_NOT_RECTIFIED', '这项整改学校尚未报告完成，无需退回；到期未整改会列入逾期清单');
      if (!comment) throw badRequest('FOLLOW_UP_REOPEN_COMMENT', '退回整改时请写明原因，学校会在通知中看到');
      await db.updateTable('inspection_follow_ups').set({ status: 'open', review_comment: comment, verified_at: null, verified_by_user_id: null, updated_at: now })
        .where('id', '=', id).execute();
      await deps.audit.record({ ...by(w), action: 'inspection.reopen', targetType: 'inspection_follow_up', targetId: id, result: 'success', detail: { from: row.status, comment } });
      await deps.notifications?.notifyPrincipals(row.school_id, {
        kind: 'follow_up_reopened', title: '整改事项被退回', body: `「${row.description.slice(0, 60)}」未通过验收：${comment}。请继续整改并更新整改说明。`,
        link: `/inspections/${row.inspection_id}`,
      });
    }
    return followUpView((await q.findFollowUp(db, q.followUpInScope(readScope(w.actor)), id))!, today());
  }

  return { list, get, create, listFollowUps, rectify, review };
}

export type InspectionsService = ReturnType<typeof createInspectionsService>;
