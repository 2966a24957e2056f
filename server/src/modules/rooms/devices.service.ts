import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { type DeviceIdentity, authenticateDevice, newDeviceToken } from './device-auth.js';
import { resolveOfflineAlerts, updateDiskAlert } from './room-alerts.js';
import { ROOM_TIMING, type RoomTiming, onlineCutoff } from './room-timing.js';
import type { RoomsService } from './rooms.service.js';
import { toDeviceView } from './rooms.views.js';
import { NO_HELD_LESSONS, type RoomHeldLessons } from './held-lessons.js';
import { shanghaiDate, shanghaiInstant } from '../../../../shared/dates.js';

/** Where recorders send lessons (tus 1.0.0, see docs/devices.md). */
export const UPLOAD_URL = '/api/uploads';

type Who = { actor: Actor; ip: string };
type DeviceRequest = { headers: Record<string, string | string[] | undefined>; ip: string };

/**
 * Recorders (录播主机): staff issue, rotate and revoke their tokens; recorders register and send
 * heartbeats with them. A token is shown once and stored only as its SHA-256.
 */
export function createDevicesService(deps: {
  db: Db; clock: Clock; audit: AuditService; rooms: RoomsService; timing?: Partial<RoomTiming>;
  /** Lessons other modules hold in rooms (live classes): the heartbeat tells the lead room's recorder today's. */
  heldLessons?: RoomHeldLessons;
}) {
  const db = deps.db.db;
  const timing: RoomTiming = { ...ROOM_TIMING, ...deps.timing };
  const by = (w: Who) => ({ actor: { userId: w.actor.userId, name: w.actor.name }, ip: w.ip });
  const cutoff = () => onlineCutoff(deps.clock.now(), timing);

  async function deviceOfRoom(roomId: number, deviceId: number) {
    const d = await db.selectFrom('devices').selectAll().where('id', '=', deviceId).where('room_id', '=', roomId).executeTakeFirst();
    if (!d) throw notFound('录播设备');
    return d;
  }

  /** Adds a recorder to a room; the answer carries its token, which is never shown again. */
  async function createDevice(w: Who, roomId: number, name: string | undefined) {
    const room = await deps.rooms.roomForWrite(w.actor, roomId);
    const { token, hash, hint } = newDeviceToken();
    const { id } = await db.insertInto('devices').values({
      room_id: room.id, school_id: room.school_id, name: name?.trim() || '录播主机', serial: '', token_hash: hash, token_hint: hint,
      created_at: deps.clock.now().toISOString(), rotated_at: null, revoked_at: null, last_heartbeat_at: null, last_state: null,
      disk_free_bytes: null, firmware: null, last_ip: null,
    }).returning('id').executeTakeFirstOrThrow();
    await deps.audit.record({ ...by(w), action: 'device.create', targetType: 'device', targetId: id, result: 'success', detail: { roomId, tokenHint: hint } });
    return { device: toDeviceView(await deviceOfRoom(roomId, id), cutoff()), token };
  }

  /**
   * Issues a new token; the old one stops working at once (its hash is overwritten). The serial
   * binding is cleared too, so the token may be moved to a replacement recorder.
   */
  async function rotateDevice(w: Who, roomId: number, deviceId: number) {
    await deps.rooms.roomForWrite(w.actor, roomId);
    const d = await deviceOfRoom(roomId, deviceId);
    if (d.revoked_at) throw conflict('DEVICE_REVOKED', '该设备的令牌已吊销，不能重新生成：请为录播室添加新设备');
    const { token, hash, hint } = newDeviceToken();
    await db.updateTable('devices').set({ token_hash: hash, token_hint: hint, rotated_at: deps.clock.now().toISOString(), serial: '' })
      .where('id', '=', deviceId).execute();
    await deps.audit.record({ ...by(w), action: 'device.rotate', targetType: 'device', targetId: deviceId, result: 'success', detail: { roomId, oldHint: d.token_hint, tokenHint: hint } });
    return { device: toDeviceView(await deviceOfRoom(roomId, deviceId), cutoff()), token };
  }

  /** Revokes a recorder's token for good. Revoking twice is harmless and audited once. */
  async function revokeDevice(w: Who, roomId: number, deviceId: number) {
    await deps.rooms.roomForWrite(w.actor, roomId);
    const d = await deviceOfRoom(roomId, deviceId);
    if (d.revoked_at) return;
    await db.updateTable('devices').set({ revoked_at: deps.clock.now().toISOString() }).where('id', '=', deviceId).where('revoked_at', 'is', null).execute();
    await deps.audit.record({ ...by(w), action: 'device.revoke', targetType: 'device', targetId: deviceId, result: 'success', detail: { roomId, tokenHint: d.token_hint } });
  }

  async function identify(req: DeviceRequest, claimedRoomId: number | undefined): Promise<DeviceIdentity> {
    const device = await authenticateDevice(deps.db, req);
    if (claimedRoomId !== undefined && claimedRoomId !== device.roomId) {
      throw new AppError(403, 'DEVICE_ROOM_MISMATCH', `此设备令牌属于另一间录播室（编号 ${device.roomId}），不能代表录播室 ${claimedRoomId} 上报：请核对主机中配置的令牌和录播室`);
    }
    return device;
  }

  /**
   * A recorder announces itself: binds its serial to the token (first time) and reports firmware
   * and make. A token already bound to another serial is refused until it is rotated.
   */
  async function register(req: DeviceRequest, body: { serial: string; firmware: string; vendor?: string; model?: string; roomId?: number }) {
    const device = await identify(req, body.roomId);
    const serial = body.serial.trim();
    if (device.serial && device.serial !== serial) {
      throw conflict('DEVICE_SERIAL_MISMATCH', `此令牌已绑定序列号为 ${device.serial} 的录播主机。更换主机时，请在平台上为该设备重新生成令牌，再配置到新主机`);
    }
    const now = deps.clock.now();
    await db.updateTable('devices').set({ serial, firmware: body.firmware, last_ip: req.ip }).where('id', '=', device.deviceId).execute();
    const room = await db.selectFrom('rooms').innerJoin('schools', 'schools.id', 'rooms.school_id')
      .select(['rooms.name', 'rooms.vendor', 'rooms.model', 'rooms.tracks', 'schools.name as school_name'])
      .where('rooms.id', '=', device.roomId).executeTakeFirstOrThrow();
    // The make the recorder reports fills the room's record when staff left it blank; staff entries win.
    const fill: { vendor?: string; model?: string } = {};
    if (!room.vendor && body.vendor) fill.vendor = body.vendor;
    if (!room.model && body.model) fill.model = body.model;
    if (fill.vendor || fill.model) await db.updateTable('rooms').set({ ...fill, updated_at: now.toISOString() }).where('id', '=', device.roomId).execute();
    await deps.audit.record({
      actor: null, action: 'device.register', targetType: 'device', targetId: device.deviceId, result: 'success', ip: req.ip,
      detail: { roomId: device.roomId, serial, firmware: body.firmware, vendor: body.vendor, model: body.model },
    });
    return {
      deviceId: device.deviceId, roomId: device.roomId, roomName: room.name, schoolName: room.school_name,
      tracks: JSON.parse(room.tracks) as never, heartbeatIntervalSeconds: timing.heartbeatIntervalSeconds, uploadUrl: UPLOAD_URL,
      serverTime: now.toISOString(),
    };
  }

  /** A recorder's heartbeat: marks it online, resolves its room's offline alerts, watches its disk. */
  async function heartbeat(req: DeviceRequest, body: { state: 'recording' | 'idle'; diskFreeBytes: number; firmware?: string; roomId?: number }) {
    const device = await identify(req, body.roomId);
    const now = deps.clock.now();
    await db.updateTable('devices').set({
      last_heartbeat_at: now.toISOString(), last_state: body.state, disk_free_bytes: body.diskFreeBytes, last_ip: req.ip,
      ...(body.firmware !== undefined ? { firmware: body.firmware } : {}),
    }).where('id', '=', device.deviceId).execute();
    await resolveOfflineAlerts(deps.db, device.roomId, now, onlineCutoff(now, timing));
    const room = await db.selectFrom('rooms').select('name').where('id', '=', device.roomId).executeTakeFirstOrThrow();
    await updateDiskAlert(deps.db, {
      id: device.roomId, name: room.name, schoolId: device.schoolId, countyId: device.countyId, cityId: device.cityId,
    }, body.diskFreeBytes, now, timing.diskLowBytes);
    const day = shanghaiDate(now);
    const liveSchedule = (await (deps.heldLessons ?? NO_HELD_LESSONS).onDay(day, device.roomId)).filter((h) => h.role === 'lead').map((h) => ({
      sessionId: h.sessionId, title: h.title, startsAt: shanghaiInstant(day, h.startsAt).toISOString(), endsAt: shanghaiInstant(day, h.endsAt).toISOString(),
    }));
    // Only rooms that lead a live class today hear of it; every other recorder's answer stays as it was.
    return { serverTime: now.toISOString(), uploadUrl: UPLOAD_URL, heartbeatIntervalSeconds: timing.heartbeatIntervalSeconds, ...(liveSchedule.length ? { liveSchedule } : {}) };
  }

  return { createDevice, rotateDevice, revokeDevice, register, heartbeat };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
