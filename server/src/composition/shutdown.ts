/** What a stopping process closes, in the order that loses nothing. */
export interface ShutdownParts {
  /**
   * Timers and loops that only start new work (maintenance, demo recorders): stopped first; each
   * answers once the run it had in flight ended, and the database stays open until then.
   */
  stopStarting?: (() => void | Promise<void>)[];
  /**
   * The HTTP server (Fastify): its close stops accepting, ends the open streams in its preClose
   * hooks (notification streams, WebSockets, upload locks), waits for requests in flight, then runs
   * its onClose hooks. `server` lets a close that outlasts the grace cut the connections left.
   */
  http?: { close(): Promise<unknown>; server?: { closeAllConnections?(): void } };
  /** The in-process job runner: takes no more jobs, lets running ones finish in its grace time, hands back the rest. */
  runner?: { stop(): Promise<void> } | null;
  /** REDIS_URL's connection (several nodes): closed after the work that counts in it. */
  redis?: { close(): Promise<unknown> } | null;
  /** Closed last, once nothing uses it. */
  db: { close(): Promise<void> };
  log: { info(msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /**
   * How long requests in flight may take to finish (default 8 s: a container is killed 10 s after
   * SIGTERM by default). Connections still open then are cut; their clients retry elsewhere.
   */
  graceMs?: number;
}

export const SHUTDOWN_GRACE_MS = 8000;

/**
 * A SIGTERM handler's work (a balancer or systemd stopping a node), in this order:
 * 1. timers that start work stop (their runs in flight are awaited below);
 * 2. HTTP and the job runner wind down side by side: no new connections, new requests on open ones
 *    answered 503 (Fastify's return503OnClosing), notification streams and WebSockets ended so
 *    browsers reconnect to another node, upload locks handed back (the recorder resumes on another
 *    node at once), requests in flight answered within the grace; running jobs finish or go back
 *    to the queue with their lease released;
 * 3. Redis closes, after everything that counts or locks in it;
 * 4. the database closes, last.
 * Answers once however often it is called.
 */
export function gracefulShutdown(parts: ShutdownParts): () => Promise<void> {
  const graceMs = parts.graceMs ?? SHUTDOWN_GRACE_MS;
  let closing: Promise<void> | null = null;
  const failed = (err: unknown) => parts.log.error({ err }, 'shutdown step failed');
  return () => {
    closing ??= (async () => {
      parts.log.info('shutting down: finishing requests in flight and handing back running jobs');
      const starters = (parts.stopStarting ?? []).map((stop) => Promise.resolve().then(stop));
      const results = await Promise.allSettled([closeHttp(parts, graceMs), parts.runner?.stop(), ...starters]);
      for (const r of results) if (r.status === 'rejected') failed(r.reason);
      // Redis after the work that counts in it, the database last.
      await parts.redis?.close().catch(failed);
      await parts.db.close();
      parts.log.info('shut down');
    })();
    return closing;
  };
}

/** Fastify's close, bounded: past the grace, the connections still open are cut and close completes. */
async function closeHttp(parts: ShutdownParts, graceMs: number): Promise<void> {
  const http = parts.http;
  if (!http) return;
  const closed = http.close();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), graceMs); });
  try {
    if ((await Promise.race([closed, late])) === 'late') {
      parts.log.warn({ graceMs }, 'shutdown: requests still in flight after the grace; cutting their connections');
      http.server?.closeAllConnections?.();
    }
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
