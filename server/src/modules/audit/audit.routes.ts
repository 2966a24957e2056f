import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { auditExportColumns } from './audit.export.js';
import { AuditFilterQuery, AuditPage, AuditPageQuery, AuditVerifySchema } from './audit.schema.js';
import type { AuditReviewService } from './audit-review.service.js';

/** The auditor's routes. There is deliberately no route that edits or deletes audit rows. */
export function registerAuditRoutes(app: AppInstance, deps: { auditReview: AuditReviewService }) {
  const { auditReview } = deps;
  const tags = ['audit'];

  app.get('/api/audit', {
    config: { access: 'audit:read' },
    schema: { tags, summary: '审计日志 / Audit log, newest first', querystring: Type.Intersect([AuditFilterQuery, AuditPageQuery]), response: { 200: AuditPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return auditReview.list(req.actor!, filter, page, pageSize);
  });

  app.get('/api/audit/export.xlsx', {
    config: { access: 'audit:export' },
    schema: { tags, summary: '导出审计日志 / Export the audit log to .xlsx', querystring: AuditFilterQuery },
  }, async (req, reply) => {
    const rows = await auditReview.startExport(req.actor!, req.ip, req.query);
    await sendXlsx(reply, { filename: '审计日志.xlsx', sheet: '审计日志', columns: auditExportColumns, rows });
    return reply;
  });

  app.get('/api/audit/verify', {
    config: { access: 'audit:read' },
    schema: { tags, summary: '校验审计日志完整性 / Verify the hash chain of the audit log', response: { 200: AuditVerifySchema } },
  }, async (req) => auditReview.verify(req.actor!, req.ip));
}
