import type { AppInstance } from '../../http/app-types.js';
import { AsOfQuery, CityDashboardSchema, CountyDashboardSchema, IdParams, SchoolDashboardSchema } from './dashboards.schema.js';
import type { DashboardsService } from './dashboards.service.js';

export function registerDashboardsRoutes(app: AppInstance, deps: { dashboards: DashboardsService }) {
  const { dashboards } = deps;
  const tags = ['dashboards'];

  app.get('/api/dashboards/city', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '市级数据看板 / Every county in your scope: compliance today and this month, 30-day trend, lagging schools, rollout, lessons by subject',
      querystring: AsOfQuery, response: { 200: CityDashboardSchema },
    },
  }, async (req) => dashboards.city(req.actor!, req.query));

  app.get('/api/dashboards/counties/:id', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '县级数据看板 / One county, school by school',
      params: IdParams, querystring: AsOfQuery, response: { 200: CountyDashboardSchema },
    },
  }, async (req) => dashboards.county(req.actor!, req.params.id, req.query));

  app.get('/api/dashboards/schools/:id', {
    config: { access: 'compliance:read' },
    schema: {
      tags, summary: '学校数据看板 / One school: its days this month, trend and lessons',
      params: IdParams, querystring: AsOfQuery, response: { 200: SchoolDashboardSchema },
    },
  }, async (req) => dashboards.school(req.actor!, req.params.id, req.query));
}
