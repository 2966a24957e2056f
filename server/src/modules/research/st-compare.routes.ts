import type { AppInstance } from '../../http/app-types.js';
import { ActivityParams, CompareQuery, CompareSchema } from './st-compare.schema.js';
import type { StCompareService } from './st-compare.service.js';

/** 同课异构: two or three lessons of an activity side by side, with their S-T figures and curves. */
export function registerStCompareRoutes(app: AppInstance, deps: { compare: StCompareService }) {
  app.get('/api/research/activities/:id/st-compare', {
    config: { access: 'research:read' },
    schema: {
      tags: ['research'], summary: '同课异构对比 / Two or three of an activity\'s lessons with their S-T figures and curves',
      params: ActivityParams, querystring: CompareQuery, response: { 200: CompareSchema },
    },
  }, async (req) => deps.compare.compare(req.actor!, req.params.id, req.query));
}
