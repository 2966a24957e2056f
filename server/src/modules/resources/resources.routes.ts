import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import type { ResourcePublishing } from './resources.publish.js';
import type { ResourceLibrary } from './resources.service.js';
import {
  CreateResourceBody, ListQuery, PublicListQuery, PublicResourcePage, PublicResourceSchema, ResourceDetailSchema, ResourcePage,
  ResourceParams, TaxonomySchema, UpdateResourceBody,
} from './resources.schema.js';

/** 优质资源库: browsing and publishing behind login; the public pages without. */
export function registerResourcesRoutes(app: AppInstance, deps: { library: ResourceLibrary; publishing: ResourcePublishing }) {
  const { library, publishing } = deps;
  const tags = ['resources'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });

  app.get('/api/resources', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '资源库 / Resources in reach, by taxonomy, kind, feature, scope, school, mine', querystring: ListQuery, response: { 200: ResourcePage } },
  }, async (req) => library.list(req.actor!, req.query));

  app.get('/api/resources/taxonomy', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '资源分类取值 / Distinct taxonomy values of the resources in reach, for filters', response: { 200: TaxonomySchema } },
  }, async (req) => library.taxonomy(req.actor!));

  app.get('/api/resources/:id', {
    config: { access: 'resource:read' },
    schema: { tags, summary: '资源详情 / One resource in reach (404 otherwise), with its lesson video', params: ResourceParams, response: { 200: ResourceDetailSchema } },
  }, async (req) => library.get(req.actor!, req.params.id));

  app.post('/api/resources', {
    config: { access: 'resource:write' },
    schema: { tags, summary: '发布资源 / Publish a lesson of the school (consent-capped) or a courseware record; goes to the school\'s review', body: CreateResourceBody, response: { 201: ResourceDetailSchema } },
  }, async (req, reply) => reply.status(201).send(await publishing.create(who(req), req.body)));

  app.patch('/api/resources/:id', {
    config: { access: 'resource:write' },
    schema: { tags, summary: '修改资源 / The publisher edits (before done, or when returned); resubmits to the school', params: ResourceParams, body: UpdateResourceBody, response: { 200: ResourceDetailSchema } },
  }, async (req) => publishing.update(who(req), req.params.id, req.body));

  app.post('/api/resources/:id/withdraw', {
    config: { access: 'resource:write' },
    schema: { tags, summary: '撤回资源 / The publisher withdraws: nobody else sees it any more', params: ResourceParams, response: { 200: ResourceDetailSchema } },
  }, async (req) => publishing.withdraw(who(req), req.params.id));

  app.get('/api/public/resources', {
    config: { access: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    schema: { tags, summary: '公开资源 / Resources published to the public (no login)', security: [], querystring: PublicListQuery, response: { 200: PublicResourcePage } },
  }, async (req) => library.publicList(req.query));

  app.get('/api/public/resources/:id', {
    config: { access: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    schema: { tags, summary: '公开资源详情 / One public resource (no login; 404 unless public)', security: [], params: ResourceParams, response: { 200: PublicResourceSchema } },
  }, async (req) => library.publicGet(req.params.id));
}
