import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild } from './rtp-ffmpeg.js';

export interface Log { info(msg: string): void; warn(msg: string): void }

/** Asks Janus's HTTP API `info`: true when it answers as Janus. */
export async function janusAnswers(httpUrl: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const res = await fetch(`${httpUrl}/info`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as { janus?: string };
    return body.janus === 'server_info';
  } catch {
    return false;
  }
}

/**
 * Starts Janus from our configs folder and keeps it running: when it dies it is started again
 * (after a short pause, so a crash loop does not spin), and `stop` ends it for good. Janus
 * forgets rooms and mountpoints when it restarts; the engine recreates them on its next call.
 */
export function superviseJanus(opts: { path: string; configsFolder: string; httpUrl: string; log: Log; onRestart?: () => void }) {
  let child: ChildProcess | null = null;
  let stopped = false;
  let restarts = 0;

  // A server killed without its shutdown (kill -9, a crash) leaves its Janus running on our ports:
  // the pid file lets the next start end that one before starting its own.
  const pidFile = join(opts.configsFolder, 'janus.pid');
  const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
  const endLeftover = async () => {
    let pid = 0;
    try { pid = Number(readFileSync(pidFile, 'utf8').trim()); } catch { return; }
    let cmd = '';
    try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { /* gone already */ }
    if (pid > 0 && cmd.includes(opts.configsFolder)) {
      opts.log.warn(`live media: ending Janus ${pid} left running by an earlier start`);
      try { process.kill(pid, 'SIGTERM'); } catch { /* gone meanwhile */ }
      for (let i = 0; i < 30 && alive(pid); i++) await sleep(100);
    }
    rmSync(pidFile, { force: true });
  };

  const launch = () => {
    const c = spawn(opts.path, ['-F', opts.configsFolder, '-C', `${opts.configsFolder}/janus.jcfg`, '-N'], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = c;
    if (c.pid) writeFileSync(pidFile, String(c.pid));
    c.stderr?.on('data', () => {});
    c.on('exit', (code, signal) => {
      if (child === c) child = null;
      if (stopped) return;
      restarts += 1;
      opts.log.warn(`live media: Janus exited (code ${code}, signal ${signal}); restarting (${restarts})`);
      setTimeout(() => { if (!stopped) { launch(); opts.onRestart?.(); } }, Math.min(5000, 500 * restarts)).unref();
    });
    c.on('error', (err) => opts.log.warn(`live media: Janus could not start: ${err.message}`));
  };

  return {
    /** Starts Janus and waits until its HTTP API answers (false when it did not within the time). */
    async start(waitMs = 10_000): Promise<boolean> {
      await endLeftover();
      if (await janusAnswers(opts.httpUrl, 500)) {
        // Another installation's Janus holds our port: ours could not bind it, and theirs has another admin key.
        opts.log.warn(`live media: another Janus already answers on ${opts.httpUrl}; set JANUS_HTTP_PORT / JANUS_WS_PORT to free ports (or JANUS_URL to use that one)`);
        return false;
      }
      launch();
      const until = Date.now() + waitMs;
      while (Date.now() < until) {
        if (await janusAnswers(opts.httpUrl, 500)) return true;
        await sleep(150);
      }
      return false;
    },
    pid: () => child?.pid ?? null,
    restarts: () => restarts,
    async stop() {
      stopped = true;
      const c = child;
      if (!c || c.exitCode !== null) return;
      await stopChild(c, 'SIGTERM', 3000);
      rmSync(pidFile, { force: true });
    },
  };
}
