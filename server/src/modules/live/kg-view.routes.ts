import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import {
  KgHeartbeatSchema, KgIdParams, KgParentRoomsSchema, KgRoomBody, KgStaffRoomSchema, KgStaffRoomsSchema, KgViewLogListSchema, KgViewLogQuery,
  KgViewLogSchema, KgViewStartBody, KgViewStartSchema, KgWatchersSchema,
} from './kg-view.schema.js';
import type { KgViewService } from './kg-view.service.js';

/**
 * 园所直播: parents watch their child's class room live inside its windows (family:read, their own
 * children only); staff see rooms, who watches now and the log (live:read, their classes only); the
 * principal sets rooms, windows and caps (live:write at the kindergarten). No replay route exists.
 */
export function registerKgViewRoutes(app: AppInstance, deps: { kgView: KgViewService }) {
  const { kgView } = deps;
  const tags = ['live-kg'];

  app.get('/api/live/kg/rooms', {
    config: { access: 'family:read' },
    schema: { tags, summary: '园所直播房间 / The live-view rooms of the guardian\'s children\'s classes, with their windows', response: { 200: KgParentRoomsSchema } },
  }, async (req) => kgView.parentRooms(req.actor!));

  app.post('/api/live/kg/rooms/:id/view', {
    config: { access: 'family:read' },
    schema: {
      tags, summary: '开始观看 / Start watching live (own child\'s class, inside a window, under the cap); logged',
      params: KgIdParams, body: KgViewStartBody, response: { 201: KgViewStartSchema },
    },
  }, async (req, reply) => reply.status(201).send(await kgView.startView(req.actor!, req.params.id, req.body ?? {})));

  app.post('/api/live/kg/views/:id/heartbeat', {
    config: { access: 'family:read' },
    schema: { tags, summary: '仍在观看 / Keep the own view open (closes it past the window\'s end)', params: KgIdParams, response: { 200: KgHeartbeatSchema } },
  }, async (req) => kgView.heartbeat(req.actor!, req.params.id));

  app.post('/api/live/kg/views/:id/end', {
    config: { access: 'family:read' },
    schema: { tags, summary: '结束观看 / End the own view; answers it with its duration', params: KgIdParams, response: { 200: KgViewLogSchema } },
  }, async (req) => kgView.endView(req.actor!, req.params.id));

  app.get('/api/live/kg/staff/rooms', {
    config: { access: 'live:read' },
    schema: { tags, summary: '园所直播（教师、园长）/ Live-view rooms of the actor\'s classes, how many watch now', response: { 200: KgStaffRoomsSchema } },
  }, async (req) => kgView.staffRooms(req.actor!));

  app.get('/api/live/kg/staff/rooms/:id/watchers', {
    config: { access: 'live:read' },
    schema: { tags, summary: '正在观看 / Who watches the room now', params: KgIdParams, response: { 200: KgWatchersSchema } },
  }, async (req) => kgView.watchers(req.actor!, req.params.id));

  app.get('/api/live/kg/views', {
    config: { access: 'live:read' },
    schema: { tags, summary: '观看记录 / Who watched which room for which child, when and how long (one day)', querystring: KgViewLogQuery, response: { 200: KgViewLogListSchema } },
  }, async (req) => kgView.viewLog(req.actor!, req.query));

  app.post('/api/live/kg/settings/rooms', {
    config: { access: 'live:write' },
    schema: { tags, summary: '开放直播房间 / Open a room for live view (principal; never washrooms or sleeping rooms)', body: KgRoomBody, response: { 201: KgStaffRoomSchema } },
  }, async (req, reply) => reply.status(201).send(await kgView.createRoom(req.actor!, req.body, req.ip)));

  app.put('/api/live/kg/settings/rooms/:id', {
    config: { access: 'live:write' },
    schema: { tags, summary: '修改直播房间 / Change a room\'s class, purpose, cap, windows (principal)', params: KgIdParams, body: KgRoomBody, response: { 200: KgStaffRoomSchema } },
  }, async (req) => kgView.updateRoom(req.actor!, req.params.id, req.body, req.ip));

  app.delete('/api/live/kg/settings/rooms/:id', {
    config: { access: 'live:write' },
    schema: { tags, summary: '关闭直播房间 / Remove a room from live view (its views stay in the log)', params: KgIdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await kgView.deleteRoom(req.actor!, req.params.id, req.ip);
    return reply.status(204).send(null);
  });
}
