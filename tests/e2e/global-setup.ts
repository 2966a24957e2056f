import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server this run started. */
    baseUrl: string;
    /** DATA_DIR of that server ('' when E2E_BASE_URL names a server run elsewhere). */
    dataDir: string;
  }
}

const root = new URL('../..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Builds what is missing, starts the built server on a free port with a fresh demo database,
 * and stops it after the run.
 */
export default async function setup(project: TestProject) {
  // E2E_BASE_URL=http://127.0.0.1:8080 runs the tests against a server already running (while
  // developing); that server's data is then changed by the tests.
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    project.provide('dataDir', '');
    return;
  }
  // Builds what is missing or older than its sources, as `npm start` does.
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server or the web app failed');

  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-e2e-'));
  const port = await freePort();
  // Live classes (tests/e2e/live-class.test.ts) run two-way through the Janus this server starts
  // and supervises (LIVE_MEDIA=hls for a run without it); its loopback ports and the RTP port blocks
  // are this run's own, so a run beside another (or a developer's server) does not talk to the other's Janus.
  const rtpBlock = (from: number) => { const base = from + Math.floor(Math.random() * 50) * 100; return `${base}-${base + 99}`; };
  const live = {
    LIVE_MEDIA: process.env.LIVE_MEDIA || 'janus', JANUS_HTTP_PORT: String(await freePort()), JANUS_WS_PORT: String(await freePort()),
    JANUS_RTP_PORTS: rtpBlock(40000), LIVE_RTP_PORTS: rtpBlock(45000),
  };
  const output: string[] = [];
  const server = spawn(process.execPath, ['dist/server/src/main.js'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED: 'demo', LOG_LEVEL: 'warn', DATABASE_URL: '', ...live },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseUrl}/api/health`, server, 180_000);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.join('')}`);
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
