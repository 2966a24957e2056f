import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { AppError, badRequest } from '../../http/errors.js';
import { IMPORT_KINDS } from './import-plan.js';
import { ImportedSchema, PreviewSchema } from './imports.schema.js';
import { IMPORT_PLANS, type ImportsService, type UploadedFile } from './imports.service.js';

/**
 * Three routes per kind (schools, classes, staff), each declaring the permission its kind needs,
 * so the access gate and the access matrix see the real action rather than a bare session.
 */
export function registerImportRoutes(app: AppInstance, deps: { imports: ImportsService }) {
  const { imports } = deps;
  const tags = ['imports'];

  for (const kind of IMPORT_KINDS) {
    const { action, title } = IMPORT_PLANS[kind];

    app.get(`/api/imports/templates/${kind}.xlsx`, {
      config: { access: action },
      schema: { tags, summary: `${title}导入模板 / Import template for ${kind}` },
    }, async (req, reply) => {
      const t = await imports.template(req.actor!, kind);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(t.filename)}`)
        .header('cache-control', 'no-store')
        .send(t.data);
    });

    app.post(`/api/imports/${kind}/preview`, {
      config: { access: action },
      schema: { tags, summary: `检查${title}导入文件 / Check a ${kind} file, writing nothing`, consumes: ['multipart/form-data'], response: { 200: PreviewSchema } },
    }, async (req) => imports.preview(req.actor!, kind, await readUpload(req)));

    app.post(`/api/imports/${kind}`, {
      config: { access: action },
      schema: { tags, summary: `导入${title} / Import ${kind}: all rows or none`, consumes: ['multipart/form-data'], response: { 200: ImportedSchema } },
    }, async (req) => imports.run(req.actor!, kind, await readUpload(req), req.ip));
  }
}

async function readUpload(req: FastifyRequest): Promise<UploadedFile> {
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
