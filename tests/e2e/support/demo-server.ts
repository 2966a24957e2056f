import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../../server/src/db/database.js';
import { pendingJobs } from '../../../server/src/test-support/pending-jobs.js';

const root = new URL('../../..', import.meta.url).pathname;

export function freePort(): Promise<number> {
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

/** A random block of `size` ports in [from, to), so servers of parallel runs do not hand out the same RTP ports. */
export function portBlock(from: number, to: number, size: number): string {
  const base = from + Math.floor(Math.random() * Math.floor((to - from) / size)) * size;
  return `${base}-${base + size - 1}`;
}

export interface DemoServer { baseUrl: string; dataDir: string; logs: () => string; stop: () => Promise<void> }

/**
 * Starts the built server (dist/) on a free port with a fresh demo city in its own data folder,
 * `env` on top, and waits until it answers; a server that exits or stays silent for 180 s is
 * stopped and named in the error with its output.
 */
export async function startDemoServer(env: Record<string, string>): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-e2e-'));
  const port = await freePort();
  const output: string[] = [];
  const server: ChildProcess = spawn(process.execPath, ['dist/server/src/main.js'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED: 'demo', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) { await stop(); throw new Error(`the server exited with code ${server.exitCode} before answering:\n--- server output ---\n${output.join('')}`); }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) { await stop(); throw new Error(`no answer from ${baseUrl}/api/health within 180 s:\n--- server output ---\n${output.join('')}`); }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseUrl, dataDir, logs: () => output.join(''), stop };
}

/**
 * Waits for the demo server's start-up work to end: the shared clips, the demo lessons through the
 * real pipeline and the S-T audio lesson, with every job they queued (thumbnails, picture checks,
 * drafts). Otherwise the first test file runs beside a minute of ffmpeg, and the live class's
 * glass-to-glass delay measures that. Gives up quietly after `ms` (the tests that need the
 * lessons poll for them).
 */
export async function demoStartUpDone(dataDir: string, ms = 240_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  let quietPolls = 0;
  while (Date.now() < deadline) {
    // Twice in a row: a job's follow-up may be queued a moment after it ends.
    quietPolls = (await stAudioLessonMade(dataDir)) && (await pendingJobs(dataDir)) === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= 2) return true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return false;
}

/** Whether the S-T audio lesson, the start-up's last step (server/src/main.ts), is in the database. */
async function stAudioLessonMade(dataDir: string): Promise<boolean> {
  const db = openDb({ databaseUrl: null, dataDir });
  try {
    return (await db.db.selectFrom('recordings').select('id').where('group_id', 'like', 'st-demo-%').executeTakeFirst()) !== undefined;
  } finally {
    await db.close();
  }
}
