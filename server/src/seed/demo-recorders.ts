import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { ROOM_TIMING } from '../modules/rooms/room-timing.js';
import { DEMO_SERIAL_PREFIX } from './demo-rooms.js';

/**
 * Stands in for the demo city's recorders while the server runs: the ones the seed left online
 * (serial DEMO-…, a last state) send a heartbeat every interval, so their rooms stay online on any
 * later day; those it left offline (no last state) stay silent, and their rooms raise the offline
 * alerts a real school would see. Real recorders, and demo ones a school re-bound with its own
 * token (their serial changes), are never touched. Returns the function that stops it (resolved
 * once a heartbeat being written has been).
 */
export function startDemoRecorders(deps: { db: Db; clock: Clock; log: { warn(obj: object, msg: string): void } }): () => Promise<void> {
  const beat = async () => {
    await deps.db.db.updateTable('devices').set({ last_heartbeat_at: deps.clock.now().toISOString() })
      .where('serial', 'like', `${DEMO_SERIAL_PREFIX}%`).where('last_state', 'is not', null).where('revoked_at', 'is', null)
      .execute();
  };
  let last: Promise<void> = Promise.resolve();
  const run = () => { last = beat().catch((err) => deps.log.warn({ err }, 'demo recorders: heartbeat failed')); };
  run();
  const timer = setInterval(run, ROOM_TIMING.heartbeatIntervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await last;
  };
}
