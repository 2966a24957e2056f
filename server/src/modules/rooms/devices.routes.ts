import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../http/app-types.js';
import { bearerToken, hashDeviceToken, requireDeviceTokenShape } from './device-auth.js';
import type { DevicesService } from './devices.service.js';
import { HeartbeatBody, HeartbeatReply, RegisterBody, RegisterReply } from './rooms.schema.js';

// Recorders at one school share a NAT address, so limits count per token, not per address.
const perToken = (req: FastifyRequest) => {
  const token = bearerToken(req);
  return token ? `device:${hashDeviceToken(token).slice(0, 24)}` : `ip:${req.ip}`;
};

/**
 * The device API (docs/devices.md). Public at the access gate because recorders hold no session:
 * each handler authenticates the device token itself. No cookie is involved, so no CSRF header
 * is asked for.
 */
export function registerDeviceRoutes(app: AppInstance, deps: { devices: DevicesService }) {
  const tags = ['devices'];
  const security = [{ deviceToken: [] }];

  app.post('/api/devices/register', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: perToken } },
    schema: { tags, security, summary: '录播主机注册 / A recorder announces itself (device token)', body: RegisterBody, response: { 200: RegisterReply } },
    onRequest: requireDeviceTokenShape,
  }, async (req) => deps.devices.register(req, req.body));

  // Gentle: a heartbeat a minute is asked for; bursts after a reconnect are fine up to 20.
  app.post('/api/devices/heartbeat', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: perToken } },
    schema: { tags, security, summary: '录播主机心跳 / Heartbeat: recording or idle, disk free (device token)', body: HeartbeatBody, response: { 200: HeartbeatReply } },
    onRequest: requireDeviceTokenShape,
  }, async (req) => deps.devices.heartbeat(req, req.body));
}
