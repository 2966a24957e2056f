import { Redis } from 'ioredis';

/**
 * The platform's Redis (REDIS_URL), shared by every API node and worker: rate-limit counters,
 * scheduled-work leases and cross-node events. Unset on one machine, where all three stay in the
 * process. Every key and channel starts with `prefix`, so two installations (or two test runs)
 * can share one Redis without reading each other's counters.
 */
export interface RedisConnection {
  /** Commands (counters, leases, publish). */
  client: Redis;
  /** A second connection of the same Redis for a subscriber: a subscribed connection takes no other commands. */
  subscriber(): Redis;
  prefix: string;
  close(): Promise<void>;
}

export function openRedis(url: string, opts: { prefix?: string; onError?: (err: Error) => void } = {}): RedisConnection {
  // A request fails within seconds when Redis is away, instead of queueing forever; ioredis reconnects by itself.
  const options = { connectTimeout: 5000, maxRetriesPerRequest: 1, enableAutoPipelining: true };
  // Connection errors are reported and retried, never thrown at the process (an unhandled 'error' would be).
  const watch = (c: Redis) => c.on('error', (err: Error) => opts.onError?.(err));
  const client = watch(new Redis(url, options));
  const subscribers: Redis[] = [];
  return {
    client,
    prefix: opts.prefix ?? 'sc:',
    subscriber() {
      const s = watch(new Redis(url, { ...options, enableAutoPipelining: false }));
      subscribers.push(s);
      return s;
    },
    async close() {
      await Promise.all([client, ...subscribers].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
