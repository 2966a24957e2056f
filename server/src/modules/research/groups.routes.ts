import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { CreateGroupBody, GroupDetailSchema, GroupListQuery, GroupPage, GroupParams, UpdateGroupBody } from './groups.schema.js';
import type { GroupsService } from './groups.service.js';

/** 教研组 and 名师工作室: groups of teachers across schools, with the feed of their activities. */
export function registerGroupsRoutes(app: AppInstance, deps: { groups: GroupsService }) {
  const { groups } = deps;
  const tags = ['research'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });

  app.get('/api/research/groups', {
    config: { access: 'research:read' },
    schema: { tags, summary: '教研组列表 / Groups the caller is in (view=mine) or supervises', querystring: GroupListQuery, response: { 200: GroupPage } },
  }, async (req) => groups.list(req.actor!, req.query));

  app.get('/api/research/groups/:id', {
    config: { access: 'research:read' },
    schema: { tags, summary: '教研组 / One group: members and the feed of its activities', params: GroupParams, response: { 200: GroupDetailSchema } },
  }, async (req) => groups.get(req.actor!, req.params.id));

  app.post('/api/research/groups', {
    config: { access: 'research:write' },
    schema: { tags, summary: '设立教研组 / A school\'s 教研组 (principal) or a county\'s or the city\'s 名师工作室 (officers)', body: CreateGroupBody, response: { 201: GroupDetailSchema } },
  }, async (req, reply) => reply.status(201).send(await groups.create(who(req), req.body)));

  app.patch('/api/research/groups/:id', {
    config: { access: 'research:write' },
    schema: { tags, summary: '修改教研组 / Edit a group, its leader and members', params: GroupParams, body: UpdateGroupBody, response: { 200: GroupDetailSchema } },
  }, async (req) => groups.update(who(req), req.params.id, req.body));

  app.post('/api/research/groups/:id/archive', {
    config: { access: 'research:write' },
    schema: { tags, summary: '归档教研组 / Archive a group (it stays readable)', params: GroupParams, response: { 200: GroupDetailSchema } },
  }, async (req) => groups.archive(who(req), req.params.id));
}
