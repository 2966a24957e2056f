import { type Actor, familyReachOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { addDays, isIsoDate, shanghaiDate, spanDays } from '../../../../shared/dates.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { FamilyChildren } from '../students/family-children.js';
import { asGuardian } from './attendance-day.js';
import * as lq from './leave.queries.js';

const PARTS = { whole: '全天', am: '上午', pm: '下午' } as const;
const REASONS = { sick: '病假', personal: '事假' } as const;
const DECISIONS = { approved: '已批准', declined: '未批准' } as const;

export interface LeaveBody { from: string; to: string; part: keyof typeof PARTS; reason: keyof typeof REASONS; note?: string }

/**
 * Leave requests (请假): a guardian asks leave for their own child; the class's staff approve or
 * decline. Approved leave of a whole day or morning makes that morning on_leave (the roll call,
 * the figures and the absence alert read it). Both sides hear of each step in their inbox.
 */
export function createLeaveService(deps: { db: Db; clock: Clock; audit: AuditService; notifications: NotificationsService; children: FamilyChildren }) {
  const db = deps.db.db;
  const { children } = deps;
  const today = () => shanghaiDate(deps.clock.now());
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });

  const view = (r: lq.LeaveRow, child: { label: string; studentNo: string } | undefined) => ({
    id: r.id, studentId: r.student_id, studentNo: child?.studentNo ?? '', label: child?.label ?? '', classId: r.class_id, from: r.from_day, to: r.to_day, part: r.part, reason: r.reason,
    note: r.note, status: r.status, requestedAt: r.requested_at, decidedAt: r.decided_at,
  });

  async function ask(actor: Actor, studentId: number, body: LeaveBody, ip: string) {
    const child = await children.child(actor, 'family:write', studentId);
    if (!isIsoDate(body.from) || !isIsoDate(body.to)) throw badRequest('LEAVE_DATES', `请假日期应为 YYYY-MM-DD，收到 ${body.from} 至 ${body.to}`);
    if (body.to < body.from) throw badRequest('LEAVE_DATES', `请假结束日期（${body.to}）早于开始日期（${body.from}），请改正`);
    if (spanDays(body.from, body.to) > 30) throw badRequest('LEAVE_TOO_LONG', '一次请假最多 30 天；更长的假期请与班主任联系');
    if (body.from < addDays(today(), -7)) throw badRequest('LEAVE_TOO_OLD', '只能补请 7 天以内的假，更早的请与班主任联系');
    if (body.part !== 'whole' && body.from !== body.to) throw badRequest('LEAVE_HALF_DAY', '半天假只能请一天：开始和结束日期须相同');
    const at = deps.clock.now().toISOString();
    const { id } = await lq.insertLeave(db, {
      student_id: child.id, class_id: child.classId, school_id: child.schoolId, from_day: body.from, to_day: body.to, part: body.part,
      reason: body.reason, note: (body.note ?? '').trim(), status: 'pending', requested_by: actor.userId, requested_at: at, decided_by: null, decided_at: null,
    });
    await deps.audit.record({ actor: who(actor), action: 'leave.ask', targetType: 'student', targetId: child.id, result: 'success', ip, detail: { leaveId: id, from: body.from, to: body.to, part: body.part, reason: body.reason } });
    const heads = (await children.staffOf(child.classId)).filter((s) => s.duty === 'head').map((s) => s.userId);
    const span = body.from === body.to ? body.from : `${body.from} 至 ${body.to}`;
    await deps.notifications.notify(heads, {
      kind: 'leave_request', title: `${child.label} 请假申请`, body: `${span} ${PARTS[body.part]}${REASONS[body.reason]}${body.note ? `：${body.note.slice(0, 100)}` : ''}，请审批`,
      link: '/attendance?tab=leave', dedupeKey: `leave_request:${id}`,
    });
    return view((await lq.leaveById(db, id))!, child);
  }

  /** The actor's own children's leave requests, newest first (staff without children: none). */
  async function mine(actor: Actor) {
    const kids = familyReachOf(actor, 'family:read')?.guardianUserId ? await children.children(asGuardian(actor), 'family:read') : [];
    const byId = new Map(kids.map((c) => [c.id, c]));
    const rows = await lq.leavesOfChildren(db, kids.map((c) => c.id));
    return { items: rows.map((r) => view(r, byId.get(r.student_id))) };
  }

  /** A class's leave requests for its staff, optionally only those of one status. */
  async function ofClass(actor: Actor, classId: number, status?: lq.LeaveRow['status']) {
    await children.klass(actor, 'class:write', classId);
    const pupils = await children.children(actor, 'class:write', { classId });
    const byId = new Map(pupils.map((c) => [c.id, c]));
    const rows = await lq.leavesOfClass(db, classId, status);
    return { items: rows.map((r) => view(r, byId.get(r.student_id))) };
  }

  /** Approves or declines a pending request of a class the actor is staff of. */
  async function decide(actor: Actor, id: number, decision: 'approved' | 'declined', ip: string) {
    const row = await lq.leaveById(db, id);
    if (!row) throw notFound('请假申请');
    const klass = await children.klass(actor, 'class:write', row.class_id).catch(() => { throw notFound('请假申请'); });
    if (row.status !== 'pending') throw conflict('LEAVE_DECIDED', `该请假申请已处理（${row.status === 'approved' ? '已批准' : row.status === 'declined' ? '未批准' : '已撤回'}），无需重复审批`);
    const res = await lq.decide(db, id, decision, actor.userId, deps.clock.now().toISOString());
    if (!Number(res.numUpdatedRows)) throw conflict('LEAVE_DECIDED', '该请假申请刚被他人处理，请刷新后查看');
    const child = await children.child(actor, 'class:write', row.student_id);
    await deps.audit.record({ actor: who(actor), action: `leave.${decision}`, targetType: 'student', targetId: row.student_id, result: 'success', ip, detail: { leaveId: id, classId: klass.id } });
    const guardians = (await children.guardiansOf([row.student_id])).map((g) => g.userId);
    const span = row.from_day === row.to_day ? row.from_day : `${row.from_day} 至 ${row.to_day}`;
    await deps.notifications.notify(guardians, {
      kind: 'leave_decided', title: `${child.label} 请假${DECISIONS[decision]}`, body: `${span} ${PARTS[row.part]}${REASONS[row.reason]}：${klass.name}老师${DECISIONS[decision]}`,
      link: '/family/attendance', dedupeKey: `leave_decided:${id}`,
    });
    return view((await lq.leaveById(db, id))!, child);
  }

  /** A guardian withdraws their own pending request. */
  async function withdraw(actor: Actor, id: number, ip: string) {
    const row = await lq.leaveById(db, id);
    if (!row) throw notFound('请假申请');
    const child = await children.child(actor, 'family:write', row.student_id).catch(() => { throw notFound('请假申请'); });
    if (row.status !== 'pending') throw conflict('LEAVE_DECIDED', '该请假申请已处理，不能撤回；如需更改请联系班主任');
    await lq.decide(db, id, 'withdrawn', actor.userId, deps.clock.now().toISOString());
    await deps.audit.record({ actor: who(actor), action: 'leave.withdraw', targetType: 'student', targetId: row.student_id, result: 'success', ip, detail: { leaveId: id } });
    return view((await lq.leaveById(db, id))!, child);
  }

  return { ask, mine, ofClass, decide, withdraw };
}

export type LeaveService = ReturnType<typeof createLeaveService>;
