import type { AppInstance } from '../../http/app-types.js';
import { IdParams, ListRubricsQuery, RubricBody, RubricList, RubricSchema } from './rubrics.schema.js';
import type { RubricsService } from './rubrics.service.js';

/** 课堂观察量表: the city's and counties' observation rubrics, their versions and states. */
export function registerRubricsRoutes(app: AppInstance, deps: { rubrics: RubricsService }) {
  const { rubrics } = deps;
  const tags = ['research'];

  app.get('/api/research/rubrics', {
    config: { access: 'research:read' },
    schema: { tags, summary: '观察量表 / Rubrics of the caller\'s city and county (drafts only for their writers)', querystring: ListRubricsQuery, response: { 200: RubricList } },
  }, async (req) => rubrics.list(req.actor!, req.query));

  app.get('/api/research/rubrics/:id', {
    config: { access: 'research:read' },
    schema: { tags, summary: '观察量表详情 / One rubric with its dimensions, items and levels', params: IdParams, response: { 200: RubricSchema } },
  }, async (req) => rubrics.get(req.actor!, req.params.id));

  app.post('/api/research/rubrics', {
    config: { access: 'rubric:write' },
    schema: { tags, summary: '新建观察量表 / A draft rubric owned by the caller\'s city or county', body: RubricBody, response: { 201: RubricSchema } },
  }, async (req, reply) => reply.status(201).send(await rubrics.create({ actor: req.actor!, ip: req.ip }, req.body)));

  app.put('/api/research/rubrics/:id', {
    config: { access: 'rubric:write' },
    schema: { tags, summary: '修改观察量表 / Change a draft, or a published rubric nobody has scored on yet', params: IdParams, body: RubricBody, response: { 200: RubricSchema } },
  }, async (req) => rubrics.update({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.post('/api/research/rubrics/:id/publish', {
    config: { access: 'rubric:write' },
    schema: { tags, summary: '发布观察量表 / Publish a draft: activities may then observe on it', params: IdParams, response: { 200: RubricSchema } },
  }, async (req) => rubrics.publish({ actor: req.actor!, ip: req.ip }, req.params.id));

  app.post('/api/research/rubrics/:id/archive', {
    config: { access: 'rubric:write' },
    schema: { tags, summary: '归档观察量表 / Archive: no new activity may choose it; its scores stay', params: IdParams, response: { 200: RubricSchema } },
  }, async (req) => rubrics.archive({ actor: req.actor!, ip: req.ip }, req.params.id));

  app.post('/api/research/rubrics/:id/copy', {
    config: { access: 'rubric:write' },
    schema: { tags, summary: '复制为新版本 / A new draft copied from a rubric (the next version where the caller owns it)', params: IdParams, response: { 201: RubricSchema } },
  }, async (req, reply) => reply.status(201).send(await rubrics.copy({ actor: req.actor!, ip: req.ip }, req.params.id)));
}
