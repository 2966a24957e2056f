import type { AppInstance } from '../../http/app-types.js';
import { StAudioDraftSchema, StAudioParams, StAudioQuery, StAudioRequestBody } from './st-audio.schema.js';
import type { StAudioService } from './st-audio.service.js';

/** The automatic S-T draft from a lesson's audio (computed by the worker, never sent anywhere). */
export function registerStAudioRoutes(app: AppInstance, deps: { stAudio: StAudioService }) {
  const { stAudio } = deps;
  const tags = ['research'];

  app.get('/api/research/lessons/:recordingId/st-audio', {
    config: { access: 'research:read' },
    schema: {
      tags, summary: 'S-T 自动草稿 / The lesson\'s S-T draft from its audio, with its agreement with each human coding I may see',
      params: StAudioParams, querystring: StAudioQuery, response: { 200: StAudioDraftSchema },
    },
  }, async (req) => stAudio.get(req.actor!, req.params.recordingId, req.query));

  app.post('/api/research/lessons/:recordingId/st-audio', {
    config: { access: 'research:write' },
    schema: {
      tags, summary: '生成 S-T 自动草稿 / Ask the worker for the lesson\'s S-T draft from its audio (two channels or tracks)',
      params: StAudioParams, body: StAudioRequestBody, response: { 202: StAudioDraftSchema },
    },
  }, async (req, reply) => reply.status(202).send(await stAudio.request({ actor: req.actor!, ip: req.ip }, req.params.recordingId, req.body)));
}
