import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';

/** Device tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
export const DEVICE_TOKEN_PREFIX = 'scd_';
const TOKEN_SHAPE = /^scd_[A-Za-z0-9_-]{43}$/;

/** A new device token (shown once), the SHA-256 we store, and the hint the UI shows. */
export function newDeviceToken(): { token: string; hash: string; hint: string } {
  const token = DEVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashDeviceToken(token), hint: token.slice(-4) };
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The recorder behind a request, with the room and school its token is bound to. */
export interface DeviceIdentity {
  deviceId: number;
  roomId: number;
  schoolId: number;
  countyId: number;
  cityId: number;
  serial: string;
  /** The tracks the room produces (composite, teacher, …). */
  tracks: string[];
}

const deviceError = (code: string, message: string) => new AppError(401, code, message);

/** The bearer token of a request, or null when it carries none. */
export function bearerToken(req: { headers: Record<string, string | string[] | undefined> }): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** True when the request presents a device token (rather than, say, a session cookie). */
export function hasDeviceToken(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  return bearerToken(req)?.startsWith(DEVICE_TOKEN_PREFIX) ?? false;
}

/**
 * The checks of a device token that need no database, run before the body is validated: a
 * caller without a token learns nothing about what the route would have accepted (401 before 400).
 */
export async function requireDeviceTokenShape(req: { headers: Record<string, string | string[] | undefined> }): Promise<void> {
  const token = bearerToken(req);
  if (!token) throw deviceError('DEVICE_TOKEN_MISSING', '缺少设备令牌：请在请求头中携带 Authorization: Bearer <设备令牌>');
  if (!TOKEN_SHAPE.test(token)) throw deviceError('DEVICE_TOKEN_INVALID', '设备令牌无效：请核对录播主机中配置的令牌，或在平台上重新生成');
}

/**
 * Authenticates a recorder by `Authorization: Bearer <device token>` (the device API and the tus
 * upload endpoint). Throws 401 DEVICE_TOKEN_MISSING / DEVICE_TOKEN_INVALID / DEVICE_TOKEN_REVOKED.
 * A rotated token is simply unknown: its hash is gone the moment the new one is issued.
 */
export async function authenticateDevice(db: Db, req: { headers: Record<string, string | string[] | undefined> }): Promise<DeviceIdentity> {
  await requireDeviceTokenShape(req);
  const token = bearerToken(req)!;
  const row = await db.db
    .selectFrom('devices')
    .innerJoin('rooms', 'rooms.id', 'devices.room_id')
    .select(['devices.id', 'devices.room_id', 'devices.serial', 'devices.revoked_at', 'rooms.school_id', 'rooms.county_id', 'rooms.city_id', 'rooms.tracks'])
    .where('devices.token_hash', '=', hashDeviceToken(token))
    .executeTakeFirst();
  if (!row) throw deviceError('DEVICE_TOKEN_INVALID', '设备令牌无效或已被重新生成：请在平台上查看该设备，并配置最新的令牌');
  if (row.revoked_at) throw deviceError('DEVICE_TOKEN_REVOKED', '该设备令牌已被吊销：如需继续使用，请学校管理员在平台上为录播室添加设备并配置新令牌');
  return {
    deviceId: row.id, roomId: row.room_id, schoolId: row.school_id, countyId: row.county_id, cityId: row.city_id,
    serial: row.serial, tracks: JSON.parse(row.tracks) as string[],
  };
}
