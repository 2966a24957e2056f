import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { LiveMediaViewSchema, LiveSessionList, LiveSessionSchema, MediaQuery, SessionListQuery, SessionParams } from './sessions.schema.js';
import type { LiveSessionsService } from './sessions.service.js';

/** 互动教学 sessions: a day's live lessons, going on air and off, and what each page plays. */
export function registerLiveSessionsRoutes(app: AppInstance, deps: { sessions: LiveSessionsService }) {
  const { sessions } = deps;
  const tags = ['live'];
  const who = (req: FastifyRequest) => ({ actor: req.actor!, ip: req.ip });
  const noStore = { 'cache-control': 'no-store' };

  app.get('/api/live/sessions', {
    config: { access: 'live:read' },
    schema: {
      tags, summary: '直播课表 / A day\'s live sessions in scope, with the caller\'s part in each (status=live: the patrol wall)',
      querystring: SessionListQuery, response: { 200: LiveSessionList },
    },
  }, async (req) => sessions.list(req.actor!, req.query));

  app.get('/api/live/sessions/:id', {
    config: { access: 'live:read' },
    schema: { tags, summary: '直播详情 / One session with the caller\'s part', params: SessionParams, response: { 200: LiveSessionSchema } },
  }, async (req) => sessions.get(req.actor!, req.params.id));

  app.post('/api/live/sessions/:id/start', {
    config: { access: 'live:read' },
    schema: { tags, summary: '开始直播 / Go on air (the lead teacher or the lead school\'s principal)', params: SessionParams, response: { 200: LiveSessionSchema } },
  }, async (req) => sessions.start(who(req), req.params.id));

  app.post('/api/live/sessions/:id/end', {
    config: { access: 'live:read' },
    schema: { tags, summary: '结束直播 / End the session; its replay is made from what was recorded', params: SessionParams, response: { 200: LiveSessionSchema } },
  }, async (req) => sessions.end(who(req), req.params.id));

  app.get('/api/live/sessions/:id/media', {
    config: { access: 'live:read' },
    schema: {
      tags, summary: '直播媒体 / What this page plays and sends (mode, Janus handles or HLS playlist); the part is the server\'s',
      params: SessionParams, querystring: MediaQuery, response: { 200: LiveMediaViewSchema },
    },
  }, async (req, reply) => reply.headers(noStore).send(await sessions.mediaFor(req.actor!, req.params.id, req.query.roomId)));
}
