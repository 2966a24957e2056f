import { createReadStream } from 'node:fs';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import { authenticateDevice, requireDeviceTokenShape } from '../rooms/device-auth.js';
import { KgHlsParams, KgRecorderTargetSchema } from './kg-view.schema.js';
import type { KgViewService } from './kg-view.service.js';

/**
 * 园所直播's stream: the parent's HLS playlist and segments (their session and a stream token
 * signed for them, the room and the window's end, in the path; the playlist is checked against the
 * view, the class, the window and the cap on every request), and where a kindergarten room's
 * recorder or camera sends its picture (device token), as a live class's lead room does.
 */
export function registerKgViewStreamRoutes(app: AppInstance, deps: { db: Db; kgView: KgViewService }) {
  const { kgView } = deps;
  const tags = ['live-kg'];

  app.get('/api/live/kg/rooms/:id/hls/:token/:file', {
    config: { access: 'family:read' },
    schema: { tags, summary: '园所直播画面 / The room\'s live playlist and segments (own view\'s token; live only, a few seconds kept)', params: KgHlsParams },
  }, async (req, reply) => {
    const { path, playlist } = await kgView.streamFile(req.actor!, req.params.id, req.params.token, req.params.file);
    return reply
      .header('content-type', playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t')
      // Nothing is kept for later: no cache may hold the picture beyond the live edge.
      .header('cache-control', playlist ? 'no-store' : 'private, no-store')
      .send(createReadStream(path));
  });

  app.get('/api/devices/live/kg', {
    config: { access: 'public' },
    schema: {
      tags, security: [{ deviceToken: [] }], response: { 200: KgRecorderTargetSchema },
      summary: '园所直播推流地址 / Where a kindergarten room\'s recorder sends its picture now (device token); 404 outside the windows',
    },
    onRequest: requireDeviceTokenShape,
  }, async (req) => kgView.recorderTarget((await authenticateDevice(deps.db, req)).roomId));
}
