import { sendFile } from '../../http/send-file.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { readUploadedFile } from '../../http/uploaded-file.js';
import { AppError, badRequest } from '../../http/errors.js';
import { CoursewareFileParams, CoursewareFileSchema, CoursewareListSchema, ResourceParams } from './courseware.schema.js';
import type { CoursewareService, SentFile } from './courseware.service.js';

/** The multipart field `file`, read whole (the platform's 20 MB limit), or a 400/413 the person can act on. */
function sentFile(req: FastifyRequest): Promise<SentFile> {
  return readUploadedFile(req, {
    missing: () => badRequest('COURSEWARE_FILE_MISSING', '没有收到文件：请选择课件后上传（表单字段名 file）'),
    tooLarge: () => new AppError(413, 'COURSEWARE_FILE_TOO_LARGE', '课件超过 20 MB：请压缩图片或拆分课件后再上传'),
  });
}

type Sent = { contentType: string; size: number; body: Readable; name?: string };

/** Sends a file; `disposition` inline (viewer) or attachment (download, the Chinese name per RFC 5987). */
function send(reply: FastifyReply, f: Sent, disposition: 'inline' | 'attachment', cache: 'private' | 'public') {
  return sendFile(reply, f, { disposition, cache: cache === 'private' ? 'private, no-store' : 'public, max-age=300' });
}

/** 课件: a resource's files, their PDF, thumbnail and download; public resources' also without login. */
export function registerCoursewareRoutes(app: AppInstance, deps: { courseware: CoursewareService }) {
  const { courseware } = deps;
  const tags = ['resources'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });

  app.get('/api/resources/:id/files', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '资源的课件 / Courseware files of a resource, with their conversion state', params: ResourceParams, response: { 200: CoursewareListSchema } },
  }, async (req) => courseware.list(req.actor!, req.params.id));

  app.post('/api/resources/:id/files', {
    config: { access: 'resource:write' },
    schema: {
      tags, summary: '上传课件 / Upload courseware (multipart field file; pdf, ppt/pptx, doc/docx, png/jpeg; ≤ 20 MB): its publisher or a principal of its school',
      consumes: ['multipart/form-data'], params: ResourceParams, response: { 201: CoursewareFileSchema },
    },
  }, async (req, reply) => reply.status(201).send(await courseware.upload(who(req), req.params.id, await sentFile(req))));

  app.delete('/api/resources/:id/files/:fileId', {
    config: { access: 'resource:write' },
    schema: { tags, summary: '删除课件 / Delete a courseware file (its publisher or a principal of its school)', params: CoursewareFileParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await courseware.remove(who(req), req.params.id, req.params.fileId);
    return reply.status(204).send(null);
  });

  app.get('/api/resources/:id/files/:fileId/pdf', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '课件 PDF / The file as PDF, inline (converted from office files)', params: CoursewareFileParams },
  }, async (req, reply) => send(reply, await courseware.pdf(req.actor!, req.params.id, req.params.fileId), 'inline', 'private'));

  app.get('/api/resources/:id/files/:fileId/thumbnail', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '课件缩略图 / The first page as PNG (an image: the image itself)', params: CoursewareFileParams },
  }, async (req, reply) => send(reply, await courseware.thumbnail(req.actor!, req.params.id, req.params.fileId), 'inline', 'private'));

  app.get('/api/resources/:id/files/:fileId/download', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '下载课件 / The file as uploaded (kept as a use)', params: CoursewareFileParams },
  }, async (req, reply) => send(reply, await courseware.download(req.actor!, req.params.id, req.params.fileId), 'attachment', 'private'));

  // Public resources, without signing in: the same answers, only for resources published to the public.
  app.get('/api/public/resources/:id/files', {
    config: { access: 'public' },
    schema: { tags, summary: '公开资源的课件 / Courseware of a public resource (no login)', params: ResourceParams, response: { 200: CoursewareListSchema } },
  }, async (req) => courseware.list(null, req.params.id));

  app.get('/api/public/resources/:id/files/:fileId/pdf', {
    config: { access: 'public' },
    schema: { tags, summary: '公开课件 PDF / The PDF of a public resource\'s file (no login)', params: CoursewareFileParams },
  }, async (req, reply) => send(reply, await courseware.pdf(null, req.params.id, req.params.fileId), 'inline', 'public'));

  app.get('/api/public/resources/:id/files/:fileId/thumbnail', {
    config: { access: 'public' },
    schema: { tags, summary: '公开课件缩略图 / The first page of a public resource\'s file, an image itself (no login)', params: CoursewareFileParams },
  }, async (req, reply) => send(reply, await courseware.thumbnail(null, req.params.id, req.params.fileId), 'inline', 'public'));

  app.get('/api/public/resources/:id/files/:fileId/download', {
    config: { access: 'public' },
    schema: { tags, summary: '下载公开课件 / The file of a public resource as uploaded (no login; kept as an anonymous use)', params: CoursewareFileParams },
  }, async (req, reply) => send(reply, await courseware.download(null, req.params.id, req.params.fileId), 'attachment', 'private'));
}
