import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { type Actor, resourceReachOf } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.js';
import { LIBREOFFICE_MISSING, type SystemTools } from '../../media/system-tools.js';
import { extensionOf, FILE_SIGNATURES, hasSignatureOf } from '../../storage/file-signature.js';
import { resourceFileKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { derivedKey } from './courseware.keys.js';
import * as q from './courseware.queries.js';
import { insertUse } from './uses.queries.js';
import { keepUse } from './uses.service.js';

/** The largest courseware file taken: the platform's multipart limit. */
export const COURSEWARE_MAX_BYTES = 20 * 1024 * 1024;
/** Office files LibreOffice turns into PDF. */
export const OFFICE_EXTENSIONS = ['ppt', 'pptx', 'doc', 'docx'];
export const COURSEWARE_EXTENSIONS = ['pdf', ...OFFICE_EXTENSIONS, 'png', 'jpg', 'jpeg'];

export interface SentFile { filename: string; data: Buffer }
type Who = { actor: Actor; ip: string };

/** One courseware file as the resource page shows it. */
export interface CoursewareFileView {
  id: number;
  resourceId: number;
  name: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  pages: number | null;
  conversion: q.Conversion;
  /** Why there is no PDF yet or ever (waiting for LibreOffice, a failed conversion), in Chinese. */
  conversionMessage: string | null;
  hasPdf: boolean;
  hasThumbnail: boolean;
  createdAt: string;
  canDelete: boolean;
}

/** The type a file with this name and these bytes is stored as, or a 400 saying what is taken. */
export function checkCoursewareFile(file: SentFile): { ext: string; mime: string } {
  const ext = extensionOf(file.filename);
  const taken = COURSEWARE_EXTENSIONS.map((e) => `.${e}`).join(' ');
  if (!COURSEWARE_EXTENSIONS.includes(ext)) throw badRequest('COURSEWARE_FILE_TYPE', `不支持「${file.filename}」的文件类型：课件请上传 ${taken} 文件`);
  if (file.data.length === 0) throw badRequest('COURSEWARE_FILE_EMPTY', `「${file.filename}」是空文件，请检查后重新上传`);
  if (!hasSignatureOf(ext, file.data)) {
    throw badRequest('COURSEWARE_FILE_CONTENT', `「${file.filename}」的内容与 .${ext} 文件不符（可能是改过扩展名的其他文件），请用原始文件重新上传`);
  }
  return { ext, mime: FILE_SIGNATURES[ext]!.type };
}

/** What the service needs; `enqueueConvert` queues `resources.convert` for one file. */
export interface CoursewareDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  store?: ObjectStore;
  tools: () => Promise<SystemTools>;
  enqueueConvert?: (fileId: number) => Promise<unknown>;
}

/**
 * Courseware files of a resource: its publisher (or a principal of its school) uploads and
 * deletes; whoever reaches the resource lists, views (PDF, thumbnail) and downloads; public
 * resources also without signing in. Every download is kept as a use.
 */
