import type { AppInstance } from '../../http/app-types.js';
import { readUploadedSheet } from '../../http/uploaded-sheet.js';
import { IMPORT_KINDS } from './import-plan.js';
import { ImportedSchema, PreviewSchema } from './imports.schema.js';
import { IMPORT_PLANS, type ImportsService } from './imports.service.js';

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
    }, async (req) => imports.preview(req.actor!, kind, await readUploadedSheet(req)));

    app.post(`/api/imports/${kind}`, {
      config: { access: action },
      schema: { tags, summary: `导入${title} / Import ${kind}: all rows or none`, consumes: ['multipart/form-data'], response: { 200: ImportedSchema } },
    }, async (req) => imports.run(req.actor!, kind, await readUploadedSheet(req), req.ip));
  }
}
