import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export const ROOT = new URL('..', import.meta.url).pathname;

let built = false;
function ensureBuilt() {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the server failed');
  built = true;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the real server in its own process (so the load generator does not share its event
 * loop) and resolves once /api/health answers.
 */
export async function startServer(env: Record<string, string>): Promise<{ base: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  ensureBuilt();
  // The compiled server, as `npm start` runs it: no TypeScript loader in the measured process.
  const child = spawn(process.execPath, ['dist/server/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED: 'none', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    child,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export interface LoadResult {
  rps: number;
  p99: number;
  p50: number;
  non2xx: number;
}

/** Runs autocannon against one URL; the URL list rotates pages so no single row set stays hot. */
export async function load(opts: { urls: string[]; headers?: Record<string, string>; seconds: number; connections: number }): Promise<LoadResult> {
  const paths = opts.urls.map((u) => new URL(u).pathname + new URL(u).search);
  let i = 0;
  const result = await autocannon({
    url: new URL(opts.urls[0]!).origin,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, non2xx: result.non2xx };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

export interface WrkResult {
  rps: number;
  /** Bytes per second, from wrk's Transfer/sec line. */
  bytesPerSec: number;
  non2xx: number;
}

const UNIT: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/**
 * Runs wrk (a C load generator: autocannon saturates near 55 MB/s, below what large segments
 * need) against one URL. Returns null when wrk is not installed (`apt-get install -y wrk`).
 */
export async function wrk(url: string, opts: { threads?: number; connections?: number; seconds: number; headers?: Record<string, string> }): Promise<WrkResult | null> {
  const { execFile } = await import('node:child_process');
  const headers = Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const args = [`-t${opts.threads ?? 2}`, `-c${opts.connections ?? 10}`, `-d${opts.seconds}s`, ...headers, url];
  const out = await new Promise<string | null>((resolve, reject) => {
    execFile('wrk', args, { timeout: (opts.seconds + 30) * 1000 }, (err, stdout) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') resolve(null);
      else if (err) reject(err);
      else resolve(stdout);
    });
  });
  if (out === null) return null;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const transfer = /Transfer\/sec:\s+([\d.]+)([KMG]?B)/.exec(out);
  if (!transfer || !Number.isFinite(rps)) throw new Error(`could not read wrk's output:\n${out}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  return { rps, bytesPerSec: Number(transfer[1]) * UNIT[transfer[2]!]!, non2xx };
}

/** A process's peak resident set (VmHWM) in bytes, from /proc (Linux only). */
export async function peakRss(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb) * 1024;
}
