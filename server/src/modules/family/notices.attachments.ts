import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { noticeAttachmentKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';

/** The largest attachment: a notice's form or picture, well under the platform's 20 MB multipart limit. */
export const NOTICE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Kinds a parent's phone opens, by extension, with the bytes each must start with (a renamed file is refused). */
const TYPES: Record<string, { type: string; magic: number[][] }> = {
  pdf: { type: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  png: { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
};
export const NOTICE_ATTACHMENT_EXTENSIONS = Object.keys(TYPES);

export function checkNoticeAttachment(file: { filename: string; data: Buffer }): { ext: string; contentType: string } {
  const ext = file.filename.includes('.') ? file.filename.split('.').pop()!.toLowerCase() : '';
  const kind = TYPES[ext];
  const taken = NOTICE_ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(' ');
  if (!kind) throw badRequest('NOTICE_ATTACHMENT_TYPE', `不支持「${file.filename}」的文件类型：通知附件请上传 ${taken} 文件`);
  if (file.data.length === 0) throw badRequest('NOTICE_ATTACHMENT_EMPTY', `「${file.filename}」是空文件，请检查后重新上传`);
  if (file.data.length > NOTICE_ATTACHMENT_MAX_BYTES) throw new AppError(413, 'NOTICE_ATTACHMENT_TOO_LARGE', `「${file.filename}」超过 10 MB：请压缩图片或拆分文件后再上传`);
  const head = file.data.subarray(0, 8);
  if (!kind.magic.some((m) => m.every((byte, i) => head[i] === byte))) {
    throw badRequest('NOTICE_ATTACHMENT_CONTENT', `「${file.filename}」的内容与 .${ext} 文件不符（可能是改过扩展名的其他文件），请用原始文件重新上传`);
  }
  return { ext, contentType: kind.type };
}

/**
 * Attachments of notices: uploaded by the sender before sending (the notice then names them),
 * read by the notice's recipients. Bytes live in the object store under keys.ts's notice key.
 */
export function createNoticeAttachments(deps: { db: Db; clock: Clock; store?: ObjectStore }) {
  const db = deps.db.db;
  const store = (): ObjectStore => {
    if (!deps.store) throw new AppError(503, 'NOTICE_ATTACHMENTS_UNAVAILABLE', '服务器未配置文件存储，暂时不能上传或下载通知附件，请联系平台管理员');
    return deps.store;
  };

  async function upload(actor: Actor, file: { filename: string; data: Buffer }) {
    const { ext, contentType } = checkNoticeAttachment(file);
    const key = noticeAttachmentKey(randomBytes(12).toString('hex'), ext);
    await store().putStream(key, Readable.from([file.data]), contentType);
    const name = file.filename.replace(/[\\/]/g, '_').slice(-120);
    const row = await db.insertInto('notice_attachments').values({
      notice_id: null, uploaded_by_user_id: actor.userId, name, content_type: contentType, size_bytes: file.data.length,
      storage_key: key, created_at: deps.clock.now().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, name, contentType, sizeBytes: file.data.length };
  }

  async function open(a: { name: string; content_type: string; storage_key: string }) {
    const obj = await store().get(a.storage_key);
    if (!obj) throw notFound('附件');
    return { name: a.name, contentType: a.content_type, size: obj.size, body: obj.body };
  }

  return { upload, open };
}

export type NoticeAttachments = ReturnType<typeof createNoticeAttachments>;
