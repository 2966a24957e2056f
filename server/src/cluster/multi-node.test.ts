import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { redisAnswers } from '../test-support/test-redis.js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { newDeviceToken } from '../modules/rooms/device-auth.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { MAX_FAILED_LOGINS } from '../modules/auth/auth.service.js';
import { lessonMetadata, tusMetadata, VIDEO_TEST_ENV } from '../modules/recordings/recordings.test-kit.js';
import { DEMO_PASSWORD, DEMO_SCHOOLS } from '../seed/demo-accounts.js';
import { seedCity } from '../seed/seed-city.js';
import { type Cluster, startCluster } from '../test-support/cluster/start-cluster.js';
import { cutPatch, type TusAnswer, tusRequest, untilAnswered } from '../test-support/cluster/tus-client.js';
import { makeLesson } from '../test-support/media-fixtures.js';

/**
 * Issue 13, acceptance 1 and 2, as an operator runs a province: two API nodes (own data folders,
 * as on two machines), two workers, one PostgreSQL, s3rver, Redis, and a round-robin proxy in
 * front without stickiness; every request below goes through the proxy, so consecutive requests
 * land on alternate nodes. `npm run test:cluster` (CI runs it as its own step); skipped without
 * PostgreSQL and Redis.
 */
const PG = process.env.DATABASE_URL ?? (process.env.CLUSTER_TEST === '1' ? 'postgres://postgres@127.0.0.1:5432/test' : '');
const REDIS = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const available = PG.startsWith('postgres') && (await redisAnswers(REDIS));
if (!available) console.warn('multi-node test skipped: it needs PostgreSQL (DATABASE_URL) and Redis (127.0.0.1:6379 or TEST_REDIS_URL)');

const OCTETS = { 'content-type': 'application/offset+octet-stream' };

