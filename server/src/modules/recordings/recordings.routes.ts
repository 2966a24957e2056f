import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import { SESSION_COOKIE } from '../../http/access-hooks.js';
import { AppError } from '../../http/errors.js';
import type { MediaServer } from './recordings.media.js';
import {
  IdParams, MediaParams, PlaybackSchema, RecordingDetailSchema, RecordingFilterQuery, RecordingPage, StartOffsetBody, TrackSchema,
} from './recordings.schema.js';
import type { RecordingsService } from './recordings.service.js';

/** 录像: the lesson list, one lesson, playback grants, deletion, and the token-guarded media files. */
export function registerRecordingsRoutes(app: AppInstance, deps: { recordings: RecordingsService; media: MediaServer }) {
  const { recordings, media } = deps;
  const tags = ['recordings'];

  app.get('/api/recordings', {
    config: { access: 'recording:read' },
    schema: { tags, summary: '录像列表 / Recorded lessons in scope', querystring: RecordingFilterQuery, response: { 200: RecordingPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return recordings.list(req.actor!, filter, page, pageSize);
  });

  app.get('/api/recordings/:id', {
    config: { access: 'recording:read' },
    schema: { tags, summary: '录像详情 / One recording: status, progress, failure reason, counts and the lesson\'s tracks', params: IdParams, response: { 200: RecordingDetailSchema } },
  }, async (req) => recordings.get(req.actor!, req.params.id));

  app.post('/api/recordings/:id/playback', {
    config: { access: 'recording:read' },
    schema: {
      tags, params: IdParams, response: { 200: PlaybackSchema },
      summary: '观看录像 / Short-lived media tokens for every ready track of the lesson (audited as recording.view)',
    },
  }, async (req) => recordings.playback(req.actor!, req.params.id, req.ip));

  app.put('/api/recordings/:id/start-offset', {
    config: { access: 'recording:delete' },
    schema: {
      tags, params: IdParams, body: StartOffsetBody, response: { 200: TrackSchema },
      summary: '机位起始偏移 / Where this track starts on the lesson\'s clock (ms), so tracks that began apart play in step',
    },
  }, async (req) => recordings.setStartOffset(req.actor!, req.params.id, req.body.startOffsetMs, req.ip));

  app.delete('/api/recordings/:id', {
    config: { access: 'recording:delete' },
    schema: { tags, summary: '删除录像 / Delete a recording with all its files', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await recordings.remove(req.actor!, req.params.id, req.ip);
    return reply.status(204).send(null);
  });

  // The token in the path names what may be fetched, so playlists can name their segments
  // relatively; it is signed for one session, whose cookie must come along (same-origin requests
  // carry it). The media server checks that session itself, cached, so the access hook skips it.
  app.head('/api/media/:token/*', {
    config: { access: 'public', sessionCheckedByRoute: true },
    schema: { tags, params: MediaParams, summary: '录像媒体文件（仅头部） / The media checks without the bytes; X-Media-Key names the object (for a reverse proxy)' },
  }, async (req, reply) => reply.status(200).headers(await media.describe(req.params.token, req.params['*'], req.cookies[SESSION_COOKIE])).send());

  app.get('/api/media/:token/*', {
    config: { access: 'public', sessionCheckedByRoute: true }, exposeHeadRoute: false,
    schema: {
      tags, params: MediaParams,
      summary: '录像媒体文件 / HLS playlists, segments and pictures, authorised by a media token from /playback (segments on S3: 302 to a presigned URL)',
    },
  }, async (req, reply) => {
    try {
      const res = await media.open(req.params.token, req.params['*'], req.headers.range, req.cookies[SESSION_COOKIE]);
      return reply.status(res.status).headers(res.headers).send(res.body ?? undefined);
    } catch (err) {
      if (err instanceof AppError && err.status === 416) {
        const size = (err.details as { size: number | null } | undefined)?.size;
        if (size !== null && size !== undefined) reply.header('content-range', `bytes */${size}`);
      }
      throw err;
    }
  });
}
