import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { AppError } from '../../http/errors.js';
import type { ChannelViewer } from './interaction-access.js';
import { ChannelQuery, RecordQuery, SessionParams } from './interaction.schema.js';
import type { ChannelConnection, InteractionService } from './interaction.service.js';

/** A text frame is small (a question is ≤ 500 characters); anything larger is refused by ws itself. */
const MAX_FRAME_BYTES = 8 * 1024;

/**
 * 互动教学 interaction: the session's WebSocket channel and its record. The channel goes through
 * the same access hooks as every route (session cookie, live:read, origin of the upgrade); the
 * session and the claimed room are checked before the upgrade, so a guessed id or another
 * school's room gets a plain 404 and never a socket.
 */
export async function registerInteractionRoutes(app: AppInstance, deps: { interaction: InteractionService }) {
  const { interaction } = deps;
  const tags = ['live'];

  app.get('/api/live/sessions/:id/record', {
    config: { access: 'live:read' },
    schema: { tags, summary: '互动记录 / The session\'s interaction record: events with offsets, attendance per room (?format=csv to download)', params: SessionParams, querystring: RecordQuery },
  }, async (req, reply) => {
    if (req.query.format !== 'csv') return interaction.record(req.actor!, req.params.id);
    const csv = await interaction.recordCsv(req.actor!, req.params.id);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="live-session-${req.params.id}-record.csv"`).send(csv);
  });

  // The WebSocket plugin lives in its own context: its hooks touch only the channel route.
  await app.register(async (scope: AppInstance) => {
    await scope.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
    const viewers = new WeakMap<FastifyRequest, ChannelViewer>();

    scope.get('/api/live/sessions/:id/channel', {
      websocket: true,
      config: { access: 'live:read' },
      schema: { tags, summary: '互动通道 / The session\'s interaction channel (WebSocket): hands, calls, questions, polls, attendance', params: SessionParams, querystring: ChannelQuery },
      // A refused upgrade (401/403 from the access hooks, 404 here) answers in HTTP and then the
      // socket must end: the plugin only ends those its own hook saw, which a refusal may precede.
      onResponse: async (req) => {
        if (String(req.headers.upgrade ?? '').toLowerCase() === 'websocket') req.raw.socket?.destroy();
      },
      preHandler: async (req) => {
        viewers.set(req, await interaction.viewerFor(req.actor!, req.params.id, req.query.roomId ?? null));
        if (!req.ws) throw new AppError(426, 'UPGRADE_REQUIRED', '互动通道需要 WebSocket 连接');
      },
    }, async (socket, req) => {
      const viewer = viewers.get(req)!;
      // Frames that arrive while the connection joins are kept and applied in order afterwards.
      const early: string[] = [];
      let connection: ChannelConnection | null = null;
      let gone = false;
      socket.on('message', (data, isBinary) => {
        const raw = isBinary ? '' : String(data);
        if (connection) void connection.receive(raw);
        else early.push(raw);
      });
      socket.on('close', () => {
        gone = true;
        void connection?.close();
      });
      connection = await interaction.connect(viewer, req.actor!, {
        send: (m) => { if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m)); },
        close: () => socket.close(1001),
      });
      if (gone) await connection.close();
      for (const raw of early) void connection.receive(raw);
    });
  });
}
