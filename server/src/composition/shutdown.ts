/** What a stopping process closes, in the order that loses nothing. */
export interface ShutdownParts {
  /** Timers and loops that only start new work (maintenance, demo recorders): stopped first. */
  stopStarting?: (() => void)[];
  /** The HTTP server: stops accepting and lets in-flight requests finish (Fastify's close). */
  http?: { close(): Promise<unknown> };
  /** The in-process job runner: takes no more jobs, lets running ones finish in its grace time, hands back the rest. */
  runner?: { stop(): Promise<void> } | null;
  /** REDIS_URL's connection (several nodes): closed after the work that counts in it. */
  redis?: { close(): Promise<unknown> } | null;
  /** Closed last, once nothing uses it. */
  db: { close(): Promise<void> };
  log: { info(msg: string): void; error(obj: object, msg: string): void };
}

/**
 * A SIGTERM handler's work (a balancer or systemd stopping a node): HTTP and the job runner wind
 * down side by side — requests in flight are answered, running jobs finish or go back to the
 * queue with their lease released, so another node takes them at once instead of after the lease
 * runs out — then the database closes. Answers once however often it is called.
 */
export function gracefulShutdown(parts: ShutdownParts): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= (async () => {
      parts.log.info('shutting down: finishing requests in flight and handing back running jobs');
      for (const stop of parts.stopStarting ?? []) stop();
      const results = await Promise.allSettled([parts.http?.close(), parts.runner?.stop()]);
      for (const r of results) if (r.status === 'rejected') parts.log.error({ err: r.reason }, 'shutdown step failed');
      // Redis after the work that counts in it, the database last.
      await parts.redis?.close().catch((err: unknown) => parts.log.error({ err }, 'shutdown step failed'));
      await parts.db.close();
    })();
    return closing;
  };
}
