import type { AppInstance } from '../../http/app-types.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import type { AuditService } from '../audit/audit.service.js';
import { complianceSchoolColumns } from './compliance.export.js';
import {
  IdParams, RangeQuery, SchoolDaysSchema, SchoolPage, SchoolsExportQuery, SchoolsQuery, SummaryQuery, SummarySchema,
} from './compliance.schema.js';
import type { ComplianceService } from './compliance.service.js';
import { LatestDaySchema } from './compliance.trend.schema.js';

export function registerComplianceRoutes(app: AppInstance, deps: { compliance: ComplianceService; audit: AuditService }) {
  const { compliance, audit } = deps;
  const tags = ['compliance'];

  app.get('/api/compliance/summary', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '录播达标概况 / Quota compliance per county (or per school of a county) over a date range',
      querystring: SummaryQuery, response: { 200: SummarySchema },
    },
  }, async (req) => compliance.summary(req.actor!, req.query));

  app.get('/api/compliance/schools', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '学校达标排名 / Schools ranked by compliance, with streaks and the person responsible',
      querystring: SchoolsQuery, response: { 200: SchoolPage },
    },
  }, async (req) => compliance.listSchools(req.actor!, req.query));

  app.get('/api/compliance/schools/export.xlsx', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '导出学校达标情况 / The school compliance list as shown (same filter and order) to .xlsx',
      querystring: SchoolsExportQuery,
    },
  }, async (req, reply) => {
    const rows = await compliance.exportSchools(req.actor!, req.query);
    await sendXlsx(reply, {
      filename: '学校录播达标情况.xlsx', sheet: '达标情况', columns: complianceSchoolColumns, rows,
      beforeLastByte: (count) => audit.record({
        actor: { userId: req.actor!.userId, name: req.actor!.name }, action: 'compliance.export', targetType: 'school', result: 'success',
        ip: req.ip, detail: { filter: req.query, rows: count },
      }),
    });
    return reply;
  });

  app.get('/api/compliance/latest-day', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '最近有数据的上学日 / The latest school day up to today with figures in your scope (the as-of day pages open on)',
      response: { 200: LatestDaySchema },
    },
  }, async (req) => compliance.latestDay(req.actor!));

  app.get('/api/compliance/schools/:id/days', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '学校逐日达标 / One school day by day (heatmap)',
      params: IdParams, querystring: RangeQuery, response: { 200: SchoolDaysSchema },
    },
  }, async (req) => compliance.schoolDays(req.actor!, req.params.id, req.query));
}
