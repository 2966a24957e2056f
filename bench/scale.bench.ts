import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { benchCopyPackaging, benchTranscode } from '../server/src/media/media-bench.js';
import { defaultFfmpegBinaries } from '../server/src/media/ffmpeg-binaries.js';
import { makeLesson } from '../server/src/test-support/media-fixtures.js';
import { percentile } from './bench-db.js';
import { type ScaleCity, openScaleCity, RECORDERS_PER_SCHOOL } from './scale-city.js';
import { fmt, ROOT, startServer } from './support.js';
import { login } from './video-kit.js';

const execFileAsync = promisify(execFile);

/**
 * Issue 13, acceptance 6: the city-day mix against one API node and against two, on PostgreSQL and
 * Redis (what a second node needs), throughput and p95 per route, and the ratio of the two.
 *
 * The mix is a school day of 聊城 (the demo city, bench/scale-city.ts) by request counts — each
 * recorder's heartbeat every 30 s over 8 hours, ~1,300 lessons uploaded, 200 officials on
 * dashboards and lists, 2,000 parents in the family app — compressed: autocannon keeps CONNECTIONS
 * requests in flight (closed loop, as many users waiting on a page) and each next request is the
 * next of a shuffled schedule holding the routes in the day's proportions. Officials and parents
 * are signed in up front (a sample of accounts: sign-in is argon2 and rate limited, and a request
 * costs the same whichever session sends it); recorders send their own tokens.
 *
 * 1 node vs 2: both nodes run from the start (own DATA_DIR, as on two machines, WORKERS=0: media
 * jobs wait for workers, measured apart below); for 1 node every connection goes to node A, for 2
 * they are split evenly between A and B (round-robin at the client, no proxy process to share
 * the cores). The same total concurrency each time. Runs alternate 1, 2, 1, 2 and the better of
 * each is kept, as the machine is shared.
 *
 * Then the per-unit costs docs/scale.md builds the province plan on: CPU per request of the API,
 * database bytes per lesson, and the media pipeline per minute of lesson (copy and transcode).
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

/** The demo city's school day, by requests; each line's reason is printed with the results. */
const DAY = {
  schools: 630,
  heartbeats: { n: 630 * 8 * 120, why: '630 recorders × 8 h × a heartbeat every 30 s' },
  uploads: { n: 1300, why: '~1,300 lessons uploaded (≈ 2 a school)' },
  officials: { n: 200 * 120 * 3, why: '200 officials × 120 page views × 3 API calls' },
  parents: { n: 2000 * 5 * 4, why: '2,000 parents × 5 visits × 4 API calls' },
};

interface Req { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: Buffer | string }
interface Route { name: string; weight: number; make(): Req }

interface Sessions {
  officials: { cookie: string; level: 'city' | 'county' | 'school'; countyId: number | null; schoolId: number | null }[];
  parents: { cookie: string; studentId: number }[];
}

const rotate = <T>(xs: T[]) => { let i = 0; return () => xs[i++ % xs.length]!; };

function b64(s: string) { return Buffer.from(s, 'utf8').toString('base64'); }

