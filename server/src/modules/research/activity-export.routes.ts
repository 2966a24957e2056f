import type { AppInstance } from '../../http/app-types.js';
import type { ActivityExport } from './activity-export.service.js';
import { ActivityParams } from './scores.schema.js';

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** 评课记录: the whole activity (schools, members, lessons, rubric results, comments, S-T codings) as Excel or PDF. */
export function registerActivityExportRoutes(app: AppInstance, deps: { exports: ActivityExport }) {
  const tags = ['research'];
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/api/research/activities/:activityId/export.${format}`, {
      config: { access: 'research:read' },
      schema: {
        tags, params: ActivityParams,
        summary: format === 'xlsx'
          ? '导出评课记录（Excel） / The activity\'s review record as .xlsx: overview, lessons, rubric scores, comments, S-T codings'
          : '导出评课记录（PDF） / The same record as a PDF with an embedded Chinese font',
      },
    }, async (req, reply) => {
      const file = await deps.exports.exportAs({ actor: req.actor!, ip: req.ip }, req.params.activityId, format);
      return reply
        .header('content-type', TYPES[format])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'no-store')
        .send(file.buffer);
    });
  }
}
