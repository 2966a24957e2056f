import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.js';
import { researchFileKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import * as q from './activities.queries.js';
import type { ActivityReads } from './activities.service.js';
import { fileView } from './activities.views.js';
import { activityClosed, organiserOnly } from './activities.writes.js';
import type { ResearchReach } from './research-reach.js';

type Who = { actor: Actor; ip: string };

/** The largest lesson plan or courseware file taken: the platform's multipart limit. */
export const RESEARCH_FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The file kinds taken, by extension, with the bytes each must start with: a renamed executable
 * or a web page is refused whatever its name says. The stored content type comes from here, never
 * from the browser.
 */
const TYPES: Record<string, { type: string; magic: number[][] }> = {
  pdf: { type: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  doc: { type: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { type: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  ppt: { type: 'application/vnd.ms-powerpoint', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  png: { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  txt: { type: 'text/plain; charset=utf-8', magic: [] },
};
export const RESEARCH_FILE_EXTENSIONS = Object.keys(TYPES);

/** The file a person sent: its name as they named it and its bytes (read whole, at most the limit). */
export interface SentFile {
  filename: string;
  data: Buffer;
}

/** The stored type of a file with this name and these bytes, or a 400 saying what is taken. */
export function checkResearchFile(file: SentFile): { ext: string; contentType: string } {
  const ext = file.filename.includes('.') ? file.filename.split('.').pop()!.toLowerCase() : '';
  const kind = TYPES[ext];
  const taken = RESEARCH_FILE_EXTENSIONS.map((e) => `.${e}`).join(' ');
  if (!kind) throw badRequest('RESEARCH_FILE_TYPE', `不支持「${file.filename}」的文件类型：教案和课件请上传 ${taken} 文件`);
  if (file.data.length === 0) throw badRequest('RESEARCH_FILE_EMPTY', `「${file.filename}」是空文件，请检查后重新上传`);
  const head = file.data.subarray(0, 8);
  const matches = ext === 'txt'
    ? !file.data.includes(0) && Buffer.from(file.data.toString('utf8'), 'utf8').equals(file.data)
    : kind.magic.some((m) => m.every((byte, i) => head[i] === byte));
  if (!matches) {
    throw badRequest('RESEARCH_FILE_CONTENT', `「${file.filename}」的内容与 .${ext} 文件不符（可能是改过扩展名的其他文件），请用原始文件重新上传`);
  }
  return { ext, contentType: kind.type };
}

/**
 * Lesson plans and courseware of an activity or of one of its lessons: members and the
 * organiser upload (before the summary), everyone who reaches the activity downloads, the
 * uploader or the organiser deletes. Bytes live in the object store under keys.ts's research key.
 */
export function createActivityFiles(deps: {
  db: Db; clock: Clock; audit: AuditService; reach: ResearchReach; reads: ActivityReads;
  /** The object store; none where the server runs without storage (files are then refused). */
  store?: ObjectStore;
}) {
  const db = deps.db.db;
  const store = (): ObjectStore => {
    if (!deps.store) throw new AppError(503, 'RESEARCH_FILES_UNAVAILABLE', '服务器未配置文件存储，暂时不能上传或下载教案课件，请联系平台管理员');
    return deps.store;
  };
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  async function upload(w: Who, activityId: number, meta: { kind: 'lesson_plan' | 'courseware' | 'other'; lessonId?: number }, file: SentFile) {
    if (!w.actor.permissions.has('research:write')) throw forbidden();
    const act = await deps.reach.activity(w.actor, activityId);
    const organises = await deps.reach.organises(w.actor, act);
    if (!organises && !(await deps.reads.isMember(act.id, w.actor.userId))) {
      throw new AppError(403, 'RESEARCH_NOT_MEMBER', '只有活动成员和组织者可以上传教案和课件');
    }
    if (act.status === 'summarised') throw activityClosed();
    if (meta.lessonId !== undefined) {
      const lesson = await db.selectFrom('research_activity_lessons').select('id').where('id', '=', meta.lessonId).where('activity_id', '=', act.id).executeTakeFirst();
      if (!lesson) throw notFound('教研课例');
    }
    const { ext, contentType } = checkResearchFile(file);
    const key = researchFileKey(act.id, randomBytes(12).toString('hex'), ext);
    await store().putStream(key, Readable.from([file.data]), contentType);
    const name = file.filename.replace(/[\\/]/g, '_').slice(-120);
    const id = await q.insertFile(db, {
      activity_id: act.id, lesson_id: meta.lessonId ?? null, kind: meta.kind, name, storage_key: key, content_type: contentType,
      size_bytes: file.data.length, uploaded_by_user_id: w.actor.userId, created_at: deps.clock.now().toISOString(), deleted_at: null,
    });
    await deps.audit.record({
      ...by(w), action: 'research.file.upload', targetType: 'research_activity', targetId: act.id, result: 'success',
      detail: { fileId: id, name, kind: meta.kind, lessonId: meta.lessonId ?? null, sizeBytes: file.data.length },
    });
    const row = (await q.filesOf(db, act.id)).find((f) => f.id === id)!;
    return fileView(row, true);
  }

  /** The file's bytes for whoever reaches the activity. */
  async function download(actor: Actor, activityId: number, fileId: number) {
    const act = await deps.reach.activity(actor, activityId);
    const row = await q.findFile(db, act.id, fileId);
    if (!row) throw notFound('资料');
    const obj = await store().get(row.storage_key);
    if (!obj) throw notFound('资料');
    return { name: row.name, contentType: row.content_type, size: obj.size, body: obj.body };
  }

  async function remove(w: Who, activityId: number, fileId: number) {
    if (!w.actor.permissions.has('research:write')) throw forbidden();
    const act = await deps.reach.activity(w.actor, activityId);
    const row = await q.findFile(db, act.id, fileId);
    if (!row) throw notFound('资料');
    if (row.uploaded_by_user_id !== w.actor.userId && !(await deps.reach.organises(w.actor, act))) throw organiserOnly();
    if (act.status === 'summarised') throw activityClosed();
    await db.updateTable('research_activity_files').set({ deleted_at: deps.clock.now().toISOString() }).where('id', '=', row.id).execute();
    await store().delete(row.storage_key);
    await deps.audit.record({
      ...by(w), action: 'research.file.delete', targetType: 'research_activity', targetId: act.id, result: 'success',
      detail: { fileId: row.id, name: row.name },
    });
  }

  return { upload, download, remove };
}

export type ActivityFiles = ReturnType<typeof createActivityFiles>;
