import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import {
  IdParams, LiveClassListQuery, LiveClassOptions, LiveClassOptionsQuery, LiveClassPage, LiveClassPatch, LiveClassSchema, NewLiveClassBody,
} from './classes.schema.js';
import type { LiveClassesService } from './classes.service.js';

/** 互动教学 schedule: live classes from a lead room to one to three receiving rooms. */
export function registerLiveClassesRoutes(app: AppInstance, deps: { classes: LiveClassesService }) {
  const { classes } = deps;
  const tags = ['live'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });

  app.get('/api/live/classes', {
    config: { access: 'live:read' },
    schema: { tags, summary: '直播课 / Live classes led or received in the caller\'s scope', querystring: LiveClassListQuery, response: { 200: LiveClassPage } },
  }, async (req) => classes.list(req.actor!, req.query));

  app.get('/api/live/class-options', {
    config: { access: 'live:write' },
    schema: {
      tags, summary: '排课选项 / Schools, rooms and teachers the caller may schedule a live class with',
      querystring: LiveClassOptionsQuery, response: { 200: LiveClassOptions },
    },
  }, async (req) => classes.options(req.actor!, req.query.schoolId));

  app.post('/api/live/classes', {
    config: { access: 'live:write' },
    schema: {
      tags, summary: '安排直播课 / Schedule a live class (weekly 专递课堂 or once); a room holds one live class at a time',
      body: NewLiveClassBody, response: { 201: LiveClassSchema },
    },
  }, async (req, reply) => reply.status(201).send(await classes.create(who(req), req.body)));

  app.get('/api/live/classes/:id', {
    config: { access: 'live:read' },
    schema: { tags, summary: '直播课详情 / One live class', params: IdParams, response: { 200: LiveClassSchema } },
  }, async (req) => classes.get(req.actor!, req.params.id));

  app.patch('/api/live/classes/:id', {
    config: { access: 'live:write' },
    schema: { tags, summary: '修改直播课 / Change a live class (the lead school or its bureau)', params: IdParams, body: LiveClassPatch, response: { 200: LiveClassSchema } },
  }, async (req) => classes.update(who(req), req.params.id, req.body));

  app.post('/api/live/classes/:id/cancel', {
    config: { access: 'live:write' },
    schema: { tags, summary: '取消直播课 / Cancel a live class; its coming sessions go with it', params: IdParams, response: { 200: LiveClassSchema } },
  }, async (req) => classes.cancel(who(req), req.params.id));
}
