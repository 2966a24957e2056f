import { createHash } from 'node:crypto';
import type { MatrixFixture, Target } from '../../access/matrix/matrix-types.js';
import type { TestApp } from '../../test-support/test-app.js';
import { userId } from '../family/family.test-kit.js';
import { kindergartenOf } from '../family/kindergarten-fixture.js';
import { addKgRoom } from './kg-view.test-kit.js';
import { issueKgStreamToken } from './kg-view-tokens.js';

/**
 * The kindergarten live-view records the matrix tries: a room of each kindergarten target class
 * (own: class A of 冠县's first kindergarten, sibling: its class B, foreign: 莘县's first
 * kindergarten's class), open all week, and an open view of each with a real stream token of
 * gxyey.parent's. None of the matrix's actors (gxsy.*, a primary school) reaches any of them:
 * every item is a probe from outside (404), and the stolen token is refused (403).
 */
export interface KgViewFixture {
  kgLiveRoom: Record<Target, number>;
  kgLiveView: Record<Target, number>;
  /** A valid stream token of the view (signed for gxyey.parent and the room, good for an hour). */
  kgStreamToken: Record<Target, string>;
}

export async function addKgViewToFixture(t: TestApp, f: MatrixFixture): Promise<KgViewFixture> {
  const db = t.db.db;
  const kg = kindergartenOf(f);
  const by = await userId(db, 'gxyey.parent');
  const out: KgViewFixture = { kgLiveRoom: {} as Record<Target, number>, kgLiveView: {} as Record<Target, number>, kgStreamToken: {} as Record<Target, string> };
  const at = new Date().toISOString();
  for (const target of ['own', 'sibling', 'foreign'] as const) {
    const room = await addKgRoom(db, { classId: kg.kgClass[target], name: `矩阵活动室-${target}`, byUserId: by });
    const school = await db.selectFrom('live_kg_rooms').select('school_id').where('id', '=', room).executeTakeFirstOrThrow();
    out.kgLiveRoom[target] = room;
    const token = issueKgStreamToken(t.services.live.media.tokenKey, { roomId: room, userId: by, expiresAt: Math.floor(t.clock.now().getTime() / 1000) + 3600 });
    out.kgStreamToken[target] = token;
    out.kgLiveView[target] = (await db.insertInto('live_kg_views').values({
      kg_room_id: room, school_id: school.school_id, class_id: kg.kgClass[target], student_id: kg.kgChild[target], user_id: by,
      token_hash: createHash('sha256').update(token).digest('hex'), started_at: at, last_seen_at: at, ended_at: null, seconds: null, end_reason: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }
  Object.assign(f, out);
  return out;
}

export function kgViewOf(f: MatrixFixture): KgViewFixture & ReturnType<typeof kindergartenOf> {
  const c = f as MatrixFixture & Partial<KgViewFixture>;
  if (!c.kgLiveRoom || !c.kgLiveView || !c.kgStreamToken) throw new Error('the matrix fixture has no kindergarten live view: call addKgViewToFixture(t, f) in buildMatrixFixture');
  return { ...kindergartenOf(f), kgLiveRoom: c.kgLiveRoom, kgLiveView: c.kgLiveView, kgStreamToken: c.kgStreamToken };
}
