import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../access/actor.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import { readRows, type ImportError } from '../../http/column-spec.js';
import { readSheet } from '../../http/sheet-reader.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import { bearerToken } from '../rooms/device-auth.js';
import type { FamilyChild } from '../students/family-children.js';
import { arrivalStatus, schoolWideActor } from './attendance-day.js';
import { GATE_COLUMNS } from './attendance-import.spec.js';
import type { AttendanceDeps, AttendanceService } from './attendance.service.js';
import * as q from './attendance.queries.js';

/** Gate tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
export const GATE_TOKEN_PREFIX = 'scg_';
const TOKEN_SHAPE = /^scg_[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const gateError = (code: string, message: string) => new AppError(401, code, message);
// A school's children change rarely; the gate's lookups of 10,000 check-ins a minute reuse them.
const CHILDREN_TTL_MS = 5 * 60_000;
const MAX_ERRORS_LISTED = 1_000;

/** The checks of a gate token that need no database: 401 before any 400. */
export async function requireGateTokenShape(req: { headers: Record<string, string | string[] | undefined> }): Promise<void> {
  const token = bearerToken(req);
  if (!token) throw gateError('GATE_TOKEN_MISSING', '缺少门禁令牌：请在请求头中携带 Authorization: Bearer <门禁令牌>');
  if (!TOKEN_SHAPE.test(token)) throw gateError('GATE_TOKEN_INVALID', '门禁令牌无效：请核对门禁系统中配置的令牌，或请校长在平台上重新生成');
}

/**
 * A school's gate system (门禁/闸机): per-school gate tokens that the principal creates (shown
 * once, stored as SHA-256) and the gate sends with each check-in; and the gate's exported file
 * imported by the principal or class staff, all rows or none. Recorders' device tokens are bound
 * to a room, which a gate is not, so gates hold tokens of their own of the same kind.
 */
