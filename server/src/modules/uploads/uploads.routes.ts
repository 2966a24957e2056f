import type { IncomingMessage } from 'node:http';
import { MemoryLocker } from '@tus/server';
import { type Locker, Metadata } from '@tus/utils';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { AppError } from '../../http/errors.js';
import { type RequestNote, createTusServer } from './uploads.tus.js';
import { patchUpload } from './uploads.patch.js';
import { releasableLocker } from './upload-locks.js';
import type { UploadsService } from './uploads.service.js';

const METADATA_DOC = 'Upload-Metadata keys (values base64): filename, roomId, schoolId (staff uploads only), lessonStart (ISO 8601 with offset, required), ' +
  'lessonEnd, subject, grade, classId, teacher, title, track (composite|teacher|students|blackboard|screen, required), ' +
  'groupId (1–64 of A–Z a–z 0–9 - _, required, shared by the tracks of one lesson), sha256 (hex of the whole file). See docs/devices.md.';
const UploadIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{32}$' }) });
const UploadStatus = Type.Object({
  id: Type.String(),
  size: Type.Number(),
  receivedBytes: Type.Number(),
  status: Type.Enum(['uploading', 'complete', 'expired', 'failed'] as const),
  expiresAt: Type.String(),
  recordingId: Type.Union([Type.Integer(), Type.Null()]),
  failureCode: Type.Union([Type.String(), Type.Null()]),
  failureMessage: Type.Union([Type.String(), Type.Null()]),
});

const TUS_HEADERS = { 'tus-resumable': '1.0.0', 'cache-control': 'no-store' };

/**
 * /api/uploads: tus 1.0.0 for recorders (device token) and staff in the browser (session + CSRF
 * header). Public at the access gate because the handler authenticates both kinds itself. The
 * body is never parsed by Fastify: tus streams it to the staging folder.
 */