/** The routes of the mix with their share of the day. */
function mixRoutes(city: ScaleCity, s: Sessions, lesson: Buffer, lessonSeconds: number): Route[] {
  const token = rotate(city.deviceTokens);
  const official = rotate(s.officials);
  const parent = rotate(s.parents);
  const json = { 'content-type': 'application/json' };
  const asOfficial = (path: (o: Sessions['officials'][number]) => string) => () => {
    const o = official();
    return { method: 'GET' as const, path: path(o), headers: { cookie: o.cookie } };
  };
  const asParent = (path: (p: Sessions['parents'][number]) => string) => () => {
    const p = parent();
    return { method: 'GET' as const, path: path(p), headers: { cookie: p.cookie } };
  };
  const shanghai = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
  const officialsEach = DAY.officials.n / 6;
  const parentsEach = DAY.parents.n / 4;
  const page = 'page=1&pageSize=20';
  // This month so far, as the supervision page opens.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const month = `from=${today.slice(0, 8)}01&to=${today}`;
  return [
    {
      name: 'POST /api/devices/heartbeat', weight: DAY.heartbeats.n,
      make: () => ({ method: 'POST', path: '/api/devices/heartbeat', headers: { ...json, authorization: `Bearer ${token()}` }, body: JSON.stringify({ state: 'idle', diskFreeBytes: 512 * 1024 ** 3 }) }),
    },
    {
      // The whole (short) lesson in the creation request (tus creation-with-upload), with a few
      // random bytes after it so that each is a new file, not a duplicate of the last.
      name: 'POST /api/uploads (tus, whole lesson)', weight: DAY.uploads.n,
      make: () => {
        const start = Date.now() - 3600_000;
        const meta = {
          filename: 'lesson.mp4', lessonStart: shanghai(start), lessonEnd: shanghai(start + lessonSeconds * 1000), subject: '数学', grade: '三年级',
          teacher: '基准', title: '基准课', track: 'composite', groupId: randomUUID(),
        };
        const body = Buffer.concat([lesson, randomBytes(16)]);
        return {
          method: 'POST', path: '/api/uploads', body,
          headers: {
            authorization: `Bearer ${token()}`, 'tus-resumable': '1.0.0', 'upload-length': String(body.length),
            'content-type': 'application/offset+octet-stream',
            'upload-metadata': Object.entries(meta).map(([k, v]) => `${k} ${b64(v)}`).join(','),
          },
        };
      },
    },
    {
      name: 'GET /api/dashboards/(city|county|school)', weight: officialsEach,
      make: asOfficial((o) => (o.level === 'city' ? '/api/dashboards/city' : o.level === 'county' ? `/api/dashboards/counties/${o.countyId}` : `/api/dashboards/schools/${o.schoolId}`)),
    },
    { name: 'GET /api/recordings', weight: officialsEach, make: asOfficial(() => `/api/recordings?${page}`) },
    { name: 'GET /api/compliance/schools', weight: officialsEach, make: asOfficial(() => `/api/compliance/schools?${month}&${page}`) },
    { name: 'GET /api/rooms/summary', weight: officialsEach, make: asOfficial(() => '/api/rooms/summary') },
    { name: 'GET /api/schools', weight: officialsEach, make: asOfficial(() => `/api/schools?${page}`) },
    { name: 'GET /api/notifications/unread-count', weight: officialsEach, make: asOfficial(() => '/api/notifications/unread-count') },
    { name: 'GET /api/me (parent)', weight: parentsEach, make: asParent(() => '/api/me') },
    { name: 'GET /api/family/children', weight: parentsEach, make: asParent(() => '/api/family/children') },
    { name: 'GET /api/family/notices/unread', weight: parentsEach, make: asParent(() => '/api/family/notices/unread') },
    { name: 'GET /api/family/children/:id/today', weight: parentsEach, make: asParent((p) => `/api/family/children/${p.studentId}/today`) },
  ];
}

