import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import pg from 'pg';
import { type Db, openDb } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { startS3rver } from '../s3rver.js';
import { repoRoot } from '../../repo-root.js';

/**
 * A multi-node installation on one machine, as an operator would run a province: N API nodes
 * (each with its own DATA_DIR and port, WORKERS=0 so they only serve), M `worker-main` processes,
 * one fresh PostgreSQL database, s3rver for the objects, Redis under a prefix of this run, a
 * shared upload staging folder (UPLOAD_STAGING_DIR, the shared volume of docs/operations.md), and
 * a round-robin proxy in front without stickiness (HTTP and WebSocket upgrades) — so every
 * request may land on any node, as behind a real balancer.
 *
 * Used by the multi-node acceptance test (server/src/cluster/multi-node.test.ts) and the scale
 * bench. Processes run from the TypeScript sources through tsx (no build needed).
 *
 *   const c = await startCluster({ nodes: 2, workers: 2 });
 *   await fetch(`${c.url}/api/health`);  c.kill(0, 'SIGKILL');  await c.stop();
 */
export interface ClusterOptions {
  /** API nodes behind the proxy (default 2). */
  nodes?: number;
  /** `npm run worker` processes (default 1). */
  workers?: number;
  /** Job concurrency per worker (default 1). */
  workerConcurrency?: number;
  /** Extra environment for every node and worker (e.g. LOG_LEVEL, LEASE settings). */
  env?: Record<string, string>;
  /** PostgreSQL server to create the run's database on (default DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test). */
  databaseUrl?: string;
  /** Redis (default TEST_REDIS_URL, REDIS_URL, else redis://127.0.0.1:6379). */
  redisUrl?: string;
  /** Print the processes' output (default: kept in memory, shown when a process fails to start). */
  inheritOutput?: boolean;
  /** Runs against the migrated database before any process starts (seed users, schools…). */
  seed?: (db: Db) => Promise<void>;
}

export interface ClusterProcess {
  kind: 'node' | 'worker';
  index: number;
  /** Node: its HTTP port; worker: its /metrics port. */
  port: number;
  /** Direct address, bypassing the proxy. */
  url: string;
  dataDir: string;
  pid: number | undefined;
  /** False once the process exited (killed or crashed). */
  readonly alive: boolean;
  /** The exit code once it exited (null while running, or when a signal ended it). */
  readonly exitCode: number | null;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  kill(signal?: NodeJS.Signals): void;
  /** The last output of the process (stdout and stderr). */
  output(): string;
}

export interface Cluster {
  /** The round-robin proxy: what clients use. */
  url: string;
  nodes: ClusterProcess[];
  workers: ClusterProcess[];
  /** This run's database (a fresh one) and a connection to it for seeding and assertions. */
  databaseUrl: string;
  db: Db;
  storageUrl: string;
  redis: { url: string; prefix: string };
  stagingDir: string;
  /** Which node each proxied request went to, in order (for tests asserting the spread). */
  routed: number[];
  /** Signals API node i (SIGKILL for a crash, SIGTERM for a graceful stop). */
  kill(i: number, signal?: NodeJS.Signals): void;
  /** Signals worker i. */
  killWorker(i: number, signal?: NodeJS.Signals): void;
  /** Starts one more worker (e.g. to replace a killed one); resolves once it runs. */
  addWorker(): Promise<ClusterProcess>;
  /** Stops everything and removes the database, folders and Redis keys of this run. */
  stop(): Promise<void>;
}

