import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.js';

/** A spreadsheet a person sent to an import route, read whole (at most the multipart limit, 20 MB). */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** The multipart field `file` of an import request, or a clear 400/413 the person can act on. */
export async function readUploadedSheet(req: FastifyRequest): Promise<UploadedFile> {
  const noFile = () => badRequest('IMPORT_NO_FILE', '没有收到文件：请选择 .xlsx 或 .csv 文件后上传（表单字段名 file）');
  if (!req.isMultipart()) throw noFile();
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw noFile();
  try {
    return { filename: part.filename || '未命名文件', data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', '文件超过 20 MB，请拆分为多个文件分别导入');
    }
    throw err;
  }
}