/** A shuffled schedule of route indices in the day's proportions (largest remainder, seeded shuffle). */
function schedule(routes: Route[], length = 20_000): number[] {
  const total = routes.reduce((a, r) => a + r.weight, 0);
  const counts = routes.map((r) => Math.max(1, Math.floor((r.weight / total) * length)));
  const out = counts.flatMap((n, i) => Array.from({ length: n }, () => i));
  let seed = 20180404;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface RouteStats { times: number[]; statuses: Map<number, number> }
interface RunResult {
  rps: number; seconds: number; byRoute: Map<string, RouteStats>; requests: number;
  /** CPU per request of the API nodes, of this database's PostgreSQL backends; the machine's busy share. */
  nodeCpuMs: number; dbCpuMs: number; machineBusy: number;
  /** Requests autocannon gave up on (30 s) or lost to a connection error. */
  timeouts: number; errors: number;
}

/** CPU seconds a process has used (utime + stime, /proc/PID/stat). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
/** The machine's busy and total jiffies (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3]! + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Each process's CPU seconds now, null once it has exited (a pool may close a backend). */
const cpuOf = (pids: number[]) => pids.map((pid) => { try { return cpuSeconds(pid); } catch { return null; } });
/** CPU used since `before` by the processes alive at both ends. */
const cpuSince = (pids: number[], before: (number | null)[]) => cpuOf(pids).reduce<number>((a, now, i) => a + (now !== null && before[i] != null ? now - before[i]! : 0), 0);

/** One closed-loop run of the mix, its connections split evenly over the nodes' base URLs. */
async function run(bases: string[], pids: number[], dbPids: () => Promise<number[]>, routes: Route[], order: number[], seconds: number, connections = CONNECTIONS): Promise<RunResult> {
  const byRoute = new Map<string, RouteStats>(routes.map((r) => [r.name, { times: [], statuses: new Map() }]));
  let next = 0;
  const cpu0 = pids.map(cpuSeconds);
  const backends = await dbPids();
  const db0 = cpuOf(backends);
  const m0 = machineTicks();
  const started = performance.now();
  let requests = 0;
  const results = await Promise.all(bases.map((base) => autocannon({
    url: base,
    connections: connections / bases.length,
    timeout: 30,
    duration: seconds,
    requests: [{
      setupRequest: (_req, context) => {
        const route = routes[order[next++ % order.length]!]!;
        (context as { route?: string }).route = route.name;
        const r = route.make();
        return { method: r.method, path: r.path, headers: r.headers, body: r.body };
      },
    }],
    setupClient: (client) => {
      const c = client as unknown as { on(e: 'response', f: (status: number, bytes: number, ms: number) => void): void; requestIterator: { context: { route?: string } } };
      c.on('response', (status, _bytes, ms) => {
        const st = byRoute.get(c.requestIterator.context.route ?? '');
        if (!st) return;
        requests++;
        st.times.push(ms);
        st.statuses.set(status, (st.statuses.get(status) ?? 0) + 1);
      });
    },
  })));
  const elapsed = (performance.now() - started) / 1000;
  const m1 = machineTicks();
  const nodeCpu = pids.reduce((a, pid, i) => a + cpuSeconds(pid) - cpu0[i]!, 0);
  const dbCpu = cpuSince(backends, db0);
  const timeouts = results.reduce((a, x) => a + x.timeouts, 0);
  const errors = results.reduce((a, x) => a + x.errors, 0) - timeouts;
  return {
    timeouts, errors,
    rps: requests / elapsed, seconds: elapsed, byRoute, requests, nodeCpuMs: (nodeCpu * 1000) / requests, dbCpuMs: (dbCpu * 1000) / requests,
    machineBusy: (m1.busy - m0.busy) / (m1.total - m0.total),
  };
}

/**
 * Sessions live in the database for SESSION_MAX_HOURS (12 h by default): kept in bench/out/ and
 * reused while the server still knows them, as sign-in (argon2) takes minutes on a busy machine.
 */
async function signIn(city: ScaleCity, base: string): Promise<Sessions> {
  const keep = join(ROOT, 'bench', 'out', 'scale-sessions.json');
  const still = async (cookie: string) => (await fetch(`${base}/api/me`, { headers: { cookie } })).ok;
  if (existsSync(keep)) {
    const kept = JSON.parse(readFileSync(keep, 'utf8')) as Sessions & { databaseUrl: string };
    if (kept.databaseUrl === city.databaseUrl && kept.officials.length && kept.parents.length
      && (await still(kept.officials.at(-1)!.cookie)) && (await still(kept.parents.at(-1)!.cookie))) return kept;
  }
  const sessions: Sessions = { officials: [], parents: [] };
  for (const o of city.officials.filter((o, i) => o.level !== 'school' || i % 10 === 0)) {
    sessions.officials.push({ ...o, cookie: (await login(base, o.username)).cookie });
  }
  for (const p of city.parents.slice(0, 150)) sessions.parents.push({ cookie: (await login(base, p.username)).cookie, studentId: p.studentId });
  writeFileSync(keep, JSON.stringify({ ...sessions, databaseUrl: city.databaseUrl }));
  return sessions;
}

function ok(status: number) { return status >= 200 && status < 300; }

function summary(r: RunResult, label: string) {
  const bad = [...r.byRoute].flatMap(([name, st]) => [...st.statuses].filter(([s]) => !ok(s)).map(([s, n]) => `${name}: ${n}× ${s}`));
  if (r.timeouts) bad.push(`${r.timeouts} timed out`);
  if (r.errors > 0) bad.push(`${r.errors} connection errors`);
  console.log(`  ${label}: ${fmt(r.rps, 0)} req/s (${r.requests} in ${fmt(r.seconds, 1)} s); CPU a request: API ${fmt(r.nodeCpuMs, 2)} ms, PostgreSQL ${fmt(r.dbCpuMs, 2)} ms; cores used: API ${fmt((r.nodeCpuMs * r.rps) / 1000, 2)}, PostgreSQL ${fmt((r.dbCpuMs * r.rps) / 1000, 2)}; machine busy ${fmt(r.machineBusy * 100, 0)}%${bad.length ? `; NOT 2xx: ${bad.join(', ')}` : ''}`);
}

async function dirBytes(dir: string): Promise<number> {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? await dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

export async function benchScale(seconds = Number(process.env.BENCH_SECONDS ?? 10)) {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const runSeconds = Math.max(seconds, 15);
  console.log(`city-day mix, 1 API node vs 2 (PostgreSQL ${new URL(serverUrl).host}, Redis ${new URL(redisUrl).host}; ${CONNECTIONS} connections; ${runSeconds} s a run)`);
  const city = await openScaleCity(serverUrl, console.log);
  const lessonFile = await makeLesson({ seconds: 70, width: 320, height: 240, faststart: true });
  const lesson = readFileSync(lessonFile);

  const dirs = [0, 1].map((i) => mkdtempSync(join(tmpdir(), `sunshine-scale-node${i}-`)));
  const prefix = `scale-bench-${randomBytes(3).toString('hex')}:`;
  const env = (dir: string) => ({
    DATA_DIR: dir, DATABASE_URL: city.databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, WORKERS: '0', STORAGE_URL: '',
    SESSION_IDLE_MINUTES: '600', LIVE_MEDIA: 'hls',
  });
  const runStarted = new Date().toISOString();
  let measured: Measured | undefined;
  const nodes = await Promise.all(dirs.map((d) => startServer(env(d))));
  const pg = (await import('pg')).default;
  const db = new pg.Client({ connectionString: city.databaseUrl });
  await db.connect();
  try {
    // Sign in a sample: every county official and the city admin, a principal of every 10th
    // school, and 150 parents; login is limited to 300 a minute from one address.
    const sessions = await signIn(city, nodes[0]!.base);
    const routes = mixRoutes(city, sessions, lesson, 70);
    const order = schedule(routes);
    const total = routes.reduce((x, r) => x + r.weight, 0);
    console.log(`  the day (${DAY.schools} schools): ${Object.values(DAY).filter((v) => typeof v === 'object').map((v) => `${v.n.toLocaleString('en')} (${v.why})`).join('; ')} = ${total.toLocaleString('en')} requests`);
    console.log(`  signed in up front: ${sessions.officials.length} officials' and ${sessions.parents.length} parents' sessions; ${city.deviceTokens.length} recorder tokens (${RECORDERS_PER_SCHOOL} a school: a recorder may send 20 heartbeats a minute)`);
    // Every route answers 2xx on both nodes before anything is timed.
    for (const base of nodes.map((n) => n.base)) {
      for (const r of routes) {
        const q = r.make();
        const res = await fetch(base + q.path, { method: q.method, headers: q.headers, body: typeof q.body === 'string' || q.body === undefined ? q.body : new Uint8Array(q.body) });
        if (!ok(res.status)) throw new Error(`${r.name} on ${base} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        await res.arrayBuffer().catch(() => undefined);
      }
    }
    const dbBefore = await sizes(db);
    const one = nodes.slice(0, 1);
    const pids = nodes.map((n) => n.child.pid!);
    const dbName = new URL(city.databaseUrl).pathname.slice(1);
    const dbPids = async () => (await db.query('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName])).rows.map((r: { pid: number }) => r.pid);
    // Warm-up: each node alone for a while, so that both have compiled their hot paths (a node
    // warmed with half the requests would start the 2-node runs colder than A's 1-node runs).
    for (const n of nodes) await run([n.base], pids, dbPids, routes, order, Math.min(8, runSeconds));
    const runs: { n: number; r: RunResult }[] = [];
    for (const n of [1, 2, 1, 2]) {
      const target = n === 1 ? one : nodes;
      const r = await run(target.map((t) => t.base), pids, dbPids, routes, order, runSeconds);
      runs.push({ n, r });
      summary(r, `${n} node${n > 1 ? 's' : ' '} (run ${runs.length})`);
    }
    const best = (n: number) => runs.filter((x) => x.n === n).map((x) => x.r).sort((x, y) => y.rps - x.rps)[0]!;
    const [b1, b2] = [best(1), best(2)];
    console.log(`  p95 per route, ms (the better run of each; share of the day's requests):`);
    console.log(`  ${'route'.padEnd(44)}${'share'.padStart(7)}${'1 node'.padStart(10)}${'2 nodes'.padStart(10)}${'req/s 1'.padStart(10)}${'req/s 2'.padStart(10)}`);
    for (const r of routes) {
      const s1 = b1.byRoute.get(r.name)!;
      const s2 = b2.byRoute.get(r.name)!;
      const p = (s: RouteStats) => (s.times.length ? fmt(percentile(s.times, 0.95), 1) : '—');
      console.log(`  ${r.name.padEnd(44)}${`${fmt((100 * r.weight) / total, 2)}%`.padStart(7)}${p(s1).padStart(10)}${p(s2).padStart(10)}${fmt(s1.times.length / b1.seconds, 1).padStart(10)}${fmt(s2.times.length / b2.seconds, 1).padStart(10)}`);
    }
    const all = (x: RunResult) => [...x.byRoute.values()].flatMap((s) => s.times);
    console.log(`  all routes: p95 ${fmt(percentile(all(b1), 0.95), 1)} ms on 1 node, ${fmt(percentile(all(b2), 0.95), 1)} ms on 2`);
    const ratio = b2.rps / b1.rps;
    console.log(`  scaling: 1 node ${fmt(b1.rps, 0)} req/s, 2 nodes ${fmt(b2.rps, 0)} req/s = ${fmt(ratio, 2)}× (target ≥ 1.6× with cores to spare; this machine has 2 cores for both nodes, PostgreSQL, Redis and the load generator: machine busy ${fmt(b1.machineBusy * 100, 0)}% with 1 node, ${fmt(b2.machineBusy * 100, 0)}% with 2)`);
    // What the design decides, apart from the cores this shared machine hands out: the API's CPU per
    // request (nodes share nothing but PostgreSQL and Redis, so it should not grow with nodes).
    console.log(`  requests per API CPU-second: ${fmt(1000 / b1.nodeCpuMs, 0)} on 1 node, ${fmt(1000 / b2.nodeCpuMs, 0)} on 2 (= ${fmt(b1.nodeCpuMs / b2.nodeCpuMs, 2)}× the CPU efficiency; 2 nodes with ${fmt(CONNECTIONS / 2, 0)} connections each)`);
    console.log(`  with a core for each node (not this machine): 2 nodes ≈ 2 × ${fmt(b1.nodeCpuMs / b2.nodeCpuMs, 2)} = ${fmt((2 * b1.nodeCpuMs) / b2.nodeCpuMs, 2)}× one, while PostgreSQL (${fmt(b2.dbCpuMs, 2)} ms a request) has cores to match`);
    const daySeconds = total / b1.rps;
    console.log(`  the city's school day (${total.toLocaleString('en')} requests) takes one node ${fmt(daySeconds / 60, 1)} min at full load`);

    // Per-unit CPU of each kind of user: each group alone on node A for a few seconds.
    const groups: [string, (r: Route) => boolean][] = [
      ['recorder heartbeat', (r) => r.name.includes('heartbeat')],
      ['lesson upload', (r) => r.name.includes('uploads')],
      ['official request', (r) => r.weight === DAY.officials.n / 6],
      ['parent request', (r) => r.weight === DAY.parents.n / 4],
    ];
    const unit: Record<string, RunResult> = {};
    let grown = 0;
    let lessons = 0;
    for (const [label, pick] of groups) {
      const idx = routes.flatMap((r, i) => (pick(r) ? [i] : []));
      const before = await sizes(db);
      // Uploads: a few at a time (each ends with a probe of the file), for long enough that several finish.
      const upload = label === 'lesson upload';
      const r = await run([nodes[0]!.base], pids.slice(0, 1), dbPids, routes, schedule(idx.map((i) => routes[i]!)).map((k) => idx[k]!), upload ? runSeconds : Math.min(8, runSeconds), upload ? 4 : CONNECTIONS);
      unit[label] = r;
      const times = [...r.byRoute.values()].flatMap((x) => x.times);
      const extra = `${upload ? `, ${fmt(lesson.length / 1024 ** 2, 1)} MiB each, 4 at a time` : ''}${r.timeouts ? `, ${r.timeouts} timed out` : ''}`;
      console.log(`  per ${label} alone on 1 node (${r.requests} requests${extra}): ${fmt(r.rps, 1)} req/s, p95 ${times.length ? fmt(percentile(times, 0.95), 0) : '—'} ms; CPU ${fmt(r.nodeCpuMs, 2)} ms API + ${fmt(r.dbCpuMs, 2)} ms PostgreSQL`);
      if (label === 'lesson upload') {
        // Database growth per lesson: what these uploads added to the tables a lesson writes.
        grown = (await sizes(db)).total - before.total;
        lessons = r.requests;
      }
    }
    const dbAfter = await sizes(db);
    const perLessonKiB = grown / Math.max(1, lessons) / 1024;
    console.log(`  database: ${fmt(dbAfter.db / 1024 ** 2, 0)} MiB for the demo city (${city.schools} schools, ${dbAfter.recordings.toLocaleString('en')} recordings, ${dbAfter.auditRows.toLocaleString('en')} audit rows) = ${fmt(dbAfter.db / city.schools / 1024 ** 2, 2)} MiB a school; `
      + `recordings + uploads + jobs + audit grew ${fmt(grown / 1024, 0)} KiB for ${lessons} lessons uploaded = ${fmt(perLessonKiB, 1)} KiB a lesson (heartbeats update rows in place)`);
    console.log(`  accounts: users + role_assignments + guardianships = ${fmt(dbAfter.accountBytes / dbAfter.users, 0)} bytes an account (${dbAfter.users.toLocaleString('en')} accounts)`);
    const queued = Number((await db.query(`select count(*) n from uploads where created_at >= $1`, [runStarted])).rows[0].n);
    console.log(`  lessons uploaded by the runs, unprocessed (WORKERS=0) and removed from the kept database afterwards: ${queued}; the pipeline's cost per lesson minute follows`);
    measured = {
      hb: unit['recorder heartbeat']!, official: unit['official request']!, parent: unit['parent request']!,
      dbMiBPerSchool: dbAfter.db / city.schools / 1024 ** 2, perLessonKiB, accountBytes: dbAfter.accountBytes / dbAfter.users, ratio, oneNodeRps: b1.rps,
    };
    // Leave the kept database as it was (the audit chain aside): the runs' lessons would otherwise
    // wait for a worker forever and grow the city run after run.
    try {
      await db.query('begin');
      await db.query(`delete from jobs where created_at >= $1`, [runStarted]);
      const ids = (await db.query(`delete from uploads where created_at >= $1 returning recording_id`, [runStarted])).rows.map((r: { recording_id: number | null }) => r.recording_id).filter((x) => x !== null);
      await db.query('delete from recordings where id = any($1)', [ids]);
      await db.query('commit');
    } catch (err) {
      await db.query('rollback');
      console.log(`  (the runs' lessons stay in the kept database: ${(err as Error).message})`);
    }
  } finally {
    await db.end();
    // Requests autocannon left in flight when its time was up finish before the nodes stop.
    await new Promise((r) => setTimeout(r, 3000));
    await Promise.all(nodes.map((n) => n.stop()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  const media = await mediaCosts();
  plan(measured!, media);
}

async function sizes(db: import('pg').Client) {
  const q = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const tables = `pg_total_relation_size('recordings') + pg_total_relation_size('uploads') + pg_total_relation_size('jobs') + pg_total_relation_size('audit_log')`;
  return {
    total: await q(`select ${tables} n`),
    db: await q('select pg_database_size(current_database()) n'),
    recordings: await q('select count(*) n from recordings'),
    users: await q('select count(*) n from users'),
    accountBytes: await q(`select pg_total_relation_size('users') + pg_total_relation_size('role_assignments') + pg_total_relation_size('guardianships') n`),
    auditRows: await q('select count(*) n from audit_log'),
  };
}

/**
 * The media pipeline per minute of lesson, for the workers a province needs: a 2-minute 720p
 * H.264/AAC lesson packaged as the platform does (copy) beside plain ffmpeg, its HLS bytes beside
 * the source's, and a transcode of a 30 s 720p clip (libx264 veryfast), all on this machine now.
 */
async function mediaCosts() {
  const file = await makeLesson({ seconds: 120, width: 1280, height: 720 });
  const source = statSync(file).size;
  const copy = await benchCopyPackaging(file, 3);
  const { ffmpeg } = await defaultFfmpegBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-scale-hls-'));
  let hls = 0;
  try {
    await execFileAsync(ffmpeg, ['-v', 'error', '-nostdin', '-i', file, '-c', 'copy', '-f', 'hls', '-hls_time', '6', '-hls_list_size', '0', join(dir, 'index.m3u8')]);
    hls = await dirBytes(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const perMinute = (s: number) => s / 2;
  console.log(`media per lesson minute (a 2-minute 720p H.264/AAC lesson, ${fmt(source / 1024 ** 2, 1)} MiB):`);
  const perGiB = (s: number) => s / (source / 1024 ** 3);
  console.log(`  copy packaging (probe + packageToHls): ${fmt(perMinute(copy.probeSeconds + copy.packageSeconds), 3)} s a lesson minute = ${fmt(perGiB(copy.probeSeconds + copy.packageSeconds), 1)} s a GiB of source; plain ffmpeg copy ${fmt(perMinute(copy.plainSeconds), 3)} s (= ${fmt(copy.ratio, 2)}×)`);
  console.log(`  HLS copy = ${fmt(hls / source, 2)}× the source's bytes (the source is kept beside it)`);
  const clip = await makeLesson({ seconds: 30, width: 1280, height: 720 });
  const tx = await benchTranscode(clip);
  console.log(`  transcode (libx264 veryfast + AAC, 720p): ${fmt(tx.speed, 2)}× real time = ${fmt(60 / tx.speed, 1)} s a lesson minute, one ffmpeg`);
  return { copySecondsPerGiB: perGiB(copy.probeSeconds + copy.packageSeconds), hlsRatio: hls / source, transcodeSpeed: tx.speed };
}

interface Measured {
  hb: RunResult; official: RunResult; parent: RunResult;
  dbMiBPerSchool: number; perLessonKiB: number; accountBytes: number; ratio: number; oneNodeRps: number;
}

/**
 * The province and national plan from the per-unit costs above and the inputs printed first:
 * docs/scale.md quotes these lines. Inputs are the issue's (schools, families, lessons a day),
 * docs/devices.md's recorder bitrate, the retention setting's default, and stated assumptions.
 */
function plan(m: Measured, media: { copySecondsPerGiB: number; hlsRatio: number; transcodeSpeed: number }) {
  const IN = {
    lessonMinutes: 45, mbitPerSecond: 8, schoolDays: 195, retentionDays: 180, activeHours: 8, peak: 3, processingHours: 10,
    heartbeatsPerRecorder: 8 * 120, officialsPerSchool: 200 / 630, officialCalls: 120 * 3, parentCalls: 5 * 4, coresPerNode: 2,
  };
  console.log(`province plan — inputs: ${IN.lessonMinutes}-minute lessons at ${IN.mbitPerSecond} Mbit/s (docs/devices.md: a 45-minute 1080p track ≈ 2.7 GB); ${IN.schoolDays} school days a year; `
    + `RETENTION_DAYS ${IN.retentionDays} (default: lessons not marked keep are purged, rows and files); a school day of ${IN.activeHours} h with the peak hour ${IN.peak}× the average; `
    + `lessons packaged within ${IN.processingHours} h of the day; per school one recorder (a heartbeat every 30 s), ${fmt(IN.officialsPerSchool, 2)} officials (the city's 200 / 630) with ${IN.officialCalls} calls a day; per family ${IN.parentCalls} calls a day`);
  const retainedDays = (IN.retentionDays * IN.schoolDays) / 365;
  const gib = 1024 ** 3;
  const tib = 1024 ** 4;
  for (const [where, schools, families, lessons] of [['Shandong', 15_000, 3_000_000, 10_000], ['China', 500_000, 100_000_000, 333_000]] as const) {
    const bytesPerLesson = IN.lessonMinutes * 60 * IN.mbitPerSecond * 1e6 / 8;
    const bytesDay = lessons * bytesPerLesson * (1 + media.hlsRatio);
    const req = { hb: schools * IN.heartbeatsPerRecorder, official: schools * IN.officialsPerSchool * IN.officialCalls, parent: families * IN.parentCalls };
    const peakPerSecond = (n: number) => (n / (IN.activeHours * 3600)) * IN.peak;
    const cores = (f: (r: RunResult) => number) => peakPerSecond(req.hb) * f(m.hb) / 1000 + peakPerSecond(req.official) * f(m.official) / 1000 + peakPerSecond(req.parent) * f(m.parent) / 1000;
    const apiCores = cores((r) => r.nodeCpuMs);
    const dbCores = cores((r) => r.dbCpuMs);
    const copyWorkers = (lessons * (bytesPerLesson / 1024 ** 3) * media.copySecondsPerGiB) / (IN.processingHours * 3600);
    const transcodeWorkers = (lessons * IN.lessonMinutes * 60 / media.transcodeSpeed) / (IN.processingHours * 3600);
    const dbGiB = (schools * m.dbMiBPerSchool) / 1024 + (lessons * retainedDays * m.perLessonKiB) / 1024 ** 2 + (families * m.accountBytes) / gib;
    console.log(`${where} (${schools.toLocaleString('en')} schools, ${families.toLocaleString('en')} families, ${lessons.toLocaleString('en')} lessons a school day):`);
    console.log(`  bytes a day: ${fmt(bytesDay / tib, 1)} TiB (source + HLS ${fmt(media.hlsRatio, 2)}× it); storage held under retention ≈ ${fmt(retainedDays, 0)} school days = ${fmt((bytesDay * retainedDays) / 1024 ** 5, 2)} PiB; written a year ${fmt((bytesDay * IN.schoolDays) / 1024 ** 5, 2)} PiB`);
    console.log(`  requests a day: ${fmt((req.hb + req.official + req.parent) / 1e6, 1)} M (heartbeats ${fmt(req.hb / 1e6, 1)} M, officials ${fmt(req.official / 1e6, 1)} M, families ${fmt(req.parent / 1e6, 1)} M); peak ${fmt(peakPerSecond(req.hb + req.official + req.parent), 0)} req/s`);
    console.log(`  at the peak: API ${fmt(apiCores, 1)} cores (${Math.ceil(apiCores / IN.coresPerNode)} ${IN.coresPerNode}-core nodes at 100%), PostgreSQL ${fmt(dbCores, 1)} cores`);
    console.log(`  media workers (as measured here: one at a time on this machine, within ${IN.processingHours} h): copy ${fmt(copyWorkers, 1)}; if every lesson were transcoded (720p) ${fmt(transcodeWorkers, 0)} (${fmt(transcodeWorkers / Math.max(copyWorkers, 0.001), 0)}×)`);
    console.log(`  database ≈ ${fmt(dbGiB, 0)} GiB (the demo city's ${fmt(m.dbMiBPerSchool, 2)} MiB a school × schools + ${fmt(m.perLessonKiB, 1)} KiB a lesson × ${fmt(retainedDays, 0)} days held + ${fmt(m.accountBytes, 0)} B a family account)`);
  }
}
