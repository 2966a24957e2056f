import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { AppError, badRequest } from '../../http/errors.js';
import { readUploadedFile } from '../../http/uploaded-file.js';
import type { NoticeAttachments } from './notices.attachments.js';
import type { NoticesInbox } from './notices.inbox.js';
import {
  AttachmentParams, AttachmentSchema, ConfirmedSchema, InboxQuery, NoticeParams, PageQuery, ProgressSchema, ReceiptsQuery, RemindBody,
  RemindedSchema, SendNoticeBody, SentNoticeSchema, UnreadSchema,
} from './notices.schema.js';
import type { NoticesService } from './notices.service.js';
import type { NoticeAudience } from './notices.audience.js';
import { sendFile } from '../../http/send-file.js';

/**
 * 家校通知: senders (notice:write) send, follow receipts and remind; every signed-in person reads
 * the notices delivered to them (guardians; school staff for an emergency notice), whose queries
 * carry their own user id: someone else's notice is a 404.
 */
export function registerNoticesRoutes(app: AppInstance, deps: { notices: NoticesService; inbox: NoticesInbox; attachments: NoticeAttachments; audience: NoticeAudience }) {
  const { notices, inbox, attachments, audience } = deps;
  const tags = ['notices'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });

  app.get('/api/notices/audience', {
    config: { access: 'notice:write' },
    schema: { tags, summary: '可发送范围 / The classes, grades, schools and counties the sender may reach' },
  }, async (req) => audience.options(req.actor!));

  app.post('/api/notices/attachments', {
    config: { access: 'notice:write' },
    schema: { tags, summary: '上传通知附件 / Upload an attachment (multipart field file; pdf, docx, xlsx, png, jpg; ≤ 10 MB)', consumes: ['multipart/form-data'], response: { 201: AttachmentSchema } },
  }, async (req, reply) => {
    const file = await readUploadedFile(req, {
      missing: () => badRequest('NOTICE_ATTACHMENT_MISSING', '没有收到文件：请选择附件后上传（表单字段名 file）'),
      tooLarge: () => new AppError(413, 'NOTICE_ATTACHMENT_TOO_LARGE', '附件超过 10 MB：请压缩图片或拆分文件后再上传'),
    });
    return reply.status(201).send(await attachments.upload(req.actor!, file));
  });

  app.post('/api/notices', {
    config: { access: 'notice:write' },
    schema: { tags, summary: '发送通知 / Send a notice to classes, grades, schools or counties (one delivery per family)', body: SendNoticeBody, response: { 201: SentNoticeSchema } },
  }, async (req, reply) => reply.status(201).send(await notices.send(who(req), req.body)));

  app.get('/api/notices', {
    config: { access: 'notice:write' },
    schema: { tags, summary: '我发的通知 / My sent notices with their receipt counts', querystring: PageQuery },
  }, async (req) => notices.mine(req.actor!, req.query));

  app.get('/api/notices/:id/receipts', {
    config: { access: 'notice:write' },
    schema: { tags, summary: '回执 / Receipts per class: read, confirmed, not yet (names for class staff and principals)', params: NoticeParams, querystring: ReceiptsQuery },
  }, async (req) => notices.receipts(req.actor!, req.params.id, req.query));

  app.get('/api/notices/:id/progress', {
    config: { access: 'notice:write' },
    schema: { tags, summary: '回执率 / The receipt rate, to poll (the emergency live view)', params: NoticeParams, response: { 200: ProgressSchema } },
  }, async (req) => notices.progress(req.actor!, req.params.id));

  app.post('/api/notices/:id/remind', {
    config: { access: 'notice:write' },
    schema: { tags, summary: '一键提醒 / Remind only those who have not read (or not confirmed)', params: NoticeParams, body: RemindBody, response: { 200: RemindedSchema } },
  }, async (req) => notices.remind(who(req), req.params.id, req.body.target));

  app.get('/api/family/notices', {
    config: { access: 'session' },
    schema: { tags, summary: '我收到的通知 / Notices delivered to me, unread first, with the children they are about', querystring: InboxQuery },
  }, async (req) => inbox.list(req.actor!, req.query));

  app.get('/api/family/notices/unread', {
    config: { access: 'session' },
    schema: { tags, summary: '未读通知数 / My unread notices, per child', response: { 200: UnreadSchema } },
  }, async (req) => inbox.unread(req.actor!));

  app.get('/api/family/notices/:id', {
    config: { access: 'session' },
    schema: { tags, summary: '通知详情 / A notice delivered to me (opening marks it read)', params: NoticeParams },
  }, async (req) => inbox.open(req.actor!, req.params.id));

  app.post('/api/family/notices/:id/confirm', {
    config: { access: 'session' },
    schema: { tags, summary: '确认收到 / Confirm a must-confirm notice', params: NoticeParams, response: { 200: ConfirmedSchema } },
  }, async (req) => inbox.confirm(req.actor!, req.params.id));

  app.get('/api/family/notices/:id/attachments/:attachmentId', {
    config: { access: 'session' },
    schema: { tags, summary: '下载附件 / Download an attachment of a notice delivered to me', params: AttachmentParams },
  }, async (req, reply) => sendFile(reply, await attachments.open(await inbox.attachment(req.actor!, req.params.id, req.params.attachmentId))));
}