export function registerUploadRoutes(app: AppInstance, deps: { uploads: UploadsService; maxUploadBytes: number; locker?: Locker }) {
  const { uploads } = deps;
  const notes = new WeakMap<IncomingMessage, RequestNote>();
  // One locker for tus and our PATCH: one writer per upload, whichever path it takes (and, given
  // a shared one — Redis, several nodes — whichever node the request lands on).
  const locker = releasableLocker(deps.locker ?? new MemoryLocker());
  // A stopping node hands its uploads back before waiting for requests in flight: a PATCH may run
  // for minutes, and the recorder resumes it on another node (HEAD, then PATCH from the offset).
  app.addHook('preClose', () => locker.releaseAll());
  const tus = createTusServer(uploads, notes, deps.maxUploadBytes, locker);
  const tags = ['uploads'];
  const security: Record<string, string[]>[] = [{ deviceToken: [] }, { session: [] }];

  async function handOver(req: FastifyRequest, reply: FastifyReply, note: RequestNote) {
    notes.set(req.raw, note);
    reply.hijack();
    await tus.handle(req.raw, reply.raw);
  }

  function requireTusResumable(req: FastifyRequest) {
    if (req.headers['tus-resumable'] !== '1.0.0') {
      throw new AppError(412, 'TUS_RESUMABLE_REQUIRED', '请求缺少 Tus-Resumable: 1.0.0 头，或版本不受支持（仅支持 tus 1.0.0）');
    }
  }

  async function create(req: FastifyRequest, reply: FastifyReply) {
    if (req.method === 'OPTIONS') return handOver(req, reply, { ip: req.ip });
    requireTusResumable(req);
    const uploader = await uploads.authenticate(req);
    const lengthHeader = req.headers['upload-length'];
    if (typeof lengthHeader !== 'string' || !/^\d{1,16}$/.test(lengthHeader)) {
      throw new AppError(400, 'UPLOAD_LENGTH_REQUIRED', '缺少或无法识别 Upload-Length：请在创建上传时给出文件大小（字节），平台不支持延后声明大小');
    }
    let raw: Record<string, string | null>;
    try {
      raw = Metadata.parse(String(req.headers['upload-metadata'] ?? ''));
    } catch {
      throw new AppError(400, 'UPLOAD_METADATA_INVALID', 'Upload-Metadata 格式不正确：须为逗号分隔的“键 base64值”，且至少包含 lessonStart、track、groupId');
    }
    const pending = await uploads.prepare(uploader, raw, Number(lengthHeader));
    reply.raw.setHeader('Upload-Expires', new Date(uploads.expiry()).toUTCString());
    return handOver(req, reply, { pending, ip: req.ip });
  }

  async function resume(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    requireTusResumable(req);
    if (req.method === 'PATCH' && req.headers['content-type'] !== 'application/offset+octet-stream') {
      throw new AppError(415, 'UPLOAD_CONTENT_TYPE', 'PATCH 请求须带 Content-Type: application/offset+octet-stream');
    }
    const uploader = await uploads.authenticate(req);
    let row = await uploads.own(uploader, req.params.id);
    if (row.status === 'uploading' && req.method === 'HEAD') {
      // All bytes arrived but the server stopped before the recording was made: finish now.
      const staged = await uploads.store.getUpload(row.id).catch(() => null);
      if (staged && staged.offset === staged.size) {
        await uploads.complete(row.id, req.ip);
        row = await uploads.own(uploader, req.params.id);
      }
    }
    if (row.status === 'complete') return answerComplete(req, reply, Number(row.size), row.recording_id);
    if (req.method === 'PATCH') return patchUpload(req, reply, { uploads, locker });
    reply.raw.setHeader('Upload-Expires', new Date(row.expires_at).toUTCString());
    return handOver(req, reply, { ip: req.ip });
  }

  // A finished upload's bytes have become a recording; the protocol's answers stay consistent.
  function answerComplete(req: FastifyRequest, reply: FastifyReply, size: number, recordingId: number | null) {
    const headers = { ...TUS_HEADERS, 'upload-offset': String(size), 'upload-length': String(size), 'sunshine-recording-id': String(recordingId ?? '') };
    if (req.method === 'HEAD') return reply.status(200).headers(headers).send();
    if (req.method === 'PATCH') {
      if (req.headers['upload-offset'] === String(size)) return reply.status(204).headers(headers).send();
      throw new AppError(409, 'UPLOAD_OFFSET_CONFLICT', `Upload-Offset 不正确：该上传已完成（${size} 字节）`);
    }
    throw new AppError(400, 'UPLOAD_ALREADY_COMPLETE', '该上传已完成，无法取消；如需删除录像，请在平台的录像列表中操作');
  }

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));

    scope.route({
      method: ['POST', 'OPTIONS'], url: '/api/uploads',
      config: { access: 'public' },
      schema: { tags, security, summary: `上传录像：创建 / tus creation (POST) and discovery (OPTIONS). ${METADATA_DOC}` },
      handler: create,
    });
    scope.route<{ Params: { id: string } }>({
      method: ['HEAD', 'PATCH', 'DELETE'], url: '/api/uploads/:id',
      config: { access: 'public' },
      schema: { tags, security, params: UploadIdParams, summary: '上传录像：查询进度 (HEAD)、续传 (PATCH)、取消 (DELETE) / tus 1.0.0' },
      handler: resume,
    });
    scope.get<{ Params: { id: string } }>('/api/uploads/:id', {
      config: { access: 'public' }, exposeHeadRoute: false,
      schema: { tags, security, params: UploadIdParams, response: { 200: UploadStatus }, summary: '上传状态 / An upload\'s progress and, once complete, its recording (own uploads only)' },
    }, async (req) => {
      const uploader = await uploads.authenticate(req);
      const row = await uploads.ownForStatus(uploader, req.params.id);
      return {
        id: row.id, size: Number(row.size), receivedBytes: Number(row.received_bytes), status: row.status, expiresAt: row.expires_at,
        recordingId: row.recording_id, failureCode: row.failure_code, failureMessage: row.failure_message,
      };
    });
  });
}
