import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import type { AuditService } from '../audit/audit.service.js';
import { schoolExportColumns } from './org.export.js';
import {
  GradeSchema, IdParams, PageQuery, RegionSchema, SchoolFilterQuery, SchoolPage, SchoolPatch, SchoolSchema, SummarySchema,
} from './org.schema.js';
import type { OrgService } from './org.service.js';

export function registerOrgRoutes(app: AppInstance, deps: { org: OrgService; audit: AuditService }) {
  const { org, audit } = deps;
  const tags = ['org'];

  app.get('/api/org/summary', {
    config: { access: 'org:read' },
    schema: { tags, summary: '机构概况 / Counts of counties and schools in scope', response: { 200: SummarySchema } },
  }, async (req) => org.summary(req.actor!));

  app.get('/api/regions', {
    config: { access: 'org:read' },
    schema: { tags, summary: '行政区与教育局 / Regions in scope with their departments', response: { 200: Type.Array(RegionSchema) } },
  }, async (req) => org.listRegions(req.actor!));

  app.get('/api/schools', {
    config: { access: 'org:read' },
    schema: { tags, summary: '学校列表 / Schools in scope', querystring: Type.Intersect([SchoolFilterQuery, PageQuery]), response: { 200: SchoolPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return org.listSchools(req.actor!, filter, page, pageSize);
  });

  app.get('/api/schools/export.xlsx', {
    config: { access: 'school:export' },
    schema: { tags, summary: '导出学校 / Export schools in scope to .xlsx', querystring: SchoolFilterQuery },
  }, async (req, reply) => {
    await sendXlsx(reply, {
      filename: '学校名单.xlsx', sheet: '学校', columns: schoolExportColumns, rows: org.exportSchools(req.actor!, req.query),
      beforeLastByte: (count) => audit.record({ actor: { userId: req.actor!.userId, name: req.actor!.name }, action: 'school.export', targetType: 'school', result: 'success', ip: req.ip, detail: { filter: req.query, rows: count } }),
    });
    return reply;
  });

  app.get('/api/schools/:id', {
    config: { access: 'org:read' },
    schema: { tags, summary: '学校详情 / One school', params: IdParams, response: { 200: SchoolSchema } },
  }, async (req) => org.getSchool(req.actor!, req.params.id));

  app.patch('/api/schools/:id', {
    config: { access: 'school:write' },
    schema: { tags, summary: '修改学校信息 / Edit a school', params: IdParams, body: SchoolPatch, response: { 200: SchoolSchema } },
  }, async (req) => org.updateSchool(req.actor!, req.params.id, req.body, req.ip));

  app.get('/api/schools/:id/classes', {
    config: { access: 'org:read' },
    schema: { tags, summary: '年级与班级 / Grades and classes of a school', params: IdParams, response: { 200: Type.Array(GradeSchema) } },
  }, async (req) => org.listClasses(req.actor!, req.params.id));
}
