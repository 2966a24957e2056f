import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the HTTP request (or job) whose work is running now. The HTTP layer enters it for each
 * request; the queue stores it with each job enqueued meanwhile, and the runner enters it again
 * while the job runs, so one id ties an upload's request to the log lines of its processing.
 */
const current = new AsyncLocalStorage<string>();

/** Runs `fn` (and everything it starts) as work of request `id`. */
export function withRequestId<T>(id: string, fn: () => T): T {
  return current.run(id, fn);
}

/** The request id of the work running now, if any. */
export function currentRequestId(): string | undefined {
  return current.getStore();
}
