import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** A file a person sent in the multipart field `file`, read whole (at most the multipart limit, 20 MB). */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/**
 * The multipart field `file` of a request, or the route's own clear error: `missing` (a 400) when
 * no such field came, `tooLarge` (a 413) past the multipart limit.
 */
export async function readUploadedFile(req: FastifyRequest, errors: { missing: () => AppError; tooLarge: () => AppError }): Promise<UploadedFile> {
  if (!req.isMultipart()) throw errors.missing();
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw errors.missing();
  try {
    return { filename: part.filename || '未命名文件', data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.tooLarge();
    throw err;
  }
}
