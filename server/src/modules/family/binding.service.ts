import { randomInt } from 'node:crypto';
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { BindingStatus } from '../../db/schema.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { Notify } from '../notifications/notifications.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FamilyChildren } from '../students/family-children.js';
import type { Guardianships } from '../students/guardianships.js';
import type {
  ClassRequestsSchema, CodeSchema, CodesSchema, MineSchema, RedeemBody, RosterSchema, StaffClassesSchema, MyRequestSchema,
} from './binding.schema.js';
import * as q from './binding.queries.js';

type Code = Static<typeof CodeSchema>;
type MyRequest = Static<typeof MyRequestSchema>;

/** No 0/O, 1/I: a code read aloud or copied from a phone screen is typed right the first time. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
const DEFAULT_DAYS = 14;
const DEFAULT_MAX_USES = 60;
/** Failed tries (wrong code, name or digits) a parent may make in an hour before they must wait. */
export const MAX_FAILURES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

export const bindUrl = (code: string) => `/family/bind?code=${code}`;

/** What the parent typed, in the form codes are stored: upper case, no spaces or dashes. */
export const normaliseCode = (text: string) => text.toUpperCase().replace(/[\s-]/g, '');

function newCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

const codeInvalid = () => badRequest('BINDING_CODE_INVALID', '邀请码无效、已过期或已停用：请向班主任索取新的邀请码或重新扫描班级二维码', { field: 'code' });
// One answer for a wrong name, wrong digits and a child that is not in the class: a guess learns nothing.
const notMatched = () => badRequest('BINDING_NOT_MATCHED', '孩子信息核对未通过：请确认孩子姓名与学号后四位填写无误（学号可向班主任询问）');

/**
 * Binding a guardian to a child (家长绑定孩子). The class's staff issue invitation codes (and the
 * class QR code); a parent redeems one with the child's name and the last four digits of the
 * student number, which makes a pending request; the class's staff confirm it (the guardianship
 * is then written through students) or reject it. A parent unbinds themselves; class staff remove
 * a guardian with a reason. Every step is audited, and failed tries are counted in the database so
 * guessing stays held back across restarts. Scope always comes from familyChildren (404 outside).
 */
