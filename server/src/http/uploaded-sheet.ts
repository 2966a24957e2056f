import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.js';
import { readUploadedFile, type UploadedFile } from './uploaded-file.js';

export type { UploadedFile } from './uploaded-file.js';

/** The multipart field `file` of an import request, or a clear 400/413 the person can act on. */
export function readUploadedSheet(req: FastifyRequest): Promise<UploadedFile> {
  return readUploadedFile(req, {
    missing: () => badRequest('IMPORT_NO_FILE', '没有收到文件：请选择 .xlsx 或 .csv 文件后上传（表单字段名 file）'),
    tooLarge: () => new AppError(413, 'IMPORT_FILE_TOO_LARGE', '文件超过 20 MB，请拆分为多个文件分别导入'),
  });
}