describe.skipIf(!available)('several API nodes and workers behind a round-robin proxy', () => {
  let c: Cluster;
  let device: { token: string; roomId: number };
  const auth = () => ({ authorization: `Bearer ${device.token}` });
  const started = Date.now();

  beforeAll(async () => {
    c = await startCluster({
      nodes: 2, workers: 2, databaseUrl: PG, redisUrl: REDIS,
      // Short leases so a killed worker's job and a killed node's upload lock are taken over within the test.
      env: { ...VIDEO_TEST_ENV, JOB_LEASE_SECONDS: '5' },
      seed: async (db) => {
        await seedCity(db, { scale: 'test', passwordHash: await hashPassword(DEMO_PASSWORD) });
        device = await addRoomWithDevice(db);
      },
    });
    console.info(`cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);
  afterAll(async () => {
    await c?.stop();
    console.info(`multi-node test: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  }, 60_000);

  /** Which node answered each of the requests sent since `from` (the proxy's log). */
  const nodesSince = (from: number) => new Set(c.routed.slice(from));

  async function login(username: string, password = DEMO_PASSWORD) {
    const res = await fetch(`${c.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return res;
  }

  async function session(username: string) {
    const res = await login(username);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((v) => v.startsWith('sc_session='))!.split(';')[0]!;
    const me = (await res.json()) as { csrfToken: string };
    return { cookie, headers: { cookie, 'x-csrf-token': me.csrfToken } };
  }

  /** Uploads `bytes` through the proxy, cutting the connection `cuts` times; answers the recording id and the nodes each request landed on. */
  async function uploadWithCuts(bytes: Buffer, cuts: number) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const created = await tusRequest(`${c.url}/api/uploads`, 'POST', {
      ...auth(), 'upload-length': String(bytes.length), 'upload-metadata': tusMetadata(lessonMetadata({ roomId: String(device.roomId), sha256 })),
    });
    expect(created.status, created.body).toBe(201);
    const url = new URL(String(created.headers.location), c.url).toString();
    const landed: number[] = [];
    let offset = 0;
    for (let cut = 0; cut < cuts; cut++) {
      const rest = bytes.subarray(offset);
      await cutPatch(url, auth(), offset, rest, Math.floor(rest.length / (cuts + 1 - cut)));
      const patchedOn = c.routed.at(-1)!;
      landed.push(patchedOn);
      // The recorder asks where it stands (HEAD), on the other node first; a second HEAD, if need
      // be, so that the next PATCH lands on the other node than the cut one: every resumption
      // writes (and hashes) on a node that did not write the bytes before it.
      let head: TusAnswer;
      do {
        head = await untilAnswered(() => tusRequest(url, 'HEAD', auth()));
        expect(head.status).toBe(200);
      } while (c.routed.at(-1) !== patchedOn);
      const now = Number(head.headers['upload-offset']);
      expect(now).toBeGreaterThan(offset);
      offset = now;
    }
    const last: TusAnswer = await untilAnswered(() => tusRequest(url, 'PATCH', { ...auth(), ...OCTETS, 'upload-offset': String(offset) }, bytes.subarray(offset)));
    landed.push(c.routed.at(-1)!);
    expect(last.status, last.body).toBe(204);
    expect(last.headers['upload-offset']).toBe(String(bytes.length));
    return { recordingId: Number(last.headers['sunshine-recording-id']), sha256, landed, url };
  }

  /**
   * Watches the recording's processing job until the recording is ready (or failed): the workers
   * that held it, by pid (locked_by is host:pid:random while a runner holds the job).
   */
  async function processed(recordingId: number, onClaim?: (pid: string) => void, timeoutMs = 120_000) {
    const holders: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const jobs = await c.db.db.selectFrom('jobs').select(['payload', 'locked_by']).where('kind', '=', 'recording.process').where('status', '=', 'running').execute();
      const pid = jobs.find((j) => (JSON.parse(j.payload) as { recordingId: number }).recordingId === recordingId)?.locked_by?.split(':')[1];
      if (pid && holders.at(-1) !== pid) {
        holders.push(pid);
        onClaim?.(pid);
      }
      const rec = await c.db.db.selectFrom('recordings').select(['id', 'status', 'sha256', 'failure_message']).where('id', '=', recordingId).executeTakeFirstOrThrow();
      if (rec.status === 'ready' || rec.status === 'failed') return { rec, holders };
      if (Date.now() > deadline) throw new Error(`recording ${recordingId} still ${rec.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('keeps a session made on one node valid on the other', async () => {
    const from = c.routed.length;
    const s = await session('gxsy.teacher');
    for (let i = 0; i < 4; i++) {
      const me = await fetch(`${c.url}/api/me`, { headers: s.headers });
      expect(me.status).toBe(200);
    }
    expect(nodesSince(from)).toEqual(new Set([0, 1]));
    // WebSocket upgrades pass the proxy too: the node answers the handshake (here 404 or 403: no such live session).
    const answer = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${c.url.replace('http', 'ws')}/api/live/sessions/999999/channel`, { headers: s.headers });
      ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
      ws.on('open', () => { resolve(101); ws.close(); });
      ws.on('error', reject);
    });
    expect([403, 404]).toContain(answer);
  });

  it('pushes a notification written on one node to a browser whose stream is open on the other', async () => {
    const teacher = await session('gxsy.teacher');
    const parent = await session('gxsy.parent');
    // The teacher's bell: an event stream through the proxy, held open on whichever node took it.
    const controller = new AbortController();
    const streamAt = c.routed.length;
    const stream = await fetch(`${c.url}/api/notifications/stream`, { headers: { cookie: teacher.cookie, accept: 'text/event-stream' }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const streamNode = c.routed[streamAt]!;
    let text = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of stream.body!) text += decoder.decode(chunk as Uint8Array, { stream: true });
      } catch { /* aborted below */ }
    })();
    try {
      const until = async (what: string) => {
        for (const deadline = Date.now() + 15_000; !text.includes(what);) {
          if (Date.now() > deadline) throw new Error(`the stream never said ${JSON.stringify(what)}; it said ${JSON.stringify(text)}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await until(': connected');
      // The parent asks leave for the child (the teacher is the class's 班主任): the request that
      // writes the notification must land on the other node; round-robin sends the next one there.
      const kids = (await (await fetch(`${c.url}/api/family/children`, { headers: parent.headers })).json()) as { items: { id: number }[] };
      const child = kids.items[0]!.id;
      let writtenOn = streamNode;
      for (let i = 0; i < 3 && writtenOn === streamNode; i++) {
        const at = c.routed.length;
        const day = new Date(Date.now() + (i + 1) * 86_400_000).toISOString().slice(0, 10);
        const res = await fetch(`${c.url}/api/children/${child}/leave-requests`, {
          method: 'POST', headers: { ...parent.headers, 'content-type': 'application/json' }, body: JSON.stringify({ from: day, to: day, part: 'whole', reason: 'sick' }),
        });
        expect(res.status).toBe(200);
        writtenOn = c.routed[at]!;
      }
      expect(writtenOn).not.toBe(streamNode);
      await until('event: notification');
    } finally {
      controller.abort();
      await reading;
    }
  });

  it('counts login throttling across both nodes: the address limit and the account lock', async () => {
    const from = c.routed.length;
    const remaining: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const res = await login('gxsy.principal', 'wrong-password');
      remaining.push(Number(res.headers.get('x-ratelimit-remaining')));
      expect(res.status).toBe(i < MAX_FAILED_LOGINS - 1 ? 401 : 423);
    }
    expect(nodesSince(from)).toEqual(new Set([0, 1]));
    // One counter in Redis: every attempt took one off, whichever node it reached.
    for (let i = 1; i < remaining.length; i++) expect(remaining[i]).toBe(remaining[i - 1]! - 1);
    // The account locked after five failures spread over two nodes; the right password is refused on both.
    for (let i = 0; i < 2; i++) expect((await login('gxsy.principal')).status).toBe(423);
  });

  it('runs the nightly audit purge once across the cluster', async () => {
    const runs = await c.db.db.selectFrom('audit_log').select('id').where('action', '=', 'audit.purge').execute();
    expect(runs).toHaveLength(1);
  });

  it('resumes a tus upload cut three times on alternate nodes, SHA-256 intact; either worker processes it and it plays from both nodes', async () => {
    const bytes = await readFile(await makeLesson({ seconds: 6 }));
    const up = await uploadWithCuts(bytes, 3);
    expect(new Set(up.landed)).toEqual(new Set([0, 1]));
    const second = await uploadWithCuts(await readFile(await makeLesson({ seconds: 5 })), 0);
    const workerPids = new Set(c.workers.map((w) => String(w.pid)));
    const outcomes = await Promise.all([up.recordingId, second.recordingId].map((id) => processed(id)));
    for (const { rec, holders } of outcomes) {
      expect(rec.status, rec.failure_message ?? '').toBe('ready');
      for (const pid of holders) expect(workerPids).toContain(pid);
    }
    expect(outcomes[0]!.rec.sha256).toBe(up.sha256);
    console.info(`processed by workers ${outcomes.map((o) => o.holders.join('→')).join(' and ')} (pids ${[...workerPids].join(', ')})`);

    // A playback token minted by one node plays on the other: playlist and segments, six rounds.
    const viewer = await session('gxsy.teacher');
    const grant = await fetch(`${c.url}/api/recordings/${up.recordingId}/playback`, { method: 'POST', headers: viewer.headers });
    expect(grant.status).toBe(200);
    const { master } = (await grant.json()) as { master: string };
    const from = c.routed.length;
    for (let round = 0; round < 6; round++) {
      const masterUrl = new URL(master, c.url);
      const list = await fetch(masterUrl, { headers: { cookie: viewer.cookie } });
      expect(list.status, `round ${round}: master`).toBe(200);
      const variant = new URL((await list.text()).split('\n').find((l) => l && !l.startsWith('#'))!, masterUrl);
      const media = await fetch(variant, { headers: { cookie: viewer.cookie } });
      expect(media.status, `round ${round}: variant`).toBe(200);
      const segment = new URL((await media.text()).split('\n').find((l) => l && !l.startsWith('#'))!, variant);
      const seg = await fetch(segment, { headers: { cookie: viewer.cookie } });
      expect(seg.status, `round ${round}: segment`).toBe(200);
      expect((await seg.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(nodesSince(from)).toEqual(new Set([0, 1]));
  }, 180_000);

  it('loses nothing when an API node is killed mid-upload and a worker mid-processing', async () => {
    const bytes = await readFile(await makeLesson({ seconds: 8 }));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const created = await tusRequest(`${c.url}/api/uploads`, 'POST', {
      ...auth(), 'upload-length': String(bytes.length), 'upload-metadata': tusMetadata(lessonMetadata({ roomId: String(device.roomId), sha256 })),
    });
    expect(created.status).toBe(201);
    const url = new URL(String(created.headers.location), c.url).toString();

    // A PATCH in flight on one node (half its body sent, the rest never comes) when that node is killed -9.
    const inFlight = cutPatch(url, auth(), 0, bytes, Math.floor(bytes.length / 2), 60_000);
    await new Promise((r) => setTimeout(r, 600));
    const victim = c.routed.at(-1)!;
    c.kill(victim, 'SIGKILL');
    await inFlight;
    await c.nodes[victim]!.exited;

    // The recorder asks where it stands and goes on, through the proxy: the other node answers
    // once the dead node's upload lock has run out (never stuck).
    const head = await untilAnswered(() => tusRequest(url, 'HEAD', auth()), 60_000);
    expect(head.status, head.body).toBe(200);
    const offset = Number(head.headers['upload-offset']);
    expect(offset).toBeLessThan(bytes.length);
    const done = await untilAnswered(() => tusRequest(url, 'PATCH', { ...auth(), ...OCTETS, 'upload-offset': String(offset) }, bytes.subarray(offset)), 60_000);
    expect(done.status, done.body).toBe(204);
    expect(c.routed.at(-1)).toBe(1 - victim);
    const recordingId = Number(done.headers['sunshine-recording-id']);

    // The worker that takes the job is killed -9 as soon as it runs; the other one takes it over after the lease.
    let killed: Cluster['workers'][number] | undefined;
    const { rec, holders } = await processed(recordingId, (pid) => {
      if (killed) return;
      killed = c.workers.find((w) => String(w.pid) === pid);
      killed?.kill('SIGKILL');
    });
    expect(killed, 'the job was claimed by a worker of the cluster').toBeTruthy();
    expect(killed!.alive).toBe(false);
    expect(rec.status, rec.failure_message ?? '').toBe('ready');
    expect(rec.sha256).toBe(sha256);
    const survivor = c.workers.find((w) => w !== killed)!;
    expect(holders).toEqual([String(killed!.pid), String(survivor.pid)]);

    // Nothing stuck: no upload still open, no job left running or queued, no upload lock left in Redis.
    const open = await c.db.db.selectFrom('uploads').select('id').where('status', '=', 'uploading').execute();
    expect(open).toEqual([]);
    // The job ends soon after the lesson is ready (poster and thumbnails come after the video).
    const pendingJobs = () => c.db.db.selectFrom('jobs').select(['id', 'kind', 'status', 'locked_by']).where('kind', 'like', 'recording.%').where('status', 'in', ['queued', 'running']).execute();
    const until = Date.now() + 60_000;
    while ((await pendingJobs()).length && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(await pendingJobs()).toEqual([]);
    const redis = new Redis(c.redis.url);
    try {
      expect(await redis.keys(`${c.redis.prefix}tus:lock:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }, 240_000);
});

/** A room of the test city's 实验 school with a recorder and its token. */
async function addRoomWithDevice(handle: Db) {
  const db = handle.db;
  const s = await db.selectFrom('schools').select(['id', 'county_id', 'city_id']).where('code', '=', DEMO_SCHOOLS.guanxianShiyan.code).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const room = await db.insertInto('rooms').values({
    school_id: s.id, county_id: s.county_id, city_id: s.city_id, name: '集群测试录播室', location: '', vendor: '', model: '',
    tracks: JSON.stringify(['composite', 'teacher', 'blackboard']), status: 'in_use', planned_on: null, installed_on: null, activated_on: null,
    in_use_on: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const { token, hash, hint } = newDeviceToken();
  await db.insertInto('devices').values({
    room_id: room.id, school_id: s.id, name: '集群测试主机', serial: '', token_hash: hash, token_hint: hint, created_at: now, rotated_at: null,
    revoked_at: null, last_heartbeat_at: null, last_state: null, disk_free_bytes: null, firmware: null, last_ip: null,
  }).execute();
  return { token, roomId: room.id };
}