const ROOT = repoRoot();
// Generous: on a busy two-core machine a node takes 20–60 s to load its sources through tsx.
const START_TIMEOUT_MS = 240_000;

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const nodeCount = opts.nodes ?? 2;
  const workerCount = opts.workers ?? 1;
  const runId = randomBytes(5).toString('hex');
  const base = mkdtempSync(join(tmpdir(), `sunshine-cluster-${runId}-`));
  const stagingDir = join(base, 'staging');
  mkdirSync(stagingDir);
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => rmSync(base, { recursive: true, force: true })];
  const processes: ClusterProcess[] = [];
  let proxyServer: Server | null = null;
  const stopAll = async () => {
    await Promise.all(processes.map(async (p) => {
      if (p.alive) p.kill('SIGTERM');
      const timer = setTimeout(() => p.alive && p.kill('SIGKILL'), 5000);
      await p.exited;
      clearTimeout(timer);
    }));
    if (proxyServer) {
      proxyServer.closeAllConnections();
      await new Promise((r) => proxyServer!.close(r));
    }
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
  };

  try {
    // One fresh database per run, dropped at stop.
    const serverUrl = opts.databaseUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const dbName = `sc_cluster_${runId}`;
    await adminQuery(serverUrl, `create database ${dbName}`);
    cleanups.push(() => adminQuery(serverUrl, `drop database if exists ${dbName} with (force)`));
    const databaseUrl = withDatabase(serverUrl, dbName);
    const db = openDb({ databaseUrl, dataDir: base });
    cleanups.push(() => db.close());
    // Migrated once here, so the nodes start side by side and find nothing to do.
    await migrateToLatest(db);
    await opts.seed?.(db);

    const s3 = await startS3rver();
    cleanups.push(() => s3.stop());
    const redis = { url: opts.redisUrl ?? process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `cl${runId}:` };
    cleanups.push(() => deleteRedisKeys(redis.url, redis.prefix));

    const common: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      STORAGE_URL: s3.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      UPLOAD_STAGING_DIR: stagingDir,
      SEED: 'none',
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      // Janus listens on fixed ports: one machine can run one; the nodes here play live classes one way.
      LIVE_MEDIA: 'hls',
      // API only: the web app need not be built for a cluster run.
      SERVE_WEB: '0',
      ...opts.env,
    };

    let nodeSeq = 0;
    let workerSeq = 0;
    const launch = async (kind: 'node' | 'worker'): Promise<ClusterProcess> => {
      const index = kind === 'node' ? nodeSeq++ : workerSeq++;
      const port = await freePort();
      const dataDir = join(base, `${kind}${index}`);
      mkdirSync(dataDir);
      const env: Record<string, string> = kind === 'node'
        ? { ...common, PORT: String(port), DATA_DIR: dataDir, WORKERS: '0' }
        : { ...common, METRICS_PORT: String(port), DATA_DIR: dataDir, WORKERS: String(opts.workerConcurrency ?? 1) };
      const entry = kind === 'node' ? 'server/src/main.ts' : 'server/src/worker-main.ts';
      const p = spawnProcess(kind, index, port, dataDir, entry, env, opts.inheritOutput ?? false);
      processes.push(p);
      // A node is up when it answers readiness (database, storage, Redis); a worker when its /metrics answers.
      await waitUntil(p, kind === 'node' ? `${p.url}/api/health/ready` : `${p.url}/metrics`);
      return p;
    };

    // All side by side: start-up is mostly loading sources, so the slowest process sets the time.
    const [nodes, workers] = await Promise.all([
      Promise.all(Array.from({ length: nodeCount }, () => launch('node'))),
      Promise.all(Array.from({ length: workerCount }, () => launch('worker'))),
    ]);

    const routed: number[] = [];
    const proxy = startProxy(nodes, routed);
    proxyServer = proxy.server;
    cleanups.push(() => proxy.close());
    const proxyPort = await new Promise<number>((r) => proxy.server.listen(0, '127.0.0.1', () => r((proxy.server.address() as AddressInfo).port)));

    return {
      url: `http://127.0.0.1:${proxyPort}`,
      nodes, workers, databaseUrl, db, storageUrl: s3.url, redis, stagingDir, routed,
      kill: (i, signal = 'SIGKILL') => nodes[i]!.kill(signal),
      killWorker: (i, signal = 'SIGKILL') => workers[i]!.kill(signal),
      async addWorker() {
        const w = await launch('worker');
        workers.push(w);
        return w;
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * The balancer: round-robin over the nodes, no stickiness. Like nginx's passive health check, a
 * node that refused a connection is left out for a few seconds (its request gets a 502 and the
 * client retries, as tus clients do); a node is tried again after that.
 */
function startProxy(nodes: ClusterProcess[], routed: number[]) {
  const proxy = createProxyServer({ xfwd: true });
  const downUntil = new Map<number, number>();
  let next = 0;
  const pick = (): ClusterProcess | null => {
    for (let tries = 0; tries < nodes.length; tries++) {
      const node = nodes[next++ % nodes.length]!;
      if ((downUntil.get(node.index) ?? 0) <= Date.now()) return node;
    }
    return null;
  };
  const failed = (node: ClusterProcess, err: unknown) => {
    const code = (err as { code?: string }).code;
    // Refused: nobody listens there (a reset may be a client that cut its own upload).
    if (code === 'ECONNREFUSED') downUntil.set(node.index, Date.now() + 3000);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const node = pick();
    if (!node) {
      res.writeHead(503).end('no node up');
      return;
    }
    routed.push(node.index);
    proxy.web(req, res, { target: node.url }, (err) => {
      failed(node, err);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const node = pick();
    if (!node) return socket.destroy();
    routed.push(node.index);
    proxy.ws(req, socket, head, { target: node.url }, (err) => {
      failed(node, err);
      socket.destroy();
    });
  });
  return { server, close: () => proxy.close() };
}

/** One node or worker process from the sources (tsx), its output kept; for tests that start a single process. */
export function spawnProcess(
  kind: 'node' | 'worker', index: number, port: number, dataDir: string, entry: string, env: Record<string, string>, inherit: boolean,
): ClusterProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let alive = true;
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => child.once('exit', (code) => {
    alive = false;
    exitCode = code;
    resolve();
  }));
  return {
    kind, index, port, dataDir, url: `http://127.0.0.1:${port}`, pid: child.pid, exited,
    get alive() {
      return alive;
    },
    get exitCode() {
      return exitCode;
    },
    kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (alive) child.kill(signal);
    },
    output: () => tail,
  };
}

/** Resolves once `url` answers 2xx from the process; fails when it exits or takes longer than a slow start may. */
export async function waitUntil(p: ClusterProcess, url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!p.alive) throw new Error(`${p.kind} ${p.index} exited while starting:\n${p.output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.kind} ${p.index} did not answer ${url} within ${START_TIMEOUT_MS / 1000} s:\n${p.output()}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = nextCursor;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}
