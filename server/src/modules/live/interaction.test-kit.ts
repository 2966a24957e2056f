import WebSocket from 'ws';
import type { LiveServerMessage } from '../../../../shared/live-interaction.js';
import type { TestApp } from '../../test-support/test-app.js';

/**
 * A live class for interaction tests: led from a room of 冠县实验小学 by gxsy.teacher, received in
 * a room of 冠县第二实验小学 (gx2.teacher) and one of 莘县实验小学 (sxsy.principal, the city's
 * cross-county arrangement), and today's session, live unless told.
 */
export async function addLiveClass(t: TestApp, opts: { receiving: Array<'gx2' | 'sxsy'>; status?: 'live' | 'scheduled' | 'ended' }) {
  const db = t.db.db;
  const iso = t.clock.now().toISOString();
  const schoolOf = async (username: string) => (await db.selectFrom('users').innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
    .select('role_assignments.school_id').where('users.username', '=', username).executeTakeFirstOrThrow()).school_id!;
  const roomOf = async (schoolId: number, name: string) => {
    const school = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', schoolId).executeTakeFirstOrThrow();
    // A room of its own per class, so two classes in one test never share a receiving room.
    return db.insertInto('rooms').values({
      city_id: school.city_id, county_id: school.county_id, school_id: school.id, name, location: '', vendor: '', model: '', tracks: '["composite"]', status: 'in_use', created_at: iso, updated_at: iso,
    }).returning(['id', 'school_id', 'county_id', 'city_id']).executeTakeFirstOrThrow();
  };
  const leadSchool = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('id', '=', await schoolOf('gxsy.teacher')).executeTakeFirstOrThrow();
  const tag = Math.random().toString(36).slice(2, 7);
  const lead = await roomOf(leadSchool.id, `主讲教室-${tag}`);
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'gxsy.teacher').executeTakeFirstOrThrow();
  const cls = await db.insertInto('live_classes').values({
    city_id: leadSchool.city_id, county_id: leadSchool.county_id, school_id: leadSchool.id, lead_room_id: lead.id, lead_teacher_user_id: teacher.id,
    title: `专递课堂-${tag}`, subject: 'music', grade: 3, weekday: null, starts_on: iso.slice(0, 10), until_on: null, start_time: '09:00', minutes: 40,
    created_by: teacher.id, created_at: iso, updated_at: iso,
  }).returning('id').executeTakeFirstOrThrow();
  const rooms: Record<string, number> = {};
  for (const r of opts.receiving) {
    const room = await roomOf(await schoolOf(r === 'gx2' ? 'gx2.teacher' : 'sxsy.principal'), `接收教室-${r}-${tag}`);
    await db.insertInto('live_class_rooms').values({ live_class_id: cls.id, room_id: room.id, school_id: room.school_id, county_id: room.county_id, city_id: room.city_id }).execute();
    rooms[r] = room.id;
  }
  const status = opts.status ?? 'live';
  const session = await db.insertInto('live_sessions').values({
    live_class_id: cls.id, day: iso.slice(0, 10), starts_at: iso, ends_at: new Date(t.clock.now().getTime() + 40 * 60_000).toISOString(), status,
    mode: status === 'scheduled' ? null : 'hls', media: null, started_at: status === 'scheduled' ? null : iso, ended_at: null, replay_recording_id: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { classId: cls.id, sessionId: session.id, leadRoomId: lead.id, rooms: rooms as Record<'gx2' | 'sxsy', number> };
}

/** A real WebSocket client of the channel, keeping every message it got. */
export interface ChannelClient {
  messages: LiveServerMessage[];
  send(message: unknown): void;
  sendRaw(text: string): void;
  /** The first message (already received or still to come) after `from` that matches. */
  next<T extends LiveServerMessage['type']>(type: T, match?: (m: Extract<LiveServerMessage, { type: T }>) => boolean, from?: number): Promise<Extract<LiveServerMessage, { type: T }>>;
  close(): Promise<void>;
}

export function channelUrl(base: string, sessionId: number, roomId?: number) {
  return `${base.replace(/^http/, 'ws')}/api/live/sessions/${sessionId}/channel${roomId ? `?roomId=${roomId}` : ''}`;
}

/** Opens the channel; rejects with the HTTP status when the server refuses the upgrade. */
export function openChannel(url: string, token: string | null, headers: Record<string, string> = {}): Promise<ChannelClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { ...(token ? { cookie: `sc_session=${token}` } : {}), ...headers } });
    const messages: LiveServerMessage[] = [];
    const waiters: Array<() => void> = [];
    ws.on('message', (data) => {
      messages.push(JSON.parse(String(data)) as LiveServerMessage);
      for (const w of waiters.splice(0)) w();
    });
    ws.on('unexpected-response', (req, res) => {
      res.resume();
      req.destroy();
      reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode }));
    });
    ws.on('error', (err) => reject(err));
    ws.on('open', () => resolve({
      messages,
      send: (m) => ws.send(JSON.stringify(m)),
      sendRaw: (text) => ws.send(text),
      next(type, match = () => true, from = 0) {
        return new Promise((done) => {
          const look = () => {
            const found = messages.slice(from).find((m) => m.type === type && match(m as never));
            if (found) done(found as never);
            else waiters.push(look);
          };
          look();
        });
      },
      close: () => new Promise((done) => {
        if (ws.readyState === WebSocket.CLOSED) return done();
        ws.once('close', () => done());
        ws.close();
      }),
    }));
  });
}

/** The HTTP status the server answered an upgrade with (101 when it accepted it). */
export async function upgradeStatus(url: string, token: string | null, headers: Record<string, string> = {}): Promise<number> {
  try {
    const c = await openChannel(url, token, headers);
    await c.close();
    return 101;
  } catch (err) {
    return (err as { status?: number }).status ?? 0;
  }
}