export function createCoursewareService(deps: CoursewareDeps) {
  const { db } = deps;
  const store = (): ObjectStore => {
    if (!deps.store) throw new AppError(503, 'COURSEWARE_UNAVAILABLE', '服务器未配置文件存储，暂时不能上传或下载课件，请联系平台管理员');
    return deps.store;
  };
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });

  /** The resource if the actor reaches it (null actor: public resources only), else 404. */
  async function resourceFor(actor: Actor | null, resourceId: number) {
    const r = await q.reachableResource(db, actor ? resourceReachOf(actor) : null, resourceId);
    if (!r) throw notFound('资源');
    return r;
  }

  function mayManage(actor: Actor, r: { school_id: number; publisher_user_id: number }): boolean {
    if (!actor.permissions.has('resource:write')) return false;
    return r.publisher_user_id === actor.userId || actor.grants.some((g) => g.role === 'principal' && g.schoolId === r.school_id);
  }

  function view(row: q.ResourceFileRow, canDelete: boolean): CoursewareFileView {
    let message = row.conversion === 'failed' ? row.conversion_error : null;
    if (row.conversion === 'waiting_package') message = LIBREOFFICE_MISSING;
    return {
      id: row.id, resourceId: row.resource_id, name: row.name, mime: row.mime, sizeBytes: row.size_bytes, sha256: row.sha256,
      pages: row.pages, conversion: row.conversion, conversionMessage: message, hasPdf: row.conversion === 'done' && !!row.pdf_key,
      hasThumbnail: !!row.thumb_key || row.conversion === 'none', createdAt: row.created_at, canDelete,
    };
  }

  async function list(actor: Actor | null, resourceId: number): Promise<{ items: CoursewareFileView[]; canUpload: boolean }> {
    const r = await resourceFor(actor, resourceId);
    const manage = !!actor && mayManage(actor, r);
    return { items: (await q.filesOf(db, r.id)).map((f) => view(f, manage)), canUpload: manage };
  }

  async function upload(w: Who, resourceId: number, file: SentFile): Promise<CoursewareFileView> {
    if (!w.actor.permissions.has('resource:write')) throw forbidden();
    const r = await resourceFor(w.actor, resourceId);
    if (!mayManage(w.actor, r)) throw new AppError(403, 'COURSEWARE_NOT_PUBLISHER', '只有资源的发布人或本校校长可以上传和删除课件');
    const { ext, mime } = checkCoursewareFile(file);
    const office = OFFICE_EXTENSIONS.includes(ext);
    const tools = await deps.tools();
    const conversion: q.Conversion = ext === 'pdf' ? 'pending' : !office ? 'none' : tools.soffice ? 'pending' : 'waiting_package';
    const key = resourceFileKey(r.id, randomBytes(12).toString('hex'), ext);
    await store().putStream(key, Readable.from([file.data]), mime);
    const name = file.filename.replace(/[\\/]/g, '_').slice(-120);
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const id = await q.insertFile(db, {
      resource_id: r.id, name, mime, size_bytes: file.data.length, sha256, storage_key: key, pdf_key: ext === 'pdf' ? key : null,
      thumb_key: null, pages: null, conversion, conversion_error: null, body_text: null, created_by_user_id: w.actor.userId,
      created_at: deps.clock.now().toISOString(),
    });
    if (conversion === 'pending' && deps.enqueueConvert) await deps.enqueueConvert(id);
    await deps.audit.record({
      ...by(w), action: 'resource.file.upload', targetType: 'resource', targetId: r.id, result: 'success',
      detail: { fileId: id, name, mime, sizeBytes: file.data.length, sha256, conversion },
    });
    return view((await q.fileById(db, id))!, true);
  }

  async function remove(w: Who, resourceId: number, fileId: number): Promise<void> {
    if (!w.actor.permissions.has('resource:write')) throw forbidden();
    const r = await resourceFor(w.actor, resourceId);
    if (!mayManage(w.actor, r)) throw new AppError(403, 'COURSEWARE_NOT_PUBLISHER', '只有资源的发布人或本校校长可以上传和删除课件');
    const row = await q.fileOf(db, r.id, fileId);
    if (!row) throw notFound('课件');
    await q.deleteFile(db, row.id);
    for (const key of new Set([row.storage_key, row.pdf_key, row.thumb_key, derivedKey(row, 'pdf'), derivedKey(row, 'thumb')])) {
      if (key) await store().delete(key);
    }
    await deps.audit.record({
      ...by(w), action: 'resource.file.delete', targetType: 'resource', targetId: r.id, result: 'success', detail: { fileId: row.id, name: row.name },
    });
  }

  async function object(actor: Actor | null, resourceId: number, fileId: number, which: 'pdf' | 'thumb' | 'original') {
    const r = await resourceFor(actor, resourceId);
    const row = await q.fileOf(db, r.id, fileId);
    if (!row) throw notFound('课件');
    // An image is its own thumbnail, so showing it never counts as a download.
    const thumb = row.conversion === 'none' ? row.storage_key : row.thumb_key;
    const key = which === 'original' ? row.storage_key : which === 'pdf' ? (row.conversion === 'done' ? row.pdf_key : null) : thumb;
    if (!key) throw notFound(which === 'pdf' ? '课件的 PDF（尚未转换完成）' : which === 'thumb' ? '课件缩略图' : '课件');
    const obj = await store().get(key);
    if (!obj) throw notFound('课件');
    return { row, obj };
  }

  /** The PDF to show inline (a PDF upload itself, or the office file's conversion). */
  async function pdf(actor: Actor | null, resourceId: number, fileId: number) {
    const { row, obj } = await object(actor, resourceId, fileId, 'pdf');
    return { name: row.name.replace(/\.[^.]+$/, '') + '.pdf', contentType: 'application/pdf', size: obj.size, body: obj.body };
  }

  /** The first page as PNG; an image itself (shown whole). */
  async function thumbnail(actor: Actor | null, resourceId: number, fileId: number) {
    const { row, obj } = await object(actor, resourceId, fileId, 'thumb');
    return { contentType: row.conversion === 'none' ? row.mime : 'image/png', size: obj.size, body: obj.body };
  }

  /** The file as uploaded; the download is kept as a use, counted for the person's school. */
  async function download(actor: Actor | null, resourceId: number, fileId: number) {
    const { row, obj } = await object(actor, resourceId, fileId, 'original');
    const at = deps.clock.now();
    // Where a use counts is the uses area's rule (usePlaceOf); an anonymous public download counts for no school.
    if (actor) await keepUse(db, { userId: actor.userId, grants: actor.grants, resourceId: row.resource_id, kind: 'download', at });
    else await insertUse(db, { resourceId: row.resource_id, kind: 'download', userId: null, schoolId: null, countyId: null, cityId: null, at });
    return { name: row.name, contentType: row.mime, size: obj.size, body: obj.body };
  }

  return { list, upload, remove, pdf, thumbnail, download };
}

export type CoursewareService = ReturnType<typeof createCoursewareService>;
