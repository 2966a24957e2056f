import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '../redis/redis.js';

/**
 * How a broadcast event reaches the other nodes of a cluster. The bus publishes what it emits;
 * `subscribe` delivers what other nodes emitted (never this node's own: its handlers already ran).
 */
export interface EventTransport {
  publish(name: string, payload: unknown): Promise<void>;
  /** Resolves once listening; the answer stops it. */
  subscribe(deliver: (name: string, payload: unknown) => void): Promise<() => Promise<void>>;
}

/** Redis pub/sub on one channel per installation (`<prefix>events`), JSON messages tagged with the sending node. */
export function redisEventTransport(redis: RedisConnection, onError: (err: Error) => void = () => {}): EventTransport {
  const channel = `${redis.prefix}events`;
  const origin = randomBytes(8).toString('hex');
  return {
    async publish(name, payload) {
      await redis.client.publish(channel, JSON.stringify({ origin, name, payload }));
    },
    async subscribe(deliver) {
      const sub = redis.subscriber();
      sub.on('message', (ch: string, text: string) => {
        if (ch !== channel) return;
        try {
          const m = JSON.parse(text) as { origin: string; name: string; payload: unknown };
          if (m.origin !== origin) deliver(m.name, m.payload);
        } catch (err) {
          onError(err as Error);
        }
      });
      await sub.subscribe(channel);
      return async () => {
        await sub.unsubscribe(channel);
        sub.disconnect();
      };
    },
  };
}
