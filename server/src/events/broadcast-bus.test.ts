import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoRedisNodes } from '../test-support/test-redis.js';
import { createBroadcastBus } from './event-bus.js';
import { redisEventTransport } from './event-transport.js';

interface TestEvents {
  'inbox.changed': { payload: { userId: number }; reply: void };
  'lesson.ready': { payload: { id: number }; reply: void };
}

/** Two nodes' buses on one Redis (pub/sub): a broadcast event emitted on A reaches B's handlers. */
describe('events across nodes', () => {
  let redis: ReturnType<typeof twoRedisNodes>;

  beforeAll(() => {
    redis = twoRedisNodes();
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('runs B\'s handlers for a broadcast event emitted on A, once, and never re-runs A\'s own', async () => {
    const broadcast = ['inbox.changed'] as const;
    const a = createBroadcastBus<TestEvents>({ transport: redisEventTransport(redis.a), broadcast });
    const b = createBroadcastBus<TestEvents>({ transport: redisEventTransport(redis.b), broadcast });
    const stops = await Promise.all([a.listening, b.listening]);
    const heard: string[] = [];
    let arrived!: () => void;
    const onB = new Promise<void>((resolve) => { arrived = resolve; });
    a.on('inbox.changed', async ({ userId }) => { heard.push(`a:${userId}`); });
    b.on('inbox.changed', async ({ userId }) => { heard.push(`b:${userId}`); arrived(); });
    // Not broadcast: stays on the node that emitted it (its handlers write; once is enough).
    b.on('lesson.ready', async ({ id }) => { heard.push(`b:lesson${id}`); });
    await a.emit('lesson.ready', { id: 9 });
    await a.emit('inbox.changed', { userId: 7 });
    await onB;
    // And back: B's emit reaches A.
    const onA = new Promise<void>((resolve) => { a.on('inbox.changed', async ({ userId }) => { if (userId === 8) resolve(); }); });
    await b.emit('inbox.changed', { userId: 8 });
    await onA;
    expect(heard).toEqual(['a:7', 'b:7', 'b:8', 'a:8']);
    await Promise.all(stops.map((stop) => stop()));
  });
});
