import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { type Actor, scopeOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, forbidden, unauthenticated } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Ingest, LessonMeta } from '../recordings/recordings.ingest.js';
import { authenticateDevice, type DeviceIdentity, hasDeviceToken } from '../rooms/device-auth.js';
import { HashingFileStore } from './hashing-file-store.js';
import { extensionOf, MetadataError, parseUploadMetadata, type UploadMetadata } from './upload-metadata.js';
import * as q from './uploads.queries.js';

/** Who is uploading: a recorder (device token) or a member of staff (session). */
export type Uploader = { kind: 'device'; device: DeviceIdentity } | { kind: 'staff'; actor: Actor };

export interface UploadsSettings {
  /** MAX_UPLOAD_BYTES */
  maxUploadBytes: number;
  /** UPLOAD_EXPIRY_HOURS: an unfinished upload is discarded this long after its last bytes. */
  uploadExpiryHours: number;
  /** Where tus stages bytes (DATA_DIR/uploads). */
  stagingDir: string;
}

/** A creation request that passed every check, waiting for tus to give it an id. */
export interface PendingUpload {
  uploader: Uploader;
  schoolId: number;
  size: number;
  meta: UploadMetadata;
}

/** The body of a tus error: our code and Chinese message, as JSON. */
export const tusError = (status: number, code: string, message: string) => ({ status_code: status, body: JSON.stringify({ code, message }) });

const bad = (code: string, message: string) => new AppError(400, code, message);
const goneUpload = () => new AppError(404, 'UPLOAD_NOT_FOUND', '上传不存在、已过期或已取消：请重新上传整个文件');

/**
 * The rules of lesson uploads around the tus protocol: who may upload for which school and room,
 * what the metadata must say, whose upload is whose, when it expires, and what happens to the
 * complete file (hash check, one recording per distinct file, processing queued).
 */
