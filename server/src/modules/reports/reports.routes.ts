import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import type { AuditService } from '../audit/audit.service.js';
import { checkDateRange } from '../calendar/date-range.js';
import { type ExportDeps, type Workbook, complianceWorkbook, rolloutWorkbook } from './reports.export.js';
import {
  CommentBody, CreateReportBody, ExportComplianceQuery, ExportRolloutQuery, IdParams, PageQuery, ReportDetailSchema, ReportFilterQuery,
  ReportPage, ReportPatch, ReturnBody, SettingsBody, SettingsQuery, SettingsSchema,
} from './reports.schema.js';
import type { ReportsService } from './reports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(reply: FastifyReply, wb: Workbook) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(wb.filename)}`)
    .header('cache-control', 'no-store')
    .send(wb.buffer);
}

/** 上报: county departments' periodic reports to the city bureau, their review, and the official Excel tables. */
export function registerReportsRoutes(app: AppInstance, deps: { reports: ReportsService; audit: AuditService; exports: ExportDeps }) {
  const { reports, audit } = deps;
  const tags = ['reports'];

  app.get('/api/reports', {
    config: { access: 'report:read' },
    schema: { tags, summary: '上报列表 / Reports in scope, newest period first', querystring: Type.Intersect([ReportFilterQuery, PageQuery]), response: { 200: ReportPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return reports.list(req.actor!, filter, page, pageSize);
  });

  app.get('/api/reports/settings', {
    config: { access: 'report:read' },
    schema: { tags, summary: '上报周期 / The city\'s reporting period and the current one', querystring: SettingsQuery, response: { 200: SettingsSchema } },
  }, async (req) => reports.getSettings(req.actor!, { asOf: req.query.asOf }));

  app.put('/api/reports/settings', {
    config: { access: 'report:review' },
    schema: { tags, summary: '设置上报周期 / Choose weekly or monthly reports (city bureau)', body: SettingsBody, response: { 200: SettingsSchema } },
  }, async (req) => reports.updateSettings({ actor: req.actor!, ip: req.ip }, req.body.period));

  app.get('/api/reports/exports/compliance.xlsx', {
    config: { access: 'report:read' },
    schema: { tags, summary: '导出录播课达标情况统计表 / The official compliance table (.xlsx), per county and per school', querystring: ExportComplianceQuery },
  }, async (req, reply) => {
    checkDateRange(req.query.from, req.query.to);
    const wb = await complianceWorkbook(deps.exports, req.actor!, req.query);
    await audit.record({
      actor: { userId: req.actor!.userId, name: req.actor!.name }, ip: req.ip, action: 'report.export', targetType: 'report', result: 'success',
      detail: { table: 'compliance', ...req.query, rows: wb.rows },
    });
    return sendWorkbook(reply, wb);
  });

  app.get('/api/reports/exports/rollout.xlsx', {
    config: { access: 'report:read' },
    schema: { tags, summary: '导出项目实施进度统计表 / The official rollout table (.xlsx), per county', querystring: ExportRolloutQuery },
  }, async (req, reply) => {
    const wb = await rolloutWorkbook(deps.exports, req.actor!, req.query);
    await audit.record({
      actor: { userId: req.actor!.userId, name: req.actor!.name }, ip: req.ip, action: 'report.export', targetType: 'report', result: 'success',
      detail: { table: 'rollout', ...req.query, rows: wb.rows },
    });
    return sendWorkbook(reply, wb);
  });

  app.get('/api/reports/:id', {
    config: { access: 'report:read' },
    schema: { tags, summary: '上报详情 / One report with its figures, narrative and history', params: IdParams, response: { 200: ReportDetailSchema } },
  }, async (req) => reports.get(req.actor!, req.params.id));

  app.post('/api/reports', {
    config: { access: 'report:write' },
    schema: { tags, summary: '新建上报 / Begin a report for a period, pre-filled from the data', body: CreateReportBody, response: { 201: ReportDetailSchema } },
  }, async (req, reply) => reply.status(201).send(await reports.create({ actor: req.actor!, ip: req.ip }, req.body)));

  app.patch('/api/reports/:id', {
    config: { access: 'report:write' },
    schema: { tags, summary: '填写上报 / Edit the narrative of a draft or returned report', params: IdParams, body: ReportPatch, response: { 200: ReportDetailSchema } },
  }, async (req) => reports.update({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.post('/api/reports/:id/figures', {
    config: { access: 'report:write' },
    schema: { tags, summary: '更新上报数据 / Take the figures again from the data', params: IdParams, response: { 200: ReportDetailSchema } },
  }, async (req) => reports.refreshFigures({ actor: req.actor!, ip: req.ip }, req.params.id));

  app.post('/api/reports/:id/submit', {
    config: { access: 'report:write' },
    schema: { tags, summary: '提交上报 / Submit (or resubmit) to the city bureau', params: IdParams, body: CommentBody, response: { 200: ReportDetailSchema } },
    preValidation: async (req) => { if (req.body === undefined) req.body = {}; },
  }, async (req) => reports.submit({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.comment));

  app.post('/api/reports/:id/return', {
    config: { access: 'report:review' },
    schema: { tags, summary: '退回上报 / Return to the county with a comment (city bureau)', params: IdParams, body: ReturnBody, response: { 200: ReportDetailSchema } },
  }, async (req) => reports.returnReport({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.comment));

  app.post('/api/reports/:id/approve', {
    config: { access: 'report:review' },
    schema: { tags, summary: '审核通过 / Approve; the report becomes read-only (city bureau)', params: IdParams, body: CommentBody, response: { 200: ReportDetailSchema } },
    preValidation: async (req) => { if (req.body === undefined) req.body = {}; },
  }, async (req) => reports.approve({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.comment));
}
