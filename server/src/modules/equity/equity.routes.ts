import type { AppInstance } from '../../http/app-types.js';
import type { AuditService } from '../audit/audit.service.js';
import { equityWorkbook } from './equity.export.js';
import { EquityQuery, EquitySchema, RecommendationsQuery, RecommendationsSchema, SchoolsPageSchema, SchoolsQuery } from './equity.schema.js';
import type { EquityService } from './equity.service.js';

/** 均衡分析: the page's figures, the list behind each figure, its Excel export; a school's recommended featured lessons. */
export function registerEquityRoutes(app: AppInstance, deps: { equity: EquityService; audit: AuditService }) {
  const { equity, audit } = deps;
  const tags = ['equity'];

  app.get('/api/equity', {
    config: { access: 'equity:read' },
    schema: {
      tags, summary: '资源均衡分析 / The city and each county of your scope: producers, users, Gini and 差异系数, village reach, county flows, idle schools, 6-month trend',
      querystring: EquityQuery, response: { 200: EquitySchema },
    },
  }, async (req) => equity.overview(req.actor!, req.query));

  app.get('/api/equity/schools', {
    config: { access: 'equity:read' },
    schema: {
      tags, summary: '均衡分析明细学校 / The schools behind a figure (producers, users, idle, village reached or not; by kind, by locality)',
      querystring: SchoolsQuery, response: { 200: SchoolsPageSchema },
    },
  }, async (req) => equity.schools(req.actor!, req.query));

  app.get('/api/equity/export.xlsx', {
    config: { access: 'equity:read' },
    schema: { tags, summary: '导出均衡分析 / The page as a workbook (regions, kinds, localities, flows, idle schools, trend)', querystring: EquityQuery },
  }, async (req, reply) => {
    const overview = await equity.overview(req.actor!, req.query);
    const idle = await equity.schools(req.actor!, { ...req.query, filter: 'idle', page: 1, pageSize: 100_000 });
    const body = await equityWorkbook(overview, idle.items);
    await audit.record({
      actor: { userId: req.actor!.userId, name: req.actor!.name }, action: 'equity.export', targetType: 'region', targetId: req.query.countyId,
      result: 'success', ip: req.ip, detail: { month: overview.month, countyId: req.query.countyId ?? null, idle: idle.total },
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`资源均衡分析_${overview.month}.xlsx`)}`)
      .header('cache-control', 'no-store')
      .send(body);
  });

  app.get('/api/equity/recommendations', {
    config: { access: 'resource:read' },
    schema: {
      tags, summary: '推荐优课 / Featured lessons for a school\'s grades in subjects and grades it has not used yet',
      querystring: RecommendationsQuery, response: { 200: RecommendationsSchema },
    },
  }, async (req) => equity.recommendations(req.actor!, req.query));
}
