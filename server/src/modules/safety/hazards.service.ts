import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import { hasSignatureOf } from '../../storage/file-signature.js';
import { safetyHazardPhotoKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { shanghaiDate } from '../../../../shared/dates.js';
import {
  HAZARD_OPEN_STATUSES, type HazardLevel, type HazardStatus, type SafetyArea,
} from '../../../../shared/safety-checklists.js';
import type { AuditService } from '../audit/audit.service.js';
import { staffAtNode } from '../people/who-answers.js';
import { isPrincipalOf, isStaffOf, readScope, schoolStaffOnly, writableSchool } from './safety-access.js';
import type { HazardDetailSchema, HazardPage, HazardSchema, NewHazardBody, PhotoSavedSchema } from './safety.schema.js';
import * as q from './safety.queries.js';

type Hazard = Static<typeof HazardSchema>;
type HazardDetail = Static<typeof HazardDetailSchema>;
type NewHazard = Static<typeof NewHazardBody>;
type Who = { actor: Actor; ip: string };

/** A photo's limit: a phone's picture fits; a 20 MB scan does not belong in a hazard. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Photos per hazard (as found and of the rectification together). */
export const PHOTOS_PER_HAZARD = 12;

/** The image kind of a photo by its first bytes (never its name or the browser's word), or null. */
export function photoKind(data: Uint8Array): { ext: 'png' | 'jpg'; mime: string } | null {
  if (hasSignatureOf('png', data)) return { ext: 'png', mime: 'image/png' };
  if (hasSignatureOf('jpg', data)) return { ext: 'jpg', mime: 'image/jpeg' };
  return null;
}

/**
 * 隐患: reported from a check's problem or on its own, with a level, the staff member who answers
 * for it and a rectification deadline; rectified (a note, photos) by that person or the principal,
 * and verified by the principal. A hazard past its deadline is escalated to the county by the due
 * task (safety.escalation.ts); the school still rectifies it from there.
 */
export function createHazardsService(deps: { db: Db; clock: Clock; audit: AuditService; storage?: ObjectStore }) {
  const db = deps.db.db;
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });
  const store = () => {
    if (!deps.storage) throw new AppError(503, 'SAFETY_STORAGE_MISSING', '文件存储未配置：照片无法保存，请联系系统管理员');
    return deps.storage;
  };

  function toView(r: q.HazardRow, today: string): Hazard {
    const status = r.status as HazardStatus;
    return {
      id: r.id, schoolId: r.school_id, schoolCode: r.school_code, schoolName: r.school_name, checkId: r.check_id, area: r.area as SafetyArea, item: r.item,
      title: r.title, description: r.description, level: r.level as HazardLevel, responsibleUserId: r.responsible_user_id,
      responsibleName: r.responsible_name, deadline: r.deadline, status, overdue: HAZARD_OPEN_STATUSES.includes(status) && r.deadline < today,
      reportedByName: r.reported_by_name, rectificationNote: r.rectification_note, rectifiedAt: r.rectified_at, verifiedAt: r.verified_at,
      escalatedAt: r.escalated_at, createdAt: r.created_at,
    };
  }
  const today = () => shanghaiDate(deps.clock.now());

  /** A staff member of the school who may answer for a hazard there (principal or teacher). */
  async function checkResponsible(schoolId: number, userId: number) {
    const staff = await staffAtNode(db, { schoolId }, ['principal', 'teacher'], { limit: 1000 });
    if (!staff.some((s) => s.userId === userId)) {
      throw badRequest('SAFETY_RESPONSIBLE_NOT_STAFF', '责任人必须是本校在职的校长或教师：请从本校教职工中选择 responsibleUserId');
    }
  }

  function checkDeadline(deadline: string) {
    if (deadline < today()) throw badRequest('SAFETY_DEADLINE_PAST', `整改期限 ${deadline} 已过：请填写今天（${today()}）或以后的日期`);
  }

  /** Inserts a hazard the caller may write (the check service calls it for each problem too). */
  async function insert(w: Who, h: { schoolId: number; checkId: number | null; area: SafetyArea; item: string | null; title: string; description: string; level: HazardLevel; responsibleUserId: number; deadline: string }) {
    const id = await q.insertHazard(db, {
      school_id: h.schoolId, check_id: h.checkId, area: h.area, item: h.item, title: h.title, description: h.description, level: h.level,
      responsible_user_id: h.responsibleUserId, deadline: h.deadline, reported_by_user_id: w.actor.userId, created_at: deps.clock.now().toISOString(),
    });
    await deps.audit.record({
      ...by(w), action: 'safety.hazard.create', targetType: 'safety_hazard', targetId: id, result: 'success',
      detail: { schoolId: h.schoolId, checkId: h.checkId, level: h.level, deadline: h.deadline, responsibleUserId: h.responsibleUserId },
    });
    return id;
  }

  async function create(w: Who, body: NewHazard): Promise<HazardDetail> {
    await writableSchool(db, w.actor, body.schoolId);
    await checkResponsible(body.schoolId, body.responsibleUserId);
    checkDeadline(body.deadline);
    const id = await insert(w, { ...body, checkId: null, item: null, description: body.description ?? '' });
    return detail(w.actor, id);
  }

  async function hazardFor(actor: Actor, id: number) {
    const row = await q.findHazard(db, id, readScope(actor));
    if (!row) throw notFound('隐患');
    return row;
  }

  function can(actor: Actor, r: q.HazardRow) {
    const staff = actor.permissions.has('safety:write') && isStaffOf(actor, r.school_id);
    const answers = staff && (isPrincipalOf(actor, r.school_id) || r.responsible_user_id === actor.userId);
    const owed = HAZARD_OPEN_STATUSES.includes(r.status as HazardStatus);
    return {
      start: answers && (r.status === 'open' || r.status === 'escalated'),
      rectify: answers && owed,
      verify: staff && isPrincipalOf(actor, r.school_id) && r.status === 'rectified',
      addPhoto: staff && r.status !== 'verified',
    };
  }

  async function detail(actor: Actor, id: number): Promise<HazardDetail> {
    const r = await hazardFor(actor, id);
    const photos = await q.photosOf(db, id);
    return {
      ...toView(r, today()),
      photos: photos.map((p) => ({ id: p.id, stage: p.stage as 'report' | 'rectification', mime: p.mime, sizeBytes: Number(p.size_bytes), createdAt: p.created_at })),
      can: can(actor, r),
    };
  }

  async function list(actor: Actor, f: { schoolId?: number; status?: HazardStatus; escalated?: boolean; page: number; pageSize: number }): Promise<Static<typeof HazardPage>> {
    const { items, total } = await q.listHazards(db, readScope(actor), { ...f, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    const t = today();
    return { items: items.map((r) => toView(r, t)), total, page: f.page, pageSize: f.pageSize };
  }

  /** The hazard the caller may change: in reach (404), of their own school (403), and one they answer for unless `principalOnly`. */
  async function forChange(w: Who, id: number, principalOnly: boolean) {
    if (!w.actor.permissions.has('safety:write')) throw forbidden();
    const r = await hazardFor(w.actor, id);
    if (!isStaffOf(w.actor, r.school_id)) throw schoolStaffOnly();
    const principal = isPrincipalOf(w.actor, r.school_id);
    if (principalOnly && !principal) throw new AppError(403, 'SAFETY_PRINCIPAL_ONLY', '整改验收由本校校长进行');
    if (!principalOnly && !principal && r.responsible_user_id !== w.actor.userId) {
      throw new AppError(403, 'SAFETY_NOT_RESPONSIBLE', `这项隐患由${r.responsible_name}负责整改：只有责任人或校长可以更新整改情况`);
    }
    return r;
  }

  const stateConflict = (r: q.HazardRow, what: string) =>
    conflict('SAFETY_HAZARD_STATE', `隐患「${r.title}」当前状态不能${what}：请刷新页面查看最新状态`);

  async function move(w: Who, r: q.HazardRow, from: readonly HazardStatus[], set: Parameters<typeof q.moveHazard>[3], action: string, detailOf: Record<string, unknown> = {}) {
    if (!await q.moveHazard(db, r.id, from, set)) throw stateConflict(r, action === 'safety.hazard.start' ? '开始整改' : action === 'safety.hazard.rectify' ? '提交整改' : '验收');
    await deps.audit.record({ ...by(w), action, targetType: 'safety_hazard', targetId: r.id, result: 'success', detail: { from: r.status, to: set.status, ...detailOf } });
    return detail(w.actor, r.id);
  }

  /** The responsible person (or principal) starts on it. */
  async function start(w: Who, id: number) {
    const r = await forChange(w, id, false);
    return move(w, r, ['open', 'escalated'], { status: 'rectifying', updated_at: deps.clock.now().toISOString() }, 'safety.hazard.start');
  }

  /** Rectified: a note (and photos, uploaded with stage=rectification); the day counts against the deadline. */
  async function rectify(w: Who, id: number, note: string) {
    const r = await forChange(w, id, false);
    const now = deps.clock.now();
    return move(w, r, HAZARD_OPEN_STATUSES, {
      status: 'rectified', rectification_note: note, rectified_by_user_id: w.actor.userId, rectified_at: now.toISOString(),
      rectified_on: shanghaiDate(now), updated_at: now.toISOString(),
    }, 'safety.hazard.rectify', { onTime: shanghaiDate(now) <= r.deadline });
  }

  /** The principal accepts the rectification (verified), or sends it back to rectifying. */
  async function verify(w: Who, id: number, accepted: boolean, note?: string) {
    const r = await forChange(w, id, true);
    const now = deps.clock.now().toISOString();
    const set = accepted
      ? { status: 'verified', verified_by_user_id: w.actor.userId, verified_at: now, updated_at: now }
      : { status: 'rectifying', rectified_at: null, rectified_on: null, rectified_by_user_id: null, updated_at: now };
    return move(w, r, ['rectified'], set, 'safety.hazard.verify', { accepted, note: note ?? '' });
  }

  async function addPhoto(w: Who, id: number, stage: 'report' | 'rectification', file: UploadedFile): Promise<Static<typeof PhotoSavedSchema>> {
    if (!w.actor.permissions.has('safety:write')) throw forbidden();
    const r = await hazardFor(w.actor, id);
    if (!isStaffOf(w.actor, r.school_id)) throw schoolStaffOnly();
    if (r.status === 'verified') throw stateConflict(r, '再添加照片（已验收）');
    if (file.data.length > PHOTO_MAX_BYTES) throw new AppError(413, 'SAFETY_PHOTO_TOO_LARGE', `照片超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB：请压缩后再上传`);
    const kind = photoKind(file.data);
    if (!kind) throw badRequest('SAFETY_PHOTO_NOT_IMAGE', `「${file.filename}」不是 JPEG 或 PNG 图片：请上传手机拍摄的照片`);
    if (await q.countPhotos(db, id) >= PHOTOS_PER_HAZARD) throw conflict('SAFETY_PHOTOS_FULL', `每项隐患最多 ${PHOTOS_PER_HAZARD} 张照片：请删去不需要的再上传`);
    const key = safetyHazardPhotoKey(id, randomBytes(12).toString('hex'), kind.ext);
    await store().putStream(key, Readable.from([file.data]), kind.mime);
    const createdAt = deps.clock.now().toISOString();
    const photoId = await q.insertPhoto(db, { hazard_id: id, stage, storage_key: key, mime: kind.mime, size_bytes: file.data.length, by_user_id: w.actor.userId, created_at: createdAt });
    await deps.audit.record({ ...by(w), action: 'safety.hazard.photo', targetType: 'safety_hazard', targetId: id, result: 'success', detail: { photoId, stage, sizeBytes: file.data.length } });
    return { id: photoId, stage, mime: kind.mime, sizeBytes: file.data.length, createdAt };
  }

  async function photo(actor: Actor, id: number, photoId: number) {
    await hazardFor(actor, id);
    const p = await q.photoOf(db, id, photoId);
    if (!p) throw notFound('照片');
    const obj = await store().get(p.storage_key);
    if (!obj) throw notFound('照片');
    return { contentType: p.mime, size: obj.size, body: obj.body };
  }

  return { create, insert, checkResponsible, list, detail, start, rectify, verify, addPhoto, photo };
}

export type HazardsService = ReturnType<typeof createHazardsService>;