export function createUploadsService(deps: {
  db: Db; clock: Clock; audit: AuditService; ingest: Ingest; settings: UploadsSettings;
  /** Told the bytes each write staged (upload metrics). */
  onBytesReceived?: (bytes: number) => void;
}) {
  const db = deps.db.db;
  const { settings } = deps;
  const now = () => deps.clock.now();
  const expiry = () => new Date(now().getTime() + settings.uploadExpiryHours * 3_600_000).toISOString();

  // One row update per PATCH (not per chunk): the progress shown to the uploader and the expiry, which restarts with every byte.
  const store = new HashingFileStore({ directory: settings.stagingDir }, {
    async onProgress(id, stagedBytes, written) {
      deps.onBytesReceived?.(written);
      await q.updateUpload(db, id, { received_bytes: stagedBytes, updated_at: now().toISOString(), expires_at: expiry() });
    },
    onRemoved: (id) => cancelled(id),
  });

  /** Device token first (recorders carry no cookie), then the session with its CSRF header. */
  async function authenticate(req: FastifyRequest): Promise<Uploader> {
    if (hasDeviceToken(req)) return { kind: 'device', device: await authenticateDevice(deps.db, req) };
    const actor = req.actor;
    if (!actor) {
      if (req.headers.authorization) await authenticateDevice(deps.db, req);
      throw unauthenticated();
    }
    if (!actor.permissions.has('recording:upload')) throw forbidden();
    if (req.method !== 'HEAD' && req.method !== 'OPTIONS' && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError(403, 'CSRF_TOKEN_INVALID', '页面已过期或请求来源不可信，请刷新页面后重试');
    }
    return { kind: 'staff', actor };
  }

  /** Checks a creation request's size and metadata against the uploader's room and school. */
  async function prepare(uploader: Uploader, raw: Record<string, string | null>, size: number): Promise<PendingUpload> {
    if (size > settings.maxUploadBytes) {
      throw new AppError(413, 'UPLOAD_TOO_LARGE', `文件过大：${size} 字节，超过平台上限 ${settings.maxUploadBytes} 字节`);
    }
    let meta: UploadMetadata;
    try {
      meta = parseUploadMetadata(raw);
    } catch (err) {
      if (err instanceof MetadataError) throw bad(err.code, err.message);
      throw err;
    }
    const schoolId = uploader.kind === 'device' ? checkDevice(uploader.device, meta) : await checkStaff(uploader.actor, meta);
    if (meta.classId !== null && !(await q.classOfSchool(db, meta.classId, schoolId))) {
      throw bad('UPLOAD_CLASS_INVALID', `classId ${meta.classId} 不是该学校的班级：请核对班级编号，或不发送 classId`);
    }
    return { uploader, schoolId, size, meta };
  }

  function checkDevice(d: DeviceIdentity, meta: UploadMetadata): number {
    if (meta.roomId !== null && meta.roomId !== d.roomId) {
      throw new AppError(403, 'DEVICE_ROOM_MISMATCH', `roomId ${meta.roomId} 不是该设备令牌所属的录播室（${d.roomId}）：请核对录播主机的配置`);
    }
    meta.roomId = d.roomId;
    if (!d.tracks.includes(meta.track)) {
      throw bad('UPLOAD_TRACK_NOT_IN_ROOM', `该录播室未配置“${meta.track}”机位（已配置：${d.tracks.join('、')}）：请只上传录播室配置的机位，或请学校在平台上修改录播室的机位`);
    }
    return d.schoolId;
  }

  async function checkStaff(actor: Actor, meta: UploadMetadata): Promise<number> {
    const room = meta.roomId !== null ? await q.roomForUpload(db, meta.roomId) : undefined;
    if (meta.roomId !== null && !room) throw bad('UPLOAD_ROOM_NOT_FOUND', `录播室 ${meta.roomId} 不存在：请重新选择录播室`);
    const scope = scopeOf(actor, 'recording:upload');
    const ownSchools = scope?.schoolIds ?? [];
    const schoolId = meta.schoolId ?? room?.school_id ?? (ownSchools.length === 1 ? ownSchools[0]! : null);
    if (schoolId === null) throw bad('UPLOAD_SCHOOL_MISSING', '请选择录像所属的学校（schoolId）');
    if (!ownSchools.includes(schoolId)) {
      throw new AppError(403, 'UPLOAD_SCHOOL_FORBIDDEN', '您只能为自己任职的学校上传录像');
    }
    if (room && room.school_id !== schoolId) throw bad('UPLOAD_ROOM_NOT_IN_SCHOOL', `录播室 ${room.id} 不属于所选学校：请重新选择录播室`);
    if (room && !(JSON.parse(room.tracks) as string[]).includes(meta.track)) {
      throw bad('UPLOAD_TRACK_NOT_IN_ROOM', `该录播室未配置“${meta.track}”机位：请选择录播室已配置的机位`);
    }
    if (!meta.teacher && actor.grants.some((g) => g.role === 'teacher' && g.schoolId === schoolId)) meta.teacher = actor.name;
    return schoolId;
  }

  async function created(id: string, p: PendingUpload): Promise<void> {
    const at = now().toISOString();
    await q.insertUpload(db, {
      id, owner_user_id: p.uploader.kind === 'staff' ? p.uploader.actor.userId : null,
      owner_device_id: p.uploader.kind === 'device' ? p.uploader.device.deviceId : null,
      school_id: p.schoolId, size: p.size, received_bytes: 0, hash_state: null, hashed_bytes: 0,
      metadata: JSON.stringify(p.meta), status: 'uploading', created_at: at, updated_at: at, expires_at: expiry(),
      recording_id: null, failure_code: null, failure_message: null,
    });
  }

  /** The uploader's own upload in whatever state; anyone else's (or none) is 404. */
  async function ownForStatus(uploader: Uploader, id: string): Promise<q.UploadRow> {
    const row = await q.findUpload(db, id);
    const mine = row && (uploader.kind === 'device'
      ? row.owner_device_id === uploader.device.deviceId
      : row.owner_user_id === uploader.actor.userId);
    if (!row || !mine) throw goneUpload();
    return row;
  }

  /** The uploader's own upload to continue; anyone else's (or none) is 404, an expired or failed one 410. */
  async function own(uploader: Uploader, id: string): Promise<q.UploadRow> {
    const row = await ownForStatus(uploader, id);
    if (row.status === 'expired' || (row.status === 'uploading' && row.expires_at < now().toISOString())) {
      throw new AppError(410, 'UPLOAD_EXPIRED', `上传已过期（超过 ${settings.uploadExpiryHours} 小时未继续）：请重新上传整个文件`);
    }
    if (row.status === 'failed') throw new AppError(410, row.failure_code ?? 'UPLOAD_FAILED', row.failure_message ?? '上传失败：请重新上传整个文件');
    return row;
  }

  /**
   * The last byte is in: check the hash, make (or find) the recording, queue its processing, and
   * drop the staged bytes. Safe to call again after a crash at any point.
   */
  async function complete(id: string, ip: string): Promise<{ recordingId: number }> {
    const row = await q.findUpload(db, id);
    if (!row) throw goneUpload();
    if (row.status === 'complete' && row.recording_id !== null) return { recordingId: row.recording_id };
    const meta = JSON.parse(row.metadata) as UploadMetadata;
    const size = Number(row.size);
    const sha256 = await store.digest(id, size);
    if (meta.sha256 && meta.sha256 !== sha256) {
      const message = `文件的 SHA-256（${sha256}）与上传时声明的（${meta.sha256}）不一致，文件可能在传输中损坏：请重新上传`;
      await q.updateUpload(db, id, { status: 'failed', failure_code: 'UPLOAD_SHA256_MISMATCH', failure_message: message, updated_at: now().toISOString() });
      await discardStaged(id);
      throw Object.assign(new AppError(460, 'UPLOAD_SHA256_MISMATCH', message), { tus: tusError(460, 'UPLOAD_SHA256_MISMATCH', message) });
    }
    const lesson: LessonMeta = {
      schoolId: row.school_id, roomId: meta.roomId, groupId: meta.groupId, track: meta.track, title: meta.title,
      subject: meta.subject, grade: meta.grade, classId: meta.classId, teacherUserId: null, teacherName: meta.teacher,
      lessonStart: meta.lessonStart, lessonEnd: meta.lessonEnd,
    };
    const result = await deps.ingest.ingestFile({
      localPath: store.pathOf(id), sha256, sizeBytes: size, ext: extensionOf(meta.filename), meta: lesson,
      uploadedBy: { userId: row.owner_user_id, deviceId: row.owner_device_id }, move: true,
    });
    await q.updateUpload(db, id, { status: 'complete', recording_id: result.recordingId, received_bytes: size, updated_at: now().toISOString() });
    await discardStaged(id);
    await deps.audit.record({
      actor: null, action: 'recording.upload', targetType: 'recording', targetId: result.recordingId, result: 'success', ip,
      detail: { uploadId: id, userId: row.owner_user_id, deviceId: row.owner_device_id, schoolId: row.school_id, size, sha256, duplicate: result.duplicate },
    });
    return { recordingId: result.recordingId };
  }

  async function discardStaged(id: string): Promise<void> {
    store.forget(id);
    await rm(store.pathOf(id), { force: true });
    await rm(join(settings.stagingDir, `${id}.json`), { force: true });
  }

  /** The uploader cancelled (tus termination): the bytes are gone, the row says why. */
  async function cancelled(id: string): Promise<void> {
    await q.updateUpload(db, id, {
      status: 'failed', hash_state: null, failure_code: 'UPLOAD_CANCELLED', failure_message: '上传已取消：如需上传，请重新上传整个文件', updated_at: now().toISOString(),
    });
  }

  /** Marks unfinished uploads past their time as expired and deletes their bytes; returns how many. */
  async function purgeExpiredUploads(): Promise<number> {
    let n = 0;
    for (;;) {
      const batch = await q.expiredUploads(db, now().toISOString(), 100);
      for (const { id } of batch) {
        await q.updateUpload(db, id, { status: 'expired', hash_state: null, updated_at: now().toISOString() });
        await discardStaged(id);
      }
      n += batch.length;
      if (batch.length < 100) return n;
    }
  }

  /** Finishes uploads whose last byte arrived just before a crash (run at start). */
  async function finishStrandedUploads(): Promise<number> {
    let n = 0;
    for (const { id } of await q.unfinishedUploads(db, 1000)) {
      const staged = await store.getUpload(id).catch(() => null);
      if (staged && staged.offset === staged.size) {
        await complete(id, '127.0.0.1').catch(() => undefined);
        n++;
      }
    }
    return n;
  }

  return { store, authenticate, prepare, created, own, ownForStatus, complete, purgeExpiredUploads, finishStrandedUploads, expiry };
}

export type UploadsService = ReturnType<typeof createUploadsService>;