export function createAttendanceGateService(deps: AttendanceDeps & { attendance: AttendanceService }) {
  const db = deps.db.db;
  const cache = new Map<number, { at: number; byNo: Map<string, FamilyChild> }>();
  const schoolDays = new Map<string, boolean>();
  // The school's lateness time, reread each minute (a principal's change applies within it).
  const lateTimes = new Map<number, { at: number; lateAfter: string }>();

  async function lateAfterOf(schoolId: number) {
    const now = deps.clock.now().getTime();
    const hit = lateTimes.get(schoolId);
    if (hit && now - hit.at < 60_000 && now >= hit.at) return hit.lateAfter;
    const { lateAfter } = await deps.attendance.timesOf(schoolId);
    lateTimes.set(schoolId, { at: now, lateAfter });
    return lateAfter;
  }

  async function childrenOfSchool(schoolId: number, fresh = false) {
    const now = deps.clock.now().getTime();
    const hit = cache.get(schoolId);
    if (hit && !fresh && now - hit.at < CHILDREN_TTL_MS) return hit.byNo;
    const kids = await deps.children.children(schoolWideActor(schoolId), 'class:write');
    const byNo = new Map(kids.map((c) => [c.studentNo, c]));
    cache.set(schoolId, { at: now, byNo });
    return byNo;
  }

  async function isSchoolDay(schoolId: number, day: string) {
    const key = `${schoolId}|${day}`;
    let v = schoolDays.get(key);
    if (v === undefined) {
      v = await deps.attendance.isSchoolDay(schoolId, day);
      if (schoolDays.size > 10_000) schoolDays.clear();
      schoolDays.set(key, v);
    }
    return v;
  }

  function ledSchool(actor: Actor, schoolId: number) {
    return deps.attendance.settings(actor, schoolId);
  }

  const gateView = (g: { id: number; name: string; token_hint: string; created_at: string; revoked_at: string | null }) =>
    ({ id: g.id, name: g.name, tokenHint: g.token_hint, createdAt: g.created_at, revokedAt: g.revoked_at });

  async function gates(actor: Actor, schoolId: number) {
    await ledSchool(actor, schoolId);
    const rows = await db.selectFrom('attendance_gates').select(['id', 'name', 'token_hint', 'created_at', 'revoked_at'])
      .where('school_id', '=', schoolId).orderBy('id').execute();
    return { items: rows.map(gateView) };
  }

  /** A new gate of the school; the answer carries its token, which is never shown again. */
  async function createGate(actor: Actor, schoolId: number, name: string, ip: string) {
    await ledSchool(actor, schoolId);
    const token = GATE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const at = deps.clock.now().toISOString();
    const { id } = await db.insertInto('attendance_gates').values({
      school_id: schoolId, name: name.trim() || '校门', token_hash: hashToken(token), token_hint: token.slice(-4), created_by: actor.userId, created_at: at, revoked_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await deps.audit.record({ actor: { userId: actor.userId, name: actor.name }, action: 'attendance.gate_create', targetType: 'school', targetId: schoolId, result: 'success', ip, detail: { gateId: id, tokenHint: token.slice(-4) } });
    return { gate: { id, name: name.trim() || '校门', tokenHint: token.slice(-4), createdAt: at, revokedAt: null }, token };
  }

  async function revokeGate(actor: Actor, schoolId: number, gateId: number, ip: string) {
    await ledSchool(actor, schoolId);
    const g = await db.selectFrom('attendance_gates').select(['id', 'revoked_at']).where('id', '=', gateId).where('school_id', '=', schoolId).executeTakeFirst();
    if (!g) throw notFound('门禁');
    if (g.revoked_at) throw conflict('GATE_REVOKED', '该门禁令牌已吊销');
    await db.updateTable('attendance_gates').set({ revoked_at: deps.clock.now().toISOString() }).where('id', '=', gateId).execute();
    await deps.audit.record({ actor: { userId: actor.userId, name: actor.name }, action: 'attendance.gate_revoke', targetType: 'school', targetId: schoolId, result: 'success', ip, detail: { gateId } });
    return { revoked: true };
  }

  async function gateOf(req: { headers: Record<string, string | string[] | undefined> }) {
    await requireGateTokenShape(req);
    const row = await db.selectFrom('attendance_gates').select(['id', 'school_id', 'revoked_at'])
      .where('token_hash', '=', hashToken(bearerToken(req)!)).executeTakeFirst();
    if (!row) throw gateError('GATE_TOKEN_INVALID', '门禁令牌无效或已被重新生成：请校长在平台上查看门禁并配置最新的令牌');
    if (row.revoked_at) throw gateError('GATE_TOKEN_REVOKED', '该门禁令牌已被吊销：请校长在平台上为学校添加门禁并配置新令牌');
    return { gateId: row.id, schoolId: row.school_id };
  }

  /**
   * Writes one passage through the gate. In: the earliest arrival of the day stands, present or
   * late by the school's time. Out: the latest leaving. A day off is answered, not counted.
   */
  async function record(child: FamilyChild, at: Date, direction: 'in' | 'out', lateAfter: string, trx = db) {
    const day = shanghaiDate(at);
    const iso = at.toISOString();
    const row = await q.rowOf(trx, child.id, day);
    if (direction === 'out') {
      if (row && (!row.left_at || row.left_at < iso)) await q.setLeft(trx, child.id, day, iso);
      return { day, status: row?.status ?? null };
    }
    if (row?.arrived_at && row.arrived_at <= iso) return { day, status: row.status };
    const status = arrivalStatus(at, lateAfter);
    await q.upsertDay(trx, {
      student_id: child.id, day, school_id: child.schoolId, class_id: child.classId, status, arrived_at: iso, left_at: row?.left_at ?? null,
      source: 'gate', marked_by: null, updated_at: deps.clock.now().toISOString(),
    });
    return { day, status };
  }

  /** A gate's check-in (Authorization: Bearer <gate token>). */
  async function checkIn(req: { headers: Record<string, string | string[] | undefined> }, body: { studentNo: string; direction: 'in' | 'out'; at?: string }) {
    const gate = await gateOf(req);
    const now = deps.clock.now();
    const at = body.at ? new Date(body.at) : now;
    if (Number.isNaN(at.getTime())) throw badRequest('CHECKIN_TIME', `时间 at 应为 ISO 8601 时间，例如 2026-12-07T07:31:05+08:00，收到「${body.at}」`);
    if (at.getTime() > now.getTime() + 5 * 60_000) throw badRequest('CHECKIN_FUTURE', '打卡时间晚于服务器当前时间超过 5 分钟：请校准门禁系统的时钟');
    let child = (await childrenOfSchool(gate.schoolId)).get(body.studentNo);
    child ??= (await childrenOfSchool(gate.schoolId, true)).get(body.studentNo);
    if (!child) throw notFound(`学号 ${body.studentNo} 的学生`);
    const day = shanghaiDate(at);
    if (!(await isSchoolDay(gate.schoolId, day))) return { studentNo: body.studentNo, day, counted: false, status: null };
    const r = await record(child, at, body.direction, await lateAfterOf(gate.schoolId));
    return { studentNo: body.studentNo, day, counted: true, status: r.status };
  }

  /**
   * Imports a gate system's exported file (student_no, time, direction): every row is checked —
   * the pupil is one the importer reaches, the time readable, its day a school day not in the
   * future — then all rows are written in one transaction, or none when any row is wrong.
   */
  async function importFile(actor: Actor, file: UploadedFile, ip: string) {
    const sheet = await readSheet(file.data, file.filename);
    const { rows, errors } = readRows(sheet, GATE_COLUMNS);
    const reach = await deps.children.children(actor, 'class:write');
    const byNo = new Map<string, FamilyChild[]>();
    for (const c of reach) byNo.set(c.studentNo, [...(byNo.get(c.studentNo) ?? []), c]);
    const now = deps.clock.now();
    const good: { child: FamilyChild; at: Date; direction: 'in' | 'out' }[] = [];
    for (const r of rows) {
      const v = r.value;
      let child: FamilyChild | undefined;
      if (v.studentNo !== undefined) {
        const found = byNo.get(v.studentNo) ?? [];
        if (!found.length) errors.push({ row: r.row, column: GATE_COLUMNS.studentNo.header, message: `学号 ${v.studentNo} 不在您可管理的班级中，请核对学号` });
        else if (found.length > 1) errors.push({ row: r.row, column: GATE_COLUMNS.studentNo.header, message: `学号 ${v.studentNo} 对应多名学生（${found.map((c) => c.label).join('、')}），请按学校分开导入` });
        else child = found[0];
      }
      if (v.time !== undefined) {
        if (v.time.getTime() > now.getTime()) errors.push({ row: r.row, column: GATE_COLUMNS.time.header, message: `时间 ${v.time.toISOString()} 晚于当前时间，请核对` });
        else if (child && !(await isSchoolDay(child.schoolId, shanghaiDate(v.time)))) {
          errors.push({ row: r.row, column: GATE_COLUMNS.time.header, message: `${shanghaiDate(v.time)} 不是${child.schoolName}的上学日，请删除该行` });
        }
      }
      if (r.ok && child && v.time && v.direction) good.push({ child, at: v.time, direction: v.direction });
    }
    const order: string[] = Object.values(GATE_COLUMNS).map((c) => c.header);
    errors.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
    const audit = (result: 'success' | 'failure', detail: Record<string, unknown>) => deps.audit.record({
      actor: { userId: actor.userId, name: actor.name }, action: 'attendance.import', targetType: 'attendance', result, ip,
      detail: { file: file.filename.slice(0, 120), rows: sheet.dataRowCount, ...detail },
    });
    if (errors.length) {
      await audit('failure', { errors: errors.length });
      throw new AppError(400, 'ATTENDANCE_IMPORT_INVALID', `门禁记录文件有 ${errors.length} 处错误，未导入任何记录，请改正后重新上传`, { errors: errors.slice(0, MAX_ERRORS_LISTED) as ImportError[], errorCount: errors.length });
    }
    // Earliest arrivals first, so the day's first passage decides present or late.
    good.sort((a, b) => a.at.getTime() - b.at.getTime());
    const lateAfter = new Map<number, string>();
    for (const s of new Set(good.map((g) => g.child.schoolId))) lateAfter.set(s, (await deps.attendance.timesOf(s)).lateAfter);
    await db.transaction().execute(async (trx) => {
      for (const g of good) await record(g.child, g.at, g.direction, lateAfter.get(g.child.schoolId)!, trx);
    });
    await audit('success', { imported: good.length });
    return { imported: good.length, arrivals: good.filter((g) => g.direction === 'in').length };
  }

  return { gates, createGate, revokeGate, checkIn, importFile };
}

export type AttendanceGateService = ReturnType<typeof createAttendanceGateService>;
