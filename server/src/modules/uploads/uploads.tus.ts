import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Locker, Server } from '@tus/server';
import { AppError } from '../../http/errors.js';
import { type PendingUpload, tusError, type UploadsService } from './uploads.service.js';

/** What the Fastify handler learnt about a request before handing it to tus. */
export interface RequestNote {
  pending?: PendingUpload;
  ip: string;
}

// tus hands its hooks a web-style request wrapping Node's; we find our note through the Node one.
type TusRequest = { runtime?: { node?: { req: IncomingMessage } }; node?: { req: IncomingMessage } };
const nodeReq = (req: unknown) => (req as TusRequest).runtime?.node?.req ?? (req as TusRequest).node?.req;

/** A thrown value tus turns into a response: our code and Chinese message as JSON. */
function asTusError(err: unknown) {
  const tagged = (err as { tus?: { status_code: number; body: string } }).tus;
  if (tagged) return tagged;
  if (err instanceof AppError) return tusError(err.status, err.code, err.message);
  return tusError(500, 'UPLOAD_COMPLETION_FAILED', '文件已全部收到，但登记录像时出错：请稍后用 HEAD 查询并继续，平台会自动完成');
}

/**
 * The tus 1.0.0 server behind /api/uploads (creation, creation-with-upload, termination,
 * expiration). It speaks the protocol; every decision of ours (auth, metadata, ownership, expiry)
 * is taken in the Fastify handler before it, and the two hooks below record the new upload and
 * complete a finished one.
 */
export function createTusServer(uploads: UploadsService, notes: WeakMap<IncomingMessage, RequestNote>, maxSize: number, locker: Locker) {
  // Deferred length is refused: the size decides the 413 and is stored with the upload.
  uploads.store.extensions = ['creation', 'creation-with-upload', 'termination', 'expiration'];
  const server = new Server({
    path: '/api/uploads',
    locker,
    datastore: uploads.store,
    maxSize,
    relativeLocation: true,
    // Same-origin only: the web app is served from here and recorders are not browsers.
    allowedOrigins: () => false,
    namingFunction: () => randomBytes(16).toString('hex'),
    async onUploadCreate(req, upload) {
      const raw = nodeReq(req);
      const pending = raw ? notes.get(raw)?.pending : undefined;
      if (!pending || pending.size !== upload.size) throw tusError(400, 'UPLOAD_LENGTH_REQUIRED', '缺少 Upload-Length：请在创建上传时给出文件大小（字节）');
      await uploads.created(upload.id, pending);
      return {};
    },
    async onUploadFinish(req, upload) {
      const raw = nodeReq(req);
      try {
        const { recordingId } = await uploads.complete(upload.id, (raw && notes.get(raw)?.ip) ?? '');
        // A finished upload no longer expires.
        (req as unknown as { runtime?: { node?: { res?: ServerResponse } } }).runtime?.node?.res?.removeHeader('Upload-Expires');
        return { headers: { 'Sunshine-Recording-Id': String(recordingId) } };
      } catch (err) {
        throw asTusError(err);
      }
    },
  });
  return server;
}
