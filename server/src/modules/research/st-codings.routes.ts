import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { CodingSchema, IdParams, LessonCodingsSchema, LessonQuery, SaveCodingBody } from './st-codings.schema.js';
import type { StCodingsService } from './st-codings.service.js';
import { registerStCompareRoutes } from './st-compare.routes.js';
import type { StCompareService } from './st-compare.service.js';

/**
 * S-T analysis (S-T 分析): observers' codings of a lesson, in an activity or outside any, and the
 * 同课异构 comparison. Reading takes research:read, coding research:write; which lessons and
 * activities a person reaches is the research reach's answer (404 otherwise).
 */
export function registerStRoutes(app: AppInstance, deps: { codings: StCodingsService; compare: StCompareService }) {
  const { codings } = deps;
  const tags = ['research'];

  app.get('/api/research/st-codings', {
    config: { access: 'research:read' },
    schema: {
      tags, summary: 'S-T 编码 / A lesson\'s codings the caller may see (in an activity or outside any), with Rt, Ch, type and agreement',
      querystring: LessonQuery, response: { 200: LessonCodingsSchema },
    },
  }, async (req) => codings.list(req.actor!, { recordingId: req.query.recordingId, activityId: req.query.activityId ?? null }));

  app.put('/api/research/st-codings', {
    config: { access: 'research:write' },
    schema: {
      tags, summary: '保存 S-T 编码 / Save the caller\'s coding of a lesson (created the first time, replaced after)',
      body: SaveCodingBody, response: { 200: CodingSchema },
    },
  }, async (req) => codings.save(req.actor!, req.body));

  app.get('/api/research/st-codings/:id', {
    config: { access: 'research:read' },
    schema: { tags, summary: 'S-T 编码详情 / One coding with its figures', params: IdParams, response: { 200: CodingSchema } },
  }, async (req) => codings.get(req.actor!, req.params.id));

  app.delete('/api/research/st-codings/:id', {
    config: { access: 'research:write' },
    schema: { tags, summary: '删除 S-T 编码 / The coder withdraws their coding', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await codings.remove(req.actor!, req.params.id);
    return reply.status(204).send(null);
  });

  registerStCompareRoutes(app, { compare: deps.compare });
}