export function createBindingService(deps: {
  db: Db; clock: Clock; audit: AuditService; children: FamilyChildren; guardianships: Guardianships;
  /** Tells the class's staff that a family waits for their confirmation (notifications' notify). */
  notify?: Notify;
}) {
  const db = deps.db.db;
  const { children, guardianships } = deps;
  const who = (actor: Actor) => ({ userId: actor.userId, name: actor.name });
  const nowIso = () => deps.clock.now().toISOString();

  function stateOf(r: { revoked_at: string | null; expires_at: string; uses: number; max_uses: number }, now: string): Code['state'] {
    if (r.revoked_at) return 'revoked';
    if (r.expires_at <= now) return 'expired';
    return r.uses >= r.max_uses ? 'used_up' : 'active';
  }

  const toCode = (r: q.CodeRow, now: string): Code => ({
    id: r.id, classId: r.class_id, code: r.code, url: bindUrl(r.code), maxUses: r.max_uses, uses: r.uses, expiresAt: r.expires_at,
    revokedAt: r.revoked_at, createdAt: r.created_at, createdByName: r.created_by_name, state: stateOf(r, now),
  });

  // ----- the class's staff -----

  /** The classes whose families the actor binds (a teacher's own, a principal's school's), with pending requests counted. */
  async function staffClasses(actor: Actor): Promise<Static<typeof StaffClassesSchema>> {
    const classes = await children.classes(actor, 'class:write');
    const pending = await q.pendingCounts(db, classes.map((c) => c.id));
    return { items: classes.map((c) => ({ id: c.id, name: c.name, schoolName: c.schoolName, pending: pending.get(c.id) ?? 0 })) };
  }

  /** A class's children with their guardians (relation, bound date). Audited: it names families. */
  async function roster(actor: Actor, classId: number, ip: string): Promise<Static<typeof RosterSchema>> {
    const klass = await children.klass(actor, 'class:write', classId);
    const pupils = await children.children(actor, 'class:write', { classId });
    const ids = pupils.map((p) => p.id);
    const [guardians, bound] = await Promise.all([guardianships.guardiansOf(ids), q.boundDates(db, ids)]);
    await deps.audit.record({ actor: who(actor), action: 'binding.roster_read', targetType: 'class', targetId: classId, result: 'success', ip, detail: { rows: pupils.length } });
    return {
      classId, className: klass.name, schoolName: klass.schoolName,
      items: pupils.map((p) => ({
        studentId: p.id, name: p.name, studentNo: p.studentNo, label: p.label,
        guardians: guardians.filter((g) => g.studentId === p.id)
          .map((g) => ({ userId: g.userId, name: g.name, relation: g.relation, boundAt: bound.get(`${g.userId}:${p.id}`) ?? null })),
      })),
    };
  }

  async function codes(actor: Actor, classId: number): Promise<Static<typeof CodesSchema>> {
    await children.klass(actor, 'class:write', classId);
    const now = nowIso();
    return { items: (await q.codesOfClass(db, classId)).map((r) => toCode(r, now)) };
  }

  async function createCode(actor: Actor, classId: number, input: { days?: number; maxUses?: number }, ip: string): Promise<Code> {
    const klass = await children.klass(actor, 'class:write', classId);
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + (input.days ?? DEFAULT_DAYS) * 24 * HOUR_MS).toISOString();
    const maxUses = input.maxUses ?? DEFAULT_MAX_USES;
    let id = 0;
    // 32^8 codes: a clash is rare; the unique index catches it and we draw again.
    for (let attempt = 0; !id; attempt++) {
      const code = newCode();
      if (await q.codeByText(db, code)) {
        if (attempt > 5) throw new Error('binding: could not draw a free invitation code');
        continue;
      }
      id = await q.insertCode(db, { classId, code, maxUses, expiresAt, byUserId: actor.userId, at: now.toISOString() });
    }
    await deps.audit.record({
      actor: who(actor), action: 'binding.code_create', targetType: 'class', targetId: classId, result: 'success', ip,
      detail: { codeId: id, expiresAt, maxUses, schoolId: klass.schoolId },
    });
    const row = (await q.codesOfClass(db, classId)).find((r) => r.id === id)!;
    return toCode(row, now.toISOString());
  }

  /** Stops a code at once (a code shared too widely); revoking a revoked code changes nothing. */
  async function revokeCode(actor: Actor, codeId: number, ip: string): Promise<Code> {
    const found = await q.codeById(db, codeId);
    if (!found) throw notFound('邀请码');
    await children.klass(actor, 'class:write', found.class_id).catch(() => { throw notFound('邀请码'); });
    const now = nowIso();
    if (!found.revoked_at) {
      await q.revokeCode(db, codeId, now);
      await deps.audit.record({ actor: who(actor), action: 'binding.code_revoke', targetType: 'class', targetId: found.class_id, result: 'success', ip, detail: { codeId } });
    }
    return toCode((await q.codesOfClass(db, found.class_id)).find((r) => r.id === codeId)!, now);
  }

  async function classRequests(actor: Actor, classId: number, status?: BindingStatus): Promise<Static<typeof ClassRequestsSchema>> {
    await children.klass(actor, 'class:write', classId);
    const rows = await q.requestsOfClass(db, classId, status);
    const labels = await guardianships.labelsOf(rows.map((r) => r.student_id));
    return {
      items: rows.map((r) => ({
        id: r.id, classId: r.class_id, studentId: r.student_id, label: labels.get(r.student_id)?.label ?? '', guardianUserId: r.guardian_user_id,
        guardianName: r.guardian_name, relation: r.relation, status: r.status, reason: r.reason, createdAt: r.created_at,
        decidedAt: r.decided_at, decidedByName: r.decided_by_name ?? null,
      })),
    };
  }

  /** A request of a class the actor is staff of; another class's is as if it did not exist. */
  async function requestInReach(actor: Actor, id: number) {
    const found = await q.requestById(db, id);
    if (!found) throw notFound('绑定申请');
    await children.klass(actor, 'class:write', found.class_id).catch(() => { throw notFound('绑定申请'); });
    if (found.status !== 'pending') throw conflict('BINDING_ALREADY_DECIDED', '该绑定申请已处理过：请刷新列表查看最新状态');
    return found;
  }

  /** Confirms a pending request: the parent becomes the child's guardian with the relation they gave. */
  async function confirm(actor: Actor, id: number, ip: string) {
    const found = await requestInReach(actor, id);
    const at = nowIso();
    const added = await db.transaction().execute(async (trx) => {
      if (!(await q.decide(trx, id, 'confirmed', actor.userId, at, ''))) throw conflict('BINDING_ALREADY_DECIDED', '该绑定申请已处理过：请刷新列表查看最新状态');
      return guardianships.add({ userId: found.guardian_user_id, studentId: found.student_id, relation: found.relation }, trx);
    });
    await deps.audit.record({
      actor: who(actor), action: 'binding.confirm', targetType: 'student', targetId: found.student_id, result: 'success', ip,
      detail: { requestId: id, guardianUserId: found.guardian_user_id, relation: found.relation, classId: found.class_id, added },
    });
    return { ok: true };
  }

  async function reject(actor: Actor, id: number, reason: string, ip: string) {
    const found = await requestInReach(actor, id);
    if (!(await q.decide(db, id, 'rejected', actor.userId, nowIso(), reason.trim()))) throw conflict('BINDING_ALREADY_DECIDED', '该绑定申请已处理过：请刷新列表查看最新状态');
    await deps.audit.record({
      actor: who(actor), action: 'binding.reject', targetType: 'student', targetId: found.student_id, result: 'success', ip,
      detail: { requestId: id, guardianUserId: found.guardian_user_id, classId: found.class_id, reason: reason.trim() },
    });
    return { ok: true };
  }

  /** Class staff or the principal take a guardian off a child of their class (a wrong binding), with a reason. */
  async function removeGuardian(actor: Actor, studentId: number, guardianUserId: number, reason: string, ip: string) {
    const child = await children.child(actor, 'class:write', studentId);
    const gone = await guardianships.remove(guardianUserId, studentId);
    if (!gone) throw notFound('监护关系');
    await deps.audit.record({
      actor: who(actor), action: 'binding.guardian_remove', targetType: 'student', targetId: studentId, result: 'success', ip,
      detail: { guardianUserId, relation: gone.relation, classId: child.classId, reason: reason.trim() },
    });
    return { ok: true };
  }

  // ----- the parent -----

  function guardianOf(actor: Actor): number {
    if (!actor.grants.some((g) => g.role === 'parent')) throw forbidden();
    return actor.userId;
  }

  /**
   * Redeems an invitation code for a child of its class: a pending request for the class's staff.
   * Wrong code, name or digits count as failed tries; past MAX_FAILURES_PER_HOUR the parent waits.
   */
  async function redeem(actor: Actor, body: Static<typeof RedeemBody>, ip: string): Promise<MyRequest> {
    const userId = guardianOf(actor);
    const now = deps.clock.now();
    const since = new Date(now.getTime() - HOUR_MS).toISOString();
    if (await q.failuresSince(db, userId, since) >= MAX_FAILURES_PER_HOUR) {
      throw new AppError(429, 'BINDING_TOO_MANY_TRIES', `核对失败次数过多：为保护孩子信息，请一小时后再试，或直接联系班主任`);
    }
    const relation = body.relation === '其他' ? (body.relationText ?? '').trim() : body.relation;
    if (!relation) throw badRequest('BINDING_RELATION_TEXT', '关系选择“其他”时，请填写与孩子的具体关系（如 舅舅）', { field: 'relationText' });
    const fail = async (err: AppError, why: string, detail: Record<string, unknown> = {}) => {
      await q.recordFailure(db, userId, now.toISOString());
      await deps.audit.record({ actor: who(actor), action: 'binding.request', targetType: 'class', targetId: (detail.classId as number | undefined) ?? null, result: 'failure', ip, detail: { why, ...detail } });
      return err;
    };
    const code = await q.codeByText(db, normaliseCode(body.code));
    if (!code || stateOf(code, now.toISOString()) !== 'active') throw await fail(codeInvalid(), code ? stateOf(code, now.toISOString()) : 'unknown');
    const pupil = await guardianships.matchPupil(code.class_id, body.childName.trim(), body.studentNoLast4);
    if (!pupil) throw await fail(notMatched(), 'not_matched', { classId: code.class_id, codeId: code.id });
    if (await guardianships.isGuardian(userId, pupil.id)) {
      throw conflict('BINDING_ALREADY_BOUND', '您已绑定这个孩子：可在“我的孩子”中查看');
    }
    let requestId = (await q.pendingOf(db, userId, pupil.id))?.id;
    if (!requestId) {
      if (!(await q.takeUse(db, code.id))) throw await fail(codeInvalid(), 'used_up', { classId: code.class_id });
      requestId = await q.insertRequest(db, { codeId: code.id, classId: code.class_id, studentId: pupil.id, guardianUserId: userId, relation, at: now.toISOString() });
      await deps.audit.record({
        actor: who(actor), action: 'binding.request', targetType: 'student', targetId: pupil.id, result: 'success', ip,
        detail: { requestId, codeId: code.id, classId: code.class_id, relation },
      });
      // The family waits on the class's staff: tell them, so a request does not sit unseen.
      const staff = await children.staffOf(code.class_id);
      const label = (await guardianships.labelsOf([pupil.id])).get(pupil.id)?.label ?? '';
      await deps.notify?.(staff.map((s) => s.userId), {
        kind: 'binding_request', title: `${label} 的${relation}申请绑定`, body: '请在“班级家校”中核对后确认或拒绝',
        link: `/family-classes?classId=${code.class_id}`, dedupeKey: `binding_request:${requestId}`,
      });
    }
    const mine = await myRequests(userId);
    return mine.find((r) => r.id === requestId)!;
  }

  async function myRequests(userId: number): Promise<MyRequest[]> {
    const rows = await q.requestsOfGuardian(db, userId);
    const labels = await guardianships.labelsOf(rows.map((r) => r.student_id));
    return rows.map((r) => ({
      id: r.id, label: labels.get(r.student_id)?.label ?? '', schoolName: labels.get(r.student_id)?.schoolName ?? '', relation: r.relation,
      status: r.status, reason: r.reason, createdAt: r.created_at, decidedAt: r.decided_at,
    }));
  }

  /** A parent's children (each with its label, in every school) and their binding requests. */
  async function mine(actor: Actor): Promise<Static<typeof MineSchema>> {
    // Staff hold family:read too, but no guardianship: nobody's children.
    if (!actor.grants.some((g) => g.role === 'parent')) return { children: [], requests: [] };
    const userId = actor.userId;
    const kids = await children.children(actor, 'family:read');
    const relations = await guardianships.guardiansOf(kids.map((k) => k.id), userId);
    return {
      children: kids.map((k) => ({
        studentId: k.id, name: k.name, studentNo: k.studentNo, label: k.label, schoolName: k.schoolName,
        relation: relations.find((g) => g.studentId === k.id)?.relation ?? '',
      })),
      requests: await myRequests(userId),
    };
  }

  /** A parent ends their own guardianship of a child (another parent's stays). */
  async function unbindSelf(actor: Actor, studentId: number, ip: string) {
    const userId = guardianOf(actor);
    const child = await children.child(actor, 'family:write', studentId);
    const gone = await guardianships.remove(userId, studentId);
    if (!gone) throw notFound('孩子');
    await deps.audit.record({
      actor: who(actor), action: 'binding.unbind', targetType: 'student', targetId: studentId, result: 'success', ip,
      detail: { relation: gone.relation, classId: child.classId },
    });
    return { ok: true };
  }

  return { staffClasses, roster, codes, createCode, revokeCode, classRequests, confirm, reject, removeGuardian, redeem, mine, unbindSelf };
}

export type BindingService = ReturnType<typeof createBindingService>;
