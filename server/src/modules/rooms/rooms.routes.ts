import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import type { DevicesService } from './devices.service.js';
import {
  AlertFilterQuery, AlertPage, CreateDeviceBody, CreateRoomBody, DeviceParams, DeviceTokenSchema, IdParams, PageQuery,
  RoomDetailSchema, RoomFilterQuery, RoomPage, RoomPatch, RoomSummarySchema, TimetableBody, TimetableSchema,
} from './rooms.schema.js';
import type { RoomsService } from './rooms.service.js';

/** 录播室: rooms, their recorders' tokens, timetables and alerts, as staff manage them. */
export function registerRoomsRoutes(app: AppInstance, deps: { rooms: RoomsService; devices: DevicesService }) {
  const { rooms, devices } = deps;
  const tags = ['rooms'];
  // A token answer must not linger in any cache: it is shown once.
  const noStore = { 'cache-control': 'no-store' };

  app.get('/api/rooms', {
    config: { access: 'org:read' },
    schema: { tags, summary: '录播室列表 / Rooms in scope with live state', querystring: Type.Intersect([RoomFilterQuery, PageQuery]), response: { 200: RoomPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return rooms.listRooms(req.actor!, filter, page, pageSize);
  });

  app.get('/api/rooms/summary', {
    config: { access: 'org:read' },
    schema: {
      tags, summary: '录播室概况 / Rooms by lifecycle status and online state, per county',
      querystring: Type.Object({ countyId: Type.Optional(Type.Integer({ minimum: 1 })) }), response: { 200: RoomSummarySchema },
    },
  }, async (req) => rooms.summary(req.actor!, req.query));

  app.get('/api/rooms/alerts', {
    config: { access: 'org:read' },
    schema: { tags, summary: '录播室告警 / Alerts of rooms in scope', querystring: Type.Intersect([AlertFilterQuery, PageQuery]), response: { 200: AlertPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return rooms.listAlerts(req.actor!, filter, page, pageSize);
  });

  app.get('/api/rooms/:id', {
    config: { access: 'org:read' },
    schema: { tags, summary: '录播室详情 / One room with its recorders', params: IdParams, response: { 200: RoomDetailSchema } },
  }, async (req) => rooms.getRoom(req.actor!, req.params.id));

  app.post('/api/rooms', {
    config: { access: 'room:write' },
    schema: { tags, summary: '新建录播室 / Add a room to a school', body: CreateRoomBody, response: { 201: RoomDetailSchema } },
  }, async (req, reply) => reply.status(201).send(await rooms.createRoom({ actor: req.actor!, ip: req.ip }, req.body)));

  app.patch('/api/rooms/:id', {
    config: { access: 'room:write' },
    schema: {
      tags, summary: '修改录播室或其状态 / Edit a room or move its lifecycle (a step back needs a reason)',
      params: IdParams, body: RoomPatch, response: { 200: RoomDetailSchema },
    },
  }, async (req) => rooms.updateRoom({ actor: req.actor!, ip: req.ip }, req.params.id, req.body));

  app.post('/api/rooms/:id/devices', {
    config: { access: 'room:write' },
    schema: {
      tags, summary: '添加录播主机 / Add a recorder; the answer shows its token once',
      params: IdParams, body: CreateDeviceBody, response: { 201: DeviceTokenSchema },
    },
    // The body is optional: a bare POST (no body at all) adds a recorder with the default name; `null` is refused.
    preValidation: async (req) => { if (req.body === undefined) req.body = {}; },
  }, async (req, reply) => {
    const out = await devices.createDevice({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.name);
    return reply.status(201).headers(noStore).send(out);
  });

  app.post('/api/rooms/:id/devices/:deviceId/rotate', {
    config: { access: 'room:write' },
    schema: {
      tags, summary: '重新生成设备令牌 / New token for a recorder; the old one stops working at once',
      params: DeviceParams, response: { 200: DeviceTokenSchema },
    },
  }, async (req, reply) => reply.headers(noStore).send(await devices.rotateDevice({ actor: req.actor!, ip: req.ip }, req.params.id, req.params.deviceId)));

  app.delete('/api/rooms/:id/devices/:deviceId', {
    config: { access: 'room:write' },
    schema: { tags, summary: '吊销设备令牌 / Revoke a recorder\'s token', params: DeviceParams, response: { 204: Type.Null({ description: 'revoked' }) } },
  }, async (req, reply) => {
    await devices.revokeDevice({ actor: req.actor!, ip: req.ip }, req.params.id, req.params.deviceId);
    return reply.status(204).send(null);
  });

  app.get('/api/rooms/:id/timetable', {
    config: { access: 'org:read' },
    schema: { tags, summary: '录播室课表 / Weekly timetable of a room', params: IdParams, response: { 200: TimetableSchema } },
  }, async (req) => rooms.getTimetable(req.actor!, req.params.id));

  app.put('/api/rooms/:id/timetable', {
    config: { access: 'room:write' },
    schema: { tags, summary: '保存录播室课表 / Replace the weekly timetable', params: IdParams, body: TimetableBody, response: { 200: TimetableSchema } },
  }, async (req) => rooms.putTimetable({ actor: req.actor!, ip: req.ip }, req.params.id, req.body.lessons));
}
