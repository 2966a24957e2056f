import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { newDeviceToken } from './device-auth.js';

/** Room ids the rooms matrix acts on: one room per target school, with two recorders and an open alert. */
export interface RoomsFixture {
  room: Record<Target, number>;
  /** A recorder each actor may rotate. */
  device: Record<Target, number>;
  /** A recorder each actor may revoke (apart from `device`, so the order of entries does not matter). */
  spareDevice: Record<Target, number>;
}

/**
 * Adds a room (in regular use), two recorders and an open `disk_low` alert to each target school
 * of the access matrix, and attaches the ids to the fixture (`f.room`, `f.device`, `f.spareDevice`).
 * Called from buildMatrixFixture.
 */
export async function addRoomsToFixture(t: TestApp, f: MatrixFixture): Promise<RoomsFixture> {
  const db = t.db.db;
  const now = new Date().toISOString();
  const out: RoomsFixture = { room: {} as Record<Target, number>, device: {} as Record<Target, number>, spareDevice: {} as Record<Target, number> };
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', f.school[target]).executeTakeFirstOrThrow();
    const room = await db.insertInto('rooms').values({
      school_id: s.id, county_id: s.county_id, city_id: s.city_id, name: `矩阵录播室-${target}`, location: '', vendor: '', model: '',
      tracks: '["composite","teacher"]', status: 'in_use', planned_on: '2018-03-01', installed_on: '2018-03-15', activated_on: '2018-03-20',
      in_use_on: '2018-04-01', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const device = async (name: string) => {
      const { hash, hint } = newDeviceToken();
      const row = await db.insertInto('devices').values({
        room_id: room.id, school_id: s.id, name, serial: '', token_hash: hash, token_hint: hint, created_at: now, rotated_at: null,
        revoked_at: null, last_heartbeat_at: null, last_state: null, disk_free_bytes: null, firmware: null, last_ip: null,
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    };
    out.room[target] = room.id;
    out.device[target] = await device('矩阵主机');
    out.spareDevice[target] = await device('矩阵备用主机');
    await db.insertInto('room_alerts').values({
      room_id: room.id, school_id: s.id, county_id: s.county_id, city_id: s.city_id, kind: 'disk_low', lesson_start: null,
      message: '矩阵告警', created_at: now, resolved_at: null,
    }).execute();
  }
  Object.assign(f, out);
  return out;
}

/** The rooms part of a fixture that went through addRoomsToFixture. */
export function roomsOf(f: MatrixFixture): RoomsFixture {
  const r = f as MatrixFixture & Partial<RoomsFixture>;
  if (!r.room || !r.device || !r.spareDevice) throw new Error('the matrix fixture has no rooms: call addRoomsToFixture(t, f) in buildMatrixFixture');
  return { room: r.room, device: r.device, spareDevice: r.spareDevice };
}
