import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import replyFrom from '@fastify/reply-from';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/database.js';
import type { AppInstance } from '../../../http/app-types.js';
import { AppError, notFound } from '../../../http/errors.js';
import { authenticateDevice, requireDeviceTokenShape } from '../../rooms/device-auth.js';
import type { LiveMediaHandles } from '../live-media.js';
import type { LiveMediaEngineImpl } from './engine.js';
import { verifyLiveToken } from './live-tokens.js';
import { liveSessionLedFrom } from './media.queries.js';
import { HlsParams, RecorderTargetSchema } from './media.schema.js';

const mayWatch = (req: FastifyRequest) => !!req.actor && (req.actor.permissions.has('live:read') || req.actor.permissions.has('family:read'));

/**
 * The media routes of live classes: the same-origin path to Janus's HTTP API (so CSP stays 'self'
 * and Janus listens on loopback only), the one-way HLS playlist and segments (live token in the
 * path), and where a lead room's recorder sends its stream (device token).
 */
export async function registerLiveMediaRoutes(app: AppInstance, deps: { db: Db; engine: LiveMediaEngineImpl; now: () => Date }) {
  const tags = ['live'];
  await deps.engine.ready();
  const janusUrl = deps.engine.janusHttpUrl();

  await app.register(async (scope) => {
    if (janusUrl) {
      await scope.register(replyFrom, {
        base: new URL(janusUrl).origin,
        // Janus's long poll holds a GET up to 30 s; every open page keeps one.
        undici: { connections: 256, pipelining: 1, headersTimeout: 65_000, bodyTimeout: 65_000 },
      });
    }
    const path = janusUrl ? new URL(janusUrl).pathname.replace(/\/$/, '') : '/janus';
    const proxy = async (req: FastifyRequest, reply: import('fastify').FastifyReply) => {
      if (!mayWatch(req)) throw new AppError(403, 'FORBIDDEN', '您的角色不能观看直播');
      if (!janusUrl) throw new AppError(503, 'LIVE_ONE_WAY', '直播为单向直播（未安装 Janus）：没有双向互动通道');
      const rest = (req.params as { '*': string })['*'] ?? '';
      if (!/^[0-9A-Za-z/]*$/.test(rest)) throw notFound();
      const q = req.url.indexOf('?');
      return reply.from(`${path}${rest ? `/${rest}` : ''}${q >= 0 ? req.url.slice(q) : ''}`);
    };
    scope.get('/api/live/janus', { config: { access: 'session' }, schema: { tags, summary: '直播媒体通道 / Janus HTTP API (same origin, for live pages)', hide: true } }, proxy);
    scope.get('/api/live/janus/*', { config: { access: 'session' }, schema: { tags, summary: '直播媒体通道 / Janus HTTP API long poll', hide: true } }, proxy);
    scope.post('/api/live/janus', { config: { access: 'session' }, schema: { tags, summary: '直播媒体通道 / Janus HTTP API: create a Janus session', hide: true } }, proxy);
    scope.post('/api/live/janus/*', { config: { access: 'session' }, schema: { tags, summary: '直播媒体通道 / Janus HTTP API: messages, trickle', hide: true } }, proxy);
  });

  app.get('/api/live/hls/:token/:file', {
    config: { access: 'public', sessionCheckedByRoute: true },
    schema: { tags, summary: '单向直播 HLS / One-way live playlist and segments (live token in the path)', params: HlsParams },
  }, async (req, reply) => {
    const grant = verifyLiveToken(deps.engine.tokenKey, req.params.token, Math.floor(deps.now().getTime() / 1000));
    if (!grant) throw new AppError(403, 'LIVE_TOKEN_INVALID', '直播观看凭证无效或已过期：请刷新页面');
    const file = join(deps.engine.hlsDir(grant.sessionId), req.params.file);
    if (!existsSync(file)) throw notFound('直播画面');
    const playlist = req.params.file.endsWith('.m3u8');
    return reply
      .header('content-type', playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t')
      .header('cache-control', playlist ? 'no-store' : 'private, max-age=60')
      .send(createReadStream(file));
  });

  app.get('/api/devices/live', {
    config: { access: 'public' },
    schema: { tags, security: [{ deviceToken: [] }], summary: '录播主机直播推流地址 / Where the lead room\'s recorder sends RTP now (device token); 404 when no live class', response: { 200: RecorderTargetSchema } },
    onRequest: requireDeviceTokenShape,
  }, async (req) => {
    const device = await authenticateDevice(deps.db, req);
    const s = await liveSessionLedFrom(deps.db, device.roomId);
    if (!s || !s.media) throw notFound('正在进行的直播课');
    return deps.engine.recorderTarget({ id: s.id, mode: (s.mode ?? 'hls') as 'webrtc' | 'hls', handles: JSON.parse(s.media) as LiveMediaHandles });
  });
}
