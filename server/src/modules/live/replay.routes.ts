import type { AppInstance } from '../../http/app-types.js';
import { ReplaySchema, SessionParams } from './replay.schema.js';
import type { ReplayService } from './replay.service.js';

/** 专递课堂 replay: the rooms' tracks and the interaction markers beside a session's recorded lesson. */
export function registerReplayRoutes(app: AppInstance, deps: { replay: ReplayService }) {
  const tags = ['live'];
  app.get('/api/live/sessions/:id/replay', {
    config: { access: 'live:read' },
    schema: {
      tags, summary: '专递课堂回放 / A session\'s replay: its lesson, which room is which track, hands and polls as timeline markers',
      params: SessionParams, response: { 200: ReplaySchema },
    },
  }, async (req) => deps.replay.replayOf(req.actor!, req.params.id));
}
